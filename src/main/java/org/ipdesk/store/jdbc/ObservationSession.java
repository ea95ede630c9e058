package org.ipdesk.store.jdbc;

import java.util.List;
import org.ipdesk.address.IpRange;
import org.ipdesk.model.IgnoredFinding;
import org.ipdesk.model.MacSighting;
import org.ipdesk.model.Observation;
import org.ipdesk.model.ObservationTally;
import org.ipdesk.store.Session;

/**
 * The observation statements of a session, the same SQL on both engines: an engine's session names its
 * {@link ObservationTables} and gets the rest.
 */
public interface ObservationSession extends Session {

    /** The observation tables on this transaction's connection. */
    ObservationTables observationTables();

    @Override
    default ObservationTally recordObservations(List<Observation> batch) {
        return observationTables().record(batch);
    }

    @Override
    default List<Observation> observationsIn(IpRange range) {
        return observationTables().observationsIn(range);
    }

    @Override
    default List<MacSighting> macSightingsIn(IpRange range) {
        return observationTables().sightingsIn(range);
    }

    @Override
    default List<IgnoredFinding> ignoredFindingsIn(IpRange range) {
        return observationTables().ignoredIn(range);
    }

    @Override
    default java.util.Map<String, Long> seenCountsBySubnet(java.time.Instant now, int defaultDays) {
        return observationTables().seenCountsBySubnet(now, defaultDays);
    }

    @Override
    default void ignoreFinding(IgnoredFinding finding) {
        observationTables().ignore(finding);
    }

    @Override
    default boolean forgetIgnoredFinding(IgnoredFinding finding) {
        return observationTables().forget(finding);
    }

    @Override
    default void copyObservations(List<Observation> observations, List<MacSighting> sightings,
                                  List<IgnoredFinding> ignored) {
        observationTables().copy(observations, sightings, ignored);
    }
}
