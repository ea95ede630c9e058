package org.ipdesk.model;

/**
 * An address with the subnet (and so the network) it lives in, as search results and the address list show it.
 */
public record PlacedAddress(Address address, Subnet subnet) {
}
