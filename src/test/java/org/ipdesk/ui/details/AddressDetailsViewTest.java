package org.ipdesk.ui.details;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.ipdesk.address.Ip;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.model.AddressDetails;
import org.ipdesk.model.AddressStatus;
import org.ipdesk.model.CellState;
import org.ipdesk.model.Subnet;
import org.ipdesk.ui.FxTaskExecutor;
import org.ipdesk.ui.PaneFixtures;
import org.ipdesk.ui.PaneStage;
import org.ipdesk.ui.grid.GridPalette;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * The details pane in a window, headless through Monocle, reading through the application's executor
 * ({@link FxTaskExecutor}) from a seeded database: the rendered texts, the status swatch's colour, and snapshots
 * in {@code target/screenshots/}.
 */
class AddressDetailsViewTest {

    private static final String UPDATED = "hostname web-01 \u2192 web-01b; description \u201cFront web server\u201d"
            + " \u2192 \u201cFront web server, rack 4\u201d";

    @TempDir
    static Path dir;

    private static Allocator allocator;
    private static PaneFixtures data;

    private final FxRobot robot = new FxRobot();
    private FxTaskExecutor executor;
    private AddressDetailsViewModel vm;
    private AddressDetailsView view;
    private Stage stage;

    @BeforeAll
    static void seed() {
        allocator = PaneFixtures.open(dir.resolve("details-view.db"));
        data = PaneFixtures.seed(allocator);
        // a second change on web-01, so its history has two rows
        allocator.update(data.lan.id(), Ip.parse("10.0.0.2"), new AddressDetails(AddressStatus.ALLOCATED, "web-01b",
                allocator.address(data.lan.id(), Ip.parse("10.0.0.2")).orElseThrow().details().mac(), "alice",
                "Front web server, rack 4"));
    }

    @AfterAll
    static void close() {
        allocator.close();
    }

    @BeforeEach
    void open() throws TimeoutException {
        executor = new FxTaskExecutor();
        vm = new AddressDetailsViewModel(() -> allocator, executor);
        FxToolkit.registerPrimaryStage();
        robot.interact(() -> view = AddressDetailsView.load(vm));
        stage = PaneStage.show(view.root(), 380, 560);
    }

    @AfterEach
    void closeWindow() throws TimeoutException {
        PaneStage.theme(robot, false);
        FxToolkit.cleanupStages();
        executor.close();
    }

    private void show(Subnet subnet, String ip) throws TimeoutException {
        robot.interact(() -> vm.show(subnet, Ip.parse(ip)));
        PaneStage.waitUntil(() -> !vm.loadingProperty().get() && vm.ipProperty().get().equals(ip));
    }

    private String field(String id) {
        Node node = robot.lookup("#" + id).query();
        return node instanceof TextField field ? field.getText() : ((Label) node).getText();
    }

    private boolean visible(String id) {
        return robot.lookup("#" + id).query().isVisible();
    }

    @Test
    void showsThePlaceholderThenAHeldAddressAndItsHistory() throws TimeoutException {
        assertThat(visible("placeholderLabel")).isTrue();
        assertThat(field("placeholderLabel")).isEqualTo("Select an address in the grid.");
        // the form and history join the scene graph only when an address is first shown (not styled at start-up)
        assertThat(robot.lookup("#content").tryQuery()).isEmpty();

        show(data.lan, "10.0.0.2");

        assertThat(visible("placeholderLabel")).isFalse();
        assertThat(field("ipField")).isEqualTo("10.0.0.2");
        assertThat(field("subnetLabel")).isEqualTo("10.0.0.0/24 in lab");
        assertThat(field("statusLabel")).isEqualTo("allocated");
        assertThat(visible("form")).isTrue();
        assertThat(field("hostnameField")).isEqualTo("web-01b");
        assertThat(field("macField")).isEqualTo("00:1a:2b:3c:4d:5e");
        assertThat(field("ownerField")).isEqualTo("alice");
        assertThat(field("descriptionField")).isEqualTo("Front web server, rack 4");
        assertThat(field("createdField")).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d");
        // each caption sits left of its value, one row each, in the FXML's order
        Node hostname = robot.lookup("#hostnameField").query();
        Node updated = robot.lookup("#updatedField").query();
        Label hostnameCaption = robot.lookup(".field-caption").queryAllAs(Label.class).stream()
                .filter(label -> label.getText().equals("Hostname")).findFirst().orElseThrow();
        assertThat(hostnameCaption.getBoundsInParent().getMaxX()).isLessThan(hostname.getBoundsInParent().getMinX());
        assertThat(hostnameCaption.getBoundsInParent().getCenterY())
                .isCloseTo(hostname.getBoundsInParent().getCenterY(), org.assertj.core.data.Offset.offset(2.0));
        assertThat(javafx.scene.layout.GridPane.getRowIndex(updated)).isEqualTo(5);
        assertThat(updated.getBoundsInParent().getMinY()).isGreaterThan(hostname.getBoundsInParent().getMaxY());
        assertThat(robot.lookup("#createdField").queryAs(TextField.class).getTooltip().getText())
                .matches("2026-11-26T12:\\d\\d:00Z");
        assertThat(robot.lookup("#ipField").queryAs(TextField.class).isEditable()).isFalse();
        ListView<?> history = robot.lookup("#historyList").queryAs(ListView.class);
        assertThat(history.getItems()).extracting(row -> ((HistoryRow) row).summary())
                .containsExactly(UPDATED, "allocated to web-01");
        assertThat(robot.lookup(".history-summary").queryAllAs(Label.class)).extracting(Label::getText)
                .contains(UPDATED, "allocated to web-01");
        assertSwatch(GridPalette.LIGHT.colorOf(CellState.ALLOCATED));
        PaneStage.screenshot(robot, stage, "address-details-light.png");

        PaneStage.theme(robot, true);
        robot.interact(() -> view.darkProperty().set(true));
        assertSwatch(GridPalette.DARK.colorOf(CellState.ALLOCATED));
        PaneStage.screenshot(robot, stage, "address-details-dark.png");
    }

