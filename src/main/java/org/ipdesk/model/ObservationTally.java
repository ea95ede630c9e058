package org.ipdesk.model;

/**
 * What recording a batch of observations did: {@code added} addresses seen for the first time, {@code updated}
 * addresses whose stored observation a newer one replaced, and {@code older} observations that changed nothing
 * because a newer (or as new) one of the same address is stored or came in the same batch.
 */
public record ObservationTally(long added, long updated, long older) {
    public ObservationTally plus(ObservationTally other) {
        return new ObservationTally(added + other.added, updated + other.updated, older + other.older);
    }

    public long total() {
        return added + updated + older;
    }
}
