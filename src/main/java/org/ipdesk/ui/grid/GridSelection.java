package org.ipdesk.ui.grid;

import java.util.function.Supplier;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import org.ipdesk.address.IpRange;
import org.ipdesk.ui.grid.AddressGridViewModel.Edge;

/**
 * The selection of the {@link AddressGridViewModel}: anchor and caret (cell indexes), the addresses they
 * cover and their text, and the caret moves (arrows, Page Up/Down, Home/End) over a grid of
 * {@link #columns} cells a row. The cells are those of the content the view model shows.
 */
final class GridSelection {

    final IntegerProperty columns;
    final ReadOnlyIntegerWrapper anchor;
    final ReadOnlyIntegerWrapper caret;
    final ReadOnlyObjectWrapper<IpRange> selection;
    final ReadOnlyStringWrapper selectionText;
    private final Supplier<GridContent> content;

    /** @param bean the view model, as the bean of the properties */
    GridSelection(Object bean, Supplier<GridContent> content) {
        this.content = content;
        columns = new SimpleIntegerProperty(bean, "columns", 16);
        anchor = new ReadOnlyIntegerWrapper(bean, "anchor", -1);
        caret = new ReadOnlyIntegerWrapper(bean, "caret", -1);
        selection = new ReadOnlyObjectWrapper<>(bean, "selection");
        selectionText = new ReadOnlyStringWrapper(bean, "selectionText", "");
        columns.addListener((property, before, now) -> {
            if (now.intValue() < 1) {
                columns.set(1);
            }
        });
    }

    private int size() {
        GridContent shown = content.get();
        return shown == null ? 0 : shown.size();
    }

    /** Whether cell {@code index} is selected. */
    boolean isSelected(int index) {
        int a = anchor.get();
        int c = caret.get();
        return c >= 0 && index >= Math.min(a, c) && index <= Math.max(a, c);
    }

    /** Selects cell {@code index} alone (a click). */
    void select(int index) {
        if (valid(index)) {
            set(index, index);
        }
    }

    /** Selects from the anchor to cell {@code index} (a Shift+click). */
    void extendSelection(int index) {
        if (valid(index)) {
            set(anchor.get() < 0 ? index : anchor.get(), index);
        }
    }

    /**
     * Moves the caret {@code dx} cells along (wrapping at row ends, as the addresses run) and {@code dy} rows
     * down, staying inside the grid: a move past an edge stops at it. {@code extend} (Shift) keeps the anchor
     * and selects the range. Without a selection the first cell is selected.
     */
    void moveSelection(int dx, int dy, boolean extend) {
        int n = size();
        if (n == 0) {
            return;
        }
        int c = caret.get();
        if (c < 0) {
            set(0, 0);
            return;
        }
        int target = clamp((long) c + dx, n - 1);
        if (dy != 0) {
            int cols = columns.get();
            int rows = (n + cols - 1) / cols;
            int row = clamp((long) target / cols + dy, rows - 1);
            target = Math.min(row * cols + target % cols, n - 1);
        }
        moveSelectionTo(target, extend);
    }

    /** Moves the caret to cell {@code index}; {@code extend} keeps the anchor. */
    void moveSelectionTo(int index, boolean extend) {
        if (!valid(index)) {
            return;
        }
        if (extend && anchor.get() >= 0) {
            set(anchor.get(), index);
        } else {
            set(index, index);
        }
    }

    /** Home and End (the caret's row), Ctrl+Home and Ctrl+End (the whole grid). */
    void moveToEdge(Edge edge, boolean extend) {
        int n = size();
        if (n == 0) {
            return;
        }
        int cols = columns.get();
        int c = Math.max(caret.get(), 0);
        int target = switch (edge) {
            case ROW_START -> c - c % cols;
            case ROW_END -> Math.min(c - c % cols + cols - 1, n - 1);
            case FIRST -> 0;
            case LAST -> n - 1;
        };
        moveSelectionTo(target, extend);
    }

    void selectAll() {
        if (size() > 0) {
            set(0, size() - 1);
        }
    }

    void clearSelection() {
        set(-1, -1);
    }

    boolean valid(int index) {
        return index >= 0 && index < size();
    }

    private static int clamp(long value, int max) {
        return (int) Math.max(0, Math.min(value, max));
    }

    /** Sets anchor {@code a} and caret {@code c} (-1: no selection) over the cells shown. */
    void set(int a, int c) {
        GridContent shown = content.get();
        if (shown == null || c < 0) {
            a = -1;
            c = -1;
        }
        anchor.set(a);
        caret.set(c);
        if (c < 0) {
            selection.set(null);
            selectionText.set("");
            return;
        }
        int lo = Math.min(a, c);
        int hi = Math.max(a, c);
        IpRange range = new IpRange(shown.range(lo).start(), shown.range(hi).end());
        selection.set(range);
        selectionText.set(selectionText(shown, lo, hi, range));
    }

    private static String selectionText(GridContent shown, int lo, int hi, IpRange range) {
        int cells = hi - lo + 1;
        if (shown instanceof GridContent.Blocks blocks) {
            if (cells == 1) {
                return blocks.block(lo).block().toString();
            }
            return range + " (" + cells + " blocks, " + GridText.number(range.size()) + " addresses)";
        }
        return cells == 1 ? range.start().toString() : range + " (" + GridText.number(range.size()) + " addresses)";
    }

}
