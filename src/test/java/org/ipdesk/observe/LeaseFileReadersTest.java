package org.ipdesk.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ipdesk.observe.Read.seen;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Optional;
import org.ipdesk.model.SourceKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** dhcpd, Kea and dnsmasq lease files: what is in use, what was released, and the lines that cannot be read. */
class LeaseFileReadersTest {
    private static final SourceKind DHCPD = SourceKind.DHCPD;
    private static final SourceKind KEA = SourceKind.KEA;
    private static final SourceKind DNSMASQ = SourceKind.DNSMASQ;

    @TempDir
    Path folder;

    @Test
    void dhcpdV4ActiveLeasesOnlyTheLastBlockForAnAddressWins() {
        Read read = Read.fixture(new DhcpdLeasesReader(), "dhcpd.leases");

        // 10.0.0.51's last block is free and 10.0.0.53's is backup: not in use; 10.0.0.50 renewed under a new name
        assertThat(read.observations()).containsExactly(
                seen("10.0.0.52", null, "tablet", "2026-11-25T10:00:00Z", DHCPD, "dhcpd.leases"),
                seen("10.0.0.50", "52:54:00:aa:bb:01", "laptop-ann-renamed", "2026-11-25T11:00:00Z", DHCPD,
                        "dhcpd.leases"));
        assertThat(read.problems()).containsExactly(
                "line 38: 'lease 10.0.0.300 {' is not an IPv4 address; the block is skipped",
                "line 50: 'hardware ethernet 52:54:zz:aa:bb:03;': '52:54:zz:aa:bb:03' is not a MAC address (use e.g."
                        + " 00:1a:2b:3c:4d:5e); the lease is kept without a MAC");
        assertThat(read.summary()).isEqualTo(new ReadSummary(DHCPD, "dhcpd.leases", 2, 2, 76));
    }

    @Test
    void dhcpdV6AddressesFromEveryKindOfIaButNoDelegatedPrefix() {
        Read read = Read.fixture(new DhcpdLeasesReader(), "dhcpd6.leases");

        assertThat(read.observations()).containsExactly(
                seen("2001:db8:0:1::100", null, null, "2026-11-25T09:00:00Z", DHCPD, "dhcpd6.leases"),
                seen("2001:db8:0:1::200", null, null, "2026-11-25T09:10:00Z", DHCPD, "dhcpd6.leases"));
        assertThat(read.problems()).containsExactly(
                "line 52: 'iaaddr 10.0.0.7 {' is not an IPv6 address; the block is skipped");
    }

    @Test
    void dhcpdBlockCutOffByTheEndOfTheFileIsNamedAndLeftOut() throws IOException {
        Path file = Files.writeString(folder.resolve("cut.leases"), """
                lease 10.0.0.60 {
                  cltt 3 2026/11/25 09:00:00;
                  binding state active;
                }
                lease 10.0.0.61 {
                  cltt 3 2026/11/25 13:61:00;
                  binding state active;
                }
                lease 10.0.0.62 {
                  binding state active;
                """);

        Read read = Read.with(new DhcpdLeasesReader(), file, Optional.of(Instant.parse("2026-11-26T00:00:00Z")));

        assertThat(read.observations()).containsExactly(
                seen("10.0.0.60", null, null, "2026-11-25T09:00:00Z", DHCPD, "cut.leases"),
                seen("10.0.0.61", null, null, "2026-11-26T00:00:00Z", DHCPD, "cut.leases"));
        assertThat(read.problems()).containsExactly(
                "line 6: 'cltt 3 2026/11/25 13:61:00;' is not a time as dhcpd writes it (e.g. 'starts 3 2026/11/25"
                        + " 10:00:00;')",
                "line 9: the block 'lease 10.0.0.62 {' is never closed (the file ends first); it is left out");
    }

    @Test
    void dhcpdBracesAndSemicolonsInsideQuotesAndWindowsLineEnds() throws IOException {
        Path file = Files.writeString(folder.resolve("odd.leases"), "lease 10.0.0.70 {\r\n"
                + "  cltt epoch 1795600800;\r\n  binding state active;\r\n  uid \"\\001{;}\\\"\";\r\n"
                + "  client-hostname \"odd; {name}\";\r\n}\r\n");

        Read read = Read.with(new DhcpdLeasesReader(), file, Optional.empty());

        assertThat(read.observations()).containsExactly(
                seen("10.0.0.70", null, "odd; {name}", "2026-11-25T10:00:00Z", DHCPD, "odd.leases"));
        assertThat(read.problems()).isEmpty();
        assertThat(read.summary().lines()).isEqualTo(6);
    }

    @Test
    void keaFilesJoinedTogetherWithWindowsLineEndsReadEachPartByItsOwnHeader() throws IOException {
        Path file = Files.writeString(folder.resolve("joined.csv"), ""
                + "address,hwaddr,client_id,valid_lifetime,expire,subnet_id,fqdn_fwd,fqdn_rev,hostname\r\n"
                + "10.1.9.1,52:54:00:00:09:01,,3600,1795604400,1,0,0,first\r\n"
                + "address,hwaddr,client_id,valid_lifetime,expire,subnet_id,fqdn_fwd,fqdn_rev,hostname,state\r\n"
                + "10.1.9.2,52:54:00:00:09:02,,3600,1795604400,1,0,0,second,0\r\n"
                + "10.1.9.1,52:54:00:00:09:01,,3600,1795604400,1,0,0,first,2\r\n");

        Read read = Read.with(new KeaCsvReader(), file, Optional.empty());

        assertThat(read.observations()).containsExactly(
                seen("10.1.9.2", "52:54:00:00:09:02", "second", "2026-11-25T10:00:00Z", KEA, "joined.csv"));
        assertThat(read.problems()).isEmpty();
    }