    @Test
    void inAPaneAsNarrowAsTheWindowAllowsEveryValueShowsWhole() throws TimeoutException {
        // the details pane's least width in the main window (MainView.fxml): at 1024 px the MAC and the times were cut
        robot.interact(() -> stage.setWidth(240));
        allocator.observe(java.util.List.of(new org.ipdesk.model.Observation(Ip.parse("10.0.0.2"),
                java.util.Optional.of(org.ipdesk.address.Mac.parse("00:1a:2b:3c:4d:5e")),
                java.util.Optional.of("web-01b"), java.time.Instant.now().minus(java.time.Duration.ofMinutes(30)),
                org.ipdesk.model.SourceKind.NMAP, "nmap-scan-0612.xml")));
        show(data.lan, "10.0.0.2");

        for (String id : java.util.List.of("hostnameField", "macField", "ownerField", "createdField", "updatedField")) {
            TextField value = robot.lookup("#" + id).queryAs(TextField.class);
            assertThat(shownWidth(value)).as("room for %s's \"%s\"", id, value.getText())
                    .isGreaterThanOrEqualTo(textWidth(value));
        }
        // the line about the last sighting wraps and keeps all its words (the history list gives way)
        Label lastSeen = robot.lookup("#lastSeenLabel").queryAs(Label.class);
        assertThat(lastSeen.getText()).startsWith("Last seen 30 min ago by nmap-scan-0612.xml");
        assertThat(robot.from(lastSeen).lookup(".text").queryAs(javafx.scene.text.Text.class).getText())
                .as("shown").isEqualTo(lastSeen.getText());
        // there the captions stand above their values
        Label macCaption = robot.lookup(".field-caption").queryAllAs(Label.class).stream()
                .filter(label -> label.getText().equals("MAC")).findFirst().orElseThrow();
        Node mac = robot.lookup("#macField").query();
        assertThat(macCaption.getBoundsInParent().getMaxY()).isLessThanOrEqualTo(mac.getBoundsInParent().getMinY());
        PaneStage.screenshot(robot, stage, "address-details-narrow.png");

        // and beside them again when the pane is wide
        robot.interact(() -> stage.setWidth(420));
        PaneStage.waitUntil(() -> macCaption.getBoundsInParent().getMaxX() < mac.getBoundsInParent().getMinX());
    }

    /** The width a field gives its text (its own less its padding). */
    private static double shownWidth(TextField field) {
        return field.getWidth() - field.getInsets().getLeft() - field.getInsets().getRight();
    }

    private static double textWidth(TextField field) {
        javafx.scene.text.Text text = new javafx.scene.text.Text(field.getText());
        text.setFont(field.getFont());
        return Math.ceil(text.getLayoutBounds().getWidth());
    }

    @Test
    void anAddressAScanSawSaysWhenAndByWhichFile() throws TimeoutException {
        allocator.observe(java.util.List.of(new org.ipdesk.model.Observation(Ip.parse("10.0.0.2"),
                java.util.Optional.of(org.ipdesk.address.Mac.parse("00:1a:2b:3c:4d:5e")),
                java.util.Optional.of("web-01b"), java.time.Instant.now().minus(java.time.Duration.ofMinutes(125)),
                org.ipdesk.model.SourceKind.NMAP, "nmap-scan-0612.xml")));

        show(data.lan, "10.0.0.2");
        assertThat(visible("lastSeenLabel")).isTrue();
        assertThat(field("lastSeenLabel"))
                .isEqualTo("Last seen 2 h ago by nmap-scan-0612.xml (MAC 00:1a:2b:3c:4d:5e, host web-01b)");
        PaneStage.screenshot(robot, stage, "address-details-last-seen.png");

        show(data.lan, "10.0.0.255");
        assertThat(visible("lastSeenLabel")).as("never seen").isFalse();
    }

    @Test
    void emptyCellsSayWhatTheyAreAndHideTheForm() throws TimeoutException {
        show(data.lan, "10.0.0.150");
        assertThat(field("statusLabel")).isEqualTo("free, in DHCP pool 10.0.0.100-10.0.0.199");
        assertThat(visible("form")).isFalse();
        assertSwatch(GridPalette.LIGHT.colorOf(CellState.DHCP_RANGE));

        show(data.lan, "10.0.0.255");
        assertThat(field("statusLabel")).isEqualTo("not usable (broadcast address)");

        show(data.lan, "10.0.0.20");
        assertThat(field("statusLabel")).isEqualTo("free");
        assertThat(robot.lookup(".history-summary").queryAllAs(Label.class)).extracting(Label::getText)
                .contains("released (was allocated to app-01b)");
        PaneStage.screenshot(robot, stage, "address-details-free-light.png");
        PaneStage.theme(robot, true);
        robot.interact(() -> view.darkProperty().set(true));
        PaneStage.screenshot(robot, stage, "address-details-free-dark.png");

        show(data.v6, "2001:db8::ffff:ffff:ffff:ffff");
        assertThat(field("statusLabel")).isEqualTo("free");
        PaneStage.screenshot(robot, stage, "address-details-v6-dark.png");

        robot.interact(() -> vm.clear());
        assertThat(visible("placeholderLabel")).isTrue();
        assertThat(visible("content")).isFalse();
    }

    private void assertSwatch(Color expected) {
        PaneStage.assertColor(PaneStage.centrePixel(robot, stage, robot.lookup("#swatch").query()), expected);
    }
}
