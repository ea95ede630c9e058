package org.ipdesk.allocator;

import java.util.Optional;
import org.ipdesk.address.Ip;
import org.ipdesk.model.AddressDetails;

/** One member of an all-or-nothing group allocation: a specific address, or the next free one of a subnet. */
public record GroupRequest(long subnetId, Optional<Ip> ip, AddressDetails details) {

    public static GroupRequest next(long subnetId, AddressDetails details) {
        return new GroupRequest(subnetId, Optional.empty(), details);
    }

    public static GroupRequest specific(long subnetId, Ip ip, AddressDetails details) {
        return new GroupRequest(subnetId, Optional.of(ip), details);
    }
}
