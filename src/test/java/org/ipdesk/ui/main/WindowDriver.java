package org.ipdesk.ui.main;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.application.Application;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.stage.Stage;
import org.ipdesk.ui.App;
import org.ipdesk.ui.grid.AddressGrid;
import org.ipdesk.ui.grid.GridContent;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.service.query.NodeQuery;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Drives the real window ({@link App} on a file) the way a user does: clicks in the tree and the grid. Its look-ups
 * stay inside its own window, so that two drivers can drive two windows of one test.
 */
final class WindowDriver {

    final FxRobot robot = new FxRobot();
    Stage stage;
    Application app;

    /** Starts the application on {@code file} and waits until its tree has rows (or its status says why not). */
    WindowDriver open(Path file) throws TimeoutException {
        stage = FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(App.class, "--db", file.toString());
        waitUntilShown();
        return this;
    }

    /** Starts the application with {@code --db DATABASE} (a file or a team database's URL) and waits as above. */
    WindowDriver open(String database) throws TimeoutException {
        stage = FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(App.class, "--db", database);
        waitUntilShown();
        return this;
    }

    /**
     * Starts the application on {@code file} in a stage of its own rather than the primary stage the other tests
     * share, for a test that resizes the window (a size set on a stage stays with it).
     */
    WindowDriver openInOwnStage(Path file) throws TimeoutException {
        return openInOwnStage(file.toString());
    }

    /**
     * The same with {@code --db DATABASE} (a file or a team database's URL): also a second window beside one on the
     * primary stage.
     */
    WindowDriver openInOwnStage(String database) throws TimeoutException {
        FxToolkit.registerPrimaryStage(); // starts the toolkit when this is the first window of the run
        stage = FxToolkit.registerStage(Stage::new);
        app = FxToolkit.setupApplication(App.class, "--db", database);
        waitUntilShown();
        return this;
    }

    private void waitUntilShown() throws TimeoutException {
        waitUntil(() -> stage.getScene() != null && !label("#summaryLabel").getText().isEmpty());
    }

    /** Raises this window above the others, so that the robot's clicks reach it. */
    void toFront() {
        robot.interact(stage::toFront);
    }

    /** The nodes of this window (not of its dialogs, nor of other windows) that match {@code query}. */
    NodeQuery lookup(String query) {
        return robot.from(stage.getScene().getRoot()).lookup(query);
    }

    void close() throws TimeoutException {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
        FxToolkit.cleanupStages();
    }

    TreeView<TreeRow> tree() {
        return lookup("#networkTree").query();
    }

    AddressGrid grid() {
        return lookup(".address-grid").queryAs(AddressGrid.class);
    }

    Label label(String query) {
        return lookup(query).queryAs(Label.class);
    }

    /** Clicks the tree row whose first line is {@code label} (a CIDR or a network name). */
    void clickTreeRow(String label) throws TimeoutException {
        waitUntil(() -> find(tree().getRoot(), label) != null);
        TreeItem<TreeRow> item = find(tree().getRoot(), label);
        robot.interact(() -> tree().scrollTo(tree().getRow(item)));
        TreeCell<?> cell = lookup(".network-tree-cell").queryAllAs(TreeCell.class).stream()
                .filter(c -> c.getItem() instanceof TreeRow row && row.label().equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError("no visible tree row " + label));
        robot.clickOn(cell);
        waitUntil(() -> tree().getSelectionModel().getSelectedItem() == item);
    }

    /** Waits until the grid shows the addresses of {@code cidr}. */
    GridContent.Addresses waitForAddresses(String cidr) throws TimeoutException {
        waitUntil(() -> grid().getViewModel().getContent() instanceof GridContent.Addresses cells
                && cells.subnet().cidr().toString().equals(cidr) && !grid().getViewModel().loadingProperty().get());
        return (GridContent.Addresses) grid().getViewModel().getContent();
    }

    /** Clicks cell {@code index} of the grid (revealing it first). */
    void clickCell(int index) throws TimeoutException {
        // a reload still on its way would put back the selection it started with
        waitUntil(() -> !grid().getViewModel().loadingProperty().get() && !tree().getScene().getRoot().isDisabled());
        robot.interact(() -> grid().reveal(index));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> grid().layout());
        Point2D point = call(() -> {
            Bounds b = grid().cellBounds(index);
            return grid().localToScreen(b.getCenterX(), b.getCenterY());
        });
        // a cell's tooltip, shown while the pointer rested over the grid, would take the click
        robot.interact(() -> grid().getCellTooltip().hide());
        robot.clickOn(point);
        waitUntil(() -> grid().getViewModel().caretProperty().get() == index);
    }

    /** Double-clicks cell {@code index} of the grid (revealing it first). */
    void doubleClickCell(int index) throws TimeoutException {
        clickCell(index);
        robot.doubleClickOn(call(() -> {
            Bounds b = grid().cellBounds(index);
            return grid().localToScreen(b.getCenterX(), b.getCenterY());
        }));
    }

    /** The state of cell {@code index} as the grid's model has it now. */
    org.ipdesk.model.CellState state(int index) {
        return call(() -> ((GridContent.Addresses) grid().getViewModel().getContent()).state(index));
    }

    static void waitUntil(BooleanSupplier done) throws TimeoutException {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(done::getAsBoolean).get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    static <T> T call(Callable<T> work) {
        try {
            return WaitForAsyncUtils.asyncFx(work).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static TreeItem<TreeRow> find(TreeItem<TreeRow> parent, String label) {
        for (TreeItem<TreeRow> child : parent.getChildren()) {
            if (child.getValue() != null && child.getValue().label().equals(label)) {
                return child;
            }
            TreeItem<TreeRow> inside = find(child, label);
            if (inside != null) {
                return inside;
            }
        }
        return null;
    }

    /** The context menu (or menu-bar menu) showing now, or null. */
    static javafx.scene.control.ContextMenu openContextMenu() {
        return javafx.stage.Window.getWindows().stream()
                .filter(w -> w instanceof javafx.scene.control.ContextMenu && w.isShowing())
                .map(javafx.scene.control.ContextMenu.class::cast).findFirst().orElse(null);
    }
}
