package org.ipdesk.model;

import java.time.Instant;
import java.util.Objects;
import org.ipdesk.address.Ip;
import org.ipdesk.address.Mac;

/**
 * One run of one MAC on one address: first and last time it was seen there. A new run starts when another MAC was
 * seen on the address in between, so "which machine had 10.1.2.3 last Tuesday" is the run whose span holds Tuesday.
 */
public record MacSighting(Ip ip, Mac mac, Instant firstSeen, Instant lastSeen) {
    public MacSighting {
        Objects.requireNonNull(ip, "ip");
        Objects.requireNonNull(mac, "mac");
        Objects.requireNonNull(firstSeen, "firstSeen");
        Objects.requireNonNull(lastSeen, "lastSeen");
    }

    /** Whether this MAC was on the address at some time between {@code from} and {@code until} (inclusive). */
    public boolean during(Instant from, Instant until) {
        return !firstSeen.isAfter(until) && !lastSeen.isBefore(from);
    }
}
