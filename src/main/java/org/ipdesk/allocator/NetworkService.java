package org.ipdesk.allocator;

import static org.ipdesk.allocator.Rules.text;

import java.util.List;
import org.ipdesk.allocator.AllocatorException.Conflict;
import org.ipdesk.model.ChangeAction;
import org.ipdesk.model.Network;
import org.ipdesk.store.Database;
import org.ipdesk.store.Session;

/** The commands of networks; their rules are in {@link NetworkRules}. */
final class NetworkService {
    private final Database database;
    private final ChangeWriter changes;

    NetworkService(Database database, ChangeWriter changes) {
        this.database = database;
        this.changes = changes;
    }

    Network create(String name, String description) {
        String clean = NetworkRules.check(name, description);
        return database.write(s -> {
            s.networkByName(clean).ifPresent(existing -> {
                throw new Conflict("a network named '" + existing.name() + "' already exists");
            });
            Network network = s.insertNetwork(clean, text(description));
            changes.log(s, ChangeAction.CREATE, "network", clean, null, ChangeWriter.of(network));
            return network;
        });
    }

    Network update(String name, String newName, String description) {
        String clean = NetworkRules.check(newName, description);
        return database.write(s -> {
            Network before = Lookups.network(s, name);
            s.networkByName(clean).filter(other -> other.id() != before.id()).ifPresent(other -> {
                throw new Conflict("a network named '" + other.name() + "' already exists");
            });
            Network after = new Network(before.id(), clean, text(description));
            s.updateNetwork(after);
            changes.log(s, ChangeAction.UPDATE, "network", clean, ChangeWriter.of(before), ChangeWriter.of(after));
            return after;
        });
    }

    void delete(String name) {
        database.write(s -> {
            Network network = Lookups.network(s, name);
            int subnets = s.subnetsOf(network.id()).size();
            if (subnets > 0) {
                throw new Conflict("network '" + network.name() + "' still has " + subnets
                        + (subnets == 1 ? " subnet" : " subnets") + "; delete them first");
            }
            s.deleteNetwork(network.id());
            changes.log(s, ChangeAction.DELETE, "network", network.name(), ChangeWriter.of(network), null);
            return null;
        });
    }

    List<Network> networks() {
        return database.read(Session::networks);
    }

    Network network(String name) {
        return database.read(s -> Lookups.network(s, name));
    }
}
