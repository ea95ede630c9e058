package org.ipdesk.ui.search;

import java.nio.file.Path;
import java.util.Optional;
import org.ipdesk.address.Cidr;
import org.ipdesk.address.Ip;
import org.ipdesk.address.Mac;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.model.AddressDetails;
import org.ipdesk.model.AddressStatus;
import org.ipdesk.model.Observation;
import org.ipdesk.model.SourceKind;
import org.ipdesk.model.Subnet;
import org.ipdesk.store.Engine;
import org.ipdesk.store.Location;
import org.ipdesk.ui.SampleDatabase;

/**
 * The sample database plus 10.10.2.50 "backup-01": reserved, MAC 00:1a:2b:3c:4d:5e, owner and description; and a
 * scan ({@link #SCAN}, at {@link #SEEN}) that saw 10.10.1.3, 10.10.1.4, 10.10.2.50 and the free 10.10.1.200.
 */
final class SearchFixtures {

    static final String SCAN = "nmap-scan-0612.xml";
    static final java.time.Instant SEEN = java.time.Instant.parse("2026-06-12T08:30:00Z");

    private SearchFixtures() {
    }

    /** A new database of {@code engine} holding the sample and the backup server (a file search.db in {@code dir}). */
    static Allocator open(Engine engine, Path dir) {
        return Allocator.open(engine.seeded(dir, "search", SearchFixtures::seed));
    }

    private static void seed(Location location) {
        SampleDatabase.seed(location);
        try (Allocator allocator = Allocator.open(location)) {
            addBackupServer(allocator);
            allocator.observe(java.util.stream.Stream.of("10.10.1.3", "10.10.1.4", "10.10.2.50", "10.10.1.200")
                    .map(ip -> new Observation(Ip.parse(ip), Optional.empty(), Optional.empty(), SEEN,
                            SourceKind.NMAP, SCAN)).toList());
        }
    }

    private static void addBackupServer(Allocator allocator) {
        Subnet databases = allocator.findSubnet(Cidr.parse("10.10.2.0/24"), Optional.empty());
        allocator.reserve(databases.id(), Ip.parse("10.10.2.50"), new AddressDetails(AddressStatus.RESERVED,
                "backup-01", Optional.of(Mac.parse("00:1a:2b:3c:4d:5e")), "storage team", "Nightly backup target"));
    }
}
