package org.ipdesk.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeCell;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.ipdesk.address.Cidr;
import org.ipdesk.address.Ip;
import org.ipdesk.address.Mac;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.model.AddressDetails;
import org.ipdesk.model.AddressStatus;
import org.ipdesk.model.Subnet;
import org.ipdesk.store.Location;
import org.ipdesk.ui.PaneStage;
import org.ipdesk.ui.SampleDatabase;
import org.ipdesk.ui.serviceexport.ServiceExportViewModel.DiffRow;
import org.ipdesk.ui.serviceexport.ServiceExportViewModel.ScopeChoice;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/**
 * File → Export to DHCP/DNS… in the real window on the sample database, whose database servers (10.10.2.0/24) have
 * MACs and whose web tier (10.10.1.0/24) has none: opened from the File menu with the selected subnet as its scope,
 * ISC dhcpd and a folder chosen, Check shows no problem and the new files' lines, Write puts them there and the status
 * line says so; for the whole network the web tier's reservations without a MAC are listed, Write is refused until
 * "write anyway" is ticked. The tree's context menu opens it on the network. Snapshots go to target/screenshots.
 */
class ServiceExportWindowTest {
    @TempDir
    Path dir;

    private final WindowDriver window = new WindowDriver();
    private final FxRobot robot = window.robot;

    @BeforeEach
    void open() throws Exception {
        Path file = dir.resolve("sample.db");
        SampleDatabase.seed(file);
        try (Allocator allocator = Allocator.open(Location.of(file))) {
            Subnet databases = allocator.findSubnet(Cidr.parse("10.10.2.0/24"), Optional.of("dc1"));
            for (int i = 1; i <= 4; i++) {
                Ip ip = Ip.parse("10.10.2." + (i + 1));
                allocator.update(databases.id(), ip, new AddressDetails(AddressStatus.ALLOCATED, "db-0" + i,
                        Optional.of(Mac.parse("52:54:00:00:02:0" + i)), "", ""));
            }
        }
        window.open(file);
    }

    @AfterEach
    void close() throws Exception {
        window.close();
    }

    @Test
    void checksAndWritesTheSubnetThenRefusesTheNetworkWithProblemsUntilWriteAnyway() throws Exception {
        window.clickTreeRow("10.10.2.0/24");
        robot.clickOn("File");
        robot.clickOn("Export to DHCP/DNS\u2026");
        WindowDriver.waitUntil(() -> exportStage() != null);
        Stage export = exportStage();
        assertThat(export.getTitle()).isEqualTo("Export to DHCP/DNS");
        PaneStage.screenshot(robot, export, "service-export-open.png");
        assertThat(WindowDriver.call(() -> scopeChoice().getValue().label()))
                .isEqualTo("Subnet 10.10.2.0/24 in dc1");
        // it fits the smallest window size admins use, its buttons in view
        assertThat(export.getWidth()).isLessThanOrEqualTo(1024);
        assertThat(export.getHeight()).isLessThanOrEqualTo(700);
        for (String button : new String[] {"#checkButton", "#writeButton", "#closeButton"}) {
            Bounds b = WindowDriver.call(() -> {
                Node node = in(export, button);
                return node.localToScene(node.getLayoutBounds());
            });
            assertThat(b.getMaxY()).as(button).isLessThanOrEqualTo(export.getScene().getHeight());
            assertThat(b.getMaxX()).as(button).isLessThanOrEqualTo(export.getScene().getWidth());
        }

        robot.clickOn(in(export, "#targetChoice"));
        robot.clickOn(robot.lookup(".combo-box-popup .list-cell")
                .match((ListCell<?> c) -> c.getText() != null && c.getText().startsWith("ISC dhcpd"))
                .queryAs(Node.class));
        Path out = Files.createDirectories(dir.resolve("dhcpd"));
        robot.clickOn(in(export, "#pathField")).write(out.toString(), 0);
        assertThat(in(export, "#writeButton").isDisabled()).as("Write before a check").isTrue();
        robot.clickOn(in(export, "#checkButton"));
        WindowDriver.waitUntil(() -> !diff(export).getItems().isEmpty());

        assertThat(problems(export).getItems()).isEmpty();
        assertThat(diff(export).getItems()).filteredOn(r -> r.kind() == DiffRow.Kind.FILE)
                .extracting(DiffRow::text).hasSize(2)
                .allMatch(text -> text.contains(" \u2014 new file, "))
                .anyMatch(text -> text.startsWith(out.resolve("ipdesk-dhcpd.conf").toString()));
        assertThat(diff(export).getItems()).anyMatch(r -> r.kind() == DiffRow.Kind.ADDED
                && r.text().contains("52:54:00:00:02:01"));
        // the added lines are marked for their colour
        assertThat(robot.from(diff(export)).lookup(".list-cell").queryAllAs(ListCell.class))
                .anyMatch(cell -> cell.getPseudoClassStates().stream().anyMatch(p -> p.getPseudoClassName()
                        .equals("added")));
        PaneStage.screenshot(robot, export, "service-export-checked.png");

        robot.clickOn(in(export, "#writeButton"));
        Path v4 = out.resolve("ipdesk-dhcpd.conf");
        WindowDriver.waitUntil(() -> Files.exists(v4) && label(export, "#messageLabel").getText().startsWith("Wrote"));
        String written = Files.readString(v4);
        assertThat(written).contains("52:54:00:00:02:01").contains("10.10.2.2").doesNotContain("10.10.1.");
        assertThat(label(export, "#messageLabel").getText()).startsWith("Wrote 2 files to " + out + ": ");
        WindowDriver.waitUntil(() -> window.label("#lastOperationLabel").getText().startsWith("Wrote 2 files"));
        assertThat(in(export, "#writeButton").isDisabled()).as("Write again without a new check").isTrue();

        robot.clickOn(in(export, "#scopeChoice"));
        robot.clickOn(robot.lookup(".combo-box-popup .list-cell")
                .match((ListCell<?> c) -> "Network dc1".equals(c.getText())).queryAs(Node.class));
        robot.clickOn(in(export, "#checkButton"));
        WindowDriver.waitUntil(() -> !problems(export).getItems().isEmpty());
        // the whole network: the web tier's twelve hosts and the three IPv6 ones have no MAC; 10.10.0.10 sits in the /16 above the /24s
        assertThat(problems(export).getItems()).hasSize(16)
                .filteredOn(p -> p.kind().equals("no MAC") && p.address().startsWith("10.10.1.")).hasSize(12);
        assertThat(problems(export).getItems()).anyMatch(p -> p.kind().equals("in a parent subnet")
                && p.address().equals("10.10.0.10"));
        assertThat(diff(export).getItems()).anyMatch(r -> r.kind() == DiffRow.Kind.FILE
                && r.text().startsWith(v4.toString()) && r.text().contains("added"));
        assertThat(PaneStage.screenshot(robot, export, "service-export.png")).exists();

        robot.clickOn(in(export, "#writeButton"));
        WindowDriver.waitUntil(() -> label(export, "#messageLabel").getText().startsWith("Nothing was written"));
        assertThat(label(export, "#messageLabel").getText()).isEqualTo("Nothing was written: 16 problems listed. "
                + "Fix them and check again, or tick \u201cWrite anyway, leaving those entries out\u201d.");
        assertThat(Files.readString(v4)).isEqualTo(written);
        PaneStage.screenshot(robot, export, "service-export-refused.png");

        robot.clickOn(in(export, "#writeAnywayBox"));
        assertThat(((CheckBox) in(export, "#writeAnywayBox")).isSelected()).isTrue();
        robot.clickOn(in(export, "#writeButton"));
        WindowDriver.waitUntil(() -> label(export, "#messageLabel").getText().startsWith("Wrote"));
        assertThat(Files.readString(v4)).isNotEqualTo(written).contains("10.10.1.0").contains("52:54:00:00:02:01");
        assertThat(label(export, "#messageLabel").getText()).endsWith("; the entries of 16 problems left out");
    }

