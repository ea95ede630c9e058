package org.ipdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.ipdesk.store.ContentSnapshot;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Address arguments of issue 11 (items 2, 3 and the address parts of 12) as an admin meets them on the command
 * line: a refusal is exit 1, one line on stderr that names the problem, nothing on stdout, the database unchanged.
 */
class AddressArgumentsTest {
    private static final String NL = System.lineSeparator();

    @TempDir
    Path dir;

    Path db;
    Cli cli;

    @BeforeEach
    void setUp() {
        db = dir.resolve("ipdesk.db");
        cli = new Cli(db);
        cli.ok("network", "add", "dc1");
        cli.ok("subnet", "add", "dc1", "10.1.1.0/24");
        cli.ok("ip", "reserve", "10.1.1.0/24", "10.1.1.5", "--hostname", "web-01");
    }

    /** Runs a command that must be refused; returns its one line on stderr. */
    private String refused(String... args) {
        String before = ContentSnapshot.of(db);
        Cli.Result r = cli.run(args);
        assertThat(r.code()).as(r.toString()).isEqualTo(1);
        assertThat(r.out()).as(r.toString()).isEmpty();
        assertThat(r.err()).as(r.toString()).startsWith("ipdesk: ").endsWith(NL)
                .doesNotContain("Exception", "\tat ");
        assertThat(r.err().lines()).as(r.toString()).hasSize(1);
        assertThat(ContentSnapshot.of(db)).as("database after " + String.join(" ", args)).isEqualTo(before);
        return r.err();
    }

    @Test
    void octalInsideIpv6IsRefused() {
        assertThat(refused("calc", "::ffff:010.1.1.0/120")).isEqualTo("ipdesk: '::ffff:010.1.1.0/120' is not a valid "
                + "CIDR: the IPv4 part has a leading zero (010); octal is not accepted" + NL);
        assertThat(refused("subnet", "add", "dc1", "64:ff9b::010.1.1.0/120")).isEqualTo("ipdesk: '64:ff9b::010.1.1.0/120' "
                + "is not a valid CIDR: the IPv4 part has a leading zero (010); octal is not accepted" + NL);
        assertThat(refused("calc", "2001:db8::00001/128")).isEqualTo("ipdesk: '2001:db8::00001/128' is not a valid CIDR: "
                + "a group has more than four hex digits (00001)" + NL);
    }

    @Test
    void aBarePrefixIsRefusedByEveryCommand() {
        String[][] commands = {
            {"calc", "/24"},
            {"calc", "/48"},
            {"subnet", "add", "dc1", "/48"},
            {"subnet", "add", "dc1", "/24"},
            {"subnet", "next-free", "dc1", "/24", "--prefix", "26"},
            {"range", "add", "/24", "10.1.1.10", "10.1.1.20", "--kind", "dhcp"},
            {"ip", "reserve", "/24", "10.1.1.7"},
            {"ip", "next", "/24"},
            {"ip", "list", "/24"},
            {"ip", "release", "/24", "10.1.1.5"},
            {"find", "/24"},
            {"find", "/0"},
        };
        for (String[] command : commands) {
            String bare = command[command[0].equals("subnet") ? 3 : command[0].equals("calc")
                    || command[0].equals("find") ? 1 : 2];
            assertThat(refused(command)).as(String.join(" ", command))
                    .isEqualTo("ipdesk: '" + bare + "' has no address before the prefix length" + NL);
        }
    }

    @Test
    void theCalculatorAnswersForSlashZero() {
        Cli.Result v4 = cli.run("calc", "0.0.0.0/0", "--json");
        assertThat(v4.code()).as(v4.toString()).isZero();
        JsonNode json = v4.json();
        assertThat(json.get("netmask").asText()).isEqualTo("0.0.0.0");
        assertThat(json.get("broadcast").asText()).isEqualTo("255.255.255.255");
        assertThat(json.get("total").asText()).isEqualTo("4294967296");
        assertThat(json.get("usable").asText()).isEqualTo("4294967294");

        Cli.Result v6 = cli.run("calc", "::/0");
        assertThat(v6.code()).as(v6.toString()).isZero();
        assertThat(v6.lines()).contains("CIDR:          ::/0", "Netmask:       ::",
                "Last usable:   ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff",
                "Total:         340282366920938463463374607431768211456");
    }

    @Test
    void aSlashZeroSubnetIsStillRefusedWithItsReason() {
        assertThat(refused("subnet", "add", "dc1", "0.0.0.0/0"))
                .isEqualTo("ipdesk: '0.0.0.0/0' is /0, the whole address space; give a longer prefix" + NL);
        assertThat(refused("subnet", "add", "dc1", "::/0"))
                .isEqualTo("ipdesk: '::/0' is /0, the whole address space; give a longer prefix" + NL);
    }

    @Test
    void aHostMaskIsNotTakenForANetmask() {
        String err = refused("calc", "10.1.1.0/0.0.0.255");
        assertThat(err).isEqualTo("ipdesk: '10.1.1.0/0.0.0.255' is not a valid CIDR: 0.0.0.255 is not a netmask (a "
                + "netmask has its one-bits first); as a host mask (wildcard) it means /24: write 10.1.1.0/24" + NL);
        assertThat(err).doesNotContain("0.0.0.0/32");
        assertThat(refused("ip", "reserve", "10.1.1.0/24", "10.1.1.0/0.0.0.255")).contains("0.0.0.255 is not a netmask");
    }

    @Test
    void broadcastAllZeroAndMulticastMacsAreNotHostMacs() {
        assertThat(refused("ip", "reserve", "10.1.1.0/24", "10.1.1.9", "--mac", "ff:ff:ff:ff:ff:ff"))
                .isEqualTo("ipdesk: the broadcast MAC address ff:ff:ff:ff:ff:ff is not a host's MAC" + NL);
        assertThat(refused("ip", "reserve", "10.1.1.0/24", "10.1.1.9", "--mac", "00-00-00-00-00-00"))
                .isEqualTo("ipdesk: the all-zero MAC address 00:00:00:00:00:00 is not a host's MAC" + NL);
        assertThat(refused("ip", "next", "10.1.1.0/24", "--mac", "01:00:5e:00:00:fb"))
                .contains("the multicast MAC address 01:00:5e:00:00:fb");
        // a wildcard inside bare hex used to end in a NullPointerException and its stack trace
        assertThat(refused("ip", "reserve", "10.1.1.0/24", "10.1.1.9", "--mac", "3d6f1b7*bc555d"))
                .isEqualTo("ipdesk: '3d6f1b7*bc555d' is not a MAC address (use e.g. 00:1a:2b:3c:4d:5e)" + NL);
    }

    @Test
    void findNormalisesAShortMacLikeReserveDoes() {
        cli.ok("ip", "reserve", "10.1.1.0/24", "10.1.1.6", "--hostname", "printer", "--mac", "a:b:c:d:e:f");
        for (String query : new String[] {"a:b:c:d:e:f", "0A:0B:0C:0D:0E:0F", "0a0b.0c0d.0e0f", "a-b-c-d-e-f"}) {
            JsonNode hits = cli.ok("find", query, "--json").json();
            assertThat(hits).as(query).hasSize(1);
            assertThat(hits.get(0).get("hostname").asText()).isEqualTo("printer");
            assertThat(hits.get(0).get("mac").asText()).isEqualTo("0a:0b:0c:0d:0e:0f");
        }
    }
}
