package org.ipdesk.model;

import java.time.Instant;
import org.ipdesk.address.Ip;

/**
 * A held address of a subnet. {@code rowVersion} is raised by each change of its details: an edit names the version it
 * read, and is refused when someone else changed the address in between.
 */
public record Address(long id, long subnetId, Ip ip, AddressDetails details, Instant createdAt, Instant updatedAt,
                      long rowVersion) {

    public AddressStatus status() {
        return details.status();
    }

    /** How messages name the holder: "web-01", or the status when no host name is recorded. */
    public String holder() {
        if (!details.hostname().isEmpty()) {
            return details.hostname();
        }
        if (!details.owner().isEmpty()) {
            return details.owner();
        }
        return "(no host name)";
    }
}
