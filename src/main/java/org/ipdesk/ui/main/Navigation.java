package org.ipdesk.ui.main;

import java.util.Optional;
import org.ipdesk.address.Cidr;
import org.ipdesk.model.Subnet;
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

    private final NetworkTreeViewModel tree;
    private final SelectionState selection;
    private final AddressGridViewModel grid;
    private final SubnetHeaderViewModel header;
    private final AddressDetailsViewModel details;
    private final StatusLine status;

    public Navigation(NetworkTreeViewModel tree, SelectionState selection, AddressGridViewModel grid,
            SubnetHeaderViewModel header, AddressDetailsViewModel details, StatusLine status) {
        this.tree = tree;
        this.selection = selection;
        this.grid = grid;
        this.header = header;
        this.details = details;
        this.status = status;
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
        show(row == null ? Optional.empty() : row.subnet());
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
            return;
        }
        Optional<TreeRow> now = tree.find(before.key());
        if (now.isEmpty()) {
            clear();
            return;
        }
        selection.set(now.get());
        show(now.get().subnet());
    }

    /** Nothing selected: the header, grid and details are empty. */
    void clear() {
        selection.set(null);
        grid.clear();
        header.clear();
        details.clear();
    }

    private void show(Optional<Subnet> subnet) {
        if (subnet.isPresent()) {
            grid.show(subnet.get());
            header.show(subnet.get());
        } else {
            grid.clear();
            header.clear();
        }
    }

    /** The details pane follows the grid's caret: the address under it, or nothing on a block map. */
    private void showCaretDetails() {
        int caret = grid.caretProperty().get();
        if (caret >= 0 && grid.getContent() instanceof GridContent.Addresses cells && caret < cells.size()) {
            details.show(cells.subnet(), cells.ip(caret));
        } else {
            details.clear();
        }
    }
}