    @Test
    void keaV4ByHeaderNamesWithEscapesStatesDeletionsAndTheLastRowWinning() {
        Read read = Read.fixture(new KeaCsvReader(), "kea-leases4.csv");

        assertThat(read.observations()).containsExactly(
                seen("10.1.0.11", "52:54:00:00:01:0b", "lab, bench 2", "2026-11-25T10:00:00Z", KEA, "kea-leases4.csv"),
                seen("10.1.0.10", "52:54:00:00:01:0a", "ws-10.example.lan", "2026-11-25T11:00:00Z", KEA,
                        "kea-leases4.csv"),
                seen("10.1.0.16", null, null, "2026-11-25T10:00:00Z", KEA, "kea-leases4.csv"));
        assertThat(read.problems()).containsExactly(
                "line 8: '10.1.0.300' is not an IP address; the row is skipped",
                "line 9: has 6 values where the header names 12 columns; the row is skipped",
                "line 10: expire 'soon' is not a number; the row is skipped");
        assertThat(read.summary()).isEqualTo(new ReadSummary(KEA, "kea-leases4.csv", 3, 3, 11));
    }

    @Test
    void keaV4FromAnOldVersionWithoutStateColumn() {
        Read read = Read.fixture(new KeaCsvReader(), "kea-leases4-old.csv");

        assertThat(read.observations()).containsExactly(
                seen("192.168.5.20", "00:1a:2b:3c:4d:60", "old-kea-host", "2026-11-25T10:00:00Z", KEA,
                        "kea-leases4-old.csv"),
                seen("192.168.5.21", "00:1a:2b:3c:4d:61", null, "2026-11-25T10:00:00Z", KEA, "kea-leases4-old.csv"));
        assertThat(read.problems()).isEmpty();
    }

    @Test
    void keaV6AddressesButNoPrefixesNorExpiredLeases() {
        Read read = Read.fixture(new KeaCsvReader(), "kea-leases6.csv");

        assertThat(read.observations()).containsExactly(
                seen("2001:db8:1::10", "52:54:00:00:02:10", "v6-host", "2026-11-25T10:00:00Z", KEA, "kea-leases6.csv"),
                seen("2001:db8:1::11", null, null, "2026-11-25T10:00:00Z", KEA, "kea-leases6.csv"));
        assertThat(read.problems()).containsExactly(
                "line 6: '10.1.0.20' is not an IPv6 address as this v6 lease file's header says; the row is skipped");
    }

    @Test
    void dnsmasqV4AndV6LinesSeenAtTheGivenTime() {
        Read read = Read.with(new DnsmasqLeasesReader(), Read.fixture("dnsmasq.leases"),
                Optional.of(Instant.parse("2026-11-25T12:00:00Z")));

        assertThat(read.observations()).containsExactly(
                seen("192.168.7.10", "52:54:00:33:00:01", "kitchen-pi", "2026-11-25T12:00:00Z", DNSMASQ,
                        "dnsmasq.leases"),
                seen("192.168.7.11", "52:54:00:33:00:02", null, "2026-11-25T12:00:00Z", DNSMASQ, "dnsmasq.leases"),
                seen("192.168.7.12", "52:54:00:33:00:03", "nas", "2026-11-25T12:00:00Z", DNSMASQ, "dnsmasq.leases"),
                // the MACs inside the clients' DUID-LLT and DUID-LL
                seen("2001:db8:7::10", "52:54:00:33:00:05", "phone", "2026-11-25T12:00:00Z", DNSMASQ,
                        "dnsmasq.leases"),
                seen("2001:db8:7::11", "52:54:00:33:00:06", null, "2026-11-25T12:00:00Z", DNSMASQ, "dnsmasq.leases"),
                seen("2001:db8:7::12", null, "tv", "2026-11-25T12:00:00Z", DNSMASQ, "dnsmasq.leases"));
        assertThat(read.problems()).containsExactly(
                "line 4: '192.168.7.999' is not an IP address; the line is skipped",
                "line 9: 'this line is not a lease' is not a dnsmasq lease line (expiry, MAC or IAID, address, host"
                        + " name, client id); it is skipped");
    }

    @Test
    void dnsmasqWithoutAGivenTimeIsSeenAtTheFilesModificationTime() throws IOException {
        Path copy = Files.copy(Read.fixture("dnsmasq.leases"), folder.resolve("dnsmasq.leases"),
                StandardCopyOption.REPLACE_EXISTING);
        Files.setLastModifiedTime(copy, FileTime.from(Instant.parse("2026-11-20T08:30:00Z")));

        Read read = Read.with(new DnsmasqLeasesReader(), copy, Optional.empty());

        assertThat(read.observations()).hasSize(6)
                .allMatch(seen -> seen.seenAt().equals(Instant.parse("2026-11-20T08:30:00Z")));
    }
}
