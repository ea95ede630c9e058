package org.ipdesk.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.ipdesk.address.Cidr;
import org.ipdesk.address.Ip;
import org.ipdesk.address.Mac;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.model.Address;
import org.ipdesk.model.Observation;
import org.ipdesk.model.SourceKind;
import org.ipdesk.model.Subnet;
import org.ipdesk.store.Location;
import org.ipdesk.ui.PaneStage;
import org.ipdesk.ui.SampleDatabase;
import org.ipdesk.ui.reconcile.ReconcileRow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/**
 * Address → Reconcile… in the real window on the sample database with a scan recorded: the findings of the selected
 * subnet, two actions chosen (one by keyboard, one in the row's choice), Apply changes the records, Edit → Undo puts
 * them back as they were.
 */
class ReconcileWindowTest {
    private static final Mac NEW_NIC = Mac.parse("00:1b:21:0a:0b:0c");
    private static final Mac CAMERA = Mac.parse("00:1b:21:0a:0b:50");

    @TempDir
    Path dir;

    private final WindowDriver window = new WindowDriver();
    private final FxRobot robot = window.robot;
    private Path file;

    @BeforeEach
    void open() throws Exception {
        file = dir.resolve("sample.db");
        SampleDatabase.seed(file);
        // a scan of the web tier two hours ago: web-01..12 on .2-.13 answer (.2 with a MAC, none is recorded),
        // .3 under another host name, and a camera nobody recorded on .50
        Instant seen = Instant.now().minus(Duration.ofHours(2));
        List<Observation> scan = new ArrayList<>();
        for (int i = 2; i <= 13; i++) {
            String host = i == 3 ? "web-02-new" : String.format("web-%02d", i - 1);
            scan.add(new Observation(Ip.parse("10.10.1." + i), i == 2 ? Optional.of(NEW_NIC) : Optional.empty(),
                    Optional.of(host), seen, SourceKind.NMAP, "nmap-scan.xml"));
        }
        scan.add(new Observation(Ip.parse("10.10.1.50"), Optional.of(CAMERA), Optional.of("cam-3"), seen,
                SourceKind.NMAP, "nmap-scan.xml"));
        try (Allocator allocator = Allocator.open(Location.of(file))) {
            allocator.observe(scan);
        }
        window.open(file);
        window.clickTreeRow("10.10.1.0/24");
        window.waitForAddresses("10.10.1.0/24");
    }

    @AfterEach
    void close() throws Exception {
        window.close();
    }

