package org.ipdesk.allocator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import org.ipdesk.address.Cidr;
import org.ipdesk.address.Ip;
import org.ipdesk.address.IpRange;
import org.ipdesk.address.Mac;
import org.ipdesk.model.AddressDetails;
import org.ipdesk.model.MacSighting;
import org.ipdesk.model.Observation;
import org.ipdesk.model.ObservationTally;
import org.ipdesk.model.SourceKind;
import org.ipdesk.model.Subnet;
import org.ipdesk.model.SubnetSpec;
import org.ipdesk.store.Database;
import org.ipdesk.store.Engine;
import org.ipdesk.store.OpenMode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** What is kept of observations, on both engines: the newest wins, the MAC history, and the records untouched. */
@ParameterizedClass
@EnumSource(Engine.class)
class ObservationStoreTest {
    private static final Instant MONDAY = Instant.parse("2026-11-23T09:00:00Z");
    private static final Mac A = Mac.parse("00:11:22:33:44:aa");
    private static final Mac B = Mac.parse("00:11:22:33:44:bb");

    @Parameter
    Engine engine;

    @TempDir
    Path dir;

    private Allocator allocator;
    private Subnet lan;

    @BeforeEach
    void setUp() {
        allocator = new Allocator(Database.open(engine.fresh(dir, "observe"), OpenMode.CREATE),
                Clock.fixed(MONDAY, ZoneOffset.UTC), "admin", new Random(1));
        allocator.createNetwork("dc1", "");
        lan = allocator.createSubnet("dc1", new SubnetSpec(Cidr.parse("10.1.2.0/24"), "lan", "", OptionalInt.empty(),
                Optional.empty()));
        allocator.reserve(lan.id(), Ip.parse("10.1.2.3"), AddressDetails.allocated("web-01"));
    }

    @AfterEach
    void tearDown() {
        allocator.close();
    }

    private static Observation seen(String ip, Mac mac, String host, Instant at, String file) {
        return new Observation(Ip.parse(ip), Optional.ofNullable(mac), Optional.ofNullable(host), at, SourceKind.NMAP,
                file);
    }

