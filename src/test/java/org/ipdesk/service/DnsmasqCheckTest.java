package org.ipdesk.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dnsmasq files pass {@code dnsmasq --test}: the configuration file through {@code conf-file=} with the hosts
 * file as {@code dhcp-hostsfile=}, and, since --test does not read a hosts file, each of its lines once more as a
 * {@code dhcp-host=} option (the same syntax).
 */
class DnsmasqCheckTest {
    @TempDir
    Path dir;

    @Test
    void sampleDatabasePassesDnsmasqTest() throws Exception {
        Path out = dir.resolve("sample-out");
        ServiceOutput output = CheckerTestSupport.export(CheckerTestSupport.sample(dir), ServiceTarget.DNSMASQ, out);
        assertThat(output.files()).extracting(ServiceFile::name).containsExactly("ipdesk-dhcp-hosts", "ipdesk-dnsmasq.conf");
        assertThat(output.files().get(1).content()).contains("dhcp-range=10.10.10.50,10.10.11.200,255.255.254.0");
        check(out);
    }

    @Test
    void labDatabasePassesDnsmasqTest() throws Exception {
        Path out = dir.resolve("lab-out");
        Path db = ServiceTestData.create(dir.resolve("lab.db"));
        ServiceOutput output = CheckerTestSupport.export(db, ServiceTarget.DNSMASQ, ServiceScope.network("lab"), out);
        assertThat(output.files().get(0).content()).contains("02:00:00:00:01:10,10.1.0.10,web-01\n",
                "02:00:00:00:01:12,10.1.0.12\n", "02:00:00:00:01:10,[2001:db8:1::10],web-01\n")
                .doesNotContain("10.1.0.20", "10.1.0.22", "bad_name");
        assertThat(output.files().get(1).content()).contains("host-record=web-01,10.1.0.10,2001:db8:1::10\n",
                "host-record=db-01.lab.example,10.1.0.11\n", "host-record=printer,10.1.0.20\n",
                "dhcp-range=2001:db8:1::100,2001:db8:1::1ff,64\n").doesNotContain("old-01", "bad_name", "WEB-01");
        check(out);
        // everything: the edge network's odd subnets, and its 10.6.0.0/24 in twin again (declared once)
        Path all = dir.resolve("all-out");
        CheckerTestSupport.export(db, ServiceTarget.DNSMASQ, all);
        check(all);
    }

    /** A negative control: a line with a MAC dnsmasq cannot read is refused. */
    @Test
    void theCheckerRefusesABrokenFile() throws Exception {
        Path out = Files.createDirectories(dir.resolve("broken"));
        Files.writeString(out.resolve("ipdesk-dnsmasq.conf"), "");
        Files.writeString(out.resolve("ipdesk-dhcp-hosts"), "02:00:zz:00:00:01,10.9.0.5,a\n");
        assertThat(run(out).exitCode()).isNotZero();
    }

    private void check(Path out) throws Exception {
        Checkers.Result result = run(out);
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("syntax check OK");
    }

    private Checkers.Result run(Path out) throws Exception {
        Path dnsmasq = Checkers.find("dnsmasq", "dnsmasq-base");
        Path run = Files.createTempDirectory(dir, "run-");
        Path hosts = out.resolve("ipdesk-dhcp-hosts").toAbsolutePath();
        StringBuilder config = new StringBuilder("port=0\nconf-file=" + out.resolve("ipdesk-dnsmasq.conf").toAbsolutePath()
                + "\ndhcp-hostsfile=" + hosts + "\n");
        List<String> lines = Files.readAllLines(hosts);
        for (String line : lines) {
            if (!line.isBlank() && !line.startsWith("#")) {
                config.append("dhcp-host=").append(line).append('\n');
            }
        }
        Path main = run.resolve("dnsmasq.conf");
        Files.writeString(main, config);
        return Checkers.run(run, Map.of(), dnsmasq.toString(), "--test", "--conf-file=" + main);
    }
}
