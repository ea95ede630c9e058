package org.ipdesk.observe;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.stream.Collectors;
import org.ipdesk.address.Cidr;
import org.ipdesk.address.Ip;
import org.ipdesk.address.Mac;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.model.AddressDetails;
import org.ipdesk.model.Observation;
import org.ipdesk.model.SourceKind;
import org.ipdesk.model.Subnet;
import org.ipdesk.model.SubnetSpec;
import org.ipdesk.observe.Finding.Kind;
import org.ipdesk.store.Database;
import org.ipdesk.store.Location;
import org.ipdesk.store.OpenMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A whole /16 seen by one scan: every address a finding of the right kind, in well under the time a user waits. */
class ReconcileSizeTest {
    private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");

    @TempDir
    Path dir;

    @Test
    void aSlash16WithEveryAddressSeenIsReconciledQuickly() {
        try (Allocator allocator = new Allocator(Database.open(Location.of(dir.resolve("big.db")), OpenMode.CREATE),
                Clock.fixed(NOW, ZoneOffset.UTC), "admin", new Random(1))) {
            allocator.createNetwork("dc1", "");
            Subnet big = allocator.createSubnet("dc1", new SubnetSpec(Cidr.parse("10.20.0.0/16"), "campus", "",
                    OptionalInt.empty(), Optional.empty()));
            allocator.allocateBlock(big.id(), 10_000, AddressDetails.allocated(""));
            List<Observation> scan = new ArrayList<>(65_536);
            Ip base = Ip.parse("10.20.0.0");
            for (int i = 1; i < 65_535; i++) {
                scan.add(new Observation(base.plus(i), Optional.of(Mac.parse(String.format("02:00:00:00:%02x:%02x",
                        i >> 8, i & 0xff))), Optional.empty(), NOW.minus(Duration.ofHours(1)), SourceKind.NMAP,
                        "campus.xml"));
            }
            scan.add(new Observation(Ip.parse("10.21.0.5"), Optional.empty(), Optional.empty(), NOW, SourceKind.NMAP,
                    "campus.xml"));
            allocator.observe(scan);

            long start = System.nanoTime();
            List<Finding> findings = new Reconciler(allocator).network("dc1", 30, NOW);
            long millis = (System.nanoTime() - start) / 1_000_000;

            Map<Kind, Long> byKind = findings.stream().collect(Collectors.groupingBy(Finding::kind,
                    Collectors.counting()));
            // held without a MAC: the MAC seen is news; the rest of the usable addresses are unknown hosts
            assertThat(byKind).containsExactlyInAnyOrderEntriesOf(Map.of(Kind.MAC_DIFFERS, 10_000L,
                    Kind.UNKNOWN_HOST, 65_534L - 10_000L, Kind.OUTSIDE_SUBNETS, 1L));
            assertThat(millis).as("milliseconds to reconcile a /16").isLessThan(5_000);
            System.out.println("a /16 with 65,535 observations reconciled in " + millis + " ms");
        }
    }
}
