package org.ipdesk.ui.search;

import java.nio.file.Path;
import java.util.Optional;
import org.ipdesk.address.Cidr;
import org.ipdesk.address.Ip;
import org.ipdesk.address.Mac;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.model.AddressDetails;
import org.ipdesk.model.AddressStatus;
import org.ipdesk.model.Subnet;
import org.ipdesk.store.Engine;
import org.ipdesk.store.Location;
import org.ipdesk.ui.SampleDatabase;

/** The sample database plus 10.10.2.50 "backup-01": reserved, MAC 00:1a:2b:3c:4d:5e, owner and description. */
final class SearchFixtures {

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
        }
    }

    private static void addBackupServer(Allocator allocator) {
        Subnet databases = allocator.findSubnet(Cidr.parse("10.10.2.0/24"), Optional.empty());
        allocator.reserve(databases.id(), Ip.parse("10.10.2.50"), new AddressDetails(AddressStatus.RESERVED,
                "backup-01", Optional.of(Mac.parse("00:1a:2b:3c:4d:5e")), "storage team", "Nightly backup target"));
    }
}
