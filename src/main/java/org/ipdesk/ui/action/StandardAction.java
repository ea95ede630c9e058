package org.ipdesk.ui.action;

import java.util.Optional;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;
import org.kordamp.ikonli.material2.Material2OutlinedAL;

/**
 * The catalogue of the main window's actions, each declared once: its label with mnemonic, icon, accelerator, what
 * Help → Keyboard shortcuts says of it, and its toolbar text and tooltip. {@link ActionFactory} builds menu items,
 * toolbar buttons and context menu items from it; {@code help/KeyboardShortcuts} lists the accelerators in the order
 * declared here (the actions with an accelerator come first, in the order the shortcuts window shows them). A toggle
 * action (View → Dark theme) is built as a check menu item and a toggle button over a boolean property.
 */
public enum StandardAction {

    OPEN_DATABASE(spec("_Open\u2026", Material2AL.FOLDER_OPEN, "Shortcut+O", "Open a database")),
    NEW_DATABASE(spec("_New database\u2026", Material2AL.CREATE_NEW_FOLDER, "Shortcut+Shift+N", "New database")),
    FIND(spec("_Find\u2026", Material2MZ.SEARCH, "Shortcut+F", "Search addresses, host names, MACs and owners")),
    NEW_SUBNET(spec("New _subnet\u2026", ConceptIcons.SUBNET, "Shortcut+Shift+S", "New subnet")
            .tool("Subnet", "New subnet")),
    ALLOCATE_NEXT(spec("Allocate _next free", Material2MZ.NEXT_PLAN, "Shortcut+N",
            "Allocate the next free address in the selected subnet")
            .tool("Next free", "Allocate the next free address")),
    RESERVE(spec("_Reserve\u2026", Material2AL.ADD_LOCATION, "Shortcut+R", "Reserve a specific address in the selected subnet")
            .tool("Reserve", "Reserve a specific address")),
    EDIT(spec("_Edit\u2026", Material2AL.EDIT, "F2", "Edit the selected network or subnet")
            .tool(null, "Edit the selected network or subnet")),
    COPY(spec("_Copy", Material2AL.CONTENT_COPY, "Shortcut+C",
            "Copy the selected address(es) in the grid, or the subnet in the tree")),
    UNDO(spec("_Undo", Material2MZ.UNDO, "Shortcut+Z", "Undo")),
    REDO(spec("_Redo", Material2MZ.REDO, "Shortcut+Shift+Z", "Redo").alternative("Shortcut+Y")),
    REFRESH(spec("_Refresh", Material2MZ.REFRESH, "F5", "Read the database again")
            .tool(null, "Read the database again").noIconInMenus()),
    HISTORY(spec("_History\u2026", Material2AL.HISTORY, "Shortcut+H", "History of changes")),
    USAGE(spec("_Usage dashboard\u2026", Material2AL.INSERT_CHART_OUTLINED, "Shortcut+U", "Usage dashboard")),
    RECONCILE(spec("Re_concile\u2026", Material2AL.COMPARE_ARROWS, "Shortcut+Shift+R",
            "Reconcile the selected network or subnet with what scans and leases saw")),
    PREFERENCES(spec("Pre_ferences\u2026", Material2MZ.SETTINGS, "Shortcut+Comma", "Preferences")),
    NEXT_PANE(spec("Ne_xt pane", null, "F6", "Move the keyboard to the next pane: tree, grid, details")),
    PREVIOUS_PANE(spec("Pre_vious pane", null, "Shift+F6", "Move the keyboard to the previous pane")),
    SHORTCUTS(spec("_Keyboard shortcuts", Material2AL.KEYBOARD, "F1", "Keyboard shortcuts (this list)")),
    QUIT(spec("_Quit", null, "Shortcut+Q", "Quit")),

    OPEN_DEFAULT(spec("Open the _default database", Material2MZ.STORAGE)),
    CONNECT_TEAM(spec("_Connect to a team database\u2026", Material2AL.DNS)),
    IMPORT_CSV(spec("_Import\u2026", null)),
    EXPORT_ADDRESSES(spec("_Export addresses\u2026", null)),
    EXPORT_DATABASE(spec("Export da_tabase\u2026", null)),
    EXPORT_SERVICE(spec("Export to D_HCP/DNS\u2026", Material2MZ.SETTINGS_ETHERNET)),
    BACK_UP(spec("_Back up\u2026", null)),
    RESTORE(spec("Re_store\u2026", null)),
    COPY_TO_TEAM(spec("Cop_y to team database\u2026", Material2AL.CLOUD_UPLOAD)),

    NEW_NETWORK(spec("New _network\u2026", ConceptIcons.NETWORK).tool("Network", "New network")),
    NEW_RANGE(spec("New _range from the selection\u2026", ConceptIcons.RANGE)
            .tool("Range", "New DHCP pool or reserved range from the cells selected in the grid")),
    DELETE(spec("_Delete\u2026", Material2AL.DELETE).tool(null, "Delete the selected network or subnet")),
    EDIT_RANGE(spec("Edit the range at the selected _address\u2026", Material2OutlinedAL.EDIT)),
    DELETE_RANGE(spec("Delete the ran_ge at the selected address\u2026", Material2AL.DELETE_OUTLINE)),
    NEW_CHILD_SUBNET(spec("New _child subnet from the next free block\u2026", Material2AL.CALL_SPLIT)),

