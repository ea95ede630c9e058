package org.ipdesk.allocator;

import static org.ipdesk.allocator.Lookups.network;
import static org.ipdesk.allocator.Lookups.subnet;

import java.util.Map;
import java.util.OptionalLong;
import org.ipdesk.model.Network;
import org.ipdesk.model.Subnet;
import org.ipdesk.model.Usage;
import org.ipdesk.model.UsageBreakdown;
import org.ipdesk.store.Database;
import org.ipdesk.store.Session;

/** Utilisation figures and counts, and the whole database read as one snapshot. */
final class UsageQueries {
    private final Database database;

    UsageQueries(Database database) {
        this.database = database;
    }

    Map<Long, Usage> usageBySubnet() {
        return database.read(UsageCalculator::compute);
    }

    Usage usage(long subnetId) {
        return database.read(s -> UsageCalculator.computeOne(s, subnet(s, subnetId)));
    }

    UsageBreakdown breakdown(long subnetId) {
        return database.read(s -> {
            Subnet subnet = subnet(s, subnetId);
            return new UsageBreakdown(UsageCalculator.computeOne(s, subnet), UsageCalculator.states(s, subnet));
        });
    }

    long addressCount() {
        return database.read(Session::countAllAddresses);
    }

    <T> T readEverything(java.util.function.Function<DatabaseContents, T> reader) {
        return database.read(s -> reader.apply(new DatabaseContents(s)));
    }

    Usage networkUsage(String networkName) {
        return database.read(s -> {
            Network network = network(s, networkName);
            Map<Long, Usage> all = UsageCalculator.compute(s);
            Usage total = Usage.ZERO;
            for (Subnet subnet : s.children(network.id(), OptionalLong.empty())) {
                total = total.plus(all.get(subnet.id()));
            }
            return total;
        });
    }

    long heldAddressCount(long subnetId) {
        return database.read(s -> {
            subnet(s, subnetId);
            return s.countAddresses(subnetId);
        });
    }
}
