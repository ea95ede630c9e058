package org.ipdesk.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javafx.geometry.Bounds;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.allocator.SampleData;
import org.ipdesk.ui.PaneStage;
import org.ipdesk.ui.help.KeyboardShortcuts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The keyboard in the real window: Tab leaves the filter field for the tree, F6 and Shift+F6 go round the panes
 * (tree, grid, details), and the focused pane or toolbar button is drawn with a frame the user can see.
 */
class PaneFocusTest {

    @TempDir
    Path dir;

    private final WindowDriver window = new WindowDriver();

    @AfterEach
    void close() throws Exception {
        window.close();
    }

    @Test
    void tabAndF6MoveBetweenThePanesAndTheFocusIsDrawn() throws Exception {
        Path file = dir.resolve("sample.db");
        try (Allocator allocator = Allocator.open(org.ipdesk.store.Location.of(file))) {
            SampleData.create(allocator);
        }
        window.open(file);
        window.clickTreeRow("10.20.1.0/24");
        org.ipdesk.ui.grid.GridContent.Addresses cells = window.waitForAddresses("10.20.1.0/24");
        // an address selected: the details pane shows its fields
        window.clickCell(cells.indexOf(org.ipdesk.address.Ip.parse("10.20.1.6")));
        WindowDriver.waitUntil(() -> window.robot.lookup("#hostnameField").queryTextInputControl().getText()
                .equals("web-005"));
        Node tree = window.tree();
        Node grid = window.grid();
        Node details = window.robot.lookup(".details-pane").query();

        // Tab after the filter field moves on, to the tree
        TextField filter = window.robot.lookup(".filter-field").queryAs(TextField.class);
        window.robot.clickOn(filter);
        WindowDriver.waitUntil(filter::isFocused);
        window.robot.type(KeyCode.TAB);
        WindowDriver.waitUntil(tree::isFocused);

        // F6 goes round tree → grid → details → tree; Shift+F6 goes back
        Color treeFocused = edge(tree);
        Insets treeFocusedInsets = WindowDriver.call(((Region) tree)::getInsets);
        window.robot.type(KeyCode.F6);
        WindowDriver.waitUntil(grid::isFocused);
        Color treeUnfocused = edge(tree);
        assertThat(treeFocused).as("the tree's edge, focused and not").isNotEqualTo(treeUnfocused);
        // the ring takes no room: the tree's rows do not move when it comes and goes
        assertThat(WindowDriver.call(((Region) tree)::getInsets)).isEqualTo(treeFocusedInsets);
        Color gridFocused = edge(window.robot.lookup(".grid-slot").query());
        window.robot.type(KeyCode.F6);
        try {
            WindowDriver.waitUntil(() -> inside(details, window.stage.getScene().getFocusOwner()));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("focus on " + window.stage.getScene().getFocusOwner(), e);
        }
        assertThat(gridFocused).as("the grid's edge, focused and not")
                .isNotEqualTo(edge(window.robot.lookup(".grid-slot").query()));
        window.robot.type(KeyCode.F6);
        WindowDriver.waitUntil(tree::isFocused);
        window.robot.press(KeyCode.SHIFT).type(KeyCode.F6).release(KeyCode.SHIFT);
        WindowDriver.waitUntil(() -> inside(details, window.stage.getScene().getFocusOwner()));
        window.robot.press(KeyCode.SHIFT).type(KeyCode.F6).release(KeyCode.SHIFT);
        WindowDriver.waitUntil(grid::isFocused);

        // a toolbar button with the keyboard on it has a frame
        Button refresh = window.robot.lookup("#refreshButton").queryAs(Button.class);
        Color buttonUnfocused = edge(refresh);
        Region toolBar = window.robot.lookup(".tool-bar").queryAs(Region.class);
        double toolBarHeight = WindowDriver.call(toolBar::getHeight);
        Bounds treeWhere = WindowDriver.call(() -> tree.localToScene(tree.getLayoutBounds()));
        window.robot.interact(refresh::requestFocus);
        WindowDriver.waitUntil(refresh::isFocused);
        assertThat(edge(refresh)).as("the Refresh button's edge, focused and not").isNotEqualTo(buttonUnfocused);
        // and a focused toolbar button is no bigger: the toolbar keeps its height and nothing below it moves
        assertThat(WindowDriver.call(toolBar::getHeight)).isEqualTo(toolBarHeight);
        assertThat(WindowDriver.call(() -> tree.localToScene(tree.getLayoutBounds()))).isEqualTo(treeWhere);
        PaneStage.screenshot(window.robot, window.stage, "main-focus-toolbar.png");

        // Help → Keyboard shortcuts (F1) says how to move between panes
        assertThat(KeyboardShortcuts.ALL).extracting(KeyboardShortcuts.Shortcut::keys)
                .contains("F6", "Shift+F6", "Tab / Shift+Tab");
    }

    /** The colour drawn one pixel outside the left edge of {@code node}, half-way down (where the ring is). */
    private Color edge(Node node) {
        WritableImage image = PaneStage.snapshot(window.robot, window.stage);
        Bounds bounds = WindowDriver.call(() -> node.localToScene(node.getLayoutBounds()));
        return image.getPixelReader().getColor((int) Math.floor(bounds.getMinX()) - 1, (int) bounds.getCenterY());
    }

    private static boolean inside(Node area, Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n == area) {
                return true;
            }
        }
        return false;
    }
}
