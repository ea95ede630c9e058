package org.ipdesk.ui.main;

import javafx.beans.value.ObservableIntegerValue;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeCell;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

/**
 * A row of the network tree: the CIDR (or network name) with its name below, then a small utilisation bar
 * and the percentage. The bar turns amber from the warning threshold (80 % unless the preferences say otherwise)
 * and red from the critical one (95 %), and the percentage says the same in words, so the state never depends on
 * colour alone.
 */
final class NetworkTreeCell extends TreeCell<TreeRow> {

    private static final double BAR_WIDTH = 46;
    /** Below this the bar is hidden: the percentage beside it says the same. */
    private static final double MIN_BAR_WIDTH = 14;
    /** Wide enough for "100.00 %", so the bars of all rows line up. */
    private static final double PERCENT_WIDTH = 62;

    private static final PseudoClass NETWORK = PseudoClass.getPseudoClass("network");
    private static final PseudoClass WARN = PseudoClass.getPseudoClass("warning");
    private static final PseudoClass CRIT = PseudoClass.getPseudoClass("critical");

    private final Label label = new Label();
    private final Label name = new Label();
    private final Region fill = new Region();
    private final StackPane bar = new StackPane(fill);
    private final Label percent = new Label();
    private final RowBox graphic;
    private final Tooltip tooltip = new Tooltip();
    private final ObservableIntegerValue warningPercent;
    private final ObservableIntegerValue criticalPercent;
    /** The fraction the bar shows, or -1 for none. */
    private double shownFraction = -1;

    /** A cell whose bar turns amber at {@code warningPercent} and red at {@code criticalPercent} (whole percent). */
    NetworkTreeCell(ObservableIntegerValue warningPercent, ObservableIntegerValue criticalPercent) {
        this.warningPercent = warningPercent;
        this.criticalPercent = criticalPercent;
        getStyleClass().add("network-tree-cell");
        // take the tree's width rather than the text's, so the percentages stay in view instead of behind a
        // horizontal scroll bar; when the pane is narrow the name and the bar give way, never the CIDR
        setPrefWidth(0);
        label.getStyleClass().add("row-label");
        name.getStyleClass().add("row-name");
        label.setMinWidth(Region.USE_PREF_SIZE);
        name.setMinWidth(0);
        bar.getStyleClass().add("usage-bar");
        fill.getStyleClass().add("usage-fill");
        bar.setAlignment(Pos.CENTER_LEFT);
        fill.setMaxWidth(Region.USE_PREF_SIZE);
        fill.setMaxHeight(Double.MAX_VALUE);
        percent.getStyleClass().add("row-percent");
        percent.setMinWidth(PERCENT_WIDTH);
        percent.setPrefWidth(PERCENT_WIDTH);
        percent.setAlignment(Pos.CENTER_RIGHT);
        graphic = new RowBox();
    }

    @Override
    protected void updateItem(TreeRow row, boolean empty) {
        super.updateItem(row, empty);
        setText(null);
        if (empty || row == null) {
            setGraphic(null);
            setTooltip(null);
            pseudoClassStateChanged(NETWORK, false);
            pseudoClassStateChanged(WARN, false);
            pseudoClassStateChanged(CRIT, false);
            return;
        }
        boolean network = row.kind() == TreeRow.Kind.NETWORK;
        pseudoClassStateChanged(NETWORK, network);
        label.setText(row.label());
        String secondLine = network ? row.name() : join(row.name(), row.vlan().isEmpty() ? "" : "VLAN " + row.vlan());
        name.setText(secondLine);
        name.setVisible(!secondLine.isEmpty());
        name.setManaged(!secondLine.isEmpty());
        boolean hasFigure = row.fraction() >= 0;
        percent.setText(hasFigure ? row.usage() : "v4+v6");
        double fraction = Math.max(0, Math.min(1, row.fraction()));
        double warning = warningPercent.get() / 100.0;
        double critical = criticalPercent.get() / 100.0;
        shownFraction = hasFigure ? fraction : -1;
        sizeFill();
        pseudoClassStateChanged(WARN, hasFigure && fraction >= warning && fraction < critical);
        pseudoClassStateChanged(CRIT, hasFigure && fraction >= critical);
        tooltip.setText(row.label() + (row.name().isEmpty() ? "" : "\n" + row.name())
                + (hasFigure ? "\n" + row.used() + " used (" + row.usage() + ")"
                        + (fraction >= critical ? ", critical" : fraction >= warning ? ", nearly full" : "")
                        : "\nholds IPv4 and IPv6 subnets: see each subnet's usage"));
        setTooltip(tooltip);
        setGraphic(graphic);
    }

    private void sizeFill() {
        double width = bar.getWidth() > 0 ? bar.getWidth() : BAR_WIDTH;
        fill.setPrefWidth(shownFraction >= 0 ? Math.max(shownFraction > 0 ? 2 : 0, shownFraction * width) : 0);
    }

    /**
     * The row's layout: the CIDR (first line) always at its full width, the percentage at the right edge, the bar
     * in between at up to {@link #BAR_WIDTH} (hidden below {@link #MIN_BAR_WIDTH}), and the name (second line)
     * cut short only where the bar and the percentage need the room.
     */
    private final class RowBox extends Region {

        private static final double GAP = 6;

        RowBox() {
            getChildren().addAll(label, name, bar, percent);
        }

        @Override
        protected double computePrefWidth(double height) {
            return label.prefWidth(-1) + GAP + BAR_WIDTH + GAP + PERCENT_WIDTH;
        }

        @Override
        protected double computeMinWidth(double height) {
            return label.prefWidth(-1) + GAP + PERCENT_WIDTH;
        }

        @Override
        protected double computePrefHeight(double width) {
            double text = label.prefHeight(-1) + (name.isManaged() ? name.prefHeight(-1) : 0);
            return Math.max(text, percent.prefHeight(-1));
        }

        @Override
        protected double computeMinHeight(double width) {
            return computePrefHeight(width);
        }

        @Override
        protected void layoutChildren() {
            double width = getWidth();
            double height = getHeight();
            double labelWidth = label.prefWidth(-1);
            double labelHeight = label.prefHeight(-1);
            double nameHeight = name.isManaged() ? name.prefHeight(-1) : 0;
            double textTop = (height - labelHeight - nameHeight) / 2;
            double percentX = Math.max(labelWidth + GAP, width - PERCENT_WIDTH);
            percent.resizeRelocate(percentX, 0, PERCENT_WIDTH, height);
            double room = percentX - GAP - labelWidth - GAP;
            double barWidth = Math.min(BAR_WIDTH, room);
            boolean showBar = shownFraction >= 0 && barWidth >= MIN_BAR_WIDTH;
            bar.setVisible(showBar);
            double barX = percentX - GAP - Math.max(barWidth, 0);
            if (showBar) {
                bar.resizeRelocate(barX, (height - 6) / 2, barWidth, 6);
            }
            label.resizeRelocate(0, textTop, labelWidth, labelHeight);
            double nameRight = showBar ? barX - GAP : percentX - GAP;
            name.resizeRelocate(0, textTop + labelHeight, Math.max(0, Math.min(name.prefWidth(-1), nameRight)),
                    nameHeight);
        }
    }

    private static String join(String a, String b) {
        if (a.isEmpty()) {
            return b;
        }
        return b.isEmpty() ? a : a + " \u00b7 " + b;
    }
}
