package org.ipdesk.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dhcpd files pass {@code dhcpd -t -cf} and {@code dhcpd -6 -t -cf} when included into a server configuration
 * ({@code include "…";}); lease and pid files are the test's own.
 */
class DhcpdCheckTest {
    @TempDir
    Path dir;

    @Test
    void sampleDatabasePassesDhcpdAndDhcpd6() throws Exception {
        Path out = dir.resolve("sample-out");
        ServiceOutput output = CheckerTestSupport.export(CheckerTestSupport.sample(dir), ServiceTarget.DHCPD, out);
        assertThat(output.files()).extracting(ServiceFile::name).containsExactly("ipdesk-dhcpd.conf", "ipdesk-dhcpd6.conf");
        assertThat(output.files().get(0).content()).contains("subnet 10.10.10.0 netmask 255.255.254.0 {",
                "  range 10.10.10.50 10.10.11.200;", "  option routers 10.10.10.1;", "host web-001 {");
        assertThat(output.files().get(1).content()).contains("subnet6 2001:db8:10:10::/64 {", "fixed-address6");
        check(out, false);
        check(out, true);
    }

    @Test
    void labDatabasePassesBoth() throws Exception {
        Path out = dir.resolve("lab-out");
        Path db = ServiceTestData.create(dir.resolve("lab.db"));
        ServiceOutput output = CheckerTestSupport.export(db, ServiceTarget.DHCPD, ServiceScope.network("lab"), out);
        String v4 = output.files().get(0).content();
        assertThat(v4).contains("host web-01 {\n  hardware ethernet 02:00:00:00:01:10;\n  fixed-address 10.1.0.10;\n"
                        + "  option host-name \"web-01\";\n}",
                // no name of its own (taken by 10.1.0.10): named after its address, and no host-name option
                "host ip-10-1-0-21 {\n  hardware ethernet 02:00:00:00:01:21;\n  fixed-address 10.1.0.21;\n}",
                "host db-01.lab.example {")
                .doesNotContain("10.1.0.20;", "10.1.0.22;", "10.1.0.30;", "10.1.0.150;", "10.2.200.5", "10.2.200.100",
                        "bad_name");
        assertThat(output.files().get(1).content())
                .contains("host web-01 {\n  hardware ethernet 02:00:00:00:01:10;\n  fixed-address6 2001:db8:1::10;\n}",
                        "  range6 2001:db8:1::100 2001:db8:1::1ff;");
        check(out, false);
        check(out, true);
        // everything: the edge network's odd subnets, and its 10.6.0.0/24 in twin again (declared once)
        Path all = dir.resolve("all-out");
        CheckerTestSupport.export(db, ServiceTarget.DHCPD, all);
        check(all, false);
        check(all, true);
    }

    /** A negative control: a misspelt statement is refused, so a pass means the file was read. */
    @Test
    void theCheckerRefusesABrokenFile() throws Exception {
        Path out = Files.createDirectories(dir.resolve("broken"));
        Files.writeString(out.resolve("ipdesk-dhcpd.conf"), "subnet 10.9.0.0 netmask 255.255.255.0 {\n"
                + "  range 10.9.0.10;\n  rnage 10.9.0.20 10.9.0.30;\n}\n");
        assertThat(run(out, false).exitCode()).isNotZero();
    }

    private void check(Path out, boolean six) throws Exception {
        Checkers.Result result = run(out, six);
        assertThat(result.exitCode()).as(result.output()).isZero();
    }

    private Checkers.Result run(Path out, boolean six) throws Exception {
        Path dhcpd = Checkers.find("dhcpd", "isc-dhcp-server");
        Path run = Files.createTempDirectory(dir, six ? "run6-" : "run4-");
        Path included = out.resolve(six ? "ipdesk-dhcpd6.conf" : "ipdesk-dhcpd.conf").toAbsolutePath();
        Path config = run.resolve("dhcpd.conf");
        Files.writeString(config, "authoritative;\ninclude \"" + included + "\";\n");
        Path leases = Files.createFile(run.resolve("dhcpd.leases"));
        return six
                ? Checkers.run(run, Map.of(), dhcpd.toString(), "-6", "-t", "-cf", config.toString(),
                        "-lf", leases.toString(), "-pf", run.resolve("dhcpd.pid").toString())
                : Checkers.run(run, Map.of(), dhcpd.toString(), "-t", "-cf", config.toString(),
                        "-lf", leases.toString(), "-pf", run.resolve("dhcpd.pid").toString());
    }
}
