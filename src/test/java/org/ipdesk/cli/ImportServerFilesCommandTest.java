package org.ipdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.ipdesk.store.ContentSnapshot;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ipdesk import} of Kea, dhcpd, dnsmasq and BIND files: detected by content, or named with --layout. */
class ImportServerFilesCommandTest {
    @TempDir
    Path dir;
    private Path db;
    private Cli cli;

    @BeforeEach
    void database() {
        db = dir.resolve("ipdesk.db");
        cli = new Cli(db);
        cli.ok("network", "add", "lab");
        cli.ok("subnet", "add", "lab", "10.0.0.0/24");
        cli.ok("subnet", "add", "lab", "2001:db8:1::/64");
    }

    private String file(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file.toString();
    }

    @Test
    void keaConfigurationIsImported() throws Exception {
        String kea = file("kea-dhcp4.conf", """
                // Kea
                { "Dhcp4": { "subnet4": [ { "id": 1, "subnet": "10.0.0.0/24", "reservations": [
                    { "hw-address": "aa:bb:cc:00:00:05", "ip-address": "10.0.0.5", "hostname": "web01" },
                    { "hw-address": "aa:bb:cc:00:00:06", "ip-address": "10.0.0.6", "hostname": "web02" } ] } ] } }
                """);
        Cli.Result result = cli.ok("import", kea);
        assertThat(result.out()).contains("Preview of kea-dhcp4.conf (layout kea): 2 entries: 2 new, 0 unchanged, "
                + "0 conflicts, 0 errors").contains("Imported kea-dhcp4.conf: 0 networks, 0 subnets, 0 ranges, 2 addresses");
        assertThat(cli.ok("ip", "list", "10.0.0.0/24").out()).contains("10.0.0.5", "web01", "aa:bb:cc:00:00:05",
                "reserved", "10.0.0.6", "web02");
        // the same file again: nothing to do
        assertThat(cli.ok("import", kea).out()).contains("Nothing to import: all 2 entries of kea-dhcp4.conf are in "
                + "the database as they are");
    }

    @Test
    void dhcpdV6HostsAreImported() throws Exception {
        String dhcpd = file("dhcpd6.conf", """
                host nas01 {
                  hardware ethernet aa:bb:cc:00:00:40;
                  fixed-address6 2001:db8:1::40;
                }
                """);
        assertThat(cli.ok("import", dhcpd).out()).contains("(layout dhcpd): 1 entry: 1 new")
                .contains("Imported dhcpd6.conf: 0 networks, 0 subnets, 0 ranges, 1 address");
        assertThat(cli.ok("find", "nas01").out()).contains("2001:db8:1::40");
    }

    @Test
    void dnsmasqHostsFileIsImportedAndAMacLessOneWithTheLayoutGiven() throws Exception {
        String hosts = file("hosts", "aa:bb:cc:00:00:07,10.0.0.7,print01,24h\n");
        assertThat(cli.ok("import", hosts).out()).contains("(layout dnsmasq): 1 entry: 1 new");
        assertThat(cli.ok("find", "print01").out()).contains("10.0.0.7");
        String bare = file("bare-hosts", "print02,10.0.0.8\n");
        Cli.Result refused = cli.run("import", bare);
        assertThat(refused.code()).isEqualTo(1);
        assertThat(refused.err()).contains("matches no layout; give one with --layout (ipdesk, netbox-prefixes, ");
        assertThat(cli.ok("import", bare, "--layout", "dnsmasq").out()).contains("(layout dnsmasq): 1 entry: 1 new");
        assertThat(cli.ok("import", bare, "--layout", "dnsmasq").lines()).last().isEqualTo("Nothing to import: the one "
                + "entry of " + java.nio.file.Path.of(bare).getFileName() + " is in the database as it is; nothing was "
                + "written.");
    }

    @Test
    void bindZoneProblemsAreListedByLineAndNothingIsWritten() throws Exception {
        String zone = file("example.com.zone", """
                $ORIGIN example.com.
                $TTL 3600
                @     IN SOA ns1 hostmaster 1 7200 3600 1209600 3600
                web01 IN A    10.0.0.5
                web01 IN AAAA 2001:db8:1::5
                far   IN A    192.0.2.10
                $INCLUDE /etc/passwd
                """);
        String before = ContentSnapshot.of(db);
        Cli.Result result = cli.run("import", zone);
        assertThat(result.code()).as(result.toString()).isEqualTo(1);
        assertThat(result.out()).contains("(layout bind): 4 entries: 2 new, 0 unchanged, 0 conflicts, 2 errors")
                .contains("line 6: error: no subnet holds 192.0.2.10")
                .contains("line 7: error: $INCLUDE '/etc/passwd' is not followed");
        assertThat(result.err()).contains("refused and nothing was written").contains("line 6: error");
        assertThat(ContentSnapshot.of(db)).isEqualTo(before);
    }

    @Test
    void helpNamesTheServerLayouts() {
        assertThat(Cli.raw("import", "--help").out().replaceAll("\\s+", " ")).contains("kea, dhcpd, dnsmasq or bind")
                .contains("Kea's reservations");
    }
}