    @Test
    void theTreesContextMenuOpensItOnTheNetwork() throws Exception {
        window.clickTreeRow("branch-office");
        TreeCell<?> cell = window.lookup(".network-tree-cell").queryAllAs(TreeCell.class).stream()
                .filter(c -> c.getItem() instanceof TreeRow row && row.label().equals("branch-office")).findFirst()
                .orElseThrow();
        // what a right-click (or the menu key) sends the tree
        robot.interact(() -> {
            Bounds b = cell.getLayoutBounds();
            javafx.geometry.Point2D screen = cell.localToScreen(b.getCenterX(), b.getCenterY());
            javafx.event.Event.fireEvent(cell, new javafx.scene.input.ContextMenuEvent(
                    javafx.scene.input.ContextMenuEvent.CONTEXT_MENU_REQUESTED, b.getCenterX(), b.getCenterY(),
                    screen.getX(), screen.getY(), true, null));
        });
        WindowDriver.waitUntil(() -> WindowDriver.openContextMenu() != null);
        javafx.scene.control.MenuItem item = WindowDriver.call(() -> WindowDriver.openContextMenu().getItems().stream()
                .filter(i -> "Export to DHCP/DNS\u2026".equals(i.getText().replace("_", ""))).findFirst().orElseThrow());
        assertThat(item.isDisable()).isFalse();
        robot.interact(item::fire);
        WindowDriver.waitUntil(() -> exportStage() != null);
        assertThat(WindowDriver.call(() -> scopeChoice().getItems()).stream().map(ScopeChoice::label))
                .containsExactly("Everything (every network)", "Network branch-office");
        assertThat(WindowDriver.call(() -> scopeChoice().getValue().label())).isEqualTo("Network branch-office");
        robot.clickOn(in(exportStage(), "#closeButton"));
        WindowDriver.waitUntil(() -> exportStage() == null);
    }

    private static Stage exportStage() {
        return Window.getWindows().stream().filter(w -> w instanceof Stage s && s.isShowing() && s.getScene() != null
                        && s.getScene().getRoot().getStyleClass().contains("service-export"))
                .map(Stage.class::cast).findFirst().orElse(null);
    }

    private Node in(Stage stage, String query) {
        return robot.from(stage.getScene().getRoot()).lookup(query).query();
    }

    private Label label(Stage stage, String query) {
        return (Label) in(stage, query);
    }

    @SuppressWarnings("unchecked")
    private ComboBox<ScopeChoice> scopeChoice() {
        return (ComboBox<ScopeChoice>) in(exportStage(), "#scopeChoice");
    }

    @SuppressWarnings("unchecked")
    private TableView<org.ipdesk.ui.serviceexport.ServiceExportViewModel.ProblemRow> problems(Stage stage) {
        return (TableView<org.ipdesk.ui.serviceexport.ServiceExportViewModel.ProblemRow>) in(stage, "#problemTable");
    }

    @SuppressWarnings("unchecked")
    private ListView<DiffRow> diff(Stage stage) {
        return (ListView<DiffRow>) in(stage, "#diffList");
    }
}
