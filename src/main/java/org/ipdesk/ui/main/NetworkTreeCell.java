package org.ipdesk.ui.main;

import javafx.beans.value.ObservableIntegerValue;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * A row of the network tree: the CIDR (or network name) with its name below, then a small utilisation bar
 * and the percentage. The bar turns amber from the warning threshold (80 % unless the preferences say otherwise)
 * and red from the critical one (95 %), and the percentage says the same in words, so the state never depends on
 * colour alone.
 */
final class NetworkTreeCell extends TreeCell<TreeRow> {

    private static final double BAR_WIDTH = 46;
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
    private final HBox graphic;
    private final Tooltip tooltip = new Tooltip();
    private final ObservableIntegerValue warningPercent;
    private final ObservableIntegerValue criticalPercent;

    /** A cell whose bar turns amber at {@code warningPercent} and red at {@code criticalPercent} (whole percent). */
    NetworkTreeCell(ObservableIntegerValue warningPercent, ObservableIntegerValue criticalPercent) {
        this.warningPercent = warningPercent;
        this.criticalPercent = criticalPercent;
        getStyleClass().add("network-tree-cell");
        // take the tree's width rather than the text's: long names are cut with an ellipsis, and the bars
        // and percentages stay in view instead of behind a horizontal scroll bar
        setPrefWidth(0);
        label.getStyleClass().add("row-label");
        name.getStyleClass().add("row-name");
        label.setMinWidth(0);
        name.setMinWidth(0);
        VBox text = new VBox(0, label, name);
        text.setMinWidth(0);
        HBox.setHgrow(text, Priority.ALWAYS);
        bar.getStyleClass().add("usage-bar");
        fill.getStyleClass().add("usage-fill");
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setMinSize(BAR_WIDTH, 6);
        bar.setPrefSize(BAR_WIDTH, 6);
        bar.setMaxSize(BAR_WIDTH, 6);
        fill.setMaxWidth(Region.USE_PREF_SIZE);
        fill.setMaxHeight(Double.MAX_VALUE);
        percent.getStyleClass().add("row-percent");
        percent.setMinWidth(PERCENT_WIDTH);
        percent.setPrefWidth(PERCENT_WIDTH);
        percent.setAlignment(Pos.CENTER_RIGHT);
        graphic = new HBox(6, text, bar, percent);
        graphic.setAlignment(Pos.CENTER_LEFT);
        graphic.setMinWidth(0);
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
        bar.setVisible(hasFigure);
        percent.setText(hasFigure ? row.usage() : "v4+v6");
        double fraction = Math.max(0, Math.min(1, row.fraction()));
        double warning = warningPercent.get() / 100.0;
        double critical = criticalPercent.get() / 100.0;
        fill.setPrefWidth(hasFigure ? Math.max(fraction > 0 ? 2 : 0, fraction * BAR_WIDTH) : 0);
        pseudoClassStateChanged(WARN, hasFigure && fraction >= warning && fraction < critical);
        pseudoClassStateChanged(CRIT, hasFigure && fraction >= critical);
        tooltip.setText(row.label() + (row.name().isEmpty() ? "" : "\n" + row.name())
                + (hasFigure ? "\n" + row.used() + " used (" + row.usage() + ")"
                        + (fraction >= critical ? ", critical" : fraction >= warning ? ", nearly full" : "")
                        : "\nholds IPv4 and IPv6 subnets: see each subnet's usage"));
        setTooltip(tooltip);
        setGraphic(graphic);
    }

    private static String join(String a, String b) {
        if (a.isEmpty()) {
            return b;
        }
        return b.isEmpty() ? a : a + " \u00b7 " + b;
    }
}