    ALLOCATE_BLOCK(spec("Allocate _block\u2026", Material2MZ.VIEW_MODULE)),
    ALLOCATE_PAIR(spec("Allocate dual-stack _pair\u2026", Material2MZ.SETTINGS_ETHERNET)),
    EDIT_ADDRESS(spec("_Edit address\u2026", Material2AL.EDIT).inContextMenus("_Reserve or edit\u2026")),
    RELEASE(spec("Re_lease\u2026 (Delete in the grid)", Material2MZ.REMOVE_CIRCLE_OUTLINE).inContextMenus("Re_lease\u2026")
            .tool(null, "Release the selected address(es) (Delete)")),
    MARK_RANGE(spec("Mark as DHCP pool or reserved ran_ge\u2026", ConceptIcons.RANGE)),

    DARK_THEME(spec("_Dark theme", Material2MZ.NIGHTS_STAY).tool(null, "Dark theme").noIconInMenus()
            .toggle(Material2MZ.WB_SUNNY)),

    HOW_IT_WORKS(spec("_How IPDesk works", Material2AL.HELP_OUTLINE)),
    ABOUT(spec("_About IPDesk", Material2AL.INFO));

    private final String text;
    private final Ikon icon;
    private final String keys;
    private final String help;
    private final String alternativeKeys;
    private final boolean iconInMenus;
    private final String contextText;
    private final String toolText;
    private final String tip;
    private final Ikon iconWhenOn;

    StandardAction(Spec spec) {
        this.text = spec.text;
        this.icon = spec.icon;
        this.keys = spec.keys;
        this.help = spec.help;
        this.alternativeKeys = spec.alternativeKeys;
        this.iconInMenus = spec.iconInMenus;
        this.contextText = spec.contextText == null ? spec.text : spec.contextText;
        this.toolText = spec.toolText;
        this.tip = spec.tip;
        this.iconWhenOn = spec.iconWhenOn;
    }

    private static Spec spec(String text, Ikon icon) {
        return new Spec(text, icon, null, null);
    }

    private static Spec spec(String text, Ikon icon, String keys, String help) {
        return new Spec(text, icon, keys, help);
    }

    /** How an action is declared: the required parts, then what only some actions have. */
    private static final class Spec {
        private final String text;
        private final Ikon icon;
        private final String keys;
        private final String help;
        private String alternativeKeys;
        private boolean iconInMenus = true;
        private String contextText;
        private String toolText;
        private String tip;
        private Ikon iconWhenOn;

        Spec(String text, Ikon icon, String keys, String help) {
            this.text = text;
            this.icon = icon;
            this.keys = keys;
            this.help = help;
        }

        Spec tool(String text, String tip) {
            this.toolText = text;
            this.tip = tip;
            return this;
        }

        Spec alternative(String keys) {
            this.alternativeKeys = keys;
            return this;
        }

        Spec noIconInMenus() {
            this.iconInMenus = false;
            return this;
        }

        Spec inContextMenus(String text) {
            this.contextText = text;
            return this;
        }

        Spec toggle(Ikon iconWhenOn) {
            this.iconWhenOn = iconWhenOn;
            return this;
        }
    }

    /** The menu label, "_" before the mnemonic: "New _subnet…". */
    public String text() {
        return text;
    }

    /** The label in a context menu; the menu label unless the context says more or less. */
    public String contextText() {
        return contextText;
    }

    public Optional<Ikon> icon() {
        return Optional.ofNullable(icon);
    }

    /**
     * Whether the action switches something on and off (View → Dark theme): menus show it as a check item, the
     * toolbar as a toggle button.
     */
    public boolean isToggle() {
        return iconWhenOn != null;
    }

    /** The icon a toggle action's button shows while it is on; the {@link #icon()} shows while it is off. */
    public Optional<Ikon> iconWhenOn() {
        return Optional.ofNullable(iconWhenOn);
    }

    /** Whether menu items show the icon (toolbar buttons always do). */
    public boolean iconInMenus() {
        return iconInMenus;
    }

    /** The accelerator in {@code KeyCombination} syntax: "Shortcut+Shift+S". */
    public Optional<String> keys() {
        return Optional.ofNullable(keys);
    }

    /** A second accelerator that does the same ("Shortcut+Y" for redo), not shown in menus. */
    public Optional<String> alternativeKeys() {
        return Optional.ofNullable(alternativeKeys);
    }

    /** The keys as Help → Keyboard shortcuts shows them: "Ctrl+Shift+Z / Ctrl+Y"; empty without an accelerator. */
    public String keysText() {
        if (keys == null) {
            return "";
        }
        return alternativeKeys == null ? readable(keys) : readable(keys) + " / " + readable(alternativeKeys);
    }

    /** What Help → Keyboard shortcuts says the accelerator does; empty without one. */
    public String help() {
        return help == null ? "" : help;
    }

    /** The toolbar button's text; empty for an icon-only button. */
    public Optional<String> toolText() {
        return Optional.ofNullable(toolText);
    }

    /** The toolbar button's tooltip, with the accelerator in brackets where there is one. */
    public String tooltip() {
        String base = tip == null ? text.replace("_", "") : tip;
        return keys == null ? base : base + " (" + keysText() + ")";
    }

    private static String readable(String keys) {
        return keys.replace("Shortcut", "Ctrl").replace("Comma", ",");
    }
}
