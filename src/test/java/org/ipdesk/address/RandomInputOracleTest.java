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
