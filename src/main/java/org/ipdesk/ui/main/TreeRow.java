package org.ipdesk.ui.main;

import java.util.List;

/**
 * One line of the network tree, ready to show: a network (its name and description) or a subnet (its CIDR,
 * name, VLAN), with its usage, and the subnets below it.
 */
public record TreeRow(Kind kind, String label, String name, String vlan, String usage, String used,
                      List<TreeRow> children) {

    public enum Kind {
        NETWORK,
        SUBNET
    }

    public TreeRow {
        children = List.copyOf(children);
    }
}
