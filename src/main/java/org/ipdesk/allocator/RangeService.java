package org.ipdesk.allocator;

import static org.ipdesk.allocator.Lookups.subnet;
import static org.ipdesk.allocator.Rules.text;

import java.util.List;
import java.util.Optional;
import org.ipdesk.address.Ip;
import org.ipdesk.address.IpRange;
import org.ipdesk.allocator.AllocatorException.NotFound;
import org.ipdesk.model.AddressRange;
import org.ipdesk.model.ChangeAction;
import org.ipdesk.model.RangeKind;
import org.ipdesk.model.Subnet;
import org.ipdesk.store.Database;

/** The commands of ranges and their {@code check*} rehearsal; the rules are in {@link RangeRules}. */
final class RangeService {
    private final Database database;
    private final ChangeWriter changes;

    RangeService(Database database, ChangeWriter changes) {
        this.database = database;
        this.changes = changes;
    }

    AddressRange add(long subnetId, Ip start, Ip end, RangeKind kind, String description) {
        return database.write(s -> addIn(s, subnetId, start, end, kind, description, true));
    }

    Optional<String> checkAdd(long subnetId, Ip start, Ip end, RangeKind kind) {
        return Rules.rehearse(() -> database.rehearse(s -> addIn(s, subnetId, start, end, kind, "", true)));
    }

    /** Adds a range inside the caller's transaction; {@code log} false leaves the change log to the caller. */
    AddressRange addIn(org.ipdesk.store.Session s, long subnetId, Ip start, Ip end, RangeKind kind, String description,
                       boolean log) {
        Rules.refuse(RangeRules.descriptionProblem(description));
        // a range changes its subnet's free space: the same per-subnet lock as the address commands
        Subnet subnet = Lookups.lockedSubnet(s, subnetId);
        IpRange range = RangeRules.check(s, subnet, start, end, kind);
        long id = s.insertRange(subnetId, range, kind, text(description));
        AddressRange created = s.range(id).orElseThrow();
        FreeSpace.rebuild(s, subnet);
        if (log) {
            changes.log(s, ChangeAction.CREATE, "range", subnet.label() + " " + range, null,
                    ChangeWriter.of(subnet, created));
        }
        return created;
    }

    /**
     * Changes a range. With {@code asRead} (the range as the editor read it), the change is written only if nobody
     * changed or deleted it since (one conditional statement on its row version); otherwise
     * {@link AllocatorException.EditedElsewhere} says who, when and what.
     */
    AddressRange update(long rangeId, Ip start, Ip end, RangeKind kind, String description,
                        Optional<AddressRange> asRead) {
        return database.write(s -> updateIn(s, rangeId, start, end, kind, description, asRead));
    }

    Optional<String> checkUpdate(long rangeId, Ip start, Ip end, RangeKind kind) {
        return Rules.rehearse(() -> database.rehearse(s -> updateIn(s, rangeId, start, end, kind, "",
                Optional.empty())));
    }

    /** Changes a range under the same rules as a new one (the range itself aside), logged as one update. */
    private AddressRange updateIn(org.ipdesk.store.Session s, long rangeId, Ip start, Ip end, RangeKind kind,
                                  String description, Optional<AddressRange> asRead) {
        Rules.refuse(RangeRules.descriptionProblem(description));
        if (asRead.isPresent() && s.range(rangeId).isEmpty()) {
            Subnet of = Lookups.subnet(s, asRead.get().subnetId());
            throw CrossedEdits.refusal(s, changes.now(), "the range " + asRead.get().range() + " of " + of.label(),
                    "range", of.label() + " " + asRead.get().range(), ChangeWriter.of(of, asRead.get()),
                    Optional.empty());
        }
        Subnet subnet = Lookups.lockedSubnet(s, rangeOf(s, rangeId).subnetId());
        AddressRange before = rangeOf(s, rangeId); // as it is now that nobody else can change it
        IpRange range = RangeRules.check(s, subnet, start, end, kind, java.util.OptionalLong.of(rangeId));
        long expected = asRead.map(AddressRange::rowVersion).orElse(before.rowVersion());
        if (!s.updateRange(rangeId, expected, range, kind, text(description))) {
            throw CrossedEdits.refusal(s, changes.now(), "the range " + asRead.orElse(before).range() + " of "
                    + subnet.label(),
                    "range", subnet.label() + " " + before.range(), ChangeWriter.of(subnet, asRead.orElse(before)),
                    Optional.of(ChangeWriter.of(subnet, before)));
        }
        AddressRange after = s.range(rangeId).orElseThrow();
        FreeSpace.rebuild(s, subnet);
        changes.log(s, ChangeAction.UPDATE, "range", subnet.label() + " " + range, ChangeWriter.of(subnet, before),
                ChangeWriter.of(subnet, after));
        return after;
    }

    void delete(long rangeId) {
        database.write(s -> {
            Subnet subnet = Lookups.lockedSubnet(s, rangeOf(s, rangeId).subnetId());
            AddressRange range = rangeOf(s, rangeId);
            s.deleteRange(rangeId);
            FreeSpace.rebuild(s, subnet);
            changes.log(s, ChangeAction.DELETE, "range", subnet.label() + " " + range.range(),
                    ChangeWriter.of(subnet, range), null);
            return null;
        });
    }

    private static AddressRange rangeOf(org.ipdesk.store.Session s, long rangeId) {
        return s.range(rangeId).orElseThrow(() -> new NotFound("range " + rangeId + " does not exist"));
    }

    List<AddressRange> ranges(long subnetId) {
        return database.read(s -> {
            subnet(s, subnetId);
            return s.ranges(subnetId);
        });
    }
}
