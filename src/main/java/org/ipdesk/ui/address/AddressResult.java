package org.ipdesk.ui.address;

import java.util.List;
import org.ipdesk.model.Address;
import org.ipdesk.ui.undo.Undoable;

/**
 * What an address dialog saved: the addresses as stored (one, or a block, or a dual-stack pair), the command
 * for the window's undo stack, and a status line ("Reserved 10.10.1.50 (web-50) in 10.10.1.0/24 in dc1").
 */
public record AddressResult(List<Address> addresses, Undoable undoable, String summary) {

    public AddressResult {
        addresses = List.copyOf(addresses);
        if (addresses.isEmpty()) {
            throw new IllegalArgumentException("no address saved");
        }
    }

    /** The first (for reserve, edit and allocate-next the only) address. */
    public Address address() {
        return addresses.get(0);
    }

    /** "10.10.1.50 (web-50)", or the address alone when it has no host name. */
    static String named(Address address) {
        String name = address.details().hostname();
        return address.ip() + (name.isEmpty() ? "" : " (" + name + ")");
    }
}
