package org.ipdesk.address;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Property tests: random IPv4 and IPv6 CIDRs (seeded, so a failure can be replayed), each checked against
 * an independent computation done on raw bytes and java.net.InetAddress, without the ipaddress library.
 */
class AddressMathPropertyTest {
    private static final int CASES = 2_000;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 42, 20261126})
    void randomCidrsAgreeWithByteArithmetic(long seed) throws UnknownHostException {
        Random random = new Random(seed);
        for (int i = 0; i < CASES; i++) {
            boolean v6 = random.nextBoolean();
            byte[] raw = new byte[v6 ? 16 : 4];
            random.nextBytes(raw);
            int bits = raw.length * 8;
            int prefix = 1 + random.nextInt(bits);
            boolean clearHostBits = random.nextInt(3) > 0;
            byte[] network = masked(raw, prefix);
            byte[] given = clearHostBits ? network : raw;
            String text = InetAddress.getByAddress(given).getHostAddress() + "/" + prefix;
            String context = "seed " + seed + " case " + i + ": " + text;

            if (!Arrays.equals(given, network)) {
                String expected = InetAddress.getByAddress(network).getHostAddress();
                assertThatThrownBy(() -> Cidr.parse(text)).as(context)
                        .isInstanceOf(InvalidAddressException.class)
                        .satisfies(e -> {
                            String suggestion = e.getMessage().replaceAll(".*did you mean (.*)/\\d+\\?$", "$1");
                            assertThat(InetAddress.getByName(suggestion).getAddress()).as(context)
                                    .isEqualTo(InetAddress.getByName(expected).getAddress());
                        });
                continue;
            }
            Cidr cidr = Cidr.parse(text);
            assertThat(cidr.first().toBytes()).as(context).isEqualTo(network);
            assertThat(cidr.prefixLength()).as(context).isEqualTo(prefix);
            byte[] last = lastOf(network, prefix);
            assertThat(cidr.last().toBytes()).as(context).isEqualTo(last);
            BigInteger total = BigInteger.ONE.shiftLeft(bits - prefix);
            assertThat(cidr.total()).as(context).isEqualTo(total);

            // Python's ipaddress.hosts(): /31, /32 (v4) and /127, /128 (v6) whole; else v4 loses both ends, v6 the first
            boolean whole = v6 ? prefix >= 127 : prefix >= 31;
            BigInteger first = new BigInteger(1, network);
            BigInteger lastValue = new BigInteger(1, last);
            BigInteger firstUsable = whole ? first : first.add(BigInteger.ONE);
            BigInteger lastUsable = whole || v6 ? lastValue : lastValue.subtract(BigInteger.ONE);
            assertThat(cidr.firstUsable().value()).as(context).isEqualTo(firstUsable);
            assertThat(cidr.lastUsable().value()).as(context).isEqualTo(lastUsable);
            assertThat(cidr.usableCount()).as(context).isEqualTo(lastUsable.subtract(firstUsable).add(BigInteger.ONE));
            assertThat(cidr.broadcast().isPresent()).as(context).isEqualTo(!v6);

            // the netmask has exactly prefix leading ones
            byte[] mask = masked(filled(raw.length), prefix);
            assertThat(cidr.netmask().toBytes()).as(context).isEqualTo(mask);

            // a random address: containment and usability agree with byte comparison
            byte[] probe = new byte[raw.length];
            random.nextBytes(probe);
            if (random.nextBoolean()) {
                System.arraycopy(network, 0, probe, 0, prefix / 8);
            }
            Ip ip = Ip.fromBytes(probe);
            BigInteger value = new BigInteger(1, probe);
            boolean inside = Arrays.equals(masked(probe, prefix), network);
            assertThat(cidr.contains(ip)).as(context + " contains " + ip).isEqualTo(inside);
            boolean usable = inside && value.compareTo(firstUsable) >= 0 && value.compareTo(lastUsable) <= 0;
            assertThat(cidr.isUsable(ip)).as(context + " usable " + ip).isEqualTo(usable);

            // the canonical text parses back (through InetAddress too) to the same bytes
            assertThat(InetAddress.getByName(cidr.first().toString()).getAddress()).as(context).isEqualTo(network);
        }
    }

    private static byte[] masked(byte[] address, int prefix) {
        byte[] out = address.clone();
        for (int bit = prefix; bit < out.length * 8; bit++) {
            out[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
        }
        return out;
    }

    private static byte[] lastOf(byte[] network, int prefix) {
        byte[] out = network.clone();
        for (int bit = prefix; bit < out.length * 8; bit++) {
            out[bit / 8] |= (byte) (0x80 >>> (bit % 8));
        }
        return out;
    }

    private static byte[] filled(int length) {
        byte[] out = new byte[length];
        Arrays.fill(out, (byte) 0xff);
        return out;
    }
}
