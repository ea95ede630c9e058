package org.ipdesk.ui.help;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.ipdesk.ui.ToolWindow;
import org.ipdesk.ui.help.KeyboardShortcuts.Shortcut;

/**
 * Help → Keyboard shortcuts: the shortcuts grouped under where they work (the groups in two columns), each a row
 * of key caps and what it does. A plain list, so the view builds itself from the list (there is nothing to bind).
 */
public final class ShortcutsView {

    private static final double KEYS_WIDTH = 270;

    private final ScrollPane root;

    private ShortcutsView(List<Shortcut> shortcuts) {
        Map<String, List<Shortcut>> byPlace = new LinkedHashMap<>();
        for (Shortcut shortcut : shortcuts) {
            byPlace.computeIfAbsent(shortcut.where(), where -> new ArrayList<>()).add(shortcut);
        }
        // the groups in two columns, in order: the left one takes groups until it holds about half the rows
        VBox left = column();
        VBox right = column();
        int half = (shortcuts.size() + 1) / 2;
        int rows = 0;
        for (Map.Entry<String, List<Shortcut>> group : byPlace.entrySet()) {
            (rows < half || left.getChildren().isEmpty() ? left : right).getChildren()
                    .add(group(group.getKey(), group.getValue()));
            rows += group.getValue().size();
        }
        HBox columns = new HBox(32, left, right);
        columns.getStyleClass().add("shortcut-groups");
        columns.setPadding(new Insets(16, 20, 20, 20));
        if (right.getChildren().isEmpty()) {
            columns.getChildren().remove(right);
        }
        root = new ScrollPane(columns);
        root.setFitToWidth(true);
        root.getStyleClass().add("shortcuts-view");
        root.getStylesheets().add(Objects.requireNonNull(ShortcutsView.class.getResource("help.css"), "help.css")
                .toExternalForm());
    }

    private static VBox column() {
        VBox column = new VBox(18);
        column.getStyleClass().add("shortcut-column");
        HBox.setHgrow(column, Priority.ALWAYS);
        column.setMinWidth(KEYS_WIDTH + 200);
        column.setPrefWidth(KEYS_WIDTH + 260);
        return column;
    }

    /** The view of {@code shortcuts}, in their order, grouped by {@link Shortcut#where()} (first appearance first). */
    public static ShortcutsView create(List<Shortcut> shortcuts) {
        return new ShortcutsView(List.copyOf(shortcuts));
    }

    /**
     * Opens the list in a window of its own, not modal, owned by {@code owner} (may be null), with the given
     * stylesheets on its scene; Escape or Ctrl+W (Cmd+W) closes it. Returns the window.
     */
    public static Stage showWindow(Window owner, List<String> stylesheets, List<Shortcut> shortcuts) {
        ShortcutsView view = create(shortcuts);
        Stage stage = ToolWindow.create(owner, view.root(), stylesheets, 1160, 700);
        stage.setTitle("Keyboard shortcuts");
        stage.show();
        return stage;
    }

    private static Node group(String where, List<Shortcut> shortcuts) {
        Label heading = new Label(where);
        heading.getStyleClass().addAll("title-4", "shortcut-heading");
        GridPane grid = new GridPane();
        grid.getStyleClass().add("shortcut-grid");
        grid.setHgap(0);
        grid.setVgap(0);
        ColumnConstraints keys = new ColumnConstraints(KEYS_WIDTH);
        ColumnConstraints action = new ColumnConstraints();
        action.setHgrow(Priority.ALWAYS);
        action.setFillWidth(true);
        grid.getColumnConstraints().setAll(keys, action);
        int row = 0;
        for (Shortcut shortcut : shortcuts) {
            FlowPane caps = keys(shortcut.keys());
            Label what = new Label(shortcut.action());
            what.setWrapText(true);
            what.getStyleClass().add("shortcut-action");
            what.setMaxWidth(Double.MAX_VALUE);
            // both cells as tall as the row, so the line under each row runs straight across
            what.setMaxHeight(Double.MAX_VALUE);
            caps.setMaxHeight(Double.MAX_VALUE);
            grid.addRow(row, caps, what);
            if (row % 2 == 1) {
                caps.getStyleClass().add("odd");
                what.getStyleClass().add("odd");
            }
            row++;
        }
        return new VBox(6, heading, grid);
    }

    /** "Ctrl+Shift+Z / Ctrl+Y" as key caps: [Ctrl]+[Shift]+[Z] or [Ctrl]+[Y]. */
    private static FlowPane keys(String keys) {
        FlowPane caps = new FlowPane(3, 3);
        caps.setAlignment(Pos.CENTER_LEFT);
        caps.getStyleClass().add("shortcut-keys");
        caps.setPrefWrapLength(KEYS_WIDTH);
        String[] alternatives = keys.split(" / ");
        for (int i = 0; i < alternatives.length; i++) {
            if (i > 0) {
                caps.getChildren().add(joiner("or"));
            }
            String[] pressed = alternatives[i].strip().split("\\+");
            for (int j = 0; j < pressed.length; j++) {
                if (j > 0) {
                    caps.getChildren().add(joiner("+"));
                }
                Label cap = new Label(pressed[j].strip());
                cap.getStyleClass().add("key-cap");
                caps.getChildren().add(cap);
            }
        }
        return caps;
    }

    private static Label joiner(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("key-joiner");
        return label;
    }

    /** The pane. */
    public Parent root() {
        return root;
    }
}
