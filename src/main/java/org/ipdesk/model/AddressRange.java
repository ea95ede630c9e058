package org.ipdesk.model;

import org.ipdesk.address.IpRange;

/** A DHCP pool or reserved range of a subnet, stored as one row (never one row per address). {@code rowVersion}
 * is raised by each change of it. */
public record AddressRange(long id, long subnetId, IpRange range, RangeKind kind, String description,
                           long rowVersion) {
}
