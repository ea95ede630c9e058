package org.ipdesk.ui.usage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javafx.scene.chart.BarChart;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.allocator.SampleData;
import org.ipdesk.report.UsageReport.SubnetRow;
import org.ipdesk.store.Location;
import org.ipdesk.ui.PaneStage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/** The Usage dashboard opened from the real window (Ctrl+U): charts, table, and a row that opens its subnet. */
class UsageDashboardTest {

    @TempDir
    Path dir;

    private final org.ipdesk.ui.main.MainWindowDriverAccess window = new org.ipdesk.ui.main.MainWindowDriverAccess();
    private final FxRobot robot = new FxRobot();

    @AfterEach
    void close() throws Exception {
        window.close();
    }

    @Test
    void opensFromTheWindowShowsTheFiguresAndARowOpensItsSubnet() throws Exception {
        Path file = dir.resolve("sample.db");
        try (Allocator allocator = Allocator.open(Location.of(file))) {
            SampleData.create(allocator);
        }
        window.open(file);
        robot.press(KeyCode.CONTROL).type(KeyCode.U).release(KeyCode.CONTROL);
        PaneStage.waitUntil(() -> robot.lookup(".usage-table").tryQuery().isPresent()
                && robot.lookup(".usage-table").queryAs(TableView.class).getItems().size() == 21);

        TableView<SubnetRow> table = robot.lookup(".usage-table").queryAs(TableView.class);
        BarChart<?, ?> fullest = robot.lookup(".usage-dashboard .bar-chart").queryAs(BarChart.class);
        assertThat(fullest.getData().get(0).getData()).hasSize(10);
        assertThat(robot.lookup(".usage-breakdown .label").queryAll()).anySatisfy(label ->
                assertThat(((javafx.scene.control.Label) label).getText()).startsWith("IPv4: "));
        assertThat(robot.lookup(".usage-dashboard .choice-box").queryAs(javafx.scene.control.ChoiceBox.class)
                .getValue()).isEqualTo("All networks");
        Stage dashboard = (Stage) table.getScene().getWindow();
        // an IPv6 /64 holds 2^64 − 1 usable addresses, written as the subnet header writes it
        int v6 = table.getItems().indexOf(table.getItems().stream()
                .filter(r -> r.cidr().toString().equals("2001:db8:20:1::/64")).findFirst().orElseThrow());
        robot.interact(() -> table.scrollTo(v6));
        PaneStage.waitUntil(() -> robot.lookup(".usage-table .table-cell").queryAllAs(TableCell.class).stream()
                .anyMatch(c -> c.getTableRow() != null && c.getTableRow().getItem() instanceof SubnetRow s
                        && s.cidr().toString().equals("2001:db8:20:1::/64")));
        assertThat(robot.lookup(".usage-table .table-cell").queryAllAs(TableCell.class).stream()
                .filter(c -> c.getTableRow() != null && c.getTableRow().getItem() instanceof SubnetRow s
                        && s.cidr().toString().equals("2001:db8:20:1::/64"))
                .map(TableCell::getText).toList()).contains("2^64 \u2212 1").doesNotContain("~2^63");
        robot.interact(() -> table.scrollTo(0));
        PaneStage.screenshot(robot, dashboard, "usage-dashboard.png");

        // double-click the Guest Wi-Fi row: the main window selects that subnet
        int index = table.getItems().indexOf(table.getItems().stream()
                .filter(r -> r.cidr().toString().equals("10.10.40.0/24")).findFirst().orElseThrow());
        robot.interact(() -> table.scrollTo(index));
        TableRow<?> row = robot.lookup(".usage-table .table-row-cell").queryAllAs(TableRow.class).stream()
                .filter(r -> r.getItem() instanceof SubnetRow s && s.cidr().toString().equals("10.10.40.0/24"))
                .findFirst().orElseThrow();
        robot.doubleClickOn(row);
        PaneStage.waitUntil(() -> "10.10.40.0/24".equals(window.selectedLabel()));
        assertThat(Window.getWindows()).contains(dashboard);

        // Escape closes the Usage window, as it closes the other tool windows
        robot.interact(() -> {
            dashboard.requestFocus();
            table.requestFocus();
        });
        robot.type(KeyCode.ESCAPE);
        PaneStage.waitUntil(() -> !dashboard.isShowing());
    }
}
