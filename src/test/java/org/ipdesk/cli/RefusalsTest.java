package org.ipdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ipdesk.store.ContentSnapshot;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Refused commands exit 1 with one line on stderr; usage errors exit 2. Either way nothing is printed on stdout
 * and the database is exactly as it was: every table row (ContentSnapshot, including the change log) and what
 * the list commands show.
 */
class RefusalsTest {
    @TempDir
    Path dir;

    Path db;
    Cli cli;

    @BeforeEach
    void setUp() {
        db = dir.resolve("ipdesk.db");
        cli = new Cli(db);
        cli.ok("network", "add", "dc1");
        cli.ok("network", "add", "lab");
        cli.ok("subnet", "add", "dc1", "10.0.0.0/24", "--gateway", "10.0.0.1");
        cli.ok("subnet", "add", "lab", "10.0.0.0/24");
        cli.ok("subnet", "add", "dc1", "10.9.0.0/30");
        cli.ok("subnet", "add", "dc1", "2001:db8::/64");
        cli.ok("subnet", "add", "dc1", "2001:db8:ffff::/127");
        cli.ok("range", "add", "10.0.0.0/24", "10.0.0.100", "10.0.0.199", "--kind", "dhcp", "--network", "dc1");
        cli.ok("ip", "reserve", "10.0.0.0/24", "10.0.0.5", "--network", "dc1", "--hostname", "web-01");
        cli.ok("ip", "next", "10.9.0.0/30", "--count", "2", "--hostname", "link");
        cli.ok("ip", "next", "2001:db8:ffff::/127", "--count", "2", "--hostname", "link");
    }

    /** What the database holds, through the CLI's own listings and row by row. */
    private String state() {
        StringBuilder all = new StringBuilder(ContentSnapshot.of(db));
        for (String[] listing : new String[][] {
                {"network", "list", "--json"},
                {"subnet", "list", "--json"},
                {"find", "10.0.0.0/8", "--json"},
                {"find", "2001:db8::/32", "--json"}}) {
            all.append(cli.ok(listing).out());
        }
        return all.toString();
    }

    /** The state every refusal of a test must leave, taken once (refusals change nothing). */
    private String expected;

    private Cli.Result refused(int expectedCode, String... args) {
        if (expected == null) {
            expected = state();
        }
        String before = expected;
        Cli.Result r = cli.run(args);
        assertThat(r.code()).as(r.toString()).isEqualTo(expectedCode);
        assertThat(r.out()).as("stdout of a refused command").isEmpty();
        assertThat(r.err()).startsWith("ipdesk: ").doesNotContain("\tat ", "Exception");
        assertThat(state()).as("database after " + String.join(" ", args)).isEqualTo(before);
        return r;
    }

    @Test
    void hostBitsSetNamesTheFix() {
        assertThat(refused(1, "subnet", "add", "dc1", "10.0.0.7/24").err())
                .contains("did you mean 10.0.0.0/24?");
        assertThat(refused(1, "ip", "next", "10.0.0.9/24", "--network", "dc1").err())
                .contains("did you mean 10.0.0.0/24?");
    }

    @Test
    void addressInUseNamesTheHolder() {
        assertThat(refused(1, "ip", "reserve", "10.0.0.0/24", "10.0.0.5", "--network", "dc1").err())
                .isEqualTo("ipdesk: 10.0.0.5 is already allocated to web-01" + System.lineSeparator());
    }

    @Test
    void addressOutsideTheSubnet() {
        assertThat(refused(1, "ip", "reserve", "10.0.0.0/24", "10.0.1.5", "--network", "dc1").err())
                .contains("10.0.1.5 is outside 10.0.0.0/24 in dc1");
    }

    @Test
    void unusableAddress() {
        assertThat(refused(1, "ip", "reserve", "10.0.0.0/24", "10.0.0.255", "--network", "lab").err())
                .contains("10.0.0.255 is the broadcast address of 10.0.0.0/24");
    }

    @Test
    void addressInADhcpRange() {
        assertThat(refused(1, "ip", "reserve", "10.0.0.0/24", "10.0.0.150", "--network", "dc1").err())
                .contains("lies in the DHCP pool 10.0.0.100-10.0.0.199");
    }

