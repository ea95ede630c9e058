package org.ipdesk.ui.subnet;

import java.util.List;
import javafx.beans.DefaultProperty;
import javafx.collections.ObservableList;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.layout.Region;

/**
 * The subnet header's calculator facts as caption-value pairs, laid out as low as the width allows, so that a
 * narrow centre pane (1024 px windows) keeps its height for the grid: three or two columns with each caption beside
 * its value, or with each caption above its value (two rows of facts instead of six), whichever fits and is lowest;
 * one column, caption beside value, when nothing else fits (long IPv6 values). Each column is as wide as its own
 * texts. Children alternate caption, value.
 */
@DefaultProperty("children")
public final class FactsGrid extends Region {
    static final int MOST_COLUMNS = 3;
    private static final double CAPTION_GAP = 8;
    private static final double COLUMN_GAP = 18;
    private static final double ROW_GAP = 3;
    private static final double STACKED_ROW_GAP = 6;

    /** One way to lay the facts out: how many columns, and whether captions sit above their values. */
    record Arrangement(int columns, boolean stacked) {
    }

    public FactsGrid() {
        getStyleClass().add("facts");
    }

    /** The captions and values, alternating (FXML adds them here). */
    @Override
    public ObservableList<Node> getChildren() {
        return super.getChildren();
    }

    @Override
    public Orientation getContentBias() {
        return Orientation.HORIZONTAL;
    }

    private List<Node> parts() {
        return getManagedChildren();
    }

    private int facts() {
        return parts().size() / 2;
    }

    private int mostColumns() {
        return Math.min(MOST_COLUMNS, Math.max(1, facts()));
    }

    private double columnWidth(int column, Arrangement arrangement) {
        List<Node> parts = parts();
        double caption = 0;
        double value = 0;
        for (int fact = column; fact < facts(); fact += arrangement.columns()) {
            caption = Math.max(caption, parts.get(2 * fact).prefWidth(-1));
            value = Math.max(value, parts.get(2 * fact + 1).prefWidth(-1));
        }
        return arrangement.stacked() ? Math.max(caption, value) : caption + CAPTION_GAP + value;
    }

    private double captionWidth(int column, Arrangement arrangement) {
        double caption = 0;
        for (int fact = column; fact < facts(); fact += arrangement.columns()) {
            caption = Math.max(caption, parts().get(2 * fact).prefWidth(-1));
        }
        return caption;
    }

    /** The width an arrangement needs, insets included. */
    double widthFor(Arrangement arrangement) {
        double width = 0;
        for (int column = 0; column < arrangement.columns(); column++) {
            width += columnWidth(column, arrangement);
        }
        Insets insets = getInsets();
        return width + (arrangement.columns() - 1) * COLUMN_GAP + insets.getLeft() + insets.getRight();
    }

    /** The lowest arrangement that fits in {@code width} (captions beside values when heights tie). */
    Arrangement arrangementFor(double width) {
        Arrangement best = new Arrangement(1, false);
        double bestHeight = heightFor(best);
        for (boolean stacked : new boolean[] {false, true}) {
            for (int columns = mostColumns(); columns > 1; columns--) {
                Arrangement candidate = new Arrangement(columns, stacked);
                double height = heightFor(candidate);
                if (widthFor(candidate) <= width && height < bestHeight) {
                    best = candidate;
                    bestHeight = height;
                }
            }
        }
        return best;
    }

    private int rows(Arrangement arrangement) {
        return (facts() + arrangement.columns() - 1) / arrangement.columns();
    }

    private double partsHeight(int row, Arrangement arrangement, int which) {
        double height = 0;
        for (int fact = row * arrangement.columns(); fact < Math.min(facts(), (row + 1) * arrangement.columns());
                fact++) {
            height = Math.max(height, parts().get(2 * fact + which).prefHeight(-1));
        }
        return height;
    }

    private double rowHeight(int row, Arrangement arrangement) {
        double caption = partsHeight(row, arrangement, 0);
        double value = partsHeight(row, arrangement, 1);
        return arrangement.stacked() ? caption + value : Math.max(caption, value);
    }

    private double rowGap(Arrangement arrangement) {
        return arrangement.stacked() ? STACKED_ROW_GAP : ROW_GAP;
    }

    private double heightFor(Arrangement arrangement) {
        double height = 0;
        for (int row = 0; row < rows(arrangement); row++) {
            height += rowHeight(row, arrangement);
        }
        Insets insets = getInsets();
        return height + Math.max(0, rows(arrangement) - 1) * rowGap(arrangement) + insets.getTop()
                + insets.getBottom();
    }

    @Override
    protected double computePrefWidth(double height) {
        return widthFor(new Arrangement(mostColumns(), false));
    }

    @Override
    protected double computeMinWidth(double height) {
        return widthFor(new Arrangement(1, false));
    }

    @Override
    protected double computePrefHeight(double width) {
        return heightFor(width < 0 ? new Arrangement(mostColumns(), false) : arrangementFor(width));
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    protected void layoutChildren() {
        List<Node> parts = parts();
        Arrangement arrangement = arrangementFor(getWidth());
        int columns = arrangement.columns();
        Insets insets = getInsets();
        double y = insets.getTop();
        for (int row = 0; row < rows(arrangement); row++) {
            double captionHeight = partsHeight(row, arrangement, 0);
            double height = rowHeight(row, arrangement);
            double baseline = 0;
            for (int fact = row * columns; fact < Math.min(facts(), (row + 1) * columns); fact++) {
                baseline = Math.max(baseline, parts.get(2 * fact).getBaselineOffset());
                baseline = Math.max(baseline, parts.get(2 * fact + 1).getBaselineOffset());
            }
            double x = insets.getLeft();
            for (int column = 0; column < columns && row * columns + column < facts(); column++) {
                int fact = row * columns + column;
                Node caption = parts.get(2 * fact);
                Node value = parts.get(2 * fact + 1);
                double width = columnWidth(column, arrangement);
                if (arrangement.stacked()) {
                    layoutInArea(caption, x, y, width, captionHeight, 0, HPos.LEFT, VPos.TOP);
                    layoutInArea(value, x, y + captionHeight, width, height - captionHeight, 0, HPos.LEFT, VPos.TOP);
                } else {
                    double captionWidth = captionWidth(column, arrangement);
                    layoutInArea(caption, x, y, captionWidth, height, baseline, HPos.LEFT, VPos.BASELINE);
                    layoutInArea(value, x + captionWidth + CAPTION_GAP, y, width - captionWidth - CAPTION_GAP,
                            height, baseline, HPos.LEFT, VPos.BASELINE);
                }
                x += width + COLUMN_GAP;
            }
            y += height + rowGap(arrangement);
        }
    }
}
