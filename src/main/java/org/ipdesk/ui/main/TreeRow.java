package org.ipdesk.ui.main;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.ipdesk.model.Network;
import org.ipdesk.model.Subnet;

/**
 * One line of the network tree, ready to show: a network (its name and description) or a subnet (its CIDR,
 * name, VLAN), with its usage, and the subnets below it. {@code fraction} is the used share from 0 to 1, or
 * negative where a figure means nothing (a network holding both IPv4 and IPv6 subnets).
 */
public record TreeRow(Kind kind, String label, String name, String vlan, String usage, String used, double fraction,
                      Network network, Optional<Subnet> subnet, List<TreeRow> children) {

    public enum Kind {
        NETWORK,
        SUBNET
    }

    public TreeRow {
        children = List.copyOf(children);
    }

    /** Identifies the row across reloads: "n:ID" for a network, "s:ID" for a subnet. */
    public String key() {
        return subnet.map(s -> "s:" + s.id()).orElse("n:" + network.id());
    }

    /** Whether the row itself (not its children) matches a filter text, already lower-cased. */
    boolean matches(String lowerCaseText) {
        return contains(label, lowerCaseText) || contains(name, lowerCaseText) || contains(vlan, lowerCaseText)
                || subnet.map(s -> contains(s.description(), lowerCaseText)
                        || s.gateway().map(g -> contains(g.toString(), lowerCaseText)).orElse(false)).orElse(false)
                || (kind == Kind.NETWORK && contains(network.description(), lowerCaseText));
    }

    TreeRow withChildren(List<TreeRow> newChildren) {
        return new TreeRow(kind, label, name, vlan, usage, used, fraction, network, subnet, newChildren);
    }

    private static boolean contains(String text, String lowerCaseText) {
        return text != null && text.toLowerCase(Locale.ROOT).contains(lowerCaseText);
    }
}