    @Test
    void exhaustedSubnet() {
        assertThat(refused(1, "ip", "next", "10.9.0.0/30").err())
                .contains("10.9.0.0/30 in dc1 has no free address left");
        assertThat(refused(1, "ip", "block", "10.0.0.0/24", "--network", "lab", "--count", "300").err())
                .contains("10.0.0.0/24 in lab has 254 free addresses; 300 were asked for");
    }

    @Test
    void severalAddressesAreAllOrNothing() {
        // 10.0.0.0/24 in lab has 254 usable addresses; 255 cannot all be taken, so none is
        assertThat(refused(1, "ip", "next", "10.0.0.0/24", "--network", "lab", "--count", "255").err())
                .contains("10.0.0.0/24 in lab has 254 free addresses; 255 were asked for");
    }

    @Test
    void dualStackPairIsAllOrNothing() {
        // the IPv4 address is taken first, then the IPv6 subnet turns out full: the IPv4 one is given back
        assertThat(refused(1, "ip", "pair", "10.0.0.0/24", "2001:db8:ffff::/127", "--network", "dc1",
                "--hostname", "db-01").err())
                .contains("2001:db8:ffff::/127 in dc1 has no free address left");
        assertThat(refused(1, "ip", "pair", "10.9.0.0/30", "2001:db8::/64", "--hostname", "db-01").err())
                .contains("10.9.0.0/30 in dc1 has no free address left");
        assertThat(refused(1, "ip", "pair", "2001:db8::/64", "10.9.0.0/30", "--hostname", "db-01").err())
                .contains("2001:db8::/64 is not an IPv4 subnet");
    }

    @Test
    void unknownNetwork() {
        assertThat(refused(1, "subnet", "add", "nowhere", "10.1.0.0/24").err())
                .isEqualTo("ipdesk: there is no network named 'nowhere'" + System.lineSeparator());
        assertThat(refused(1, "subnet", "list", "nowhere").err()).contains("there is no network named 'nowhere'");
        assertThat(refused(1, "usage", "nowhere").err()).contains("there is no network named 'nowhere'");
        assertThat(refused(1, "ip", "next", "10.0.0.0/24", "--network", "nowhere").err())
                .contains("there is no network named 'nowhere'");
    }

    @Test
    void unknownSubnet() {
        assertThat(refused(1, "ip", "next", "172.16.0.0/24").err()).contains("there is no subnet 172.16.0.0/24");
        assertThat(refused(1, "ip", "release", "10.0.0.0/24", "10.0.0.6", "--network", "dc1").err())
                .contains("10.0.0.6 is not held in 10.0.0.0/24 in dc1");
    }

    @Test
    void ambiguousCidrNeedsTheNetwork() {
        assertThat(refused(1, "ip", "next", "10.0.0.0/24").err())
                .contains("10.0.0.0/24 exists in networks 'dc1', 'lab'; choose one with --network");
        assertThat(refused(1, "ip", "list", "10.0.0.0/24").err()).contains("choose one with --network");
        assertThat(refused(1, "range", "add", "10.0.0.0/24", "10.0.0.10", "10.0.0.20", "--kind", "reserved").err())
                .contains("choose one with --network");
        // with the network it works
        assertThat(cli.ok("ip", "next", "10.0.0.0/24", "--network", "lab").lines()).containsExactly("10.0.0.1");
    }

    @Test
    void badValues() {
        assertThat(refused(1, "ip", "reserve", "10.9.0.0/30", "10.9.0.1", "--mac", "00:1a:2b").err())
                .contains("'00:1a:2b' is not a MAC address");
        assertThat(refused(1, "ip", "next", "10.0.0.0/24", "--network", "lab", "--status", "busy").err())
                .contains("'busy' is not an address status (allocated, reserved, dhcp or deprecated)");
        assertThat(refused(1, "ip", "next", "10.0.0.0/24", "--network", "lab", "--strategy", "last").err())
                .contains("'last' is not a strategy");
        assertThat(refused(1, "range", "add", "10.0.0.0/24", "10.0.0.10", "10.0.0.20", "--kind", "pool",
                "--network", "lab").err()).contains("'pool' is not a range kind (dhcp or reserved)");
        assertThat(refused(1, "ip", "next", "10.0.0.0/24", "--network", "lab", "--hostname", "bad_name").err())
                .contains("host name 'bad_name'");
        assertThat(refused(1, "ip", "reserve", "10.0.0.0/24", "10.0.0.300", "--network", "lab").err())
                .contains("'10.0.0.300' is not a valid IP address");
        assertThat(refused(1, "subnet", "add", "dc1", "10.2.0.0/24", "--vlan", "5000").err())
                .contains("VLAN 5000 is out of range");
        assertThat(refused(1, "ip", "next", "10.0.0.0/24", "--network", "lab", "--count", "0").err())
                .contains("at least 1");
    }

