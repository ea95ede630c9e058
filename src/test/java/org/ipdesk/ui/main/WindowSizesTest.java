package org.ipdesk.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeCell;
import javafx.scene.control.skin.TableColumnHeader;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.allocator.SampleData;
import org.ipdesk.ui.PaneStage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The real window on the sample database at the sizes admins use, 1024×700 to 1920×1080: no CIDR in the tree is
 * cut short, the search field stays in the toolbar and takes Ctrl+F, and the Usage dashboard shows its Used column
 * and whole column titles. Snapshots go to {@code target/screenshots/} (and to {@code -Dipdesk.screenshots=DIR}).
 */
class WindowSizesTest {

    @TempDir
    Path dir;

    private final WindowDriver window = new WindowDriver();

    @AfterEach
    void close() throws Exception {
        window.close();
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"1024, 700", "1360, 820", "1920, 1080"})
    void whatMattersStaysInView(int width, int height) throws Exception {
        Path file = dir.resolve("sample.db");
        try (Allocator allocator = Allocator.open(org.ipdesk.store.Location.of(file))) {
            SampleData.create(allocator);
        }
        window.openInOwnStage(file);
        // the first seconds after show give the window its placed size back whenever it comes out smaller
        // (JDK-8316423), as a window manager's late answer would; a user resizes after that
        Thread.sleep(2_500);
        window.robot.interact(() -> {
            window.stage.setWidth(width);
            window.stage.setHeight(height);
        });
        WindowDriver.waitUntil(() -> Math.abs(window.stage.getScene().getWidth() - width) < 1
                && Math.abs(window.stage.getScene().getHeight() - height) < 1);
        window.clickTreeRow("10.20.1.0/24");
        window.waitForAddresses("10.20.1.0/24");

        assertThat(elidedTreeLabels()).as("tree rows whose CIDR or name is cut short").isEmpty();

        assertThat(WindowDriver.call(this::clippedHeaderFacts)).as("the subnet header's facts cut short or clipped")
                .isEmpty();
        assertThat(WindowDriver.call(this::overlappingCentreParts)).as("centre parts drawn over one another").isEmpty();
        // the legend sits right under the last row of the /24, with no empty band between them
        double lastRowBottom = WindowDriver.call(() -> window.grid().cellBounds(255).getMaxY());
        double slotHeight = WindowDriver.call(() -> window.robot.lookup("#gridSlot").query().getLayoutBounds()
                .getHeight());
        assertThat(slotHeight).as("the grid's height under its last row (at %s)", lastRowBottom)
                .isLessThanOrEqualTo(lastRowBottom + 2 * 8 + 2);

        // the header gives way to the grid: half a /24 (eight rows of sixteen) in view even at 1024 x 700
        assertThat(WindowDriver.call(() -> window.grid().cellBounds(16 * 7 + 15).getMaxY()))
                .as("the bottom of the grid's eighth row").isLessThanOrEqualTo(WindowDriver.call(() ->
                        window.grid().getHeight()));

        TextField search = window.robot.lookup(".search-field").queryAs(TextField.class);
        assertThat(WindowDriver.call(() -> shownInWindow(search, window.stage)))
                .as("the search field is in the window, not in the toolbar's overflow menu").isTrue();
        window.robot.interact(() -> window.tree().requestFocus());
        window.robot.press(KeyCode.CONTROL).type(KeyCode.F).release(KeyCode.CONTROL);
        WindowDriver.waitUntil(search::isFocused);
        window.robot.interact(() -> window.tree().scrollTo(Math.max(0,
                window.tree().getSelectionModel().getSelectedIndex() - 3)));

        Path shot = PaneStage.screenshot(window.robot, window.stage, "main-" + width + "x" + height + ".png");
        String target = System.getProperty("ipdesk.screenshots", "");
        if (!target.isBlank()) {
            Files.createDirectories(Path.of(target));
            Files.copy(shot, Path.of(target).resolve(shot.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }

        window.robot.interact(() -> window.tree().requestFocus());
        window.robot.press(KeyCode.CONTROL).type(KeyCode.U).release(KeyCode.CONTROL);
        WindowDriver.waitUntil(() -> window.robot.lookup(".usage-table").tryQuery().isPresent()
                && !window.robot.lookup(".usage-table").queryAs(TableView.class).getItems().isEmpty());
        TableView<?> table = window.robot.lookup(".usage-table").queryAs(TableView.class);
        Stage dashboard = (Stage) table.getScene().getWindow();
        // the dashboard at its own size, and no wider than this main window
        for (double dashboardWidth : new double[] {dashboard.getWidth(), Math.min(width, dashboard.getWidth())}) {
            window.robot.interact(() -> {
                dashboard.setWidth(dashboardWidth);
                // no taller than the screen gives it
                dashboard.setHeight(Math.min(height, dashboard.getHeight()));
            });
            // sorted by its longest title: the arrow beside it takes room too
            window.robot.interact(() -> sortBy(table, "Deprecated"));
            WindowDriver.waitUntil(() -> Math.abs(dashboard.getWidth() - dashboardWidth) < 1);
            window.robot.interact(() -> {
                table.applyCss();
                table.layout();
            });
            assertThat(WindowDriver.call(() -> columnHeaders(table, dashboard)))
                    .as("the dashboard's column titles at %s px", dashboardWidth)
                    .contains("Used").doesNotHaveDuplicates()
                    .allSatisfy(title -> assertThat(title).doesNotContain("\u2026").doesNotEndWith("..."));
            assertThat(WindowDriver.call(() -> table.lookupAll(".table-cell").stream()
                    .filter(node -> node instanceof javafx.scene.control.TableCell<?, ?> cell
                            && cell.getTableColumn() != null && cell.getTableColumn().getText().equals("Used")
                            && cell.getItem() != null)
                    .map(WindowSizesTest::drawn).toList()))
                    .as("the Used figures at %s px", dashboardWidth).isNotEmpty()
                    .allSatisfy(figure -> assertThat(figure).endsWith(" %"));
            // every subnet and count whole: a cut "64,2…" or "2^64 …" reads as another number (the names give way)
            assertThat(WindowDriver.call(() -> table.lookupAll(".table-cell").stream()
                    .filter(node -> node instanceof javafx.scene.control.TableCell<?, ?> cell
                            && cell.getTableColumn() != null && cell.getTableColumn().isVisible()
                            && (cell.getTableColumn().getStyleClass().contains("number-column")
                                    || cell.getTableColumn().getText().equals("Subnet"))
                            && cell.getItem() != null && !drawn(cell).equals(cell.getText()))
                    .map(node -> ((javafx.scene.control.TableCell<?, ?>) node).getTableColumn().getText() + " "
                            + ((javafx.scene.control.TableCell<?, ?>) node).getText() + " drawn as " + drawn(node))
                    .toList()))
                    .as("the subnets and counts cut short at %s px", dashboardWidth).isEmpty();
            // the chart's axis titles whole: a short window leaves the chart little height
            assertThat(WindowDriver.call(() -> dashboard.getScene().getRoot().lookupAll(".axis-label").stream()
                    .filter(node -> node instanceof Label label && label.isVisible() && !label.getText().isEmpty())
                    .map(Label.class::cast).filter(label -> !rendered(label).equals(label.getText()))
                    .map(label -> label.getText() + " drawn as " + rendered(label)).toList()))
                    .as("the chart's axis titles cut short at %s x %s px", dashboardWidth, dashboard.getHeight())
                    .isEmpty();
        }
    }

    /** The tree rows (all of them, scrolled into view in turn) whose CIDR or percentage is cut short or cut off. */
    private List<String> elidedTreeLabels() {
        List<String> elided = new ArrayList<>();
        int rows = WindowDriver.call(() -> window.tree().getExpandedItemCount());
        for (int i = 0; i < rows; i++) {
            int index = i;
            window.robot.interact(() -> {
                window.tree().scrollTo(index);
                window.tree().layout();
            });
            elided.addAll(WindowDriver.call(() -> window.robot.lookup(".network-tree-cell")
                    .queryAllAs(TreeCell.class).stream()
                    .filter(cell -> cell.getIndex() == index && cell.getItem() != null)
                    .flatMap(cell -> java.util.stream.Stream.concat(cell.lookupAll(".row-label").stream(),
                            cell.lookupAll(".row-percent").stream()))
                    .map(node -> (Label) node)
                    .filter(label -> !rendered(label).equals(label.getText()) || beyondTree(label))
                    .map(label -> label.getText() + " drawn as " + rendered(label)
                            + (beyondTree(label) ? " past the tree's right edge" : ""))
                    .toList()));
        }
        return elided;
    }

    /**
     * The subnet header (its whole height), the Grid | Table switch, the grid and the legend, top to bottom: the ones
     * that reach into the next, or past the bottom of the centre pane.
     */
    private List<String> overlappingCentreParts() {
        Node header = window.robot.lookup(".subnet-header").query();
        List<Node> parts = List.of(header, window.robot.lookup(".view-switch").query(),
                window.robot.lookup("#gridSlot").query(), window.robot.lookup(".grid-legend").query());
        Node centre = window.robot.lookup("#centerPane").query();
        List<String> problems = new ArrayList<>();
        double headerNeeds = header.prefHeight(header.getLayoutBounds().getWidth());
        if (header.getLayoutBounds().getHeight() < headerNeeds - 0.5) {
            problems.add("the header has " + header.getLayoutBounds().getHeight() + " px of the " + headerNeeds
                    + " it needs");
        }
        for (int i = 0; i < parts.size(); i++) {
            Bounds bounds = parts.get(i).localToScene(parts.get(i).getLayoutBounds());
            double limit = i + 1 < parts.size()
                    ? parts.get(i + 1).localToScene(parts.get(i + 1).getLayoutBounds()).getMinY()
                    : centre.localToScene(centre.getLayoutBounds()).getMaxY();
            if (bounds.getMaxY() > limit + 0.5) {
                problems.add(parts.get(i).getStyleClass() + " reaches y=" + bounds.getMaxY() + " past y=" + limit);
            }
        }
        return problems;
    }

    /** The subnet header's CIDR, name and badges that are drawn cut short or reach past the header's edge. */
    private List<String> clippedHeaderFacts() {
        Node header = window.robot.lookup(".subnet-header").query();
        Bounds area = header.localToScene(header.getLayoutBounds());
        List<String> clipped = new ArrayList<>();
        List<Node> facts = new ArrayList<>();
        for (String style : List.of(".cidr-title", ".subnet-name", ".badge")) {
            facts.addAll(header.lookupAll(style));
        }
        for (Node node : facts) {
            if (node instanceof Label label && label.isVisible() && !label.getText().isEmpty()) {
                Bounds bounds = label.localToScene(label.getLayoutBounds());
                if (!rendered(label).equals(label.getText()) || bounds.getMaxX() > area.getMaxX() + 0.5) {
                    clipped.add(label.getText() + " drawn as " + rendered(label) + " to x=" + bounds.getMaxX()
                            + " in a header to x=" + area.getMaxX());
                }
            }
        }
        return clipped;
    }

    private boolean beyondTree(Node node) {
        Bounds tree = window.tree().localToScene(window.tree().getLayoutBounds());
        return node.localToScene(node.getLayoutBounds()).getMaxX() > tree.getMaxX() - 10;
    }

    /** What a cell draws: its text, or the text cut short when it has too little room. */
    private static String drawn(Node cell) {
        Node text = cell.lookup(".text");
        return text instanceof Text t ? t.getText() : "";
    }

    /** What a label draws: its text, or the text cut short with an ellipsis when it has too little room. */
    private static String rendered(Label label) {
        Node text = label.lookup(".text");
        return text instanceof Text t ? t.getText() : "";
    }

    /** Whether {@code node} is in {@code stage}'s scene, visible, and inside the window's width. */
    private static boolean shownInWindow(Node node, Stage stage) {
        if (node.getScene() != stage.getScene()) {
            return false;
        }
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        Bounds bounds = node.localToScene(node.getLayoutBounds());
        return bounds.getMinX() >= 0 && bounds.getMaxX() <= stage.getScene().getWidth() && bounds.getWidth() > 80;
    }

    /**
     * The titles of the table's columns as drawn, of the columns whose header lies within the table's width
     * (a column scrolled out of view to the right is left out).
     */
    private static <S> void sortBy(TableView<S> table, String title) {
        table.getSortOrder().setAll(List.of(table.getColumns().stream()
                .filter(column -> column.getText().equals(title)).findFirst().orElseThrow()));
    }

    private static List<String> columnHeaders(TableView<?> table, Stage stage) {
        Bounds tableBounds = table.localToScene(table.getLayoutBounds());
        List<String> titles = new ArrayList<>();
        for (Node node : table.lookupAll(".column-header")) {
            if (node instanceof TableColumnHeader header && header.getTableColumn() != null && header.isVisible()) {
                Bounds bounds = header.localToScene(header.getLayoutBounds());
                if (bounds.getMaxX() <= tableBounds.getMaxX() + 1 && bounds.getWidth() > 0) {
                    Node label = header.lookup(".label");
                    titles.add(label instanceof Label l ? rendered(l) : header.getTableColumn().getText());
                }
            }
        }
        return titles;
    }
}
