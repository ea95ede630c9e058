package org.ipdesk.address;

/** Text that is not a valid IP address, CIDR, range or MAC; the message names the problem. */
public final class InvalidAddressException extends IllegalArgumentException {
    public InvalidAddressException(String message) {
        super(message);
    }
}
