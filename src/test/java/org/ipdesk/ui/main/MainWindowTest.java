package org.ipdesk.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Application;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.paint.Color;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.stage.Stage;
import org.ipdesk.address.Cidr;
import org.ipdesk.address.Ip;
import org.ipdesk.address.IpRange;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.model.AddressDetails;
import org.ipdesk.model.CellState;
import org.ipdesk.model.Subnet;
import org.ipdesk.model.SubnetSpec;
import org.ipdesk.store.Location;
import org.ipdesk.ui.App;
import org.ipdesk.ui.PaneStage;
import org.ipdesk.ui.SampleDatabase;
import org.ipdesk.ui.grid.AddressGrid;
import org.ipdesk.ui.grid.AddressGridViewModel;
import org.ipdesk.ui.grid.GridContent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real window ({@link App} with {@code --db FILE}, FXML, theme, background executor) on a seeded database,
 * headless through Monocle (see the surefire settings in pom.xml).
 */
class MainWindowTest {

    @TempDir
    static Path dir;

    private static Path sample;

    private final FxRobot robot = new FxRobot();
    private final WindowDriver driver = new WindowDriver();
    private Stage stage;
    private Application app;

    @BeforeAll
    static void seed() {
        sample = dir.resolve("sample.db");
        SampleDatabase.seed(sample);
    }

    @AfterEach
    void closeWindow() throws TimeoutException {
        driver.close();
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
        FxToolkit.cleanupStages();
    }

