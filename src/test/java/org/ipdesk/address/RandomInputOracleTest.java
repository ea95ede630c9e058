package org.ipdesk.address;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fault test of address parsing (issue 11): seeded random text (a failure replays with its seed and case)
 * goes through {@link Ip#parse} and {@link Cidr#parse} and through {@link AddressOracle}, an independent reading
 * of the RFC text forms. On every input both accept with the same value or both refuse; a refusal is an
 * {@link InvalidAddressException} (nothing else may escape) whose message is one short line.
 */
class RandomInputOracleTest {
    private static final int CASES = 6_000;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 42, 20261126})
    void parsingAgreesWithTheOracle(long seed) {
        RandomAddressText inputs = new RandomAddressText(new Random(seed));
        int acceptedIps = 0;
        int acceptedCidrs = 0;
        for (int i = 0; i < CASES; i++) {
            String text = inputs.next();
            String context = "seed " + seed + " case " + i + " " + show(text);
            if (checkIp(text, context)) {
                acceptedIps++;
            }
            if (checkCidr(text, context)) {
                acceptedCidrs++;
            }
        }
        // the generator must reach both sides, or the comparison says little
        assertThat(acceptedIps).as("addresses accepted, seed " + seed).isGreaterThan(CASES / 40);
        assertThat(acceptedCidrs).as("CIDRs accepted, seed " + seed).isGreaterThan(CASES / 10);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 42, 20261126})
    void macParsingAgreesWithTheOracleOnTheUsualNotations(long seed) {
        RandomAddressText inputs = new RandomAddressText(new Random(seed));
        int hosts = 0;
        for (int i = 0; i < CASES / 3; i++) {
            String text = i % 4 == 3 ? inputs.next() : inputs.nextMac();
            String context = "seed " + seed + " case " + i + " " + show(text);
            Optional<byte[]> expected = AddressOracle.mac(text);
            Optional<Mac> any = readMac(() -> Mac.parseNotation(text), context);
            Optional<Mac> host = readMac(() -> Mac.parse(text), context);
            if (expected.isPresent()) {
                StringBuilder canonical = new StringBuilder();
                for (byte b : expected.get()) {
                    canonical.append(canonical.length() == 0 ? "" : ":").append(String.format("%02x", b & 0xff));
                }
                if (any.isEmpty() || !any.get().canonical().contentEquals(canonical)) {
                    fail(context + " is MAC " + canonical + " but Mac.parseNotation read " + any);
                }
                byte[] bytes = expected.get();
                boolean allOnes = true;
                boolean allZero = true;
                for (byte b : bytes) {
                    allOnes &= b == (byte) 0xff;
                    allZero &= b == 0;
                }
                boolean hostMac = !allOnes && !allZero && (bytes[0] & 1) == 0;
                if (host.isPresent() != hostMac) {
                    fail(context + ": Mac.parse " + (host.isPresent() ? "accepted" : "refused") + " " + canonical);
                }
                hosts += hostMac ? 1 : 0;
            }
            // whatever notation was read, the canonical form reads back to itself
            any.ifPresent(mac -> assertThat(Mac.parseNotation(mac.canonical())).as(context).isEqualTo(mac));
            if (host.isPresent() && any.isEmpty()) {
                fail(context + ": a host MAC that is not a MAC");
            }
        }
        assertThat(hosts).as("host MACs accepted, seed " + seed).isGreaterThan(CASES / 30);
    }

    private static Optional<Mac> readMac(java.util.function.Supplier<Mac> parser, String context) {
        try {
            return Optional.of(parser.get());
        } catch (InvalidAddressException e) {
            checkMessage(e, context);
            return Optional.empty();
        } catch (RuntimeException e) {
            throw new AssertionError(context + ": MAC parsing threw " + e, e);
        }
    }

    @Test
    void theOracleReadsTheRfcExamples() {
        // RFC 4291 section 2.2 and RFC 5952 section 4
        assertThat(AddressOracle.ip("ABCD:EF01:2345:6789:ABCD:EF01:2345:6789")).isPresent();
        assertThat(AddressOracle.ip("2001:DB8:0:0:8:800:200C:417A")).isEqualTo(AddressOracle.ip("2001:DB8::8:800:200C:417A"));
        assertThat(AddressOracle.ip("FF01::101")).isPresent();
        assertThat(AddressOracle.ip("::1")).isPresent();
        assertThat(AddressOracle.ip("::")).isPresent();
        assertThat(AddressOracle.ip("0:0:0:0:0:0:13.1.68.3")).isEqualTo(AddressOracle.ip("::13.1.68.3"));
        assertThat(AddressOracle.ip("::FFFF:129.144.52.38")).isPresent();
        assertThat(AddressOracle.ip("1:2:3:4:5:6:7::")).isPresent();
        assertThat(AddressOracle.ip("2001:db8::00001")).isEmpty();
        assertThat(AddressOracle.ip("1:2:3:4::5:6:7:8")).isEmpty();
        assertThat(AddressOracle.ip("::ffff:010.1.1.0")).isEmpty();
        assertThat(AddressOracle.ip("010.1.1.0")).isEmpty();
        assertThat(AddressOracle.ip("1\u0660.0.0.1")).isEmpty();
        // RFC 4291 section 2.3
        assertThat(AddressOracle.cidr("2001:0DB8:0000:CD30:0000:0000:0000:0000/60")).isPresent();
        assertThat(AddressOracle.cidr("2001:0DB8:0:CD30::/60")).isEqualTo(AddressOracle.cidr("2001:DB8:0:CD30::/60"));
        assertThat(AddressOracle.cidr("2001:0DB8:0:CD3/60")).isEmpty();
        assertThat(AddressOracle.cidr("2001:0DB8::CD30/60")).isEmpty();
        assertThat(AddressOracle.cidr("10.0.0.0/255.255.0.0")).isEqualTo(AddressOracle.cidr("10.0.0.0/16"));
        assertThat(AddressOracle.cidr("10.0.0.0/0.0.255.255")).isEmpty();
        assertThat(AddressOracle.cidr("0.0.0.0/0")).isPresent();
        assertThat(AddressOracle.cidr("/24")).isEmpty();
        assertThat(AddressOracle.mac("00-1A-2B-3C-4D-5E")).hasValueSatisfying(b -> assertThat(b).hasSize(6));
        assertThat(AddressOracle.mac("a:b:c:d:e:f")).hasValueSatisfying(b -> assertThat(b[5]).isEqualTo((byte) 15));
        assertThat(AddressOracle.mac("001a.2b3c.4d5e")).hasValueSatisfying(b -> assertThat(b)
                .containsExactly(AddressOracle.mac("001a2b3c4d5e").orElseThrow()));
        assertThat(AddressOracle.mac("00:1a-2b:3c:4d:5e")).isEmpty();
    }

    /** Whether the text was accepted as an address; fails the test on any disagreement. */
    private static boolean checkIp(String text, String context) {
        Optional<AddressOracle.Value> expected = AddressOracle.ip(text);
        Ip parsed;
        try {
            parsed = Ip.parse(text);
        } catch (InvalidAddressException e) {
            if (expected.isPresent()) {
                fail(context + " was refused by Ip.parse (" + e.getMessage() + ") but the oracle reads " + expected.get());
            }
            checkMessage(e, context);
            return false;
        } catch (RuntimeException e) {
            throw new AssertionError(context + ": Ip.parse threw " + e, e);
        }
        if (expected.isEmpty()) {
            fail(context + " was accepted by Ip.parse as " + parsed + " but the oracle refuses it");
        }
        if (parsed.version().number() != expected.get().version() || !parsed.value().equals(expected.get().value())) {
            fail(context + " was read by Ip.parse as " + parsed + " but by the oracle as " + expected.get());
        }
        return true;
    }

    private static boolean checkCidr(String text, String context) {
        Optional<AddressOracle.Block> expected = AddressOracle.cidr(text);
        Cidr parsed;
        try {
            parsed = Cidr.parse(text);
        } catch (InvalidAddressException e) {
            if (expected.isPresent()) {
                fail(context + " was refused by Cidr.parse (" + e.getMessage() + ") but the oracle reads " + expected.get());
            }
            checkMessage(e, context);
            return false;
        } catch (RuntimeException e) {
            throw new AssertionError(context + ": Cidr.parse threw " + e, e);
        }
        if (expected.isEmpty()) {
            fail(context + " was accepted by Cidr.parse as " + parsed + " but the oracle refuses it");
        }
        AddressOracle.Value network = expected.get().network();
        if (parsed.version().number() != network.version() || !parsed.network().value().equals(network.value())
                || parsed.prefixLength() != expected.get().prefixLength()) {
            fail(context + " was read by Cidr.parse as " + parsed + " but by the oracle as " + expected.get());
        }
        return true;
    }

    /** One short line, nothing a terminal would act on. */
    private static void checkMessage(InvalidAddressException e, String context) {
        String message = e.getMessage();
        if (message == null || message.isBlank() || message.length() >= 400) {
            fail(context + ": a refusal needs a short message, not " + (message == null ? null : show(message)));
        }
        message.codePoints().forEach(c -> {
            int type = Character.getType(c);
            if (type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR || type == Character.SURROGATE) {
                fail(context + ": the message has U+" + Integer.toHexString(c) + ": " + show(message));
            }
        });
    }

    /** The input as a failure shows it: Java escapes for anything outside printable ASCII, cut at 200. */
    static String show(String text) {
        StringBuilder out = new StringBuilder("\"");
        text.chars().limit(200).forEach(c -> out.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\'
                ? String.valueOf((char) c) : String.format("\\u%04x", c)));
        return out.append(text.length() > 200 ? "\"... (" + text.length() + " chars)" : "\"").toString();
    }
}
