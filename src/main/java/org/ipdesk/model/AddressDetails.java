package org.ipdesk.model;

import java.util.Optional;
import org.ipdesk.address.Mac;

/** What an admin records about an address. Empty strings mean "not given". */
public record AddressDetails(AddressStatus status, String hostname, Optional<Mac> mac, String owner,
                             String description) {

    public AddressDetails {
        hostname = hostname == null ? "" : hostname.strip();
        owner = owner == null ? "" : owner.strip();
        description = description == null ? "" : description.strip();
        mac = mac == null ? Optional.empty() : mac;
        if (status == null) {
            status = AddressStatus.ALLOCATED;
        }
    }

    public static AddressDetails allocated(String hostname) {
        return new AddressDetails(AddressStatus.ALLOCATED, hostname, Optional.empty(), "", "");
    }

    public static AddressDetails of(AddressStatus status) {
        return new AddressDetails(status, "", Optional.empty(), "", "");
    }

    public AddressDetails withStatus(AddressStatus newStatus) {
        return new AddressDetails(newStatus, hostname, mac, owner, description);
    }
}
