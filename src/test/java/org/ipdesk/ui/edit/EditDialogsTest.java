package org.ipdesk.ui.edit;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.ipdesk.address.Cidr;
import org.ipdesk.address.Ip;
import org.ipdesk.address.IpRange;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.model.AddressRange;
import org.ipdesk.model.Network;
import org.ipdesk.model.RangeKind;
import org.ipdesk.model.Subnet;
import org.ipdesk.store.ContentSnapshot;
import org.ipdesk.store.Location;
import org.ipdesk.ui.FxDialogService;
import org.ipdesk.ui.FxTaskExecutor;
import org.ipdesk.ui.SampleDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The dialogs for real: FXML, theme, {@link FxDialogService} and the background {@link FxTaskExecutor} on a seeded
 * database, typed into by the robot, headless through Monocle. Writes PNGs of the dialogs to target/screenshots.
 */
class EditDialogsTest {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @TempDir
    Path dir;

    private final FxRobot robot = new FxRobot();
    private Path file;
    private Allocator allocator;
    private FxTaskExecutor executor;
    private FxDialogService dialogs;

    @BeforeEach
    void open() throws TimeoutException {
        file = dir.resolve("sample.db");
        SampleDatabase.seed(file);
        allocator = Allocator.open(Location.of(file));
        executor = new FxTaskExecutor();
        Stage owner = FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            stage.setScene(new Scene(new StackPane(), 400, 300));
            stage.show();
        });
        String css = Objects.requireNonNull(getClass().getResource("/org/ipdesk/ui/ipdesk.css")).toExternalForm();
        dialogs = new FxDialogService(owner, List.of(css));
    }

    @AfterEach
    void close() throws TimeoutException {
        FxToolkit.cleanupStages();
        executor.close();
        allocator.close();
    }

    // ================================================================= network

    @Test
    void typingANetworkNameAndPressingEnterCreatesIt() throws Exception {
        CompletableFuture<Optional<Network>> result = show(
                () -> dialogs.editNetwork(NetworkDialogViewModel.create(() -> allocator, executor)));
        assertThat(saveButton().getText()).isEqualTo("Create");
        assertThat(saveButton().isDisabled()).isTrue();

        robot.clickOn("#nameField").write("dc1", 0);
        waitUntil(() -> "A network named 'dc1' already exists".equals(text("#nameError")));
        assertThat(saveButton().isDisabled()).isTrue();
        shoot("dialog-network-error");

        retype("#nameField", "lab");
        robot.clickOn("#descriptionField").write("Test lab, 3rd floor", 0);
        waitUntil(() -> !saveButton().isDisabled());
        assertThat(text("#nameError")).isEmpty();
        shoot("dialog-network");
        robot.clickOn("#nameField").type(KeyCode.ENTER);

        Optional<Network> saved = result.get(10, TimeUnit.SECONDS);
        assertThat(saved).map(Network::name).hasValue("lab");
        try (Allocator check = Allocator.open(Location.of(file))) {
            assertThat(check.network("lab").description()).isEqualTo("Test lab, 3rd floor");
        }
    }

    @Test
    void cancelAndEscapeChangeNothing() throws Exception {
        String before = ContentSnapshot.of(file);
        CompletableFuture<Optional<Network>> result = show(
                () -> dialogs.editNetwork(NetworkDialogViewModel.create(() -> allocator, executor)));
        robot.clickOn("#nameField").write("lab", 0);
        waitUntil(() -> !saveButton().isDisabled());
        robot.type(KeyCode.ESCAPE);
        assertThat(result.get(10, TimeUnit.SECONDS)).isEmpty();

        CompletableFuture<Optional<Subnet>> subnet = show(
                () -> dialogs.editSubnet(SubnetDialogViewModel.create(() -> allocator, executor, "dc1", "10.20.0.0/24")));
        waitUntil(() -> !saveButton().isDisabled());
        robot.clickOn("#cancelButton");
        assertThat(subnet.get(10, TimeUnit.SECONDS)).isEmpty();
        assertThat(ContentSnapshot.of(file)).isEqualTo(before);
    }

    // ================================================================= subnet

    @Test
    void eachBadSubnetInputIsShownAtItsFieldAndSaveStaysDisabled() throws Exception {
        CompletableFuture<Optional<Subnet>> result = show(
                () -> dialogs.editSubnet(SubnetDialogViewModel.create(() -> allocator, executor, "dc1", "")));
        ChoiceBox<?> network = robot.lookup("#networkChoice").query();
        waitUntil(() -> network.getItems().size() == 2);
        assertThat(network.getValue()).isEqualTo("dc1");

        expectError("#cidrField", "10.0.0.300/24", "#cidrError", "'10.0.0.300/24' is not a valid CIDR");
        expectError("#cidrField", "10.10.1.5/24", "#cidrError", "did you mean 10.10.1.0/24?");
        expectError("#cidrField", "10.10.1.0/25", "#cidrError",
                "10.10.1.0/25 would hold 10.10.1.1, the gateway of 10.10.1.0/24 'Web tier' in dc1");
        assertThat(robot.lookup("#cidrField").query().getPseudoClassStates()).extracting(Object::toString).contains("danger");

        retype("#cidrField", "10.20.0.0/24");
        waitUntil(() -> text("#cidrError").isEmpty() && !saveButton().isDisabled());
        assertThat(text("#cidrInfo")).isEqualTo("254 usable addresses: 10.20.0.1 \u2013 10.20.0.254");

        expectError("#vlanField", "5000", "#vlanError", "VLAN 5000 is out of range (1-4094)");
        retype("#vlanField", "120");
        expectError("#gatewayField", "10.20.1.1", "#gatewayError", "Gateway 10.20.1.1 is outside 10.20.0.0/24");
        shoot("dialog-subnet-errors");
        retype("#gatewayField", "10.20.0.1");
        robot.clickOn("#nameField").write("Storage", 0);
        waitUntil(() -> !saveButton().isDisabled());
        assertThat(List.of(text("#cidrError"), text("#vlanError"), text("#gatewayError"), text("#networkError")))
                .containsOnly("");
        shoot("dialog-subnet");
        robot.clickOn("#saveButton");

        Subnet saved = result.get(10, TimeUnit.SECONDS).orElseThrow();
        try (Allocator check = Allocator.open(Location.of(file))) {
            Subnet stored = check.findSubnet(Cidr.parse("10.20.0.0/24"), Optional.of("dc1"));
            assertThat(stored).isEqualTo(saved);
            assertThat(stored.name()).isEqualTo("Storage");
            assertThat(stored.vlan()).hasValue(120);
            assertThat(stored.gateway()).hasValue(Ip.parse("10.20.0.1"));
        }
    }

    @Test
    void editingASubnetChangesItsGateway() throws Exception {
        Subnet office = allocator.findSubnet(Cidr.parse("192.168.20.0/24"), Optional.empty());
        CompletableFuture<Optional<Subnet>> result = show(
                () -> dialogs.editSubnet(SubnetDialogViewModel.edit(() -> allocator, executor, office)));
        TextField cidr = robot.lookup("#cidrField").queryAs(TextField.class);
        assertThat(cidr.isEditable()).isFalse();
        assertThat(cidr.getText()).isEqualTo("192.168.20.0/24");
        assertThat(saveButton().getText()).isEqualTo("Save");

        expectError("#gatewayField", "192.168.20.150", "#gatewayError",
                "Gateway 192.168.20.150 lies in the dhcp range 192.168.20.100-192.168.20.199");
        shoot("dialog-subnet-edit-error");
        retype("#gatewayField", "192.168.20.254");
        waitUntil(() -> !saveButton().isDisabled());
        robot.clickOn("#saveButton");

        assertThat(result.get(10, TimeUnit.SECONDS)).isPresent();
        try (Allocator check = Allocator.open(Location.of(file))) {
            assertThat(check.subnet(office.id()).gateway()).hasValue(Ip.parse("192.168.20.254"));
        }
    }

    // ================================================================= range

    @Test
    void aRangeIsCheckedAtStartAndEndAndAdded() throws Exception {
        Subnet web = allocator.findSubnet(Cidr.parse("10.10.1.0/24"), Optional.empty());
        CompletableFuture<Optional<AddressRange>> result = show(() -> dialogs.editRange(new RangeDialogViewModel(
                () -> allocator, executor, web, Optional.of(new IpRange(Ip.parse("10.10.1.100"), Ip.parse("10.10.1.199"))))));
        waitUntil(() -> !saveButton().isDisabled());

        expectError("#endField", "10.10.1.50", "#endError", "The range ends at 10.10.1.50, before its start 10.10.1.100");
        expectError("#endField", "10.10.2.9", "#endError", "10.10.2.9 is outside 10.10.1.0/24 in dc1");
        expectError("#startField", "10.10.2.1", "#startError", "10.10.2.1 is outside 10.10.1.0/24 in dc1");
        shoot("dialog-range-errors");
        retype("#startField", "10.10.1.40");
        retype("#endField", "10.10.1.49");
        robot.clickOn("#kindChoice").clickOn("Reserved range");
        robot.clickOn("#descriptionField").write("printers", 0);
        waitUntil(() -> !saveButton().isDisabled());
        shoot("dialog-range");
        robot.clickOn("#saveButton");

        AddressRange added = result.get(10, TimeUnit.SECONDS).orElseThrow();
        assertThat(added.kind()).isEqualTo(RangeKind.RESERVED);
        try (Allocator check = Allocator.open(Location.of(file))) {
            assertThat(check.ranges(web.id())).containsExactly(added);
            assertThat(added.range().toString()).isEqualTo("10.10.1.40-10.10.1.49");
            assertThat(added.description()).isEqualTo("printers");
        }
    }

    @Test
    void aPoolIsEditedInPlaceThroughTheSameDialog() throws Exception {
        Subnet office = allocator.findSubnet(Cidr.parse("192.168.20.0/24"), Optional.empty());
        AddressRange pool = allocator.ranges(office.id()).get(0);
        CompletableFuture<Optional<AddressRange>> result = show(() -> dialogs.editRange(
                RangeDialogViewModel.edit(() -> allocator, executor, office, pool)));
        waitUntil(() -> !saveButton().isDisabled());
        assertThat(saveButton().getText()).isEqualTo("Save");
        assertThat(robot.lookup("#startField").queryAs(TextField.class).getText()).isEqualTo("192.168.20.100");
        assertThat(robot.lookup("#descriptionField").queryAs(TextField.class).getText()).isEqualTo("Office DHCP pool");

        retype("#endField", "192.168.20.220");
        waitUntil(() -> !saveButton().isDisabled());
        shoot("dialog-range-edit");
        robot.clickOn("#saveButton");

        AddressRange saved = result.get(10, TimeUnit.SECONDS).orElseThrow();
        assertThat(saved.id()).isEqualTo(pool.id());
        try (Allocator check = Allocator.open(org.ipdesk.store.Location.of(file))) {
            assertThat(check.ranges(office.id())).extracting(r -> r.range().toString())
                    .containsExactly("192.168.20.100-192.168.20.220");
        }
    }

    // ================================================================= helpers

    private <T> CompletableFuture<Optional<T>> show(Supplier<Optional<T>> dialog) {
        CompletableFuture<Optional<T>> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(dialog.get());
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        waitUntil(() -> robot.lookup("#saveButton").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        return result;
    }

    /** Replaces the text of a field by typing. */
    private void retype(String field, String text) {
        robot.clickOn(field).press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL).write(text, 0);
    }

    private void expectError(String field, String input, String errorLabel, String expected) {
        retype(field, input);
        waitUntil(() -> text(errorLabel).contains(expected));
        assertThat(text(errorLabel)).contains(expected);
        assertThat(saveButton().isDisabled()).isTrue();
    }

    private Button saveButton() {
        return robot.lookup("#saveButton").queryButton();
    }

    private String text(String label) {
        return robot.lookup(label).queryAs(Label.class).getText();
    }

    private static void waitUntil(java.util.concurrent.Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition);
        } catch (TimeoutException e) {
            throw new AssertionError("timed out waiting", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Writes the dialog's scene to target/screenshots/NAME.png. */
    private void shoot(String name) throws Exception {
        Node pane = robot.lookup(".edit-dialog").query();
        WritableImage image = WaitForAsyncUtils.asyncFx(() -> pane.getScene().snapshot(null)).get(10, TimeUnit.SECONDS);
        Files.createDirectories(SCREENSHOTS);
        ImageIO.write(toBuffered(image), "png", SCREENSHOTS.resolve(name + ".png").toFile());
    }

    private static BufferedImage toBuffered(WritableImage image) {
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                out.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        return out;
    }
}
