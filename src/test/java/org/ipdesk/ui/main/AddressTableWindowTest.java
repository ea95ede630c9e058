package org.ipdesk.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.event.Event;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import org.ipdesk.address.Ip;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.allocator.SampleData;
import org.ipdesk.model.CellState;
import org.ipdesk.ui.PaneStage;
import org.ipdesk.ui.SampleDatabase;
import org.ipdesk.ui.grid.GridContent;
import org.ipdesk.ui.table.AddressRow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/**
 * The address table in the real window: Grid | Table switch, sorting by address as a number, the filter, release of
 * two selected rows (the grid shows them free after), and one selection shared by the table and the grid.
 */
class AddressTableWindowTest {

    @TempDir
    Path dir;

    private final WindowDriver window = new WindowDriver();
    private final FxRobot robot = window.robot;

    @AfterEach
    void close() throws Exception {
        window.close();
    }

    /** The seeded sample's web tier (web-01 … web-12 at 10.10.1.2 … 10.10.1.13), in the table. */
    private void openWebTierTable() throws Exception {
        Path file = dir.resolve("sample.db");
        SampleDatabase.seed(file);
        window.open(file);
        window.clickTreeRow("10.10.1.0/24");
        window.waitForAddresses("10.10.1.0/24");
        robot.clickOn("#tableViewButton");
        WindowDriver.waitUntil(() -> table().isVisible() && table().getItems().size() == 12);
    }

    @SuppressWarnings("unchecked")
    private TableView<AddressRow> table() {
        return robot.lookup(".address-table").queryAs(TableView.class);
    }

    private List<String> shownIps() {
        return WindowDriver.call(() -> table().getItems().stream().map(row -> row.ip().toString()).toList());
    }

    private List<String> selectedIps() {
        return WindowDriver.call(() -> table().getSelectionModel().getSelectedItems().stream()
                .map(row -> row.ip().toString()).toList());
    }

    /** Clicks the table row of {@code ip} (scrolled into view first), with Ctrl held when {@code add}. */
    private void clickRow(String ip, boolean add) throws Exception {
        int index = WindowDriver.call(() -> shownIps().indexOf(ip));
        robot.interact(() -> table().scrollTo(Math.max(0, index - 4)));
        TableRow<?> row = robot.lookup(".address-table .table-row-cell").queryAllAs(TableRow.class).stream()
                .filter(r -> r.getItem() instanceof AddressRow item && item.ip().toString().equals(ip))
                .findFirst().orElseThrow(() -> new AssertionError("no visible row " + ip));
        if (add) {
            robot.press(KeyCode.CONTROL);
        }
        robot.clickOn(row);
        if (add) {
            robot.release(KeyCode.CONTROL);
        }
        WindowDriver.waitUntil(() -> selectedIps().contains(ip));
    }

    @Test
    void sortsAddressesAsNumbersAndFiltersOnAnyColumn() throws Exception {
        openWebTierTable();
        assertThat(shownIps()).startsWith("10.10.1.2", "10.10.1.3").endsWith("10.10.1.13");

        // the IP header twice: descending, and 10.10.1.13 comes before 10.10.1.9 (as text it would not)
        robot.clickOn("IP address");
        robot.clickOn("IP address");
        WindowDriver.waitUntil(() -> shownIps().get(0).equals("10.10.1.13"));
        assertThat(shownIps()).containsSubsequence("10.10.1.13", "10.10.1.10", "10.10.1.9", "10.10.1.2");

        robot.clickOn(".table-filter-field").write("web-1");
        WindowDriver.waitUntil(() -> shownIps().size() == 3);
        assertThat(shownIps()).containsExactly("10.10.1.13", "10.10.1.12", "10.10.1.11");
        assertThat(window.label(".table-summary").getText())
                .isEqualTo("12 held addresses in 10.10.1.0/24 \u00b7 3 match the filter");

        // the switch lists the free addresses too (the gateway among them)
        robot.interact(() -> robot.lookup(".table-filter-field").queryTextInputControl().clear());
        robot.clickOn("#freeBox");
        WindowDriver.waitUntil(() -> shownIps().size() == 254);
        assertThat(WindowDriver.call(() -> table().getItems().stream()
                .filter(row -> row.ip().equals(Ip.parse("10.10.1.1"))).findFirst().orElseThrow().statusText()))
                .isEqualTo("gateway");
    }

