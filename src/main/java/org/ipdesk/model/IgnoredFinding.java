package org.ipdesk.model;

import java.util.Objects;
import org.ipdesk.address.Ip;

/**
 * A reconcile finding the admin chose to ignore: its address, its kind in words ("unknown-host") and what was seen
 * when it was ignored. It stays ignored while the same thing is seen; when the observation changes it shows again.
 */
public record IgnoredFinding(Ip ip, String kind, String seen) {
    public IgnoredFinding {
        Objects.requireNonNull(ip, "ip");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(seen, "seen");
    }
}
