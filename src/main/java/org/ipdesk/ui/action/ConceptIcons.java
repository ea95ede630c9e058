package org.ipdesk.ui.action;

import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * One icon per thing an admin works with, used for it everywhere (toolbar and menus through {@link StandardAction},
 * dialog headers, the subnet header's chips), and for nothing else: a router is always a gateway, the branching tree
 * always a subnet. FXML refers to them with {@code <ConceptIcons fx:constant="GATEWAY"/>}.
 */
public final class ConceptIcons {
    /** A network: a hub joining its subnets. */
    public static final Ikon NETWORK = Material2AL.DEVICE_HUB;
    /** A subnet: a block that branches into child subnets. */
    public static final Ikon SUBNET = Material2AL.ACCOUNT_TREE;
    /** A subnet's gateway: a router. */
    public static final Ikon GATEWAY = Material2MZ.ROUTER;
    /** A VLAN: a layer over the wire. */
    public static final Ikon VLAN = Material2AL.LAYERS;
    /** A range of addresses (DHCP pool or reserved range). */
    public static final Ikon RANGE = Material2AL.ADD_BOX;

    private ConceptIcons() {
    }
}