    @Test
    void theWindowCarriesTheApplicationIconInEverySize() throws Exception {
        // the stage is shared between tests: no icons before, so that those found are this start's
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(primary -> primary.getIcons().clear());
        open(sample);
        // read on a spare thread and given to the window after it shows
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> stage.getIcons().size() == 7);
        assertThat(stage.getIcons()).extracting(image -> (int) image.getWidth())
                .containsExactly(16, 24, 32, 48, 64, 128, 256);
        assertThat(stage.getIcons()).allSatisfy(image -> {
            assertThat(image.isError()).as("icon failed to load: %s", image.getUrl()).isFalse();
            assertThat(image.getHeight()).isEqualTo(image.getWidth());
        });
        // the same pixels as icons/ipdesk-32.png: the centre of its top-left address cell
        javafx.scene.image.Image icon32 = stage.getIcons().get(2);
        java.awt.image.BufferedImage file = javax.imageio.ImageIO.read(Path.of("icons", "ipdesk-32.png").toFile());
        assertThat(icon32.getPixelReader().getArgb(8, 8)).isEqualTo(file.getRGB(8, 8));
        assertThat(icon32.getPixelReader().getArgb(0, 0) >>> 24).as("transparent corner").isZero();
    }

    @Test
    void whereWindowsCannotBeSeeThroughTheWindowAndItsToolWindowsDrawSquarePopups() throws Exception {
        // as on X11 without a compositing manager (OpaquePopupsTest has what the look is)
        System.setProperty("ipdesk.opaquePopups", "true");
        try {
            open(sample);
            assertThat(stage.getScene().getStylesheets()).endsWith(org.ipdesk.ui.OpaquePopups.stylesheet());
            // a tool window takes the main window's stylesheets: Usage, with its network list
            robot.press(javafx.scene.input.KeyCode.CONTROL).type(javafx.scene.input.KeyCode.U)
                    .release(javafx.scene.input.KeyCode.CONTROL);
            WindowDriver.waitUntil(() -> robot.lookup(".usage-table").tryQuery().isPresent());
            javafx.scene.Scene usage = robot.lookup(".usage-table").query().getScene();
            assertThat(usage.getStylesheets()).contains(org.ipdesk.ui.OpaquePopups.stylesheet());
        } finally {
            System.clearProperty("ipdesk.opaquePopups");
        }
    }

    @Test
    void showsTheNetworksAndTheirSubnets() throws Exception {
        open(sample);
        TreeView<TreeRow> tree = tree();
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> tree.getRoot().getChildren().size() == 2);

        List<TreeItem<TreeRow>> networks = tree.getRoot().getChildren();
        assertThat(networks).extracting(item -> item.getValue().label()).containsExactly("branch-office", "dc1");
        TreeItem<TreeRow> dc1 = networks.get(1);
        assertThat(dc1.isExpanded()).isTrue();
        assertThat(dc1.getChildren()).extracting(item -> item.getValue().label())
                .containsExactly("10.10.0.0/16", "2001:db8:10::/48");
        assertThat(dc1.getChildren().get(0).getChildren()).extracting(item -> item.getValue().name())
                .containsExactly("Web tier", "Databases");
        // every row is expanded: 2 networks + 7 subnets
        assertThat(tree.getExpandedItemCount()).isEqualTo(9);

        // the cells themselves show the values (once the next layout pass has filled them)
        List<String> expected = List.of("dc1", "Main data centre", "10.10.1.0/24", "Web tier \u00b7 VLAN 101", "5.12 %",
                "2001:db8:10:1::/64", "v4+v6");
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> cellTexts().containsAll(expected));
        assertThat(cellTexts()).containsAll(expected);

        assertThat(label("#databaseLabel").getText()).isEqualTo("Database: " + sample.toAbsolutePath().normalize());
        assertThat(label("#summaryLabel").getText()).isEqualTo("2 networks \u00b7 7 subnets \u00b7 45 addresses");
        assertThat(label("#summaryLabel").getPseudoClassStates()).isEmpty();
        assertThat(stage.getTitle()).isEqualTo("IPDesk \u2014 sample.db");
    }

    @Test
    void aFileThatIsNotAnIpdeskDatabaseShowsAnErrorInsteadOfCrashing() throws Exception {
        Path notes = dir.resolve("notes.txt");
        Files.writeString(notes, "hello\n");
        open(notes);
        Label summary = label("#summaryLabel");
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> !summary.getText().isEmpty());

        assertThat(summary.getText()).isEqualTo("Cannot open the database");
        assertThat(summary.getPseudoClassStates()).extracting(Object::toString).contains("error");
        assertThat(summary.getTooltip().getText()).contains("is not an IPDesk database");
        assertThat(label("#placeholderLabel").getText()).contains("is not an IPDesk database");
        assertThat(label("#databaseLabel").getText()).isEqualTo("Database: " + notes.toAbsolutePath().normalize());
        assertThat(tree().getRoot().getChildren()).isEmpty();
        assertThat(stage.isShowing()).isTrue();
    }

    @Test
    void createsANetworkAndASubnetThroughTheDialogsWithValidationAtTheFields() throws Exception {
        Path file = dir.resolve("empty-" + System.nanoTime() + ".db");
        WindowDriver window = driver.open(file);
        assertThat(window.label("#placeholderLabel").getText()).startsWith("This database has no networks yet.");
        assertThat(toolButton("Subnet").isDisabled()).isTrue();

        robot.clickOn(toolButton("Network"));
        robot.clickOn("#nameField").write("lab", 0);
        WindowDriver.waitUntil(() -> !robot.lookup("#saveButton").queryButton().isDisabled());
        robot.type(KeyCode.ENTER);
        WindowDriver.waitUntil(() -> selectedLabel(window).equals("lab"));
        assertThat(window.label("#lastOperationLabel").getText()).isEqualTo("Created network lab");

        robot.clickOn(toolButton("Subnet"));
        expectError("#cidrField", "10.99.0.5/24", "#cidrError", "10.99.0.5/24 has host bits set; did you mean 10.99.0.0/24?");
        expectError("#cidrField", "10.99.0.300/24", "#cidrError", "'10.99.0.300/24' is not a valid CIDR");
        retype("#cidrField", "10.99.0.0/24");
        expectError("#gatewayField", "10.99.1.1", "#gatewayError", "Gateway 10.99.1.1 is outside 10.99.0.0/24");
        retype("#gatewayField", "10.99.0.1");
        robot.clickOn("#nameField").write("Lab servers", 0);
        WindowDriver.waitUntil(() -> !robot.lookup("#saveButton").queryButton().isDisabled());
        robot.clickOn("#saveButton");

        WindowDriver.waitUntil(() -> selectedLabel(window).equals("10.99.0.0/24"));
        GridContent.Addresses cells = window.waitForAddresses("10.99.0.0/24");
        assertThat(cells.state(1)).isEqualTo(CellState.GATEWAY);
        assertThat(window.label("#lastOperationLabel").getText()).isEqualTo("Created subnet 10.99.0.0/24 in lab");

        // an overlap names the subnet it runs into: here a child over the new subnet's gateway
        robot.clickOn(toolButton("Subnet"));
        expectError("#cidrField", "10.99.0.0/25", "#cidrError",
                "10.99.0.0/25 would hold 10.99.0.1, the gateway of 10.99.0.0/24 'Lab servers' in lab");
        robot.clickOn("#cancelButton");
        try (Allocator check = Allocator.open(Location.of(file))) {
            assertThat(check.subnets()).extracting(Subnet::label).containsExactly("10.99.0.0/24 in lab");
        }
    }

    @Test
    void anEmptyDatabaseOffersTheSampleDataAndLoadsIt() throws Exception {
        Path file = dir.resolve("first-run-" + System.nanoTime() + ".db");
        WindowDriver window = driver.open(file);
        WindowDriver.waitUntil(() -> robot.lookup(".first-run").query().isVisible());
        PaneStage.screenshot(robot, window.stage, "first-run.png");
        // nothing to choose yet: the centre says what to create, not "choose a subnet"
        Label gridText = robot.lookup(".grid-placeholder").queryAs(Label.class);
        assertThat(gridText.getText()).isEqualTo(Navigation.NO_NETWORKS);
        robot.clickOn("#loadSampleButton");
        WindowDriver.waitUntil(() -> window.tree().getRoot().getChildren().size() == 3);
        assertThat(robot.lookup(".first-run").query().isVisible()).isFalse();
        WindowDriver.waitUntil(() -> gridText.getText().equals("Choose a subnet to see its addresses."));
        assertThat(window.label("#lastOperationLabel").getText())
                .isEqualTo("Loaded the sample data: 2,362 addresses in three networks");
    }

    @Test
    void aSeededSubnetShowsItsCellsAndFollowsTheKeyboard() throws Exception {
        WindowDriver window = driver.open(sample);
        window.clickTreeRow("10.10.1.0/24");
        GridContent.Addresses cells = window.waitForAddresses("10.10.1.0/24");
        AddressGrid grid = window.grid();
        Map<Integer, CellState> expected = Map.of(0, CellState.UNUSABLE, 1, CellState.GATEWAY, 2, CellState.ALLOCATED,
                13, CellState.ALLOCATED, 14, CellState.FREE, 255, CellState.UNUSABLE);
        robot.interact(grid::layout);
        WritableImage image = WindowDriver.call(() -> grid.getCanvas().snapshot(null, null));
        for (Map.Entry<Integer, CellState> entry : expected.entrySet()) {
            int index = entry.getKey();
            assertThat(cells.state(index)).as("model state of %s", cells.ip(index)).isEqualTo(entry.getValue());
            if (entry.getValue() != CellState.UNUSABLE) {
                Bounds cell = WindowDriver.call(() -> grid.cellBounds(index));
                Color pixel = image.getPixelReader().getColor((int) (cell.getCenterX() - grid.getCanvas().getLayoutX()),
                        (int) (cell.getCenterY() - grid.getCanvas().getLayoutY()));
                Color colour = grid.colorOf(entry.getValue());
                assertThat(Math.abs(pixel.getRed() - colour.getRed()) + Math.abs(pixel.getGreen() - colour.getGreen())
                        + Math.abs(pixel.getBlue() - colour.getBlue())).as("pixel of %s", cells.ip(index)).isLessThan(0.06);
            }
        }

        window.clickCell(2);
        WindowDriver.waitUntil(() -> text("#hostnameField").equals("web-01"));
        robot.type(KeyCode.RIGHT, KeyCode.RIGHT);
        WindowDriver.waitUntil(() -> text("#ipField").equals("10.10.1.4"));
        assertThat(text("#hostnameField")).isEqualTo("web-03");
        robot.press(KeyCode.SHIFT).type(KeyCode.DOWN).release(KeyCode.SHIFT);
        int columns = grid.getColumns();
        IpRange selection = grid.getViewModel().selectionProperty().get();
        assertThat(selection.start()).isEqualTo(Ip.parse("10.10.1.4"));
        assertThat(selection.end()).isEqualTo(Ip.parse("10.10.1.4").plus(columns));
    }

    @Test
    void zoomsIntoABlockOfASlash8AndBackByTheBreadcrumb() throws Exception {
        Path file = dir.resolve("wan.db");
        try (Allocator allocator = Allocator.open(Location.of(file))) {
            allocator.createNetwork("wan", "");
            Subnet big = allocator.createSubnet("wan", SubnetSpec.of(Cidr.parse("10.0.0.0/8")).withName("Backbone"));
            allocator.reserve(big.id(), Ip.parse("10.5.0.9"), AddressDetails.allocated("core-01"));
        }
        WindowDriver window = driver.open(file);
        window.clickTreeRow("10.0.0.0/8");
        AddressGridViewModel grid = window.grid().getViewModel();
        WindowDriver.waitUntil(() -> grid.modeProperty().get() == AddressGridViewModel.Mode.BLOCKS);
        assertThat(robot.lookup("#breadcrumbSlot").query().isVisible()).isTrue();

        Point2D block = WindowDriver.call(() -> {
            Bounds b = window.grid().cellBounds(5);
            return window.grid().localToScreen(b.getCenterX(), b.getCenterY());
        });
        robot.doubleClickOn(block);
        WindowDriver.waitUntil(() -> grid.path().size() == 2 && !grid.loadingProperty().get());
        assertThat(grid.path().get(1)).isEqualTo(Cidr.parse("10.5.0.0/16"));
        assertThat(((GridContent.Addresses) grid.getContent()).state(9)).isEqualTo(CellState.ALLOCATED);

        robot.clickOn(robot.lookup("#breadcrumbSlot .breadcrumb-link").queryAllAs(Hyperlink.class).stream()
                .filter(link -> link.getText().equals("10.0.0.0/8")).findFirst().orElseThrow());
        WindowDriver.waitUntil(() -> grid.path().size() == 1 && grid.modeProperty().get() == AddressGridViewModel.Mode.BLOCKS);
        assertThat(grid.caretProperty().get()).isEqualTo(5);
    }

    @Test
    void anotherProcessWritingShowsUpWithoutLosingTheSelection() throws Exception {
        Path file = dir.resolve("shared.db");
        SampleDatabase.seed(file);
        WindowDriver window = driver.open(file);
        window.clickTreeRow("10.10.1.0/24");
        window.waitForAddresses("10.10.1.0/24");
        window.clickCell(20);
        WindowDriver.waitUntil(() -> text("#ipField").equals("10.10.1.20"));

        try (Allocator cli = Allocator.open(Location.of(file))) {
            Subnet web = cli.findSubnet(Cidr.parse("10.10.1.0/24"), Optional.of("dc1"));
            cli.reserve(web.id(), Ip.parse("10.10.1.20"), AddressDetails.allocated("cli-host"));
        }

        WindowDriver.waitUntil(() -> text("#hostnameField").equals("cli-host"));
        assertThat(((GridContent.Addresses) window.grid().getViewModel().getContent()).state(20))
                .isEqualTo(CellState.ALLOCATED);
        assertThat(window.grid().getViewModel().caretProperty().get()).isEqualTo(20);
        assertThat(selectedLabel(window)).isEqualTo("10.10.1.0/24");
        assertThat(window.label("#lastOperationLabel").getText())
                .isEqualTo("Another program changed the database; refreshed");
    }

    @Test
    void deletingASubnetAsksWithItsAddressCountFirst() throws Exception {
        Path file = dir.resolve("delete.db");
        SampleDatabase.seed(file);
        WindowDriver window = driver.open(file);
        window.clickTreeRow("10.10.2.0/24");
        window.waitForAddresses("10.10.2.0/24");

        robot.clickOn(robot.lookup((Node n) -> n instanceof Button b && b.getTooltip() != null
                && b.getTooltip().getText().startsWith("Delete the selected")).queryButton());
        WindowDriver.waitUntil(() -> robot.lookup("#confirmButton").tryQuery().isPresent());
        String question = robot.lookup(".dialog-pane .content").queryLabeled().getText();
        assertThat(question).contains("10.10.2.0/24 'Databases' in dc1").contains("It holds 4 addresses");
        robot.clickOn("Cancel");
        try (Allocator check = Allocator.open(Location.of(file))) {
            assertThat(check.subnets("dc1")).extracting(s -> s.cidr().toString()).contains("10.10.2.0/24");
        }

        robot.clickOn(robot.lookup((Node n) -> n instanceof Button b && b.getTooltip() != null
                && b.getTooltip().getText().startsWith("Delete the selected")).queryButton());
        WindowDriver.waitUntil(() -> robot.lookup("#confirmButton").tryQuery().isPresent());
        robot.clickOn("#confirmButton");
        WindowDriver.waitUntil(() -> window.label("#lastOperationLabel").getText()
                .equals("Deleted subnet 10.10.2.0/24 (4 addresses)"));
        try (Allocator check = Allocator.open(Location.of(file))) {
            assertThat(check.subnets("dc1")).extracting(s -> s.cidr().toString()).doesNotContain("10.10.2.0/24");
        }
    }

    private Button toolButton(String text) {
        return robot.lookup(".tool-bar .button").queryAllAs(Button.class).stream()
                .filter(b -> text.equals(b.getText())).findFirst().orElseThrow();
    }

    private String selectedLabel(WindowDriver window) {
        var item = window.tree().getSelectionModel().getSelectedItem();
        return item == null || item.getValue() == null ? "" : item.getValue().label();
    }

    private String text(String query) {
        return robot.lookup(query).queryTextInputControl().getText();
    }

    private void retype(String field, String text) {
        robot.clickOn(field).press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL).write(text, 0);
    }

    private void expectError(String field, String input, String errorLabel, String expected) throws TimeoutException {
        retype(field, input);
        WindowDriver.waitUntil(() -> robot.lookup(errorLabel).queryAs(Label.class).getText().contains(expected));
        assertThat(robot.lookup("#saveButton").queryButton().isDisabled()).isTrue();
    }

    private void open(Path file) throws TimeoutException {
        stage = FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(App.class, "--db", file.toString());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private List<String> cellTexts() {
        return robot.lookup(".network-tree-cell .label").queryAll().stream()
                .map(label -> ((Label) label).getText())
                .toList();
    }

    private TreeView<TreeRow> tree() {
        return robot.lookup("#networkTree").query();
    }

    private Label label(String query) {
        return robot.lookup(query).queryAs(Label.class);
    }
}
