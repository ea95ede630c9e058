package org.ipdesk.model;

/** A named container of subnets: a site or a VRF. Subnets of different networks may overlap.
 * {@code rowVersion} is raised by each change of its name or description. */
public record Network(long id, String name, String description, long rowVersion) {
}
