package org.ipdesk.allocator;

import java.util.ArrayList;
import java.util.List;
import org.ipdesk.address.Mac;
import org.ipdesk.model.AddressDetails;
import org.ipdesk.model.Subnet;
import org.ipdesk.model.SubnetSpec;

/** What an import row says differently from the record that is already there, as the preview lists it. */
final class ImportDifferences {
    private ImportDifferences() {
    }

    /** The subnet's fields the file gives other values for. */
    static List<String> of(Subnet existing, SubnetSpec spec) {
        List<String> d = new ArrayList<>();
        String name = Rules.text(spec.name());
        if (!name.isEmpty() && !name.equals(existing.name())) {
            d.add("name '" + existing.name() + "' (the file says '" + name + "')");
        }
        String description = Rules.text(spec.description());
        if (!description.isEmpty() && !description.equals(existing.description())) {
            d.add("description '" + existing.description() + "' (the file says '" + description + "')");
        }
        if (spec.vlan().isPresent() && !spec.vlan().equals(existing.vlan())) {
            d.add("VLAN " + (existing.vlan().isPresent() ? existing.vlan().getAsInt() : "none")
                    + " (the file says " + spec.vlan().getAsInt() + ")");
        }
        if (spec.staleDays().isPresent() && !spec.staleDays().equals(existing.staleDays())) {
            d.add("stale after " + existing.staleDaysOrDefault() + " days (the file says "
                    + spec.staleDays().getAsInt() + ")");
        }
        if (spec.gateway().isPresent() && !spec.gateway().equals(existing.gateway())) {
            d.add("gateway " + existing.gateway().map(Object::toString).orElse("none") + " (the file says "
                    + spec.gateway().get() + ")");
        }
        return d;
    }

    /** The address's details the file gives other values for. */
    static List<String> of(AddressDetails held, AddressDetails file) {
        List<String> d = new ArrayList<>();
        if (held.status() != file.status()) {
            d.add("status " + file.status().label());
        }
        if (!held.hostname().equals(file.hostname())) {
            d.add("host name '" + file.hostname() + "'");
        }
        if (!held.mac().equals(file.mac())) {
            d.add("MAC " + file.mac().map(Mac::canonical).orElse("(none)"));
        }
        if (!held.owner().equals(file.owner())) {
            d.add("owner '" + file.owner() + "'");
        }
        if (!held.description().equals(file.description())) {
            d.add("description '" + file.description() + "'");
        }
        return d;
    }

    /**
     * What a server's entry (MAC and host name only, each when given) says differently from the held address. Host
     * names are compared without regard to case, and a short name matches a full name that starts with it
     * ("web01" and "web01.example.com", as a reverse zone names it), either way round.
     */
    static List<String> ofReservation(AddressDetails held, AddressDetails file) {
        List<String> d = new ArrayList<>();
        String name = file.hostname();
        String heldName = held.hostname();
        if (!name.isEmpty() && !sameHost(name, heldName)) {
            d.add("host name '" + name + "'");
        }
        if (file.mac().isPresent() && !file.mac().equals(held.mac())) {
            d.add("MAC " + file.mac().get().canonical());
        }
        return d;
    }

    private static boolean sameHost(String a, String b) {
        if (b.isEmpty()) {
            return false;
        }
        String x = a.toLowerCase(java.util.Locale.ROOT);
        String y = b.toLowerCase(java.util.Locale.ROOT);
        return x.equals(y) || x.startsWith(y + ".") || y.startsWith(x + ".");
    }
}
