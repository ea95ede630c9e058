package org.ipdesk.ui.main;

import java.util.Optional;
import java.util.function.Predicate;
import org.ipdesk.address.Cidr;
import org.ipdesk.model.Subnet;
import org.ipdesk.store.Team.Change;
import org.ipdesk.ui.details.AddressDetailsViewModel;
import org.ipdesk.ui.grid.AddressGridViewModel;
import org.ipdesk.ui.grid.GridContent;
import org.ipdesk.ui.search.SearchResult;
import org.ipdesk.ui.subnet.SubnetHeaderViewModel;

/**
 * Moving around the open database: selecting a tree row (a subnet shows its header and grid, a network clears
 * them), going to a subnet or a search result (clearing a filter that hides it), keeping the selection across a
 * reload, and the details pane following the grid's caret.
 */
public final class Navigation {

    /** The details pane's text while no subnet is shown, so no grid to select in. */
    static final String CHOOSE_ADDRESS = "Choose a subnet, then an address: its details show here.";
    /** The grid's text in a database without networks (the tree offers to create one). */
    static final String NO_NETWORKS = "No subnets yet. Create a network, then a subnet in it: its addresses show"
            + " here.";
    /** The grid's text in a database without subnets, to a role that may not add them. */
    static final String NO_SUBNETS_YET = "No subnets yet.";
    /** The grid's text in a database with networks but no subnet in any of them. */
    static final String NO_SUBNETS = "No subnets yet. Choose a network, then add a subnet to it with Subnet in the"
            + " toolbar.";

    private final NetworkTreeViewModel tree;
    private final SelectionState selection;
    private final AddressGridViewModel grid;
    private final SubnetHeaderViewModel header;
    private final AddressDetailsViewModel details;
    private final StatusLine status;
    private final Predicate<Change> may;

    /** @param may whether the user may make a change (on a team database, as their role allows; always on a file) */
    public Navigation(NetworkTreeViewModel tree, SelectionState selection, AddressGridViewModel grid,
            SubnetHeaderViewModel header, AddressDetailsViewModel details, StatusLine status, Predicate<Change> may) {
        this.tree = tree;
        this.selection = selection;
        this.grid = grid;
        this.header = header;
        this.details = details;
        this.status = status;
        this.may = may;
        grid.caretProperty().addListener((property, before, now) -> showCaretDetails());
        grid.contentProperty().addListener((property, before, now) -> showCaretDetails());
    }

    /** Selects a row of the tree: a subnet shows its grid; a network (or null) clears it. */
    public void select(TreeRow row) {
        TreeRow before = selection.get();
        if (row != null && before != null && row.key().equals(before.key())) {
            return;
        }
        selection.set(row);
        details.clear();
        show(row);
    }

    /** Selects the row with this key ("s:ID" or "n:ID") if the tree holds it. */
    public void selectKey(String key) {
        tree.find(key).ifPresent(this::select);
    }

    /** Selects the subnet {@code cidr} of {@code network} in the tree (clearing a filter that hides it). */
    public void openSubnet(String network, Cidr cidr) {
        Optional<TreeRow> row = tree.findRow(r -> r.subnet().filter(s -> s.cidr().equals(cidr)
                && s.networkName().equals(network)).isPresent());
        if (row.isEmpty()) {
            status.report(cidr + " in " + network + " is not in the database any more", true);
            return;
        }
        if (!tree.isVisible(row.get().key())) {
            tree.filterProperty().set("");
        }
        select(row.get());
    }

    /**
     * Goes to a search result: selects its subnet in the tree (clearing a filter that hides it), shows the grid
     * and selects the result's address there, zooming through block maps as needed.
     */
    public void navigate(SearchResult result) {
        String key = "s:" + result.subnet().id();
        if (!tree.isVisible(key)) {
            tree.filterProperty().set("");
        }
        Optional<TreeRow> row = tree.find(key).filter(r -> r.subnet().filter(s -> s.cidr().equals(
                result.subnet().cidr()) && s.networkName().equals(result.networkName())).isPresent());
        if (row.isEmpty()) {
            status.report(result.subnet().label() + " is no longer in the database", true);
            return;
        }
        Subnet subnet = row.get().subnet().orElseThrow();
        selection.set(row.get());
        header.show(subnet);
        details.clear();
        grid.showAddress(subnet, result.ip().orElse(null));
        status.report("Found " + result.title() + " in " + subnet.label(), false);
    }

    /**
     * After a reload: selects the row with {@code key} if given and still there, else the selected row again (by
     * key) with the grid re-read in place, or nothing if it is gone.
     */
    void reselect(String key) {
        if (key != null && tree.find(key).isPresent()) {
            select(tree.find(key).get());
            return;
        }
        TreeRow before = selection.get();
        if (before == null) {
            // what the empty panes say follows the tree: a first network or subnet changes it
            showNothing(null);
            return;
        }
        Optional<TreeRow> now = tree.find(before.key());
        if (now.isEmpty()) {
            clear();
            return;
        }
        selection.set(now.get());
        show(now.get());
    }

    /** Nothing selected: the header, grid and details are empty. */
    void clear() {
        selection.set(null);
        showNothing(null);
    }

    /**
     * The database could not be read: nothing selected, and the panes say nothing (the tree's pane says why), rather
     * than what to create in a database that did not open.
     */
    void unreadable() {
        selection.set(null);
        grid.clear("");
        header.clear("");
        details.clear("");
    }

    private void show(TreeRow row) {
        Optional<Subnet> subnet = row == null ? Optional.empty() : row.subnet();
        if (subnet.isPresent()) {
            grid.show(subnet.get());
            header.show(subnet.get());
        } else {
            showNothing(row);
        }
    }

    /**
     * No subnet shown, with {@code row} (a network) or nothing selected: the panes say what to choose, or, where
     * there is nothing to choose yet, what to create first (and then the header and details say nothing more).
     */
    private void showNothing(TreeRow row) {
        Optional<String> create = whatToCreate(row);
        if (create.isPresent()) {
            grid.clear(create.get());
            header.clear("");
            details.clear("");
        } else {
            grid.clear();
            header.clear();
            details.clear(CHOOSE_ADDRESS);
        }
    }

    private Optional<String> whatToCreate(TreeRow row) {
        // a role that may not add subnets (a viewer of a team database) is told what is missing, not how to add it
        boolean mayAdd = may.test(Change.SUBNETS);
        if (row != null && row.kind() == TreeRow.Kind.NETWORK && row.children().isEmpty()) {
            return Optional.of(row.network().name() + " has no subnets yet."
                    + (mayAdd ? " Add one with Subnet in the toolbar." : ""));
        }
        if (tree.networks().isEmpty()) {
            return Optional.of(mayAdd && may.test(Change.NETWORKS) ? NO_NETWORKS : NO_SUBNETS_YET);
        }
        if (tree.networks().stream().allMatch(network -> network.children().isEmpty())) {
            return Optional.of(mayAdd ? NO_SUBNETS : NO_SUBNETS_YET);
        }
        return Optional.empty();
    }

    /**
     * The details pane follows the grid's caret: the address under it, or nothing on a block map. With no subnet
     * in the grid it keeps what {@link #showNothing} gave it.
     */
    private void showCaretDetails() {
        int caret = grid.caretProperty().get();
        if (caret >= 0 && grid.getContent() instanceof GridContent.Addresses cells && caret < cells.size()) {
            details.show(cells.subnet(), cells.ip(caret));
        } else if (grid.subnetProperty().get() != null) {
            details.clear();
        }
    }
}
