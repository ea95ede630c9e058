package org.ipdesk.service;

import java.util.Objects;
import org.ipdesk.address.Ip;

/**
 * Something in the records that a server's configuration cannot take as it is, found before anything is written:
 * its kind, the address concerned and a message naming it. The entry is left out of what it would break (see
 * {@link Kind}); the rest of the output is written.
 */
public record ServiceProblem(Kind kind, Ip address, String message) {

    /** The kinds of problem, and what each leaves out. */
    public enum Kind {
        /** The host name is not a valid DNS name (RFC 1123): the name is left out (DHCP), the entry too (DNS). */
        INVALID_HOST_NAME,
        /** Two addresses of one IP version share a host name: the second loses it (DHCP) or is left out (DNS). */
        DUPLICATE_NAME,
        /** An allocated or reserved address has no MAC: it gets no DHCP reservation. */
        NO_MAC,
        /** One MAC on two reservations in one subnet: the second gets no DHCP reservation. */
        DUPLICATE_MAC,
        /**
         * The address (or DHCP range, named by its first address) belongs to a subnet that holds child subnets:
         * a DHCP server takes one subnet per link, so IPDesk writes the innermost subnets only and leaves it out.
         */
        IN_PARENT_SUBNET,
        /**
         * The same subnet (CIDR) in two networks of one export, named by its first address: a DHCP server takes a
         * subnet once, so the one in the later network (by name) is left out with its ranges and reservations.
         */
        DUPLICATE_SUBNET,
        /**
         * The target server cannot take the entry as it is, named by its first address (dnsmasq takes DHCPv6 ranges
         * only in subnets of /64 or longer): left out of that server's file.
         */
        UNSUPPORTED,
        /**
         * The host name is a full name (it holds a dot) that does not end in the DNS zone being written: the address
         * is left out of the zone files.
         */
        OUTSIDE_ZONE,
        /** One address has two names in one reverse zone (it is held in two networks): the second is left out. */
        DUPLICATE_ADDRESS
    }

    public ServiceProblem {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(message, "message");
    }
}
