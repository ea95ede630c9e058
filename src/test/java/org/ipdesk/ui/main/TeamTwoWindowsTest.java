package org.ipdesk.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import org.ipdesk.model.CellState;
import org.ipdesk.settings.SettingsStore;
import org.ipdesk.store.Engine;
import org.ipdesk.store.ServerLocation;
import org.ipdesk.ui.PaneStage;
import org.ipdesk.ui.SampleDatabase;
import org.ipdesk.ui.table.AddressRow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/**
 * Two real windows on one team database (the tests' PostgreSQL server), as two admins at two desks: what one does
 * through its window shows in the other within seconds, with nothing done there, and the other keeps what it had
 * selected. Writes {@code team-two-windows.png} (both windows side by side) to target/screenshots.
 */
class TeamTwoWindowsTest {

    @TempDir
    Path dir;

    private final WindowDriver alice = new WindowDriver();
    private final WindowDriver bob = new WindowDriver();
    private final FxRobot robot = alice.robot;
    private Path settingsFile;
    private byte[] settingsBefore;

    @BeforeEach
    void keepTheSettings() throws Exception {
        settingsFile = SettingsStore.forUser().file();
        settingsBefore = Files.exists(settingsFile) ? Files.readAllBytes(settingsFile) : null;
    }

    @AfterEach
    void close() throws Exception {
        bob.close();
        alice.close();
        if (settingsBefore == null) {
            Files.deleteIfExists(settingsFile);
        } else {
            Files.write(settingsFile, settingsBefore);
        }
    }

    @SuppressWarnings("unchecked")
    private static TableView<AddressRow> table(WindowDriver window) {
        return window.lookup(".address-table").queryAs(TableView.class);
    }

    /** The texts of the table row of {@code ip} as the window shows them (empty when no such row is shown). */
    private static List<String> shownRow(WindowDriver window, String ip) {
        return WindowDriver.call(() -> {
            TableView<AddressRow> table = table(window);
            int index = table.getItems().stream().map(row -> row.ip().toString()).toList().indexOf(ip);
            if (index < 0) {
                return List.of();
            }
            table.scrollTo(index);
            table.layout();
            Optional<TableRow<?>> row = window.lookup(".address-table .table-row-cell").queryAllAs(TableRow.class)
                    .stream().<TableRow<?>>map(r -> r)
                    .filter(r -> r.getItem() instanceof AddressRow item && item.ip().toString().equals(ip))
                    .findFirst();
            return row.map(r -> r.getChildrenUnmodifiable().stream().filter(TableCell.class::isInstance)
                    .map(cell -> ((Labeled) cell).getText() == null ? "" : ((Labeled) cell).getText()).toList())
                    .orElse(List.of());
        });
    }

    private static List<String> selectedIps(WindowDriver window) {
        return WindowDriver.call(() -> table(window).getSelectionModel().getSelectedItems().stream()
                .map(row -> row.ip().toString()).toList());
    }

    private static String selectedTreeRow(WindowDriver window) {
        return WindowDriver.call(() -> {
            var item = window.tree().getSelectionModel().getSelectedItem();
            return item == null || item.getValue() == null ? "" : item.getValue().label();
        });
    }

    /** Clicks the table row of {@code ip} in {@code window}. */
    private void clickRow(WindowDriver window, String ip, int clicks) throws Exception {
        assertThat(shownRow(window, ip)).as("row %s shown", ip).isNotEmpty();
        TableRow<?> row = window.lookup(".address-table .table-row-cell").queryAllAs(TableRow.class).stream()
                .filter(r -> r.getItem() instanceof AddressRow item && item.ip().toString().equals(ip))
                .findFirst().orElseThrow(() -> new AssertionError("no visible row " + ip));
        if (clicks == 2) {
            robot.doubleClickOn(row);
        } else {
            robot.clickOn(row);
        }
        WindowDriver.waitUntil(() -> selectedIps(window).equals(List.of(ip)));
    }

    /** Both windows as rendered now, side by side, written to target/screenshots/NAME. */
    private Path screenshot(String name) {
        WritableImage left = PaneStage.snapshot(robot, alice.stage);
        WritableImage right = PaneStage.snapshot(robot, bob.stage);
        int gap = 8;
        int width = (int) (left.getWidth() + gap + right.getWidth());
        int height = (int) Math.max(left.getHeight(), right.getHeight());
        WritableImage both = new WritableImage(width, height);
        both.getPixelWriter().setPixels(0, 0, (int) left.getWidth(), (int) left.getHeight(),
                left.getPixelReader(), 0, 0);
        both.getPixelWriter().setPixels((int) left.getWidth() + gap, 0, (int) right.getWidth(),
                (int) right.getHeight(), right.getPixelReader(), 0, 0);
        return PaneStage.write(both, name);
    }

