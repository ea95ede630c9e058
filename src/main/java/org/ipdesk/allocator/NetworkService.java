package org.ipdesk.allocator;

import static org.ipdesk.allocator.Rules.text;

import java.util.List;
import java.util.Optional;
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

    /**
     * Renames or describes a network. With {@code asRead} (the network as the editor read it), the change is written
     * only if nobody changed it since (one conditional statement on its row version); otherwise
     * {@link AllocatorException.EditedElsewhere} says who, when and what.
     */
    Network update(String name, String newName, String description, Optional<Network> asRead) {
        String clean = NetworkRules.check(newName, description);
        return database.write(s -> {
            Optional<Network> byId = asRead.flatMap(read -> s.networks().stream().filter(n -> n.id() == read.id())
                    .findFirst());
            if (asRead.isPresent() && byId.isEmpty()) {
                throw CrossedEdits.refusal(s, changes.now(), "network '" + asRead.get().name() + "'", "network",
                        asRead.get().name(), ChangeWriter.of(asRead.get()), Optional.empty());
            }
            Network before = byId.orElseGet(() -> Lookups.network(s, name));
            s.networkByName(clean).filter(other -> other.id() != before.id()).ifPresent(other -> {
                throw new Conflict("a network named '" + other.name() + "' already exists");
            });
            long expected = asRead.map(Network::rowVersion).orElse(before.rowVersion());
            if (!s.updateNetwork(new Network(before.id(), clean, text(description), expected))) {
                throw CrossedEdits.refusal(s, changes.now(), "network '" + asRead.orElse(before).name() + "'", "network",
                        before.name(), ChangeWriter.of(asRead.orElse(before)), Optional.of(ChangeWriter.of(before)));
            }
            Network after = new Network(before.id(), clean, text(description), before.rowVersion() + 1);
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
