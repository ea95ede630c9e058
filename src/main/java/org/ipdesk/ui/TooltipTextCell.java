package org.ipdesk.ui;

import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;

/**
 * A table cell that shows its text, and the whole text again in a wrapped tooltip (for columns whose text is often
 * cut: messages, keys, summaries). An empty or blank cell has no tooltip.
 */
public final class TooltipTextCell<S> extends TableCell<S, String> {
    private final Tooltip tip = new Tooltip();

    public TooltipTextCell() {
        tip.setWrapText(true);
        tip.setMaxWidth(520);
    }

    @Override
    protected void updateItem(String item, boolean empty) {
        super.updateItem(item, empty);
        setText(empty ? null : item);
        tip.setText(empty || item == null ? "" : item);
        setTooltip(empty || item == null || item.isBlank() ? null : tip);
    }
}
