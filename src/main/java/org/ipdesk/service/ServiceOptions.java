package org.ipdesk.service;

import java.util.Objects;
import java.util.Optional;

/**
 * What an export may be told beyond its target and scope, with {@link #defaults()} giving the value every caller gets
 * when it says nothing.
 *
 * @param bind the zone name, name server, hostmaster, TTL and folder of BIND zone files (the BIND target needs them)
 */
public record ServiceOptions(Optional<BindSettings> bind) {

    public ServiceOptions {
        Objects.requireNonNull(bind, "bind");
    }

    /** The options when nothing is chosen. */
    public static ServiceOptions defaults() {
        return new ServiceOptions(Optional.empty());
    }

    /** The options of a BIND export. */
    public static ServiceOptions bind(BindSettings settings) {
        return new ServiceOptions(Optional.of(settings));
    }
}
