package org.ipdesk.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.ipdesk.address.Cidr;
import org.ipdesk.address.Ip;
import org.ipdesk.address.Mac;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.allocator.ImportItem;
import org.ipdesk.allocator.ImportPlan;
import org.ipdesk.allocator.ImportPlan.Result;
import org.ipdesk.allocator.ImportPlan.Row;
import org.ipdesk.model.Address;
import org.ipdesk.model.AddressDetails;
import org.ipdesk.model.AddressStatus;
import org.ipdesk.model.RangeKind;
import org.ipdesk.model.Subnet;
import org.ipdesk.model.SubnetSpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kea, ISC dhcpd, dnsmasq and BIND files read into the import preview: per format IPv4 and IPv6 entries, the same
 * entry twice in a file, entries that differ from what the database holds, and problems named by their line.
 * The database: network lab with 10.0.0.0/24 (DHCP pool 10.0.0.100-199, web01 at .5 and db01 at .6 held) and
 * 2001:db8:1::/64.
 */
class ServerFilesImportTest {
    @TempDir
    Path dir;
    private Allocator allocator;
    private Subnet v4;
    private Subnet v6;

    @BeforeEach
    void database() {
        allocator = ImportTestSupport.open(dir.resolve("ipdesk.db"));
        allocator.createNetwork("lab", "");
        v4 = allocator.createSubnet("lab", SubnetSpec.of(Cidr.parse("10.0.0.0/24")));
        v6 = allocator.createSubnet("lab", SubnetSpec.of(Cidr.parse("2001:db8:1::/64")));
        allocator.addRange(v4.id(), ip("10.0.0.100"), ip("10.0.0.199"), RangeKind.DHCP, "");
        allocator.reserve(v4.id(), ip("10.0.0.5"), new AddressDetails(AddressStatus.ALLOCATED, "web01",
                Optional.of(Mac.parse("aa:bb:cc:00:00:05")), "alice", "web server"));
        allocator.reserve(v4.id(), ip("10.0.0.6"), new AddressDetails(AddressStatus.RESERVED, "db01",
                Optional.of(Mac.parse("aa:bb:cc:00:00:06")), "", ""));
    }

    @AfterEach
    void close() {
        allocator.close();
    }

    private static Ip ip(String text) {
        return Ip.parse(text);
    }

    private ImportPlan preview(String fixture) {
        return CsvImport.preview(allocator, CsvImport.read(ImportTestSupport.fixture("servers/" + fixture),
                Optional.empty()));
    }

    private ImportPlan previewText(String name, String text) {
        return CsvImport.preview(allocator, ServerFiles.parse(name, text, Optional.empty()));
    }

    private static List<String> described(ImportPlan plan) {
        return plan.rows().stream().map(r -> r.describe("line")).toList();
    }

    private static Row row(ImportPlan plan, int line, String key) {
        return plan.rows().stream().filter(r -> r.row() == line && r.key().startsWith(key)).findFirst()
                .orElseThrow(() -> new AssertionError("no row for line " + line + " " + key + ": " + described(plan)));
    }

    /** The details a file gives an address (for an entry read without error). */
    private static AddressDetails given(ImportPlan plan, String address) {
        return plan.items().stream().filter(i -> i instanceof ImportItem.AddressItem a && a.ip().equals(ip(address)))
                .map(i -> ((ImportItem.AddressItem) i).details()).findFirst().orElseThrow();
    }

