package org.ipdesk.allocator;

import org.ipdesk.address.Ip;

/**
 * A command the allocator refused. Every refusal leaves the database as it was; the message names the
 * conflicting object in words an admin understands.
 */
public abstract sealed class AllocatorException extends RuntimeException {

    protected AllocatorException(String message) {
        super(message);
    }

    /** The requested address does not lie in the subnet. */
    public static final class AddressOutsideSubnet extends AllocatorException {
        public AddressOutsideSubnet(String message) {
            super(message);
        }
    }

    /** The address is the network, broadcast or subnet-router anycast address. */
    public static final class AddressNotUsable extends AllocatorException {
        public AddressNotUsable(String message) {
            super(message);
        }
    }

    /** The address is already held; the message names the holder. */
    public static final class AddressInUse extends AllocatorException {
        private final Ip ip;
        private final String holder;

        public AddressInUse(Ip ip, String holder, String message) {
            super(message);
            this.ip = ip;
            this.holder = holder;
        }

        public Ip ip() {
            return ip;
        }

        public String holder() {
            return holder;
        }
    }

    /** The address lies in a DHCP pool (or the gateway / a range forbids it). */
    public static final class AddressInRange extends AllocatorException {
        public AddressInRange(String message) {
            super(message);
        }
    }

    /** No free address (or block) is left. */
    public static final class SubnetExhausted extends AllocatorException {
        public SubnetExhausted(String message) {
            super(message);
        }
    }

    /** A named network, subnet, range or address does not exist. */
    public static final class NotFound extends AllocatorException {
        public NotFound(String message) {
            super(message);
        }
    }

    /** The object would clash with one that exists (duplicate name or CIDR, overlapping range, ambiguity). */
    public static final class Conflict extends AllocatorException {
        public Conflict(String message) {
            super(message);
        }
    }

    /**
     * Someone else changed (or deleted) the network, subnet, range or address after this editor read it: nothing was
     * written. The message says who, when and what changed.
     */
    public static final class EditedElsewhere extends AllocatorException {
        public EditedElsewhere(String message) {
            super(message);
        }
    }

    /** A value is malformed or out of bounds (VLAN, host name, MAC, CIDR text...). */
    public static final class InvalidInput extends AllocatorException {
        public InvalidInput(String message) {
            super(message);
        }
    }
}
