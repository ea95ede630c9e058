package org.ipdesk.allocator;

import static org.ipdesk.allocator.Lookups.subnet;
import static org.ipdesk.allocator.Rules.text;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.ipdesk.address.Ip;
import org.ipdesk.allocator.AllocatorException.InvalidInput;
import org.ipdesk.model.Change;
import org.ipdesk.model.ChangeFilter;
import org.ipdesk.store.Database;
import org.ipdesk.store.Session;

/** Reading the change log. */
final class ChangeLogQueries {
    private final Database database;

    ChangeLogQueries(Database database) {
        this.database = database;
    }

    List<Change> addressHistory(long subnetId, Ip ip, int limit) {
        return database.read(s -> s.changes("address", subnet(s, subnetId).label() + " " + ip, limit));
    }

    List<Change> history(String objectType, String objectKey, int limit) {
        return database.read(s -> s.changes(text(objectType), text(objectKey), limit));
    }

    List<Change> changes(ChangeFilter filter, ZoneId zone, int limit) {
        if (limit < 0) {
            throw new InvalidInput("the limit is negative");
        }
        Session.ChangeQuery query = changeQuery(filter, zone);
        return database.read(s -> s.changes(query, limit));
    }

    long countChanges(ChangeFilter filter, ZoneId zone) {
        Session.ChangeQuery query = changeQuery(filter, zone);
        return database.read(s -> s.countChanges(query));
    }

    List<String> changeUsers() {
        return database.read(Session::changeUsers);
    }

    private static Session.ChangeQuery changeQuery(ChangeFilter filter, ZoneId zone) {
        Optional<String> problem = filter.problem();
        if (problem.isPresent()) {
            throw new InvalidInput(problem.get());
        }
        Optional<ChangeFilter.SubnetKey> subnet = filter.subnetKey();
        return new Session.ChangeQuery(
                subnet.filter(k -> k.network().isPresent()).map(ChangeFilter.SubnetKey::label),
                subnet.filter(k -> k.network().isEmpty()).map(k -> k.cidr().toString()),
                filter.ip().map(Ip::toString),
                filter.user(),
                filter.from().map(day -> day.atStartOfDay(zone).toInstant()),
                filter.to().map(day -> day.plusDays(1).atStartOfDay(zone).toInstant()));
    }
}
