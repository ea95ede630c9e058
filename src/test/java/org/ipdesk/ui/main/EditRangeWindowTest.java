package org.ipdesk.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javafx.scene.control.ContextMenu;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import org.ipdesk.model.CellState;
import org.ipdesk.ui.PaneStage;
import org.ipdesk.ui.SampleDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * In the real window: Edit → Edit the range at the selected address… opens the range dialog on the pool under the
 * selected cell and saves the change; the open Edit menu is written to {@code target/screenshots/edit-menu.png}.
 */
class EditRangeWindowTest {
    @TempDir
    Path dir;

    private final WindowDriver window = new WindowDriver();

    @AfterEach
    void close() throws Exception {
        window.close();
    }

    @Test
    void theGridsContextMenuEditsTheRangeUnderTheCell() throws Exception {
        Path file = dir.resolve("sample.db");
        SampleDatabase.seed(file);
        window.open(file);
        window.clickTreeRow("192.168.20.0/24");
        window.waitForAddresses("192.168.20.0/24");
        window.clickCell(150);

        // what a right-click (or the menu key) sends the grid
        window.robot.interact(() -> {
            javafx.geometry.Bounds cell = window.grid().cellBounds(150);
            javafx.geometry.Point2D screen = window.grid().localToScreen(cell.getCenterX(), cell.getCenterY());
            javafx.event.Event.fireEvent(window.grid(), new javafx.scene.input.ContextMenuEvent(
                    javafx.scene.input.ContextMenuEvent.CONTEXT_MENU_REQUESTED, cell.getCenterX(), cell.getCenterY(),
                    screen.getX(), screen.getY(), false, null));
        });
        WindowDriver.waitUntil(() -> WindowDriver.openContextMenu() != null);
        javafx.scene.control.MenuItem edit = WindowDriver.openContextMenu().getItems().stream()
                .filter(item -> item.getText().replace("_", "").startsWith("Edit the range")).findFirst().orElseThrow();
        assertThat(edit.isDisable()).isFalse();
        window.robot.interact(edit::fire);
        WindowDriver.waitUntil(() -> window.robot.lookup("#endField").tryQuery().isPresent());
        assertThat(window.robot.lookup("#endField").queryTextInputControl().getText()).isEqualTo("192.168.20.199");
        window.robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
    }

    @Test
    void thePoolUnderTheSelectedCellIsEditedFromTheEditMenu() throws Exception {
        Path file = dir.resolve("sample.db");
        SampleDatabase.seed(file);
        window.open(file);
        window.clickTreeRow("192.168.20.0/24");
        window.waitForAddresses("192.168.20.0/24");
        window.clickCell(150);

        window.robot.clickOn("#editMenu");
        WindowDriver.waitUntil(() -> WindowDriver.openContextMenu() != null);
        ContextMenu menu = WindowDriver.openContextMenu();
        WritableImage[] image = new WritableImage[1];
        window.robot.interact(() -> image[0] = menu.getScene().snapshot(null));
        PaneStage.write(image[0], "edit-menu.png");
        window.robot.clickOn("Edit the range at the selected address\u2026");

        WindowDriver.waitUntil(() -> window.robot.lookup("#endField").tryQuery().isPresent());
        assertThat(window.robot.lookup("#endField").queryTextInputControl().getText()).isEqualTo("192.168.20.199");
        window.robot.clickOn("#endField").press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL)
                .write("192.168.20.220", 0);
        WindowDriver.waitUntil(() -> !window.robot.lookup("#saveButton").queryButton().isDisabled());
        window.robot.clickOn("#saveButton");

        WindowDriver.waitUntil(() -> window.state(215) == CellState.DHCP_RANGE);
        assertThat(window.label("#lastOperationLabel").getText())
                .isEqualTo("Saved DHCP pool 192.168.20.100-192.168.20.220 in 192.168.20.0/24 in branch-office");
    }

}
