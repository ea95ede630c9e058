package org.ipdesk.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.ipdesk.address.Ip;
import org.ipdesk.address.Mac;

/**
 * What one file said about one address: it was in use at {@code seenAt}, with this MAC and host name where the file
 * gave them. Observations are kept apart from the records; nothing seen changes a record until the admin applies a
 * finding.
 *
 * @param file the name of the file it was read from ("nmap-scan-0612.xml"), as the details say "seen by …"
 */
public record Observation(Ip ip, Optional<Mac> mac, Optional<String> hostname, Instant seenAt, SourceKind kind,
                          String file) {
    public Observation {
        Objects.requireNonNull(ip, "ip");
        Objects.requireNonNull(mac, "mac");
        Objects.requireNonNull(hostname, "hostname");
        Objects.requireNonNull(seenAt, "seenAt");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(file, "file");
    }
}
