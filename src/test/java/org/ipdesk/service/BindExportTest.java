package org.ipdesk.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.store.Location;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.Master;
import org.xbill.DNS.Name;
import org.xbill.DNS.PTRRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.ReverseMap;
import org.xbill.DNS.SOARecord;

/** What a BIND export writes, read back with dnsjava; its problems; and the SOA serials it chooses and keeps. */
class BindExportTest {
    private static final Clock NOV_28 = Clock.fixed(Instant.parse("2026-11-28T09:00:00Z"), ZoneOffset.UTC);
    private static final Clock NOV_29 = Clock.fixed(Instant.parse("2026-11-29T09:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private Path db;
    private Path folder;

    @BeforeEach
    void setUp() throws Exception {
        db = BindCheckTest.labWithBranch(dir);
        folder = Files.createDirectories(dir.resolve("zones"));
    }

    private BindSettings settings() {
        return BindSettings.of("lab.example", "", "", 3600, folder);
    }

    private ServiceOutput prepare(BindSettings settings, Clock clock) {
        try (Allocator allocator = Allocator.open(Location.of(db))) {
            return BindExport.prepare(allocator, ServiceScope.everything(), settings, clock);
        }
    }

    private ServiceOutput export(Clock clock) throws Exception {
        try (Allocator allocator = Allocator.open(Location.of(db))) {
            ServiceOutput output = BindExport.prepare(allocator, ServiceScope.everything(), settings(), clock);
            ServiceExports.write(allocator, output, folder);
            return output;
        }
    }

    private static List<Record> records(ServiceFile file) throws Exception {
        Name origin = BindExport.head(file.content()).zone();
        List<Record> records = new ArrayList<>();
        try (Master master = new Master(new ByteArrayInputStream(file.content().getBytes(StandardCharsets.UTF_8)),
                origin)) {
            for (Record r = master.nextRecord(); r != null; r = master.nextRecord()) {
                records.add(r);
            }
        }
        return records;
    }

    private static ServiceFile file(ServiceOutput output, String name) {
        return output.files().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }

    private long serialOf(String zoneFile) throws Exception {
        return BindExport.head(Files.readString(folder.resolve(zoneFile))).serial().value();
    }

    @Test
    void readBackTheForwardZoneHasEveryNamedAddressAndTheReverseZonesTheSamePairs() throws Exception {
        ServiceOutput output = prepare(settings(), NOV_28);
        TreeSet<String> forward = new TreeSet<>();
        TreeSet<String> reverse = new TreeSet<>();
        for (ServiceFile f : output.files()) {
            if (!f.name().endsWith(".zone")) {
                continue;
            }
            for (Record r : records(f)) {
                if (r instanceof ARecord a) {
                    forward.add(r.getName() + " " + a.getAddress().getHostAddress());
                } else if (r instanceof AAAARecord a) {
                    forward.add(r.getName() + " " + Ip(a.getAddress().getHostAddress()));
                } else if (r instanceof PTRRecord ptr) {
                    Name owner = r.getName();
                    if (owner.getLabelString(1).contains("-")) {
                        // RFC 2317: OCTET.FIRST-LAST.C.B.A.in-addr.arpa stands for OCTET.C.B.A.in-addr.arpa
                        owner = Name.concatenate(new Name(owner.getLabelString(0)), new Name(owner, 2));
                    }
                    reverse.add(ptr.getTarget() + " " + Ip(ReverseMap.fromName(owner).getHostAddress()));
                }
            }
        }
        assertThat(forward).containsExactly(
                "branch-gw.lab.example. 192.0.2.70",
                "branch-nas.lab.example. 192.0.2.71",
                "child-01.lab.example. 10.2.1.5",
                "db-01.lab.example. 10.1.0.11",
                "db6-01.lab.example. 2001:db8:1::11",
                "dup-mac.lab.example. 10.1.0.22",
                "edge-twin.lab.example. 10.6.0.10",
                "eui64-host.lab.example. 10.3.1.7",
                "outer-01.lab.example. 10.2.200.5",
                "p2p-a.lab.example. 10.3.0.0",
                "printer.lab.example. 10.1.0.20",
                "twin-01.lab.example. 10.6.0.11",
                "vpn.lab.example. 198.51.100.17",
                "web-01.lab.example. 10.1.0.10",
                "web-01.lab.example. 2001:db8:1::10",
                "wide-01.lab.example. 2001:db8:3::5");
        assertThat(reverse).isEqualTo(forward);
        // the deprecated address, the one without a name, the invalid name and the second WEB-01 are not there
        assertThat(output.problems()).extracting(ServiceProblem::kind, p -> p.address().toString())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(ServiceProblem.Kind.INVALID_HOST_NAME, "10.1.0.13"),
                        org.assertj.core.groups.Tuple.tuple(ServiceProblem.Kind.DUPLICATE_NAME, "10.1.0.21"));
    }

    private static String Ip(String text) {
        return org.ipdesk.address.Ip.parse(text).toString();
    }

    @Test
    void aNameOutsideTheZoneIsAProblemAndLeftOutWithAMessageSayingWhatToDo() {
        ServiceOutput output = prepare(BindSettings.of("example.com", "", "", 3600, folder), NOV_28);
        assertThat(output.problems()).filteredOn(p -> p.kind() == ServiceProblem.Kind.OUTSIDE_ZONE)
                .extracting(ServiceProblem::message).containsExactly(
                        "10.1.0.11: the host name db-01.lab.example is a full name outside the zone example.com, so"
                                + " it is left out of the zone files (write it as db-01 to put it in example.com, or"
                                + " export its own zone with --zone lab.example)",
                        "192.0.2.71: the host name branch-nas.lab.example is a full name outside the zone"
                                + " example.com, so it is left out of the zone files (write it as branch-nas to put it"
                                + " in example.com, or export its own zone with --zone lab.example)");
        String forward = file(output, "example.com.zone").content();
        assertThat(forward).contains("web-01\tIN\tA\t10.1.0.10\n").doesNotContain("db-01").doesNotContain("10.1.0.11");
        assertThat(file(output, "0.1.10.in-addr.arpa.zone").content()).doesNotContain("\n11\t");
    }

    @Test
    void defaultsAreMarkedChangeMeAndGivenValuesAreNot() {
        String withDefaults = file(prepare(settings(), NOV_28), "lab.example.zone").content();
        assertThat(withDefaults).contains("@\tIN\tSOA\tlocalhost. hostmaster.lab.example. ( ; change me\n")
                .contains("@\tIN\tNS\tlocalhost.\t; change me\n").contains("$TTL 3600\n");
        ServiceOutput given = prepare(BindSettings.of("lab.example", "ns1.example.net.", "first.last@example.net",
                600, folder), NOV_28);
        String zone = file(given, "lab.example.zone").content();
        assertThat(zone).doesNotContain("change me").contains("$TTL 600\n")
                .contains("@\tIN\tSOA\tns1.example.net. first\\.last.example.net. (\n")
                .contains("@\tIN\tNS\tns1.example.net.\n");
        assertThat(file(given, "64-127.2.0.192.in-addr.arpa.delegation").content())
                .contains("64-127\tIN\tNS\tns1.example.net.\n")
                .contains("$GENERATE 64-127 $\tIN\tCNAME\t$.64-127.2.0.192.in-addr.arpa.\n");
    }

    @Test
    void theNamedConfPartNamesEveryZoneFileAndSaysWhatIsNotWritten() {
        String conf = file(prepare(settings(), NOV_28), "ipdesk-zones.conf").content();
        assertThat(conf).contains("//   include \"" + folder + "/ipdesk-zones.conf\";\n")
                .contains("zone \"lab.example\" { type primary; file \"" + folder + "/lab.example.zone\"; };\n")
                .contains("// 10.2.0.0/16 holds 256 /24s; 2 hold names and get a reverse zone, the others get none\n")
                .contains("needs the lines of 64-127.2.0.192.in-addr.arpa.delegation");
        assertThat(conf.lines().filter(l -> l.startsWith("zone "))).hasSize(11);
    }

    @Test
    void twoExportsOnOneDayCountUpAndTheNextDayStartsFromItsDate() throws Exception {
        export(NOV_28);
        assertThat(serialOf("lab.example.zone")).isEqualTo(2026112800L);
        export(NOV_28);
        assertThat(serialOf("lab.example.zone")).isEqualTo(2026112801L);
        assertThat(serialOf("0.0.0.0.1.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa.zone")).isEqualTo(2026112801L);
        export(NOV_29);
        assertThat(serialOf("lab.example.zone")).isEqualTo(2026112900L);
        try (Allocator allocator = Allocator.open(Location.of(db))) {
            assertThat(allocator.zoneSerial("lab.example")).hasValue(2026112900L);
            assertThat(allocator.zoneSerial("64-127.2.0.192.in-addr.arpa")).hasValue(2026112900L);
        }
    }

    @Test
    void onlyAWrittenExportStoresItsSerial() {
        prepare(settings(), NOV_28);
        try (Allocator allocator = Allocator.open(Location.of(db))) {
            assertThat(allocator.zoneSerial("lab.example")).isEmpty();
        }
    }

    @Test
    void anExportAfterARestoredBackupWithAnOlderSerialGoesOnFromTheZoneFile() throws Exception {
        Path backup = dir.resolve("backup.db");
        Files.copy(db, backup);
        for (int i = 0; i < 5; i++) {
            export(NOV_28);
        }
        assertThat(serialOf("lab.example.zone")).isEqualTo(2026112804L);
        // the database comes back from the backup: it knows no serial, the zone files say ...04
        Files.copy(backup, db, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        try (Allocator allocator = Allocator.open(Location.of(db))) {
            assertThat(allocator.zoneSerial("lab.example")).isEmpty();
            allocator.storeZoneSerial("lab.example", 2026112001L); // an older one, as an older backup holds
        }
        export(NOV_28);
        assertThat(serialOf("lab.example.zone")).isEqualTo(2026112805L);
        assertThat(serialOf("0.1.10.in-addr.arpa.zone")).isEqualTo(2026112805L);
    }

    @Test
    void aStoredSerialAtTheTopOfTheRangeWrapsForwardInSerialArithmetic() throws Exception {
        try (Allocator allocator = Allocator.open(Location.of(db))) {
            allocator.storeZoneSerial("lab.example", 4294967295L);
            allocator.storeZoneSerial("0.1.10.in-addr.arpa", 3_000_000_000L);
        }
        export(NOV_28);
        // 2026112800 is newer than 4294967295 (RFC 1982), so the date scheme comes back; 3000000000 is newer than it
        assertThat(serialOf("lab.example.zone")).isEqualTo(2026112800L);
        assertThat(serialOf("0.1.10.in-addr.arpa.zone")).isEqualTo(3_000_000_001L);
        assertThat(new Serial(2026112800L).isAfter(new Serial(4294967295L))).isTrue();
    }

    @Test
    void aFileThatIsNotAZoneAtTheTargetIsRefusedAndLeftAsItWas() throws Exception {
        Path place = folder.resolve("lab.example.zone");
        Files.writeString(place, "this is not a zone file {\n");
        assertThatThrownBy(() -> prepare(settings(), NOV_28)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("cannot take the serial of " + place + ", which is not a zone file IPDesk"
                        + " can read (")
                .hasMessageEndingWith("): move the file away or export to another folder");
        assertThat(Files.readString(place)).isEqualTo("this is not a zone file {\n");
    }

    @Test
    void settingsThatCannotMakeAZoneAreRefusedNamingTheOption() {
        assertThatThrownBy(() -> BindSettings.of("", "", "", 3600, folder))
                .hasMessage("BIND zone files need the forward zone's name (--zone NAME, e.g. example.com)");
        assertThatThrownBy(() -> BindSettings.of("lab_example.com", "", "", 3600, folder))
                .hasMessageStartingWith("--zone 'lab_example.com' is not a DNS name: ");
        assertThatThrownBy(() -> BindSettings.of("lab.example", "ns 1", "", 3600, folder))
                .hasMessageStartingWith("--ns 'ns 1' is not a DNS name: ");
        assertThatThrownBy(() -> BindSettings.of("lab.example", "", "a@b@c", 3600, folder))
                .hasMessageStartingWith("--hostmaster 'a@b@c' is not a");
        assertThatThrownBy(() -> BindSettings.of("lab.example", "", "", 0, folder))
                .hasMessage("--ttl 0 is not a TTL: give 1 to 2147483647 seconds");
        assertThatThrownBy(() -> prepare(BindSettings.of("lab.example", "ns9.lab.example", "", 3600, folder), NOV_28))
                .hasMessageStartingWith("--ns ns9.lab.example is inside the zone lab.example, but no address");
        // a name server inside the zone that has an address there is fine
        assertThat(file(prepare(BindSettings.of("lab.example", "printer.lab.example", "", 3600, folder), NOV_28),
                "lab.example.zone").content()).contains("@\tIN\tNS\tprinter.lab.example.\n");
    }

    @Test
    void oneAddressNamedInTwoNetworksGetsOnePtrAndTheSecondNameIsAProblem() throws Exception {
        try (Allocator allocator = Allocator.open(Location.of(db))) {
            allocator.createNetwork("copy", "");
            var subnet = allocator.createSubnet("copy", org.ipdesk.model.SubnetSpec.of(
                    org.ipdesk.address.Cidr.parse("10.1.0.0/24")));
            ServiceTestData.hold(allocator, subnet, "10.1.0.20", org.ipdesk.model.AddressStatus.ALLOCATED,
                    "printer-copy", null);
        }
        ServiceOutput output = prepare(settings(), NOV_28);
        assertThat(output.problems()).filteredOn(p -> p.kind() == ServiceProblem.Kind.DUPLICATE_ADDRESS)
                .extracting(ServiceProblem::message).containsExactly("10.1.0.20 is named printer-copy.lab.example. and"
                        + " printer.lab.example. (it is held in two networks); the reverse zone"
                        + " 0.1.10.in-addr.arpa gets the first name only (networks in name order)");
        String reverse = file(output, "0.1.10.in-addr.arpa.zone").content();
        assertThat(reverse).contains("20\tIN\tPTR\tprinter-copy.lab.example.\n")
                .doesNotContain("PTR\tprinter.lab.example.");
        // both names are in the forward zone: each names one address
        assertThat(file(output, "lab.example.zone").content()).contains("printer\tIN\tA\t10.1.0.20\n",
                "printer-copy\tIN\tA\t10.1.0.20\n");
    }

    @Test
    void theRulesReadAsSentencesNamingTheZone() {
        List<String> rules = BindExport.rules("lab.example.");
        assertThat(rules).first().asString().isEqualTo("A host name without a dot is a name in the zone: web-01"
                + " becomes web-01.lab.example.");
        assertThat(rules).anyMatch(r -> r.contains("does not end in the zone is a name elsewhere"));
        assertThat(String.join(" ", rules)).contains("RFC 1123").contains("AAAA").contains("PTR");
    }

    @Test
    void aSubnetScopeWritesItsOwnZonesOnly() {
        try (Allocator allocator = Allocator.open(Location.of(db))) {
            ServiceOutput output = BindExport.prepare(allocator,
                    ServiceScope.subnet(org.ipdesk.address.Cidr.parse("192.0.2.64/26")), settings(), NOV_28);
            assertThat(output.files()).extracting(ServiceFile::name).containsExactly("lab.example.zone",
                    "64-127.2.0.192.in-addr.arpa.zone", "64-127.2.0.192.in-addr.arpa.delegation",
                    "ipdesk-zones.conf");
            Map<String, Long> counts = output.files().stream().collect(Collectors.toMap(ServiceFile::name,
                    f -> f.content().lines().filter(l -> l.contains("\tIN\tA\t") || l.contains("\tIN\tPTR\t")).count()));
            assertThat(counts).containsEntry("lab.example.zone", 2L).containsEntry("64-127.2.0.192.in-addr.arpa.zone", 2L);
        }
    }

    @Test
    void soaRecordsReadBackWithTheTimersAndTheSerial() throws Exception {
        ServiceOutput output = prepare(settings(), NOV_28);
        SOARecord soa = (SOARecord) records(file(output, "lab.example.zone")).get(0);
        assertThat(soa.getSerial()).isEqualTo(2026112800L);
        assertThat(soa.getMinimum()).isEqualTo(300);
        assertThat(soa.getTTL()).isEqualTo(3600);
        assertThat(soa.getAdmin()).hasToString("hostmaster.lab.example.");
    }
}
