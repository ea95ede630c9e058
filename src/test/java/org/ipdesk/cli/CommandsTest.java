package org.ipdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.time.Instant;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.store.Location;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One test per command, through {@link IpDeskCli#run} on a temporary database. */
class CommandsTest {
    @TempDir
    Path dir;

    Cli cli;

    @BeforeEach
    void setUp() {
        cli = new Cli(dir.resolve("ipdesk.db"));
        Allocator.open(Location.of(dir.resolve("ipdesk.db"))).close(); // an empty database, as the window leaves it
    }

    @Test
    void aMissingDatabaseIsRefusedByEveryCommandButNetworkAdd() {
        Path typo = dir.resolve("ipdesk-typo.db");
        for (String[] command : new String[][] {{"network", "list"}, {"subnet", "list"}, {"usage"}, {"find", "web"},
                {"ip", "list", "10.0.0.0/24"}, {"ip", "next", "10.0.0.0/24"}}) {
            List<String> args = new ArrayList<>(List.of("--db", typo.toString()));
            args.addAll(List.of(command));
            Cli.Result result = Cli.raw(args.toArray(String[]::new));
            assertThat(result.code()).as(String.join(" ", command)).isEqualTo(1);
            assertThat(result.err()).contains("there is no database at " + typo.toAbsolutePath());
            assertThat(typo).doesNotExist();
        }
        assertThat(Cli.raw("--db", typo.toString(), "network", "add", "dc1").code()).isZero();
        assertThat(typo).exists();
    }

    @Test
    void networkAdd() {
        Cli.Result r = cli.ok("network", "add", "dc1", "--description", "Main data centre");
        assertThat(r.out()).isEqualTo("Created network 'dc1'" + System.lineSeparator());
        assertThat(r.err()).isEmpty();
    }

    @Test
    void networkList() {
        cli.ok("network", "add", "dc1", "--description", "Main data centre");
        cli.ok("network", "add", "lab");
        cli.ok("subnet", "add", "dc1", "10.0.0.0/24");
        cli.ok("subnet", "add", "dc1", "10.0.1.0/24");

        assertThat(cli.ok("network", "list").lines()).containsExactly(
                "NAME  SUBNETS  DESCRIPTION",
                "dc1         2  Main data centre",
                "lab         0");

        JsonNode json = cli.ok("network", "list", "--json").json();
        assertThat(json.isArray()).isTrue();
        assertThat(json).hasSize(2);
        assertThat(json.get(0).get("name").asText()).isEqualTo("dc1");
        assertThat(json.get(0).get("description").asText()).isEqualTo("Main data centre");
        assertThat(json.get(0).get("subnets").isNumber()).isTrue();
        assertThat(json.get(0).get("subnets").asInt()).isEqualTo(2);
        assertThat(json.get(1).get("subnets").asInt()).isZero();
    }

    @Test
    void emptyListsSaySo() {
        assertThat(cli.ok("network", "list").out().strip()).isEqualTo("No networks.");
        assertThat(cli.ok("network", "list", "--json").json()).isEmpty();
        assertThat(cli.ok("subnet", "list").out().strip()).isEqualTo("No subnets.");
    }

    @Test
    void subnetAdd() {
        cli.ok("network", "add", "dc1");
        assertThat(cli.ok("subnet", "add", "dc1", "10.0.0.0/16", "--name", "core").out().strip())
                .isEqualTo("Created subnet 10.0.0.0/16 in dc1");
        assertThat(cli.ok("subnet", "add", "dc1", "10.0.1.0/24", "--gateway", "10.0.1.1", "--vlan", "10",
                "--name", "servers", "--description", "rack 4").out().strip())
                .isEqualTo("Created subnet 10.0.1.0/24 in dc1 inside 10.0.0.0/16");
    }

    @Test
    void subnetList() {
        cli.ok("network", "add", "dc1");
        cli.ok("network", "add", "lab");
        cli.ok("subnet", "add", "dc1", "10.0.0.0/16", "--name", "core");
        cli.ok("subnet", "add", "dc1", "10.0.1.0/24", "--gateway", "10.0.1.1", "--vlan", "10", "--name", "servers");
        cli.ok("subnet", "add", "lab", "192.168.0.0/24");

        assertThat(cli.ok("subnet", "list").lines()).containsExactly(
                "NETWORK  CIDR            NAME     VLAN  GATEWAY   PARENT       DESCRIPTION",
                "dc1      10.0.0.0/16     core",
                "dc1        10.0.1.0/24   servers    10  10.0.1.1  10.0.0.0/16",
                "lab      192.168.0.0/24");
        assertThat(cli.ok("subnet", "list", "lab").lines()).hasSize(2).last().asString().startsWith("lab");

        JsonNode json = cli.ok("subnet", "list", "dc1", "--json").json();
        assertThat(json).hasSize(2);
        JsonNode core = json.get(0);
        assertThat(core.get("network").asText()).isEqualTo("dc1");
        assertThat(core.get("cidr").asText()).isEqualTo("10.0.0.0/16");
        assertThat(core.get("name").asText()).isEqualTo("core");
        assertThat(core.get("vlan").isNull()).isTrue();
        assertThat(core.get("gateway").isNull()).isTrue();
        assertThat(core.get("parent").isNull()).isTrue();
        JsonNode servers = json.get(1);
        assertThat(servers.get("vlan").isNumber()).isTrue();
        assertThat(servers.get("vlan").asInt()).isEqualTo(10);
        assertThat(servers.get("gateway").asText()).isEqualTo("10.0.1.1");
        assertThat(servers.get("parent").asText()).isEqualTo("10.0.0.0/16");
    }

    @Test
    void subnetNextFree() {
        cli.ok("network", "add", "dc1");
        cli.ok("subnet", "add", "dc1", "10.0.0.0/16");
        cli.ok("subnet", "add", "dc1", "10.0.0.0/24");
        Cli.Result r = cli.ok("subnet", "next-free", "dc1", "10.0.0.0/16", "--prefix", "24", "--name", "next");
        assertThat(r.lines()).containsExactly("10.0.1.0/24");
        JsonNode created = cli.ok("subnet", "list", "--json").json().get(2);
        assertThat(created.get("cidr").asText()).isEqualTo("10.0.1.0/24");
        assertThat(created.get("name").asText()).isEqualTo("next");
        assertThat(created.get("parent").asText()).isEqualTo("10.0.0.0/16");
    }

    @Test
    void rangeAdd() {
        cli.ok("network", "add", "dc1");
        cli.ok("subnet", "add", "dc1", "10.0.0.0/24");
        assertThat(cli.ok("range", "add", "10.0.0.0/24", "10.0.0.100", "10.0.0.199", "--kind", "dhcp",
                "--description", "pool").out().strip())
                .isEqualTo("Added dhcp range 10.0.0.100-10.0.0.199 to 10.0.0.0/24 in dc1");
        assertThat(cli.ok("range", "add", "10.0.0.0/24", "10.0.0.1", "10.0.0.9", "--kind", "RESERVED").out().strip())
                .isEqualTo("Added reserved range 10.0.0.1-10.0.0.9 to 10.0.0.0/24 in dc1");
        // automatic allocation skips both ranges
        assertThat(cli.ok("ip", "next", "10.0.0.0/24").lines()).containsExactly("10.0.0.10");
    }

    @Test
    void ipReserve() {
        cli.ok("network", "add", "dc1");
        cli.ok("subnet", "add", "dc1", "10.0.0.0/24");
        Cli.Result r = cli.ok("ip", "reserve", "10.0.0.0/24", "10.0.0.5", "--hostname", "web-01",
                "--mac", "00-1A-2B-3C-4D-5E", "--owner", "ops", "--description", "front");
        assertThat(r.out().strip()).isEqualTo("10.0.0.5 is now allocated to web-01 in 10.0.0.0/24 in dc1");

        JsonNode a = cli.ok("ip", "list", "10.0.0.0/24", "--json").json().get(0);
        assertThat(a.get("status").asText()).as("the default status of reserve").isEqualTo("allocated");
        assertThat(a.get("mac").asText()).isEqualTo("00:1a:2b:3c:4d:5e");

        cli.ok("ip", "reserve", "10.0.0.0/24", "10.0.0.6", "--status", "reserved");
        assertThat(cli.ok("ip", "list", "10.0.0.0/24", "--json").json().get(1).get("status").asText())
                .isEqualTo("reserved");
    }

    @Test
    void ipNextPrintsOneAddressPerLine() {
        cli.ok("network", "add", "dc1");
        cli.ok("subnet", "add", "dc1", "10.0.0.0/24", "--gateway", "10.0.0.1");
        Cli.Result r = cli.ok("ip", "next", "10.0.0.0/24", "--count", "3", "--hostname", "app", "--owner", "team");
        assertThat(r.lines()).containsExactly("10.0.0.2", "10.0.0.3", "10.0.0.4");
        assertThat(r.err()).isEmpty();

        Cli.Result random = cli.ok("ip", "next", "10.0.0.0/24", "--strategy", "random", "--count", "2");
        assertThat(random.lines()).hasSize(2).allMatch(line -> line.matches("10\\.0\\.0\\.\\d+"))
                .doesNotContain("10.0.0.0", "10.0.0.1", "10.0.0.2", "10.0.0.3", "10.0.0.4", "10.0.0.255");
        assertThat(cli.ok("ip", "list", "10.0.0.0/24", "--json").json()).hasSize(5);
    }

    @Test
    void ipBlockTakesAContiguousRun() {
        cli.ok("network", "add", "dc1");
        cli.ok("subnet", "add", "dc1", "10.0.0.0/24");
        cli.ok("ip", "reserve", "10.0.0.0/24", "10.0.0.3");
        Cli.Result r = cli.ok("ip", "block", "10.0.0.0/24", "--count", "4", "--owner", "storage");
        assertThat(r.lines()).containsExactly("10.0.0.4", "10.0.0.5", "10.0.0.6", "10.0.0.7");
    }

    @Test
    void ipPairTakesOneAddressOfEachVersion() {
        cli.ok("network", "add", "dc1");
        cli.ok("subnet", "add", "dc1", "10.0.0.0/24");
        cli.ok("subnet", "add", "dc1", "2001:db8::/64");
        Cli.Result r = cli.ok("ip", "pair", "10.0.0.0/24", "2001:db8::/64", "--hostname", "db-01");
        assertThat(r.lines()).containsExactly("10.0.0.1", "2001:db8::1");
        JsonNode hits = cli.ok("find", "db-01", "--json").json();
        assertThat(hits).hasSize(2);
        assertThat(hits.findValuesAsText("hostname")).containsOnly("db-01");
    }

    @Test
    void ipRelease() {
        cli.ok("network", "add", "dc1");
        cli.ok("subnet", "add", "dc1", "10.0.0.0/24");
        cli.ok("ip", "reserve", "10.0.0.0/24", "10.0.0.5", "--hostname", "web-01");
        assertThat(cli.ok("ip", "release", "10.0.0.0/24", "10.0.0.5").out().strip())
                .isEqualTo("Released 10.0.0.5 in 10.0.0.0/24 in dc1 (was allocated to web-01)");
        assertThat(cli.ok("ip", "list", "10.0.0.0/24", "--json").json()).isEmpty();
        assertThat(cli.ok("ip", "list", "10.0.0.0/24").out().strip()).isEqualTo("No addresses held in 10.0.0.0/24.");
    }

    @Test
    void ipListShowsEveryField() {
        cli.ok("network", "add", "dc1");
        cli.ok("subnet", "add", "dc1", "10.0.0.0/24");
        cli.ok("ip", "reserve", "10.0.0.0/24", "10.0.0.10", "--hostname", "web-01", "--mac", "001a.2b3c.4d5e",
                "--owner", "ops", "--description", "front end");
        cli.ok("ip", "reserve", "10.0.0.0/24", "10.0.0.9", "--status", "deprecated");

        Cli.Result text = cli.ok("ip", "list", "10.0.0.0/24");
        assertThat(text.lines()).hasSize(3);
        assertThat(text.lines().get(0)).isEqualTo("IP         STATUS      HOSTNAME  MAC                OWNER  DESCRIPTION  UPDATED");
        assertThat(text.lines().get(1)).startsWith("10.0.0.9   deprecated");
        assertThat(text.lines().get(2)).startsWith("10.0.0.10  allocated   web-01    00:1a:2b:3c:4d:5e  ops    front end");

        JsonNode json = cli.ok("ip", "list", "10.0.0.0/24", "--json").json();
        assertThat(json).hasSize(2);
        JsonNode bare = json.get(0);
        assertThat(bare.get("ip").asText()).isEqualTo("10.0.0.9");
        assertThat(bare.get("mac").isNull()).isTrue();
        assertThat(bare.get("hostname").asText()).isEmpty();
        JsonNode web = json.get(1);
        assertThat(web.get("ip").asText()).isEqualTo("10.0.0.10");
        assertThat(web.get("subnet").asText()).isEqualTo("10.0.0.0/24");
        assertThat(web.get("network").asText()).isEqualTo("dc1");
        assertThat(web.get("status").asText()).isEqualTo("allocated");
        assertThat(web.get("hostname").asText()).isEqualTo("web-01");
        assertThat(web.get("mac").asText()).isEqualTo("00:1a:2b:3c:4d:5e");
        assertThat(web.get("owner").asText()).isEqualTo("ops");
        assertThat(web.get("description").asText()).isEqualTo("front end");
        Instant created = Instant.parse(web.get("created_at").asText());
        Instant updated = Instant.parse(web.get("updated_at").asText());
        assertThat(created).isBeforeOrEqualTo(updated).isAfter(Instant.now().minusSeconds(600));
    }

    @Test
    void find() {
        cli.ok("network", "add", "dc1");
        cli.ok("network", "add", "lab");
        cli.ok("subnet", "add", "dc1", "10.0.0.0/24");
        cli.ok("subnet", "add", "lab", "10.0.0.0/24");
        cli.ok("ip", "reserve", "10.0.0.0/24", "10.0.0.5", "--network", "dc1", "--hostname", "web-01");
        cli.ok("ip", "reserve", "10.0.0.0/24", "10.0.0.5", "--network", "lab", "--hostname", "web-lab",
                "--mac", "00:1a:2b:3c:4d:5e");

        Cli.Result text = cli.ok("find", "web");
        assertThat(text.lines()).hasSize(3);
        assertThat(text.lines().get(0)).startsWith("NETWORK  SUBNET       IP        STATUS     HOSTNAME");
        assertThat(text.lines().get(1)).startsWith("dc1      10.0.0.0/24  10.0.0.5  allocated  web-01");
        assertThat(text.lines().get(2)).startsWith("lab      10.0.0.0/24  10.0.0.5  allocated  web-lab");

        JsonNode byIp = cli.ok("find", "10.0.0.5", "--json").json();
        assertThat(byIp.findValuesAsText("network")).containsExactlyInAnyOrder("dc1", "lab");
        JsonNode byMac = cli.ok("find", "001A2B3C4D5E", "--json").json();
        assertThat(byMac).hasSize(1);
        assertThat(byMac.get(0).get("hostname").asText()).isEqualTo("web-lab");
        assertThat(byMac.get(0).get("subnet").asText()).isEqualTo("10.0.0.0/24");
        assertThat(byMac.get(0).has("created_at")).isTrue();

        assertThat(cli.ok("find", "nothing-like-this").out().strip()).isEqualTo("No address matches 'nothing-like-this'.");
        assertThat(cli.ok("find", "nothing-like-this", "--json").json()).isEmpty();
    }

    @Test
    void aFindThatMatchesNothingEchoesALongQueryCutShortOnOneLine() {
        cli.ok("network", "add", "dc1");
        String pasted = "b".repeat(20_000);

        String said = cli.ok("find", pasted).out();

        assertThat(said.lines()).hasSize(1);
        assertThat(said.strip()).startsWith("No address matches 'bbbb").endsWith("...' (20,000 characters).")
                .hasSizeLessThan(120);
        assertThat(cli.ok("find", "web\u001b[2J\\x").out().strip())
                .isEqualTo("No address matches 'web\\u001b[2J\\\\x'.");
    }

    @Test
    void usage() {
        cli.ok("network", "add", "dc1");
        cli.ok("network", "add", "empty");
        cli.ok("subnet", "add", "dc1", "10.0.0.0/24", "--gateway", "10.0.0.1");
        cli.ok("range", "add", "10.0.0.0/24", "10.0.0.200", "10.0.0.249", "--kind", "dhcp");
        cli.ok("ip", "next", "10.0.0.0/24", "--count", "10");
        cli.ok("ip", "reserve", "10.0.0.0/24", "10.0.0.100", "--status", "deprecated");
        cli.ok("subnet", "add", "dc1", "2001:db8::/64");

        Cli.Result text = cli.ok("usage");
        assertThat(text.lines()).containsExactly(
                // counts as the window writes them: an IPv6 /64 has 2^64 − 1 usable addresses (JSON keeps the digits)
                "NETWORK  SUBNET           USABLE  ALLOCATED  RESERVED  DHCP  DEPRECATED      FREE    USED",
                "dc1      10.0.0.0/24         254         10         1    50           1       192  24.41%",
                "dc1      2001:db8::/64  2^64 \u2212 1          0         0     0           0  2^64 \u2212 1   0.00%",
                "",
                "Totals per network (sum of top-level subnets):",
                "NETWORK  USABLE  ALLOCATED  RESERVED  DHCP  DEPRECATED   FREE   USED",
                "dc1       ~2^64         10         1    50           1  ~2^64  0.00%",
                "empty         0          0         0     0           0      0  0.00%");

        JsonNode json = cli.ok("usage", "dc1", "--json").json();
        JsonNode v4 = json.get("subnets").get(0);
        assertThat(v4.get("network").asText()).isEqualTo("dc1");
        assertThat(v4.get("cidr").asText()).isEqualTo("10.0.0.0/24");
        assertThat(v4.get("usable").isTextual()).isTrue();
        assertThat(v4.get("usable").asText()).isEqualTo("254");
        assertThat(v4.get("allocated").asText()).isEqualTo("10");
        assertThat(v4.get("reserved").asText()).isEqualTo("1");
        assertThat(v4.get("dhcp").asText()).isEqualTo("50");
        assertThat(v4.get("deprecated").asText()).isEqualTo("1");
        assertThat(v4.get("free").asText()).isEqualTo("192");
        assertThat(v4.get("percent").isNumber()).isTrue();
        assertThat(v4.get("percent").decimalValue()).isEqualByComparingTo("24.41");
        assertThat(cli.ok("usage", "dc1", "--json").out()).contains("\"percent\": 24.41").contains("\"percent\": 0.00");
        assertThat(json.get("subnets")).hasSize(2);
        assertThat(json.get("networks")).hasSize(1);
        JsonNode dc1 = json.get("networks").get(0);
        assertThat(dc1.get("network").asText()).isEqualTo("dc1");
        assertThat(dc1.get("usable").asText()).isEqualTo("18446744073709551869");
        assertThat(dc1.has("cidr")).isFalse();
    }

    @Test
    void usageOfNestedSubnetsIndentsChildren() {
        cli.ok("network", "add", "dc1");
        cli.ok("subnet", "add", "dc1", "10.0.0.0/16");
        cli.ok("subnet", "add", "dc1", "10.0.1.0/24");
        cli.ok("ip", "next", "10.0.1.0/24", "--count", "2");
        assertThat(cli.ok("usage").lines()).element(2).asString().startsWith("dc1        10.0.1.0/24");
    }

    @Test
    void databaseOptionWorksAfterTheCommandToo() {
        Path other = dir.resolve("other.db");
        assertThat(Cli.raw("network", "add", "late", "--db", other.toString()).code()).isZero();
        assertThat(Cli.raw("network", "list", "--json", "--db", other.toString()).json().get(0).get("name").asText())
                .isEqualTo("late");
        assertThat(cli.ok("network", "list", "--json").json()).isEmpty();
    }

    @Test
    void helpAndVersion() {
        Cli.Result help = Cli.raw("--help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("Usage: ipdesk", "calc", "network", "subnet", "range", "ip", "find", "usage",
                "Exit codes:");
        Cli.Result reserve = Cli.raw("ip", "reserve", "--help");
        assertThat(reserve.code()).isZero();
        assertThat(reserve.out()).contains("Its status is allocated unless --status says otherwise");
        assertThat(Cli.raw("--version").out()).startsWith("IPDesk");
    }
}
