package org.ipdesk.ui.main;

import java.math.BigInteger;
import org.ipdesk.address.Ip;
import org.ipdesk.address.IpRange;
import org.ipdesk.ui.grid.AddressGridViewModel;
import org.ipdesk.ui.grid.GridContent;

/** The plain text Copy (Ctrl+C) writes, from the grid's selection or the tree's selected row. */
public final class CopyText {

    private final AddressGridViewModel grid;
    private final SelectionState tree;

    public CopyText(AddressGridViewModel grid, SelectionState tree) {
        this.grid = grid;
        this.tree = tree;
    }

    /** The most addresses Copy writes one per line; a larger selection is copied as "first-last". */
    static final int COPY_LINES = 4096;

    /**
     * What Copy (Ctrl+C) puts on the clipboard, as plain text: from the grid, the selected address, the selected
     * addresses one per line (a large selection as "first-last"), or the CIDR of a block of a block map; from the
     * tree, the CIDR of the selected subnet or the name of the selected network. Empty when nothing is selected.
     */
    public String text(boolean fromGrid) {
        if (fromGrid) {
            GridContent content = grid.getContent();
            IpRange selection = grid.selectionProperty().get();
            int caret = grid.caretProperty().get();
            if (content instanceof GridContent.Blocks blocks && caret >= 0 && caret < blocks.size()) {
                return blocks.block(caret).block().toString();
            }
            if (selection == null) {
                return "";
            }
            if (selection.start().equals(selection.end())) {
                return selection.start().toString();
            }
            if (selection.size().compareTo(BigInteger.valueOf(COPY_LINES)) > 0) {
                return selection.toString();
            }
            StringBuilder lines = new StringBuilder();
            for (Ip ip = selection.start(); ip.compareTo(selection.end()) <= 0; ip = ip.next()) {
                lines.append(ip).append(System.lineSeparator());
            }
            return lines.toString();
        }
        TreeRow row = tree.get();
        if (row == null) {
            return "";
        }
        return row.subnet().map(subnet -> subnet.cidr().toString()).orElse(row.network().name());
    }
}