    private Path write(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    // ------------------------------------------------------------ Kea

    @Test
    void keaV4ReservationsAreNewSameConflictOrErrorByLine() {
        ImportPlan plan = preview("kea4.json");
        assertThat(plan.layout()).isEqualTo("kea");
        assertThat(described(plan)).containsExactly(
                "line 13: unchanged: already there",
                "line 14: conflict: 10.0.0.6 is already reserved to db01; the file says MAC aa:bb:cc:00:00:16",
                "line 15: new: new address",
                "line 16: new: new address, status dhcp: it lies in the DHCP pool 10.0.0.100-10.0.0.199",
                "line 17: error: 10.0.0.20 is also on line 15",
                "line 18: error: 10.0.1.7 is outside its Kea subnet 10.0.0.0/24",
                "line 19: error: hw-address 'not-a-mac': 'not-a-mac' is not a MAC address (use e.g. 00:1a:2b:3c:4d:5e)",
                "line 26: error: no subnet holds 192.0.2.10; create that subnet in IPDesk first");
        assertThat(given(plan, "10.0.0.20")).isEqualTo(new AddressDetails(AddressStatus.RESERVED, "print01",
                Optional.of(Mac.parse("aa:bb:cc:00:00:20")), "", ""));
        assertThat(plan.canApply()).isFalse();
    }

    @Test
    void keaV6ReservationsGiveEveryAddressAndLeavePrefixesOut() {
        ImportPlan plan = preview("kea6.json");
        assertThat(described(plan)).containsExactly(
                "line 8: new: new address",
                "line 8: new: new address",
                "line 14: new: new address",
                "line 15: error: '2001:db8:1::zz' is not a valid IP address");
        assertThat(plan.rows().stream().map(Row::key).toList()).contains("2001:db8:1::40 in 2001:db8:1::/64 in lab",
                "2001:db8:1::41 in 2001:db8:1::/64 in lab").noneMatch(k -> k.contains("2001:db8:2:"));
        assertThat(given(plan, "2001:db8:1::40").hostname()).isEqualTo("nas01");
        assertThat(given(plan, "2001:db8:1::5").mac()).contains(Mac.parse("aa:bb:cc:00:00:05"));
    }

    @Test
    void aKeaFileOfSubnetEntriesForAnIncludeIsReadAndApplied() {
        ImportPlan plan = preview("kea-subnets.json");
        assertThat(plan.canApply()).as(described(plan).toString()).isTrue();
        allocator.applyImport(plan);
        Address print = allocator.address(v4.id(), ip("10.0.0.20")).orElseThrow();
        assertThat(print.details()).isEqualTo(new AddressDetails(AddressStatus.RESERVED, "print01",
                Optional.of(Mac.parse("aa:bb:cc:00:00:20")), "", ""));
        assertThat(allocator.address(v4.id(), ip("10.0.0.21")).orElseThrow().details().hostname()).isEqualTo("print02");
        // imported again: every entry is there as it is
        assertThat(preview("kea-subnets.json").counts().get(Result.UNCHANGED)).isEqualTo(2);
    }

    @Test
    void keaCommentsAreReadAndAnIncludeIsNotFollowed() {
        ImportPlan plan = previewText("kea.conf", """
                { "Dhcp4": { "subnet4": [ # hash comment
                  // line comment
                  /* block
                     comment */ <?include "/etc/passwd"?>
                  { "subnet": "10.0.0.0/24", "reservations": [
                    { "ip-address": "10.0.0.40", "hostname": "after-include" } ] } ] } }
                """);
        assertThat(described(plan)).containsExactly(
                "line 4: error: the include of \"/etc/passwd\" is not followed: IPDesk reads only the file it is "
                        + "given; import that file on its own",
                "line 6: new: new address");
        ImportPlan included = previewText("kea.conf", """
                { "Dhcp4": { "subnet4": [
                  <?include "/etc/passwd"?>
                  { "subnet": "10.0.0.0/24", "reservations": [ { "ip-address": "10.0.0.40" } ] } ] } }
                """);
        assertThat(described(included)).containsExactly(
                "line 2: error: the include of \"/etc/passwd\" is not followed: IPDesk reads only the file it is "
                        + "given; import that file on its own",
                "line 3: new: new address");
    }

    @Test
    void aKeaMemberAloneAfterACommentThatSpansLines() {
        ImportPlan plan = previewText("member.json", """
                /* written for
                   "subnet4": [ <?include ?> ] */ "subnet4": [
                  { "subnet": "10.0.0.0/24", "reservations": [ { "ip-address": "10.0.0.90", "hostname": "m1" } ] }
                ]
                """);
        assertThat(described(plan)).containsExactly("line 3: new: new address");
        assertThat(given(plan, "10.0.0.90").hostname()).isEqualTo("m1");
    }

    @Test
    void keaNestingTooDeepAndBrokenJsonAreNamedByLine() {
        ImportPlan deep = previewText("deep.json", "{ \"Dhcp4\": {\n \"subnet4\": " + "[".repeat(500) + "\n}}");
        assertThat(deep.rows()).singleElement().satisfies(r -> {
            assertThat(r.row()).isEqualTo(2);
            assertThat(r.message()).startsWith("not valid Kea JSON here").contains("nesting depth");
        });
        ImportPlan broken = previewText("broken.json", """
                { "Dhcp4": { "subnet4": [ { "subnet": "10.0.0.0/24", "reservations": [
                  { "ip-address": "10.0.0.41" },
                  { "ip-address": "10.0.0.42" "hostname": "x" }
                ] } ] } }
                """);
        assertThat(broken.rows()).singleElement().satisfies(r -> {
            assertThat(r.row()).isEqualTo(3);
            assertThat(r.result()).isEqualTo(Result.ERROR);
            assertThat(r.message()).startsWith("not valid Kea JSON here").endsWith("nothing after it was read");
        });
    }

    // ------------------------------------------------------------ ISC dhcpd

    @Test
    void dhcpdV4HostBlocksByLine() {
        ImportPlan plan = preview("dhcpd.conf");
        assertThat(plan.layout()).isEqualTo("dhcpd");
        assertThat(described(plan)).containsExactly(
                "line 11: unchanged: already there",
                "line 13: conflict: 10.0.0.6 is already reserved to db01; the file says MAC aa:bb:cc:00:00:16",
                "line 19: new: new address",
                "line 19: new: new address",
                "line 24: new: new address, status dhcp: it lies in the DHCP pool 10.0.0.100-10.0.0.199",
                "line 28: error: 10.0.0.20 is also on line 19",
                "line 31: error: fixed-address 'gw.example.com' of host named is a name, not an address; IPDesk "
                        + "never looks names up: write the address",
                "line 32: error: no subnet holds 192.0.2.10; create that subnet in IPDesk first");
        // option host-name before the block's name; a block name that is no host name gives none
        assertThat(given(plan, "10.0.0.21").hostname()).isEqualTo("print01");
        assertThat(given(plan, "10.0.0.150")).isEqualTo(new AddressDetails(AddressStatus.RESERVED, "",
                Optional.of(Mac.parse("aa:bb:cc:00:00:21")), "", ""));
        assertThat(given(plan, "10.0.0.5").hostname()).isEqualTo("web01");
    }

    @Test
    void dhcpdV6FixedAddresses() {
        ImportPlan plan = preview("dhcpd6.conf");
        assertThat(described(plan)).containsExactly(
                "line 8: new: new address",
                "line 12: new: new address",
                "line 14: error: '2001:db8:1::zz' (fixed-address of host bad) is not a valid IP address");
        assertThat(given(plan, "2001:db8:1::40")).isEqualTo(new AddressDetails(AddressStatus.RESERVED, "nas01",
                Optional.empty(), "", ""));
    }

    @Test
    void dhcpdMacWithOneDigitOctetsAndAQuotedHostName() {
        ImportPlan plan = previewText("dhcpd.conf", """
                host lab_pc { hardware ethernet 0:c:29:a:b:1c; fixed-address 10.0.0.80; } # no host name
                host pc2 { hardware ethernet 00:0c:29:0a:0b:1d; fixed-address 10.0.0.81; option host-name "pc-2"; }
                """);
        assertThat(described(plan)).containsExactly("line 1: new: new address", "line 2: new: new address");
        assertThat(given(plan, "10.0.0.80")).isEqualTo(new AddressDetails(AddressStatus.RESERVED, "",
                Optional.of(Mac.parse("00:0c:29:0a:0b:1c")), "", ""));
        assertThat(given(plan, "10.0.0.81").hostname()).isEqualTo("pc-2");
        // a block named after its address gives no host name
        ImportPlan unnamed = previewText("ipdesk-dhcpd6.conf", """
                host ip-2001-db8-1--82 {
                  hardware ethernet aa:bb:cc:00:00:82;
                  fixed-address6 2001:db8:1::82;
                }
                """);
        assertThat(given(unnamed, "2001:db8:1::82")).isEqualTo(new AddressDetails(AddressStatus.RESERVED, "",
                Optional.of(Mac.parse("aa:bb:cc:00:00:82")), "", ""));
    }

    @Test
    void dhcpdIncludeNestingAndUnclosedBlocksAreNamedAndReadingGoesOn() {
        ImportPlan plan = previewText("dhcpd.conf", "include \"/etc/passwd\";\n"
                + "group {\n".repeat(40) + "host deep { fixed-address 10.0.0.44; }\n" + "}\n".repeat(40)
                + "host after { hardware ethernet aa:bb:cc:00:00:45; fixed-address 10.0.0.45; }\n"
                + "}\n"
                + "host open { fixed-address 10.0.0.46;\n");
        assertThat(described(plan)).containsExactly(
                "line 1: error: the include of \"/etc/passwd\" is not followed: IPDesk reads only the file it is "
                        + "given; import that file on its own",
                "line 34: error: blocks are nested more than 32 deep here; this block was not read",
                "line 83: new: new address",
                "line 84: error: this } closes no block",
                "line 85: error: the host block opened here is not closed by the end of the file");
    }

    // ------------------------------------------------------------ dnsmasq

    @Test
    void dnsmasqConfigurationDhcpHostLines() {
        ImportPlan plan = preview("dnsmasq.conf");
        assertThat(plan.layout()).isEqualTo("dnsmasq");
        assertThat(described(plan)).containsExactly(
                "line 4: unchanged: already there",
                "line 5: conflict: 10.0.0.6 is already reserved to db01; the file says MAC aa:bb:cc:00:00:16",
                "line 6: new: new address",
                "line 7: new: new address, status dhcp: it lies in the DHCP pool 10.0.0.100-10.0.0.199",
                "line 8: error: 10.0.0.20 is also on line 6",
                "line 10: error: MAC 'aa:bb:cc:*:*:*' has wildcards; IPDesk records one MAC per address",
                "line 11: error: no subnet holds 192.0.2.10; create that subnet in IPDesk first",
                "line 12: new: new address",
                "line 13: error: '[::41]' gives only the host part of an IPv6 address, which dnsmasq completes from "
                        + "its range; IPDesk needs the whole address");
        // tags, client ids and lease times are not records
        assertThat(given(plan, "10.0.0.20")).isEqualTo(new AddressDetails(AddressStatus.RESERVED, "print01",
                Optional.of(Mac.parse("aa:bb:cc:00:00:20")), "", ""));
        assertThat(given(plan, "10.0.0.150").mac()).contains(Mac.parse("aa:bb:cc:00:00:21"));
        assertThat(given(plan, "2001:db8:1::40").hostname()).isEqualTo("nas01");
    }

    @Test
    void dnsmasqHostsFile() {
        ImportPlan plan = preview("dnsmasq.hosts");
        assertThat(plan.layout()).isEqualTo("dnsmasq");
        assertThat(described(plan)).containsExactly(
                "line 2: unchanged: already there",
                "line 3: new: new address",
                "line 4: new: new address",
                "line 5: new: new address",
                "line 6: error: '10.0.0.300' is not a valid IPv4 address");
        assertThat(given(plan, "2001:db8:1::42")).isEqualTo(new AddressDetails(AddressStatus.RESERVED, "nas02",
                Optional.empty(), "", ""));
    }

    @Test
    void aHostsFileWithoutMacsIsReadWhenTheLayoutIsGiven() throws Exception {
        Path file = write("hosts.txt", "web02,10.0.0.7\n");
        assertThatThrownBy(() -> CsvImport.read(file, Optional.empty())).isInstanceOf(CsvImport.UnknownLayout.class)
                .hasMessageContaining("matches no layout");
        CsvImport.ParsedFile parsed = CsvImport.read(file, Optional.of(ImportLayout.parse("dnsmasq")));
        ImportPlan plan = CsvImport.preview(allocator, parsed);
        assertThat(described(plan)).containsExactly("line 1: new: new address");
        assertThat(given(plan, "10.0.0.7").hostname()).isEqualTo("web02");
    }

    // ------------------------------------------------------------ BIND

    @Test
    void bindForwardZoneAAndAaaaRecords() {
        ImportPlan plan = preview("example.com.zone");
        assertThat(plan.layout()).isEqualTo("bind");
        assertThat(described(plan)).containsExactly(
                "line 10: new: new address",
                "line 11: unchanged: already there",
                "line 12: new: new address",
                "line 13: unchanged: already there",
                "line 14: new: new address",
                "line 17: error: no subnet holds 192.0.2.10; create that subnet in IPDesk first",
                "line 18: error: not a record BIND reads: Invalid address: 10.0.0.999",
                "line 19: error: 10.0.0.20 is also on line 14",
                "line 20: new: new address");
        // the owner relative to the zone; a blank owner is the one before; status allocated
        assertThat(given(plan, "2001:db8:1::5")).isEqualTo(new AddressDetails(AddressStatus.ALLOCATED, "web01",
                Optional.empty(), "", ""));
        assertThat(given(plan, "10.0.0.2").hostname()).isEqualTo("ns1");
        assertThat(given(plan, "2001:db8:1::40").hostname()).isEqualTo("nas01");
    }

    @Test
    void bindReverseZonesV4ClasslessAndV6() {
        ImportPlan v4 = preview("0.0.10.in-addr.arpa.zone");
        assertThat(described(v4)).containsExactly(
                "line 5: unchanged: already there",
                "line 6: new: new address",
                "line 7: new: new address");
        assertThat(given(v4, "10.0.0.21").hostname()).isEqualTo("print02.example.com");

        ImportPlan classless = previewText("0-63.0.0.10.zone", """
                $ORIGIN 0/26.0.0.10.in-addr.arpa.
                @ 3600 IN SOA ns1.example.com. hostmaster.example.com. 1 7200 3600 1209600 3600
                  3600 IN NS ns1.example.com.
                9 3600 IN PTR nine.example.com.
                """);
        assertThat(described(classless)).containsExactly("line 4: new: new address");
        assertThat(given(classless, "10.0.0.9").hostname()).isEqualTo("nine.example.com");

        ImportPlan v6 = preview("0.0.0.0.1.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa.zone");
        assertThat(described(v6)).containsExactly(
                "line 5: new: new address",
                "line 6: new: new address",
                "line 7: error: the PTR record's name 0.4.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.1.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa. is "
                        + "not the reverse name of one address (in-addr.arpa or ip6.arpa)");
        assertThat(v6.rows().get(0).key()).isEqualTo("2001:db8:1::40 in 2001:db8:1::/64 in lab");
    }

    @Test
    void oneAddressNamedTwiceAlikeIsReadOnceAndShortAndFullNamesMatch() {
        allocator.reserve(v4.id(), ip("10.0.0.70"), AddressDetails.allocated("mail.example.com"));
        ImportPlan plan = previewText("twice.zone", """
                $ORIGIN example.com.
                web01 IN A 10.0.0.71
                web01.example.com. IN A 10.0.0.71
                other IN A 10.0.0.71
                mail  IN A 10.0.0.70
                """);
        assertThat(described(plan)).containsExactly(
                "line 2: new: new address",
                "line 3: unchanged: also on line 2",
                "line 4: error: 10.0.0.71 is also on line 2",
                "line 5: unchanged: already there");
    }

    @Test
    void bindIncludeIsNeverOpened() throws Exception {
        Path other = write("other.zone", "smuggled IN A 10.0.0.9\n");
        Path zone = write("main.zone", "$ORIGIN example.com.\n$INCLUDE " + other + "\n$INCLUDE /etc/passwd\n"
                + "web03 IN A 10.0.0.8\n$GENERATE 1-10 host$ A 10.0.0.$\n");
        ImportPlan plan = CsvImport.preview(allocator, CsvImport.read(zone, Optional.empty()));
        assertThat(described(plan)).containsExactly(
                "line 2: error: $INCLUDE '" + other + "' is not followed: IPDesk reads only the zone file it is given "
                        + "and never opens the files it names; import that file on its own",
                "line 3: error: $INCLUDE '/etc/passwd' is not followed: IPDesk reads only the zone file it is given "
                        + "and never opens the files it names; import that file on its own",
                "line 4: new: new address",
                "line 5: error: $GENERATE is not read; write out the records it makes");
        assertThat(plan.items()).noneMatch(i -> i instanceof ImportItem.AddressItem a
                && a.ip().equals(ip("10.0.0.9")));
    }

    @Test
    void bindBadRecordsAreNamedAndTheRestIsRead() {
        ImportPlan plan = previewText("z.zone", """
                $TTL 1h
                $ORIGIN example.com.
                a1 IN A 10.0.0.50
                a2 IN A not-an-address
                a3 IN BOGUS 1
                a4 IN A 10.0.0.51 ( ; opened
                   )
                a5 IN A ( 10.0.0.52
                """);
        assertThat(described(plan)).containsExactly(
                "line 3: new: new address",
                "line 4: error: not a record BIND reads: Invalid address: not-an-address",
                "line 5: error: not a record BIND reads: Invalid type 'BOGUS'",
                "line 6: new: new address",
                "line 8: error: the ( opened here is not closed by the end of the file");
    }

    // ------------------------------------------------------------ hostile files and detection

    @Test
    void aBinaryFileIsRefusedNamingTheLine() throws Exception {
        Path file = dir.resolve("blob.bin");
        Files.write(file, new byte[] {'a', '\n', 'b', '\n', 0, 1, 2, (byte) 0xff});
        assertThatThrownBy(() -> CsvImport.read(file, Optional.empty()))
                .hasMessage("blob.bin is not a text file: line 3 holds a NUL byte (a binary file?)");
        assertThatThrownBy(() -> CsvImport.read(file, Optional.of(ImportLayout.BIND)))
                .hasMessage("blob.bin is not a text file: line 3 holds a NUL byte (a binary file?)");
    }

    @Test
    void aHugeLineIsAnErrorNamingItAndTheLinesAfterItAreRead() throws Exception {
        Path file = write("huge.hosts", "aa:bb:cc:00:00:60,10.0.0.60,one\n" + "x".repeat(5_000_000) + "\n"
                + "aa:bb:cc:00:00:61,10.0.0.61,two\n");
        ImportPlan plan = CsvImport.preview(allocator, CsvImport.read(file, Optional.empty()));
        assertThat(described(plan)).containsExactly(
                "line 1: new: new address",
                "line 2: error: the line is longer than 65,536 characters; it was not read",
                "line 3: new: new address");
    }

    @Test
    void notUtf8IsRefusedNamingTheLine() throws Exception {
        Path file = dir.resolve("latin1.hosts");
        Files.write(file, "aa:bb:cc:00:00:60,10.0.0.60,one\naa:bb:cc:00:00:61,10.0.0.61,caf\u00e9\n"
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> CsvImport.read(file, Optional.empty()))
                .hasMessage("latin1.hosts is not UTF-8 text: line 2 holds bytes that are not UTF-8");
    }

    @Test
    void eachFormatIsToldByItsContentAndNamedByLayout() {
        assertThat(ImportTestSupport.read("servers/kea4.json").layout()).isEqualTo(ImportLayout.KEA);
        assertThat(ImportTestSupport.read("servers/kea-subnets.json").layout()).isEqualTo(ImportLayout.KEA);
        assertThat(ImportTestSupport.read("servers/dhcpd6.conf").layout()).isEqualTo(ImportLayout.DHCPD);
        assertThat(ImportTestSupport.read("servers/dnsmasq.hosts").layout()).isEqualTo(ImportLayout.DNSMASQ);
        assertThat(ImportTestSupport.read("servers/0.0.10.in-addr.arpa.zone").layout()).isEqualTo(ImportLayout.BIND);
        // the CSV layouts are still told by their header
        assertThat(ImportTestSupport.read("netbox-addresses.csv").layout()).isEqualTo(ImportLayout.NETBOX_ADDRESSES);
        // CSV rows that look like a server's lines stay CSV under a CSV header
        assertThat(ServerFiles.detect("ip,subnet,mac,hostname\n10.0.0.5,10.0.0.0/24,aa:bb:cc:00:00:05,web01\n"))
                .isEmpty();
        assertThat(ServerFiles.detect("name\tnote\nweb\tlocated IN A building\n")).isEmpty();
        assertThat(ServerFiles.detect("aa:bb:cc:00:00:05,10.0.0.5,web01\n")).contains(ImportLayout.DNSMASQ);
        assertThat(ServerFiles.detect("web01 3600 IN A 10.0.0.5\n")).contains(ImportLayout.BIND);
        // a Kea file of subnet entries without reservations
        assertThat(ServerFiles.detect("[\n  {\n    \"id\": 1,\n    \"subnet\": \"10.0.0.0/24\"\n  }\n]\n"))
                .contains(ImportLayout.KEA);
        assertThat(ImportLayout.parse("Kea")).isEqualTo(ImportLayout.KEA);
        assertThatThrownBy(() -> ImportLayout.parse("named")).hasMessage("'named' is not an import layout (ipdesk, "
                + "netbox-prefixes, netbox-addresses, phpipam, kea, dhcpd, dnsmasq or bind)");
    }
}