    @Test
    void aReservationInOneWindowShowsInTheOtherWhichKeepsItsSelectionAndAnEditComesBack() throws Exception {
        ServerLocation team = (ServerLocation) SampleDatabase.fresh(Engine.POSTGRES, dir);
        alice.open(team.toString());
        bob.openInOwnStage(team.toString());

        // Alice works in the grid of the web tier, Bob in its table, with web-04 (10.10.1.5) selected
        alice.toFront();
        alice.clickTreeRow("10.10.1.0/24");
        alice.waitForAddresses("10.10.1.0/24");
        bob.toFront();
        bob.clickTreeRow("10.10.1.0/24");
        bob.waitForAddresses("10.10.1.0/24");
        robot.clickOn(bob.lookup("#tableViewButton").queryAs(javafx.scene.Node.class));
        WindowDriver.waitUntil(() -> table(bob).isVisible() && table(bob).getItems().size() == 12);
        clickRow(bob, "10.10.1.5", 1);
        assertThat(shownRow(bob, "10.10.1.50")).isEmpty();

        // Alice reserves 10.10.1.50 by double-click, types a hostname and presses Enter
        alice.toFront();
        assertThat(alice.state(50)).isEqualTo(CellState.FREE);
        alice.doubleClickCell(50);
        WindowDriver.waitUntil(() -> robot.lookup(".dialog-pane #hostnameField").tryQuery().isPresent());
        robot.clickOn(robot.lookup(".dialog-pane #hostnameField").queryTextInputControl()).write("app-50", 0);
        WindowDriver.waitUntil(() -> !robot.lookup("#saveButton").queryButton().isDisabled());
        robot.type(KeyCode.ENTER);
        WindowDriver.waitUntil(() -> alice.state(50) == CellState.RESERVED);
        assertThat(alice.label("#lastOperationLabel").getText())
                .isEqualTo("Reserved 10.10.1.50 (app-50) in 10.10.1.0/24 in dc1");

        // Bob's table shows it within seconds, though nobody touched his window; web-04 stays selected
        long start = System.nanoTime();
        WindowDriver.waitUntil(() -> !shownRow(bob, "10.10.1.50").isEmpty());
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(millis).as("ms until Bob's window showed it").isLessThan(5_000);
        assertThat(shownRow(bob, "10.10.1.50")).contains("10.10.1.50", "reserved", "app-50");
        assertThat(bob.label("#lastOperationLabel").getText())
                .isEqualTo("Another program changed the database; refreshed");
        assertThat(selectedTreeRow(bob)).isEqualTo("10.10.1.0/24");
        assertThat(selectedIps(bob)).containsExactly("10.10.1.5");
        assertThat(WindowDriver.call(() -> table(bob).getItems().size())).as("held rows").isEqualTo(13);
        assertThat(screenshot("team-two-windows.png")).exists();

        // Bob changes the hostname through his table; Alice's window shows the new name on her selected address
        bob.toFront();
        clickRow(bob, "10.10.1.50", 2);
        WindowDriver.waitUntil(() -> robot.lookup(".dialog-pane #hostnameField").tryQuery().isPresent());
        TextField hostname = robot.lookup(".dialog-pane #hostnameField").queryAs(TextField.class);
        assertThat(WindowDriver.<String>call(hostname::getText)).isEqualTo("app-50");
        robot.clickOn(hostname);
        robot.press(KeyCode.END).release(KeyCode.END).write("-b", 0);
        WindowDriver.waitUntil(() -> "app-50-b".equals(hostname.getText())
                && !robot.lookup("#saveButton").queryButton().isDisabled());
        robot.type(KeyCode.ENTER);
        WindowDriver.waitUntil(() -> shownRow(bob, "10.10.1.50").contains("app-50-b"));

        TextField alicesDetails = alice.lookup("#hostnameField").queryAs(TextField.class);
        WindowDriver.waitUntil(() -> "app-50-b".equals(alicesDetails.getText()));
        assertThat(WindowDriver.call(() -> alice.grid().getViewModel().caretProperty().get())).isEqualTo(50);
        assertThat(selectedTreeRow(alice)).isEqualTo("10.10.1.0/24");
        assertThat(alice.label("#lastOperationLabel").getText())
                .isEqualTo("Another program changed the database; refreshed");
        assertThat(screenshot("team-two-windows-edited.png")).exists();
    }
}
