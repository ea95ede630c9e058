package org.ipdesk.service;

import java.util.Objects;
import java.util.Optional;
import org.ipdesk.address.Cidr;
import org.ipdesk.address.InvalidAddressException;

/**
 * What an export covers: everything, one network, or one subnet and its child subnets. A subnet needs its network
 * only when its CIDR exists in several networks.
 */
public record ServiceScope(Optional<String> network, Optional<Cidr> subnet) {

    public ServiceScope {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(subnet, "subnet");
    }

    /** Every network. */
    public static ServiceScope everything() {
        return new ServiceScope(Optional.empty(), Optional.empty());
    }

    /** One network. */
    public static ServiceScope network(String name) {
        return new ServiceScope(Optional.of(name), Optional.empty());
    }

    /** One subnet (and its child subnets), found in whichever network holds it. */
    public static ServiceScope subnet(Cidr cidr) {
        return new ServiceScope(Optional.empty(), Optional.of(cidr));
    }

    /** One subnet (and its child subnets) of one network. */
    public static ServiceScope subnet(String network, Cidr cidr) {
        return new ServiceScope(Optional.of(network), Optional.of(cidr));
    }

    /**
     * The command line's {@code [NETWORK|CIDR]}: nothing is everything, a CIDR (text with a '/') names a subnet,
     * anything else a network. A CIDR that does not parse is refused with the reason.
     */
    public static ServiceScope parse(String text) {
        if (text == null || text.isBlank()) {
            return everything();
        }
        String given = text.strip();
        if (given.contains("/")) {
            try {
                return subnet(Cidr.parse(given));
            } catch (InvalidAddressException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
        }
        return network(given);
    }

    /** "everything", "network dc1", "subnet 10.0.0.0/24", "subnet 10.0.0.0/24 in dc1": for messages and the UI. */
    public String describe() {
        if (subnet.isPresent()) {
            return "subnet " + subnet.get() + network.map(n -> " in " + ServiceTarget.printable(n)).orElse("");
        }
        return network.map(n -> "network " + ServiceTarget.printable(n)).orElse("everything");
    }
}
