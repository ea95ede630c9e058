package org.ipdesk.allocator;

import static org.ipdesk.allocator.Lookups.lockedSubnet;
import static org.ipdesk.allocator.Lookups.subnet;

import java.util.List;
import java.util.Optional;
import org.ipdesk.address.Ip;
import org.ipdesk.address.IpRange;
import org.ipdesk.allocator.AllocatorException.Conflict;
import org.ipdesk.allocator.AllocatorException.InvalidInput;
import org.ipdesk.model.IgnoredFinding;
import org.ipdesk.model.MacSighting;
import org.ipdesk.model.Observation;
import org.ipdesk.model.ObservationTally;
import org.ipdesk.model.Subnet;
import org.ipdesk.store.Database;

/**
 * What the network really uses: recording observations (never touching the records), reading them and the MAC
 * history back, and applying the reconcile steps an admin chose as one command.
 */
final class ObservationService {
    private final Database database;
    private final AddressService addresses;

    ObservationService(Database database, AddressService addresses) {
        this.database = database;
        this.addresses = addresses;
    }

    ObservationTally observe(List<Observation> batch) {
        if (batch.isEmpty()) {
            return new ObservationTally(0, 0, 0);
        }
        return database.write(s -> s.recordObservations(batch));
    }

    List<Observation> observations(long subnetId) {
        return database.read(s -> s.observationsIn(subnet(s, subnetId).cidr().range()));
    }

    List<Observation> observations(IpRange range) {
        return database.read(s -> s.observationsIn(range));
    }

    List<MacSighting> macHistory(Ip ip) {
        return database.read(s -> s.macSightingsIn(IpRange.of(ip)));
    }

    java.util.Map<String, Long> seenCountsBySubnet(java.time.Instant now) {
        return database.read(s -> s.seenCountsBySubnet(now, org.ipdesk.model.Subnet.DEFAULT_STALE_DAYS));
    }

    List<IgnoredFinding> ignoredFindings(IpRange range) {
        return database.read(s -> s.ignoredFindingsIn(range));
    }

    /**
     * Applies the steps in one transaction, each address's change with its own change-log row; when any step no
     * longer applies (the address was taken, changed or released meanwhile), nothing is applied and the refusal
     * names that step and why.
     */
    int apply(List<ReconcileStep> steps) {
        if (steps.isEmpty()) {
            throw new InvalidInput("no finding was chosen to apply");
        }
        if (steps.size() > Allocator.MAX_ADDRESSES_PER_COMMAND) {
            throw AddressRules.overCap("changed", steps.size());
        }
        for (ReconcileStep step : steps) {
            Optional<String> problem = step instanceof ReconcileStep.Record r ? AddressRules.detailsProblem(r.details())
                    : step instanceof ReconcileStep.Update u ? AddressRules.detailsProblem(u.details())
                    : Optional.empty();
            if (problem.isPresent()) {
                throw new InvalidInput("nothing was applied: " + step.words() + " cannot be done: " + problem.get()
                        + "; ignore that finding or record it by hand");
            }
        }
        return database.write(s -> {
            // every subnet written locked first, in id order, as a group does
            steps.stream().map(ObservationService::subnetOf).flatMap(Optional::stream).distinct().sorted()
                    .forEach(id -> lockedSubnet(s, id));
            for (ReconcileStep step : steps) {
                try {
                    if (step instanceof ReconcileStep.Record r) {
                        addresses.reserveIn(s, subnet(s, r.subnetId()), r.ip(), r.details());
                    } else if (step instanceof ReconcileStep.Update u) {
                        addresses.updateIn(s, subnet(s, u.asRead().subnetId()), u.ip(), u.details(),
                                Optional.of(u.asRead()));
                    } else if (step instanceof ReconcileStep.Release r) {
                        Subnet subnet = subnet(s, r.asRead().subnetId());
                        addresses.releaseIn(s, subnet, r.ip(), FreeSpace.blocked(s, subnet), Optional.of(r.asRead()));
                    } else if (step instanceof ReconcileStep.Ignore i) {
                        s.ignoreFinding(i.finding());
                    } else if (step instanceof ReconcileStep.Unignore u) {
                        s.forgetIgnoredFinding(u.finding());
                    }
                } catch (AllocatorException e) {
                    throw new Conflict("nothing was applied: " + step.words() + " no longer applies: "
                            + e.getMessage());
                }
            }
            return steps.size();
        });
    }

    private static Optional<Long> subnetOf(ReconcileStep step) {
        if (step instanceof ReconcileStep.Record r) {
            return Optional.of(r.subnetId());
        } else if (step instanceof ReconcileStep.Update u) {
            return Optional.of(u.asRead().subnetId());
        } else if (step instanceof ReconcileStep.Release r) {
            return Optional.of(r.asRead().subnetId());
        }
        return Optional.empty();
    }
}
