package org.ipdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.ipdesk.address.Cidr;
import org.ipdesk.address.Ip;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.model.Observation;
import org.ipdesk.model.SourceKind;
import org.ipdesk.store.ContentSnapshot;
import org.ipdesk.store.Location;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ipdesk observe FILE...}: what a scan or lease file says is recorded apart from the records, each file
 * summed up, unreadable lines named on standard error, and a file it cannot take refused before anything is recorded.
 */
class ObserveCommandTest {
    @TempDir
    Path dir;

    Path db;
    Cli cli;

    @BeforeEach
    void setUp() {
        db = dir.resolve("ipdesk.db");
        cli = new Cli(db);
        cli.ok("network", "add", "dc1");
        cli.ok("subnet", "add", "dc1", "10.0.0.0/24");
        cli.ok("ip", "reserve", "10.0.0.0/24", "10.0.0.1", "--hostname", "gw");
    }

    private static Path fixture(String name) {
        return Path.of("src/test/resources/observe", name);
    }

    private List<Observation> observations() {
        try (Allocator a = Allocator.open(Location.of(db))) {
            return a.observations(a.findSubnet(Cidr.parse("10.0.0.0/24"), Optional.empty()).id());
        }
    }

    @Test
    void aScanIsRecordedApartFromTheRecordsAndSummedUp() {
        String records = ContentSnapshot.records(db).replaceAll("(?m)^(observation|mac_sighting).*$", "");

        Cli.Result result = cli.run("observe", fixture("nmap-scan.xml").toString());

        assertThat(result.code()).as(result.toString()).isZero();
        assertThat(result.out()).isEqualTo("nmap-scan.xml (nmap scan): 3 addresses seen; 3 new, 0 newer than what was"
                + " recorded, 0 older (kept as recorded); 1 line not read\n");
        assertThat(result.err()).isEqualTo("ipdesk: " + fixture("nmap-scan.xml")
                + " line 32: '10.0.0.300' is not an IP address\n");
        assertThat(observations()).filteredOn(o -> o.ip().equals(Ip.parse("10.0.0.1"))).singleElement()
                .satisfies(o -> {
                    assertThat(o.kind()).isEqualTo(SourceKind.NMAP);
                    assertThat(o.file()).isEqualTo("nmap-scan.xml");
                    assertThat(o.seenAt()).isEqualTo(Instant.ofEpochSecond(1795600830));
                    assertThat(o.mac()).map(Object::toString).contains("00:1a:2b:3c:4d:5e");
                });
        try (Allocator a = Allocator.open(Location.of(db))) {
            assertThat(a.address(a.findSubnet(Cidr.parse("10.0.0.0/24"), Optional.empty()).id(), Ip.parse("10.0.0.1"))
                    .orElseThrow().details().hostname()).as("the record stays as it was").isEqualTo("gw");
        }
    }

    @Test
    void readingTheSameScanAgainChangesNothingAndAnOlderOneIsKeptAsRecorded() {
        cli.ok("observe", fixture("nmap-scan.xml").toString());
        Cli.Result again = cli.run("observe", fixture("nmap-scan.xml").toString(), "--format", "nmap");
        assertThat(again.out()).contains("3 addresses seen; 0 new, 0 newer than what was recorded, 3 older");
    }

    @Test
    void aFileOfNoKnownKindIsRefusedBeforeAnyFileIsRecorded() throws Exception {
        Path junk = dir.resolve("junk.txt");
        Files.writeString(junk, "hello\nworld\n");

        Cli.Result result = cli.run("observe", fixture("nmap-scan.xml").toString(), junk.toString());

        assertThat(result.code()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("ipdesk: cannot tell what kind of file junk.txt is; name it with --format"
                + " nmap|dhcpd|kea|dnsmasq|neighbours\n");
        assertThat(observations()).isEmpty();
    }

    @Test
    void seenAtGivesATimeToANeighbourTableAndIsCheckedFirst() {
        Cli.Result future = cli.run("observe", fixture("ip-neigh.txt").toString(), "--seen-at", "2999-01-01T00:00Z");
        assertThat(future.code()).isEqualTo(1);
        assertThat(future.err()).isEqualTo("ipdesk: --seen-at 2999-01-01T00:00Z is in the future\n");
        Cli.Result words = cli.run("observe", fixture("ip-neigh.txt").toString(), "--seen-at", "yesterday");
        assertThat(words.err()).contains("'yesterday' is not a time");

        cli.ok("observe", fixture("ip-neigh.txt").toString(), "--seen-at", "2026-11-27T10:42:00Z");
        List<Observation> seen;
        try (Allocator a = Allocator.open(Location.of(db))) {
            seen = a.observations(new org.ipdesk.address.IpRange(Ip.parse("10.2.0.0"), Ip.parse("10.2.0.255")));
        }
        assertThat(seen).extracting(o -> o.ip().toString()).contains("10.2.0.1", "10.2.0.5")
                .doesNotContain("10.2.0.6", "10.2.0.7", "10.2.0.8");
        assertThat(seen)
                .allSatisfy(o -> assertThat(o.seenAt()).isEqualTo(Instant.parse("2026-11-27T10:42:00Z")));
    }

    @Test
    void whatIsNotAFileIsRefusedByName() {
        assertThat(cli.run("observe", dir.toString()).err()).isEqualTo("ipdesk: " + dir + " is a folder, not a file\n");
        assertThat(cli.run("observe", dir.resolve("none.xml").toString()).err())
                .isEqualTo("ipdesk: there is no file " + dir.resolve("none.xml") + "\n");
    }
}