    @Test
    void twoActionsAppliedFromTheWindowAndUndoneWithEditUndo() throws Exception {
        robot.clickOn("#addressMenu").clickOn("Reconcile\u2026");
        WindowDriver.waitUntil(() -> reconcileStage() != null && !table().getItems().isEmpty());
        Stage reconcile = reconcileStage();
        assertThat(reconcile.getTitle()).isEqualTo("Reconcile \u2014 10.10.1.0/24 in dc1");
        assertThat(table().getItems()).extracting(ReconcileRow::address, ReconcileRow::kind).containsExactly(
                org.assertj.core.groups.Tuple.tuple("10.10.1.2", "mac-differs"),
                org.assertj.core.groups.Tuple.tuple("10.10.1.3", "hostname-differs"),
                org.assertj.core.groups.Tuple.tuple("10.10.1.50", "unknown-host"));

        // by keyboard: select the camera's row, Space picks its first action (record)
        robot.interact(() -> {
            table().requestFocus();
            table().getSelectionModel().select(2);
        });
        robot.clickOn(cellOf("10.10.1.50")).type(KeyCode.SPACE);
        WindowDriver.waitUntil(() -> row("10.10.1.50").chosenProperty().get().equals("record"));
        // by mouse: the new NIC's row, update-mac in its choice
        robot.clickOn(combo(0));
        WindowDriver.waitUntil(() -> robot.lookup(".combo-box-popup .list-cell").tryQuery().isPresent());
        robot.clickOn(robot.lookup(".combo-box-popup .list-cell")
                .match((javafx.scene.control.ListCell<?> c) -> "update-mac".equals(c.getItem())).queryAs(Node.class));
        WindowDriver.waitUntil(() -> row("10.10.1.2").chosenProperty().get().equals("update-mac"));
        Path png = PaneStage.screenshot(robot, reconcile, "reconcile-window.png");
        assertThat(Files.size(png)).isPositive();

        robot.clickOn(robot.from(reconcile.getScene().getRoot()).lookup(".button")
                .match((Button b) -> b.getText().contains("Apply")).queryButton());
        WindowDriver.waitUntil(() -> held("10.10.1.50").isPresent());
        assertThat(held("10.10.1.50").orElseThrow().details().hostname()).isEqualTo("cam-3");
        assertThat(held("10.10.1.50").orElseThrow().details().mac()).contains(CAMERA);
        assertThat(held("10.10.1.2").orElseThrow().details().mac()).contains(NEW_NIC);
        WindowDriver.waitUntil(() -> table().getItems().size() == 1);
        assertThat(table().getItems()).extracting(ReconcileRow::kind).containsExactly("hostname-differs");
        PaneStage.screenshot(robot, reconcile, "reconcile-window-applied.png");

        // Edit → Undo of the main window, whose text names the command (the item itself is fired: Monocle's robot
        // does not reliably reach a menu of a window behind another)
        window.toFront();
        javafx.scene.control.MenuItem undo = WindowDriver.call(() -> window.lookup(".menu-bar")
                .queryAs(javafx.scene.control.MenuBar.class).getMenus().stream()
                .filter(m -> m.getText().replace("_", "").equals("Edit")).findFirst().orElseThrow().getItems().stream()
                .filter(i -> i.getText() != null && i.getText().replace("_", "").startsWith("Undo")).findFirst()
                .orElseThrow());
        assertThat(WindowDriver.call(undo::getText)).startsWith("Undo reconcile");
        assertThat(WindowDriver.call(undo::isDisable)).isFalse();
        robot.interact(undo::fire);
        WindowDriver.waitUntil(() -> held("10.10.1.50").isEmpty());
        assertThat(held("10.10.1.2").orElseThrow().details().mac()).isEmpty();
        assertThat(held("10.10.1.2").orElseThrow().details().hostname()).isEqualTo("web-01");
        assertThat(window.label("#lastOperationLabel").getText()).startsWith("Undone: ");

        robot.interact(reconcile::toFront);
        robot.clickOn(robot.from(reconcile.getScene().getRoot()).lookup(".button")
                .match((Button b) -> b.getText().contains("Reload")).queryButton());
        WindowDriver.waitUntil(() -> table().getItems().size() == 3);
    }

    private Optional<Address> held(String ip) {
        try (Allocator check = Allocator.open(Location.of(file))) {
            Subnet web = check.findSubnet(Cidr.parse("10.10.1.0/24"), Optional.of("dc1"));
            return check.address(web.id(), Ip.parse(ip));
        }
    }

    private static Stage reconcileStage() {
        return Window.getWindows().stream().filter(w -> w instanceof Stage s && s.getScene() != null
                        && s.getScene().getRoot().getStyleClass().contains("reconcile-view"))
                .map(Stage.class::cast).findFirst().orElse(null);
    }

    @SuppressWarnings("unchecked")
    private TableView<ReconcileRow> table() {
        return (TableView<ReconcileRow>) robot.from(reconcileStage().getScene().getRoot()).lookup(".table-view")
                .queryAs(TableView.class);
    }

    private ReconcileRow row(String address) {
        return table().getItems().stream().filter(r -> r.address().equals(address)).findFirst().orElseThrow();
    }

    private Node cellOf(String address) {
        return robot.from(table()).lookup(".table-cell").match((javafx.scene.control.TableCell<?, ?> c) ->
                address.equals(c.getItem())).query();
    }

    private ComboBox<?> combo(int index) {
        return robot.from(table()).lookup(".reconcile-action").queryAllAs(ComboBox.class).stream()
                .filter(c -> c.getParent() instanceof javafx.scene.control.TableCell<?, ?> cell
                        && cell.getIndex() == index).findFirst().orElseThrow();
    }
}
