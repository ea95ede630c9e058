package org.ipdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;
import org.ipdesk.address.AddressOracle;
import org.ipdesk.address.RandomAddressText;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fault test of the command line's address arguments (issue 11): seeded random address and MAC text (see
 * {@link RandomAddressText}) as the CIDR, IP, gateway or MAC of the commands, against a temporary database. Every
 * run ends in exit 0; or exit 1 with exactly one line on stderr starting "ipdesk: " and nothing on stdout; or exit 2
 * (a usage error). No exception name or stack trace is ever printed. {@code calc} must also answer exactly when
 * the independent {@link AddressOracle} reads a CIDR, with the same block.
 */
class RandomArgumentsTest {
    private static final int CASES = 120;

    /** The commands an address argument goes into; {@code x} is the generated text. */
    private static final Function<String, String[]>[] COMMANDS = commands();

    @TempDir
    Path dir;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 42, 20261126})
    void generatedAddressArgumentsNeverEndInAStackTrace(long seed) {
        Cli cli = new Cli(dir.resolve("ipdesk-" + seed + ".db"));
        cli.ok("network", "add", "dc1");
        cli.ok("subnet", "add", "dc1", "10.1.1.0/24");
        cli.ok("subnet", "add", "dc1", "2001:db8::/64");
        cli.ok("ip", "reserve", "10.1.1.0/24", "10.1.1.5", "--hostname", "web-01", "--mac", "00:1a:2b:3c:4d:5e");
        Random random = new Random(seed);
        RandomAddressText inputs = new RandomAddressText(random);
        for (int i = 0; i < CASES; i++) {
            String x = random.nextInt(5) == 0 ? inputs.nextMac() : inputs.next();
            String context = "seed " + seed + " case " + i + " " + show(x);

            Cli.Result calc = Cli.raw("calc", x, "--json");
            check(context + ": calc", calc);
            Optional<AddressOracle.Block> block = AddressOracle.cidr(x);
            if (block.isPresent() != (calc.code() == 0)) {
                fail(context + ": calc answered " + calc.code() + " where the oracle reads " + block + "\n" + calc);
            }
            if (block.isPresent()) {
                JsonNode json = calc.json();
                AddressOracle.Value network = block.get().network();
                assertThat(json.get("version").asInt()).as(context).isEqualTo(network.version());
                assertThat(json.get("prefix_length").asInt()).as(context).isEqualTo(block.get().prefixLength());
                int bits = network.version() == 4 ? 32 : 128;
                assertThat(new BigInteger(json.get("total").asText())).as(context)
                        .isEqualTo(BigInteger.ONE.shiftLeft(bits - block.get().prefixLength()));
            }

            String[] command = COMMANDS[random.nextInt(COMMANDS.length)].apply(x);
            check(context + ": " + String.join(" ", command), cli.run(command));
        }
    }

    private static void check(String context, Cli.Result r) {
        for (String printed : new String[] {r.out(), r.err()}) {
            if (printed.contains("Exception") || printed.contains("\tat ") || printed.contains("at org.")
                    || printed.contains("at java.")) {
                fail(context + ": printed an exception\n" + r);
            }
        }
        switch (r.code()) {
            case 0 -> { }
            case 1 -> {
                if (!r.out().isEmpty() || !r.err().startsWith("ipdesk: ") || r.err().lines().count() != 1) {
                    fail(context + ": a refusal is one line on stderr starting 'ipdesk: ', nothing on stdout\n"
                            + show(r.err()) + "\n" + r);
                }
            }
            case 2 -> {
                if (!r.err().startsWith("ipdesk: ")) {
                    fail(context + ": a usage error starts 'ipdesk: '\n" + r);
                }
            }
            default -> fail(context + ": exit " + r.code() + "\n" + r);
        }
    }

    @SuppressWarnings("unchecked")
    private static Function<String, String[]>[] commands() {
        return new Function[] {
            x -> new String[] {"subnet", "add", "dc1", (String) x},
            x -> new String[] {"subnet", "add", "dc1", "10.2.0.0/16", "--gateway", (String) x},
            x -> new String[] {"subnet", "next-free", "dc1", (String) x, "--prefix", "28"},
            x -> new String[] {"range", "add", "10.1.1.0/24", (String) x, "10.1.1.20", "--kind", "reserved"},
            x -> new String[] {"ip", "reserve", "10.1.1.0/24", (String) x},
            x -> new String[] {"ip", "reserve", (String) x, "10.1.1.9"},
            x -> new String[] {"ip", "reserve", "10.1.1.0/24", "10.1.1.10", "--mac", (String) x},
            x -> new String[] {"ip", "next", (String) x},
            x -> new String[] {"ip", "block", (String) x, "--count", "2"},
            x -> new String[] {"ip", "pair", (String) x, "2001:db8::/64", "--hostname", "h1"},
            x -> new String[] {"ip", "release", "10.1.1.0/24", (String) x},
            x -> new String[] {"ip", "release", (String) x, "10.1.1.77"},
            x -> new String[] {"ip", "list", (String) x},
            x -> new String[] {"ip", "list", (String) x, "--json"},
            x -> new String[] {"find", (String) x},
            x -> new String[] {"find", (String) x, "--json"},
        };
    }

    /** Java escapes for anything outside printable ASCII, cut at 200. */
    private static String show(String text) {
        StringBuilder out = new StringBuilder("\"");
        text.chars().limit(200).forEach(c -> out.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\'
                ? String.valueOf((char) c) : String.format("\\u%04x", c)));
        return out.append(text.length() > 200 ? "\"... (" + text.length() + " chars)" : "\"").toString();
    }
}