    @Test
    void twoSelectedRowsAreReleasedAndTheGridShowsThemFree() throws Exception {
        openWebTierTable();
        clickRow("10.10.1.3", false);
        clickRow("10.10.1.5", true);
        assertThat(selectedIps()).containsExactly("10.10.1.3", "10.10.1.5");

        // Monocle's headless keyboard drops the Delete key, so the key event is delivered to the table directly
        robot.interact(() -> Event.fireEvent(table(), new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.DELETE,
                false, false, false, false)));
        WindowDriver.waitUntil(() -> robot.lookup("#confirmButton").tryQuery().isPresent());
        // the question names the two rows picked, not the range between them
        assertThat(robot.lookup(".dialog-pane .content").queryAll().stream()
                .filter(n -> n instanceof javafx.scene.control.Labeled l && n.isVisible() && !l.getText().isEmpty())
                .map(n -> ((javafx.scene.control.Labeled) n).getText()).findFirst().orElse(""))
                .isEqualTo("Release the 2 selected addresses: 10.10.1.3 (web-02), 10.10.1.5 (web-04)?");
        robot.clickOn("#confirmButton");

        WindowDriver.waitUntil(() -> shownIps().size() == 10);
        assertThat(shownIps()).doesNotContain("10.10.1.3", "10.10.1.5").contains("10.10.1.4");
        GridContent.Addresses cells = (GridContent.Addresses) WindowDriver.call(
                () -> window.grid().getViewModel().getContent());
        assertThat(window.state(cells.indexOf(Ip.parse("10.10.1.3")))).isEqualTo(CellState.FREE);
        assertThat(window.state(cells.indexOf(Ip.parse("10.10.1.5")))).isEqualTo(CellState.FREE);
        assertThat(window.state(cells.indexOf(Ip.parse("10.10.1.4")))).isEqualTo(CellState.ALLOCATED);
        assertThat(window.label("#lastOperationLabel").getText()).isEqualTo("Released 2 addresses in 10.10.1.0/24 in dc1");
    }

    @Test
    void theTableAndTheGridShareOneSelection() throws Exception {
        openWebTierTable();
        GridContent.Addresses cells = window.waitForAddresses("10.10.1.0/24");

        // a row chosen in the table: the grid's caret and the details follow
        clickRow("10.10.1.7", false);
        WindowDriver.waitUntil(() -> window.grid().getViewModel().caretProperty().get()
                == cells.indexOf(Ip.parse("10.10.1.7")));
        WindowDriver.waitUntil(() -> robot.lookup("#hostnameField").queryTextInputControl().getText().equals("web-06"));

        // a cell chosen in the grid: the table selects its row
        robot.clickOn("#gridViewButton");
        WindowDriver.waitUntil(() -> window.grid().isVisible());
        window.clickCell(cells.indexOf(Ip.parse("10.10.1.11")));
        robot.clickOn("#tableViewButton");
        WindowDriver.waitUntil(() -> table().isVisible());
        assertThat(selectedIps()).containsExactly("10.10.1.11");
    }

    @Test
    void addressTableScreenshot() throws Exception {
        Path file = dir.resolve("sample.db");
        try (Allocator allocator = Allocator.open(org.ipdesk.store.Location.of(file))) {
            SampleData.create(allocator);
        }
        window.open(file);
        window.clickTreeRow("10.20.1.0/24");
        window.waitForAddresses("10.20.1.0/24");
        robot.clickOn("#tableViewButton");
        WindowDriver.waitUntil(() -> table().isVisible() && !table().getItems().isEmpty());
        clickRow("10.20.1.6", false);
        clickRow("10.20.1.8", true);
        WindowDriver.waitUntil(() -> robot.lookup("#hostnameField").queryTextInputControl().getText().equals("web-007"));

        Path written = PaneStage.screenshot(robot, window.stage, "address-table.png");
        assertThat(written).exists();
        String target = System.getProperty("ipdesk.screenshots", "");
        if (!target.isBlank()) {
            Files.createDirectories(Path.of(target));
            Files.copy(written, Path.of(target).resolve("address-table.png"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
