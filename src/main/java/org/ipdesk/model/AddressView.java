package org.ipdesk.model;

/** An address with the subnet and network it lives in, as search and listings show it. */
public record AddressView(Address address, Subnet subnet) {
}
