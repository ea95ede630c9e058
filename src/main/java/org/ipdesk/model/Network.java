package org.ipdesk.model;

/** A named container of subnets: a site or a VRF. Subnets of different networks may overlap. */
public record Network(long id, String name, String description) {
}
