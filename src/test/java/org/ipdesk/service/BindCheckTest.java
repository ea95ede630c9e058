package org.ipdesk.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.ipdesk.address.Cidr;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.model.AddressStatus;
import org.ipdesk.model.Subnet;
import org.ipdesk.model.SubnetSpec;
import org.ipdesk.store.Location;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every zone file of a BIND export loads in BIND's own checker ({@code named-checkzone -k fail}): the forward zone,
 * in-addr.arpa zones per /24, RFC 2317 zones (a /26, a /28, a /31 and a /32) with their parent's delegation lines, and
 * ip6.arpa zones (a /64, and a /56 at its nibble boundary).
 */
class BindCheckTest {
    static final Clock DAY = Clock.fixed(Instant.parse("2026-11-28T09:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    /** The lab database plus a branch network with a /26 and a /28 of its own (no /24 around them). */
    static Path labWithBranch(Path dir) throws Exception {
        Path db = ServiceTestData.create(dir.resolve("lab.db"));
        try (Allocator allocator = Allocator.open(Location.of(db))) {
            allocator.createNetwork("branch", "");
            Subnet small = allocator.createSubnet("branch", SubnetSpec.of(Cidr.parse("192.0.2.64/26")));
            ServiceTestData.hold(allocator, small, "192.0.2.70", AddressStatus.ALLOCATED, "branch-gw", null);
            ServiceTestData.hold(allocator, small, "192.0.2.71", AddressStatus.RESERVED, "branch-nas.lab.example", null);
            Subnet tiny = allocator.createSubnet("branch", SubnetSpec.of(Cidr.parse("198.51.100.16/28")));
            ServiceTestData.hold(allocator, tiny, "198.51.100.17", AddressStatus.ALLOCATED, "vpn", null);
        }
        return db;
    }

    static ServiceOutput export(Path db, ServiceScope scope, BindSettings settings) throws Exception {
        try (Allocator allocator = Allocator.open(Location.of(db))) {
            ServiceOutput output = BindExport.prepare(allocator, scope, settings, DAY);
            Files.createDirectories(settings.folder());
            ServiceExports.write(allocator, output, settings.folder());
            return output;
        }
    }

    @Test
    void everyZoneOfTheLabLoadsWithDefaultsAndWithNameServerAndHostmasterGiven() throws Exception {
        Path db = labWithBranch(dir);
        for (BindSettings settings : List.of(
                BindSettings.of("lab.example", "", "", 3600, dir.resolve("defaults")),
                BindSettings.of("lab.example.", "ns1.example.net", "dns-admin@example.net", 300,
                        dir.resolve("given")))) {
            ServiceOutput output = export(db, ServiceScope.everything(), settings);
            List<String> checked = ZoneChecker.assertEveryZoneLoads(output, settings.folder());
            assertThat(checked).containsExactly(
                    "lab.example",
                    "0.1.10.in-addr.arpa",
                    "1.2.10.in-addr.arpa",
                    "200.2.10.in-addr.arpa",
                    "0-1.0.3.10.in-addr.arpa",
                    "0.3.10.in-addr.arpa (with 0-1.0.3.10.in-addr.arpa.delegation)",
                    "7-7.1.3.10.in-addr.arpa",
                    "1.3.10.in-addr.arpa (with 7-7.1.3.10.in-addr.arpa.delegation)",
                    "0.6.10.in-addr.arpa",
                    "64-127.2.0.192.in-addr.arpa",
                    "2.0.192.in-addr.arpa (with 64-127.2.0.192.in-addr.arpa.delegation)",
                    "16-31.100.51.198.in-addr.arpa",
                    "100.51.198.in-addr.arpa (with 16-31.100.51.198.in-addr.arpa.delegation)",
                    "0.0.0.0.1.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa",
                    "0.0.3.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa");
            // named.conf's part: every zone statement names its file, and every zone loads through it
            Path checkconf = Checkers.find("named-checkconf", "bind9-utils");
            Checkers.Result conf = Checkers.run(settings.folder(), java.util.Map.of(), checkconf.toString(), "-z",
                    settings.folder().resolve(BindZones.NAMED_CONF).toString());
            assertThat(conf.exitCode()).as(conf.output()).isZero();
            assertThat(conf.output()).contains("zone 64-127.2.0.192.in-addr.arpa/IN: loaded serial 20261128");
        }
    }

    @Test
    void everyZoneOfTheSampleDatabaseLoads() throws Exception {
        Path db = CheckerTestSupport.sample(dir);
        BindSettings settings = BindSettings.of("corp.example", "", "", 3600, dir.resolve("zones"));
        ServiceOutput output = export(db, ServiceScope.everything(), settings);
        List<String> checked = ZoneChecker.assertEveryZoneLoads(output, settings.folder());
        assertThat(checked).contains("corp.example").anyMatch(z -> z.endsWith(".in-addr.arpa"))
                .anyMatch(z -> z.endsWith(".ip6.arpa"));
    }

    @Test
    void theCheckerRefusesAZoneWithAnInvalidOwnerNameSoItsVerdictMeansSomething() throws Exception {
        Path zone = dir.resolve("bad.zone");
        Files.writeString(zone, "$ORIGIN lab.example.\n$TTL 3600\n"
                + "@ IN SOA localhost. hostmaster.lab.example. ( 1 3600 900 1209600 300 )\n"
                + "@ IN NS localhost.\nbad_name IN A 10.1.0.13\n");
        Checkers.Result result = ZoneChecker.check("lab.example", zone);
        assertThat(result.exitCode()).isNotZero();
        assertThat(result.output()).contains("bad owner name");
    }
}