    @Test
    void conflicts() {
        assertThat(refused(1, "network", "add", "dc1").err()).contains("a network named 'dc1' already exists");
        assertThat(refused(1, "subnet", "add", "dc1", "10.0.0.0/24").err())
                .contains("10.0.0.0/24 already exists in network 'dc1'");
        assertThat(refused(1, "range", "add", "10.0.0.0/24", "10.0.0.150", "10.0.0.160", "--kind", "reserved",
                "--network", "dc1").err()).contains("overlaps the dhcp range 10.0.0.100-10.0.0.199");
        assertThat(refused(1, "subnet", "next-free", "dc1", "10.9.0.0/30", "--prefix", "31").err())
                .contains("no free /31 block is left");
    }

    @Test
    void usageErrorsExitTwo() {
        Cli.Result unknownOption = refused(2, "ip", "next", "10.0.0.0/24", "--bogus");
        assertThat(unknownOption.err()).contains("Unknown option: '--bogus'").contains("ipdesk ip next --help");
        assertThat(refused(2, "ip", "reserve", "10.0.0.0/24").err()).contains("Missing required parameter: 'IP'");
        assertThat(refused(2, "ip", "next", "10.9.0.0/30", "--count", "x").err())
                .contains("Invalid value for option '--count': 'x' is not a whole number (digits 0-9 only)");
        assertThat(refused(2, "range", "add", "10.0.0.0/24", "10.0.0.10", "10.0.0.20").err())
                .contains("Missing required option: '--kind=dhcp|reserved'");
        assertThat(refused(2, "ip", "block", "10.0.0.0/24").err()).contains("Missing required option: '--count=N'");
        assertThat(refused(2, "ip", "pair", "10.9.0.0/30", "2001:db8::/64").err()).contains("'--hostname=H'");
        assertThat(refused(2, "subnet", "next-free", "dc1", "10.9.0.0/30").err()).contains("'--prefix=N'");
        assertThat(refused(2, "subnet", "add", "dc1", "10.2.0.0/24", "--vlan", "ten").err())
                .contains("'ten' is not a whole number (digits 0-9 only)");
        assertThat(refused(2, "ip", "nxt", "10.0.0.0/24").err()).contains("Did you mean: ip next?");
        assertThat(refused(2, "ip").err()).contains("choose an ip command");
        assertThat(refused(2).err()).contains("choose a command");
        assertThat(refused(2, "network", "add", "x", "--db").err()).contains("Missing required parameter for option '--db'");
    }

    @Test
    void aTextFileIsNotADatabase() throws Exception {
        Path text = dir.resolve("notes.txt");
        Files.writeString(text, "10.0.0.5 web-01\n", StandardCharsets.UTF_8);
        byte[] before = Files.readAllBytes(text);
        for (String[] args : new String[][] {{"network", "list"}, {"network", "add", "x"}, {"usage", "--json"}}) {
            String[] all = new String[args.length + 2];
            all[0] = "--db";
            all[1] = text.toString();
            System.arraycopy(args, 0, all, 2, args.length);
            Cli.Result r = Cli.raw(all);
            assertThat(r.code()).as(r.toString()).isEqualTo(1);
            assertThat(r.out()).isEmpty();
            assertThat(r.err()).startsWith("ipdesk: ").contains("not an IPDesk database").doesNotContain("\tat ");
        }
        assertThat(Files.readAllBytes(text)).isEqualTo(before);
        assertThat(dir.resolve("notes.txt-wal")).doesNotExist();
    }
}
