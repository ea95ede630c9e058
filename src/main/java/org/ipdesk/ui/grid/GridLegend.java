package org.ipdesk.ui.grid;

import java.util.Locale;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import org.ipdesk.model.CellState;

/**
 * The legend of an {@link AddressGrid}: each state's colour with its name and how many cells of the view are
 * in it; for a block map, each step of the colour scale with how many blocks are at it. It follows the grid's
 * content and palette.
 */
public class GridLegend extends FlowPane {

    private static final double SWATCH = 14;

    private final AddressGrid grid;

    public GridLegend(AddressGrid grid) {
        this.grid = grid;
        getStyleClass().add("grid-legend");
        setHgap(16);
        setVgap(6);
        grid.getViewModel().contentProperty().addListener((property, before, now) -> rebuild());
        grid.paletteProperty().addListener((property, before, now) -> rebuild());
        rebuild();
    }

    private void rebuild() {
        GridContent content = grid.getViewModel().getContent();
        GridPalette palette = grid.getPalette();
        getChildren().clear();
        if (content instanceof GridContent.Addresses cells) {
            for (Map.Entry<CellState, Integer> entry : cells.counts().entrySet()) {
                CellState state = entry.getKey();
                Canvas swatch = swatch();
                palette.paint(swatch.getGraphicsContext2D(), state, 0, 0, SWATCH, SWATCH);
                getChildren().add(entry(swatch, state.label(), entry.getValue(), state.name()));
            }
            Canvas mark = swatch();
            palette.paint(mark.getGraphicsContext2D(), CellState.FREE, 0, 0, SWATCH, SWATCH);
            palette.seenMark(mark.getGraphicsContext2D(), 0, 0, SWATCH, SWATCH);
            getChildren().add(entry(mark, "seen in the last " + cells.seen().days() + " days",
                    cells.seen().recentCount(), "seen"));
        } else if (content instanceof GridContent.Blocks blocks) {
            getChildren().add(new Label("Blocks of /" + blocks.childPrefix() + ", used:"));
            for (Map.Entry<BlockLevel, Integer> entry : blocks.counts().entrySet()) {
                BlockLevel level = entry.getKey();
                Canvas swatch = swatch();
                palette.paint(swatch.getGraphicsContext2D(), level, 0, 0, SWATCH, SWATCH);
                getChildren().add(entry(swatch, level.label(), entry.getValue(), level.name()));
            }
        }
    }

    private static Canvas swatch() {
        return new Canvas(SWATCH, SWATCH);
    }

    private static Node entry(Canvas swatch, String label, int count, String id) {
        Label name = new Label(label);
        name.getStyleClass().add("legend-label");
        Label number = new Label(String.format(Locale.ROOT, "%,d", count));
        number.getStyleClass().add("legend-count");
        number.setOpacity(count == 0 ? 0.5 : 0.8);
        name.setOpacity(count == 0 ? 0.6 : 1);
        HBox box = new HBox(6, swatch, name, number);
        box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        box.getStyleClass().add("legend-entry");
        box.setId("legend-" + id.toLowerCase(Locale.ROOT).replace('_', '-'));
        return box;
    }

    /** "allocated 12, reserved 3, ..." as the entries read (for tests and accessibility). */
    public String summary() {
        StringBuilder text = new StringBuilder();
        for (Node node : getChildren()) {
            if (node instanceof HBox box) {
                if (!text.isEmpty()) {
                    text.append(", ");
                }
                text.append(((Label) box.getChildren().get(1)).getText()).append(' ')
                        .append(((Label) box.getChildren().get(2)).getText());
            }
        }
        return text.toString();
    }
}