    @Test
    void theNewestObservationWinsAndAnOlderFileNeverOverwritesIt() {
        ObservationTally first = allocator.observe(List.of(seen("10.1.2.3", A, "web-01", MONDAY, "monday.xml"),
                seen("10.1.2.4", null, null, MONDAY, "monday.xml")));
        assertThat(first).isEqualTo(new ObservationTally(2, 0, 0));

        ObservationTally later = allocator.observe(List.of(
                seen("10.1.2.3", B, "web-02", MONDAY.plus(Duration.ofDays(1)), "tuesday.xml"),
                seen("10.1.2.4", null, null, MONDAY.minus(Duration.ofDays(3)), "friday.xml")));
        assertThat(later).isEqualTo(new ObservationTally(0, 1, 1));

        List<Observation> stored = allocator.observations(lan.id());
        assertThat(stored).extracting(o -> o.ip().toString(), Observation::file, o -> o.mac().map(Mac::canonical))
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("10.1.2.3", "tuesday.xml", Optional.of(B.canonical())),
                        org.assertj.core.groups.Tuple.tuple("10.1.2.4", "monday.xml", Optional.empty()));
        assertThat(stored.get(0).seenAt()).isEqualTo(MONDAY.plus(Duration.ofDays(1)));
        assertThat(stored.get(0).hostname()).contains("web-02");
    }

    @Test
    void aNewerObservationWithoutAMacKeepsTheMacSeenBefore() {
        allocator.observe(List.of(seen("10.1.2.3", A, "web-01", MONDAY, "leases")));
        allocator.observe(List.of(seen("10.1.2.3", null, null, MONDAY.plusSeconds(60), "scan.xml")));

        Observation stored = allocator.observations(lan.id()).get(0);
        assertThat(stored.file()).isEqualTo("scan.xml");
        assertThat(stored.mac()).contains(A);
        assertThat(stored.hostname()).contains("web-01");
    }

    @Test
    void theMacHistorySaysWhichMachineHadTheAddressOnAGivenDay() {
        Instant tuesday = MONDAY.plus(Duration.ofDays(1));
        Instant wednesday = MONDAY.plus(Duration.ofDays(2));
        allocator.observe(List.of(seen("10.1.2.3", A, null, MONDAY, "mon.xml"),
                seen("10.1.2.3", A, null, MONDAY.plusSeconds(3600), "mon2.xml")));
        allocator.observe(List.of(seen("10.1.2.3", B, null, tuesday, "tue.xml")));
        allocator.observe(List.of(seen("10.1.2.3", A, null, wednesday, "wed.xml")));
        // a file of Monday afternoon read late changes nothing: Monday's run of A already holds it
        allocator.observe(List.of(seen("10.1.2.3", A, null, MONDAY.plusSeconds(1800), "late.xml")));

        List<MacSighting> history = allocator.macHistory(Ip.parse("10.1.2.3"));
        assertThat(history).extracting(MacSighting::mac, MacSighting::firstSeen, MacSighting::lastSeen).containsExactly(
                org.assertj.core.groups.Tuple.tuple(A, MONDAY, MONDAY.plusSeconds(3600)),
                org.assertj.core.groups.Tuple.tuple(B, tuesday, tuesday),
                org.assertj.core.groups.Tuple.tuple(A, wednesday, wednesday));
        assertThat(history).filteredOn(s -> s.during(tuesday.minusSeconds(7200), tuesday.plusSeconds(7200)))
                .extracting(MacSighting::mac).containsExactly(B);
        assertThat(allocator.macHistory(Ip.parse("10.1.2.4"))).isEmpty();
    }

    @Test
    void observationsNeverChangeTheRecordsOrTheChangeLog() {
        var before = allocator.addresses(lan.id());
        int changes = allocator.history("", "", 1000).size();

        allocator.observe(List.of(seen("10.1.2.3", B, "other", MONDAY, "scan.xml"),
                seen("10.1.2.9", A, "new", MONDAY, "scan.xml")));

        assertThat(allocator.addresses(lan.id())).isEqualTo(before);
        assertThat(allocator.history("", "", 1000)).hasSize(changes);
    }

    @Test
    void anIpv6ObservationIsNotReadAsAnIpv4OneWithTheSameFirstBytes() {
        // 0a01:0203:: starts with the bytes of 10.1.2.3
        allocator.observe(List.of(seen("a01:203::", null, null, MONDAY, "v6.xml"),
                seen("10.1.2.3", null, null, MONDAY, "v4.xml")));

        assertThat(allocator.observations(lan.id())).extracting(Observation::file).containsExactly("v4.xml");
        assertThat(allocator.observations(Cidr.parse("a01::/16").range())).extracting(Observation::file)
                .containsExactly("v6.xml");
    }

    @Test
    void aCopyOfTheDatabaseKeepsTheObservationsTheMacHistoryAndTheIgnoredFindings() {
        allocator.observe(List.of(seen("10.1.2.3", A, "web-01", MONDAY, "mon.xml"),
                seen("2001:db8::7", B, null, MONDAY, "neigh.txt")));
        allocator.observe(List.of(seen("10.1.2.3", B, "web-01", MONDAY.plusSeconds(60), "mon2.xml")));
        allocator.applyReconcile(List.of(new ReconcileStep.Ignore(
                new org.ipdesk.model.IgnoredFinding(Ip.parse("10.1.2.3"), "mac-differs", "MAC " + B))));
        org.ipdesk.store.Location copy = org.ipdesk.store.Location.of(dir.resolve("copy.db"));

        allocator.copyTo(copy, org.ipdesk.store.Credentials.NONE, () -> false, org.ipdesk.store.DatabaseCopy.Progress.NONE);

        try (Allocator copied = Allocator.open(copy, OpenMode.EXISTING)) {
            assertThat(copied.observations(lan.id())).isEqualTo(allocator.observations(lan.id()));
            assertThat(copied.observations(Cidr.parse("2001:db8::/64").range())).hasSize(1);
            assertThat(copied.macHistory(Ip.parse("10.1.2.3"))).hasSize(2)
                    .isEqualTo(allocator.macHistory(Ip.parse("10.1.2.3")));
            assertThat(copied.ignoredFindings(lan.cidr().range())).extracting(i -> i.kind() + " " + i.seen())
                    .containsExactly("mac-differs MAC " + B);
        }
    }

    @Test
    void aHundredThousandObservationsAreRecordedInOneGoQuickly() {
        List<Observation> batch = new ArrayList<>(100_000);
        Ip base = Ip.parse("10.64.0.0");
        for (int i = 0; i < 100_000; i++) {
            batch.add(new Observation(base.plus(i), Optional.of(Mac.parse(String.format("02:00:00:%02x:%02x:%02x",
                    (i >> 16) & 0xff, (i >> 8) & 0xff, i & 0xff))), Optional.empty(), MONDAY, SourceKind.KEA,
                    "kea-leases4.csv"));
        }
        long start = System.nanoTime();
        ObservationTally tally = allocator.observe(batch);
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(tally).isEqualTo(new ObservationTally(100_000, 0, 0));
        assertThat(allocator.observations(new IpRange(base, base.plus(99_999)))).hasSize(100_000);
        assertThat(millis).as("milliseconds to record 100,000 observations").isLessThan(20_000);
        System.out.println(engine + ": 100,000 observations recorded in " + millis + " ms");
    }
}
