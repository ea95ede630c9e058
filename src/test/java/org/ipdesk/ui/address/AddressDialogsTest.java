package org.ipdesk.ui.address;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.DialogPane;
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
import org.ipdesk.allocator.Allocator;
import org.ipdesk.model.Address;
import org.ipdesk.model.AddressDetails;
import org.ipdesk.model.AddressStatus;
import org.ipdesk.model.Subnet;
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
 * The address dialogs for real: FXML, theme, {@link FxDialogService} and the background {@link FxTaskExecutor} on
 * a seeded database, typed into by the robot, headless through Monocle. Writes PNGs to target/screenshots.
 */
class AddressDialogsTest {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @TempDir
    Path dir;

    private final FxRobot robot = new FxRobot();
    private Path file;
    private Allocator allocator;
    private FxTaskExecutor executor;
    private FxDialogService dialogs;
    private Subnet web;

    @BeforeEach
    void open() throws TimeoutException {
        file = dir.resolve("sample.db");
        SampleDatabase.seed(file);
        allocator = Allocator.open(Location.of(file));
        web = allocator.findSubnet(Cidr.parse("10.10.1.0/24"), Optional.empty());
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

    @Test
    void aReservationIsTypedCheckedAndSavedWithEnter() throws Exception {
        CompletableFuture<Optional<AddressResult>> result = show(done -> done.accept(dialogs.editAddress(
                AddressDialogViewModel.reserve(() -> allocator, executor, web, Optional.empty()))));
        assertThat(saveButton().getText()).isEqualTo("Reserve");
        assertThat(saveButton().isDisabled()).isTrue();

        robot.clickOn("#ipField").write("10.10.1.5", 0);
        waitUntil(() -> "10.10.1.5 is already allocated to web-04".equals(text("#ipError")));
        assertThat(saveButton().isDisabled()).isTrue();
        robot.clickOn("#hostnameField").write("web-50", 0);
        robot.clickOn("#macField").write("00:1a:2b:3c:4d:5e", 0);
        robot.clickOn("#ownerField").write("web team", 0);
        waitUntil(() -> "10.10.1.5 is already allocated to web-04".equals(text("#ipError")));
        shoot("dialog-reserve");

        retype("#ipField", "10.10.1.50");
        waitUntil(() -> text("#ipError").isEmpty() && !saveButton().isDisabled());
        shoot("dialog-reserve-ok");
        robot.clickOn("#ipField").type(KeyCode.ENTER);

        AddressResult saved = result.get(10, TimeUnit.SECONDS).orElseThrow();
        assertThat(saved.summary()).isEqualTo("Reserved 10.10.1.50 (web-50) in 10.10.1.0/24 in dc1");
        try (Allocator check = Allocator.open(Location.of(file))) {
            Address stored = check.address(web.id(), Ip.parse("10.10.1.50")).orElseThrow();
            assertThat(stored.details().hostname()).isEqualTo("web-50");
            assertThat(stored.details().owner()).isEqualTo("web team");
            assertThat(stored.details().mac()).map(Object::toString).hasValue("00:1a:2b:3c:4d:5e");
        }
    }

    @Test
    void aFreeCellOfADhcpPoolOpensTheReserveDialogValidWithTheReasonForItsStatus() throws Exception {
        Subnet office = allocator.findSubnet(Cidr.parse("192.168.20.0/24"), Optional.empty());
        CompletableFuture<Optional<AddressResult>> result = show(done -> done.accept(dialogs.editAddress(
                AddressDialogViewModel.reserve(() -> allocator, executor, office,
                        Optional.of(Ip.parse("192.168.20.150"))))));
        waitUntil(() -> !saveButton().isDisabled());
        DialogPane pane = robot.lookup(".address-dialog").queryAs(DialogPane.class);
        assertThat(pane.getHeaderText()).endsWith("\n192.168.20.150 is in the DHCP pool 'Office DHCP pool':"
                + " recorded as a DHCP lease");
        assertThat(robot.lookup("#statusChoice").queryAs(ChoiceBox.class).getValue()).isEqualTo(AddressStatus.DHCP);
        assertThat(text("#statusError")).isEmpty();
        assertThat(text("#ipError")).isEmpty();
        shoot("dialog-reserve-dhcp-pool");
        robot.type(KeyCode.ESCAPE);
        assertThat(result.get(10, TimeUnit.SECONDS)).isEmpty();
    }

    @Test
    void aCancelledAllocateNextGivesTheAddressBack() throws Exception {
        CompletableFuture<Optional<AddressResult>> result = show(done -> AddressDialogViewModel.allocateNext(
                () -> allocator, executor, web, vm -> done.accept(dialogs.editAddress(vm)), message -> {
                    throw new AssertionError(message);
                }));
        TextField ip = robot.lookup("#ipField").queryAs(TextField.class);
        assertThat(ip.getText()).isEqualTo("10.10.1.14");
        assertThat(ip.isEditable()).isFalse();
        assertThat(held("10.10.1.14")).isPresent();
        assertThat(robot.lookup("#hostnameField").queryAs(TextField.class).isFocused()).isTrue();
        robot.press(KeyCode.ALT).type(KeyCode.O).release(KeyCode.ALT); // the mnemonic of "_Owner"
        waitUntil(() -> robot.lookup("#ownerField").queryAs(TextField.class).isFocused());

        robot.type(KeyCode.ESCAPE);

        assertThat(result.get(10, TimeUnit.SECONDS)).isEmpty();
        waitUntil(() -> held("10.10.1.14").isEmpty());
    }

    @Test
    void aRefusedReservationShowsTheAllocatorsMessageAtTheAddress() throws Exception {
        CompletableFuture<Optional<AddressResult>> result = show(done -> done.accept(dialogs.editAddress(
                AddressDialogViewModel.reserve(() -> allocator, executor, web, Optional.of(Ip.parse("10.10.1.50"))))));
        robot.clickOn("#hostnameField").write("web-50", 0);
        waitUntil(() -> !saveButton().isDisabled());
        try (Allocator other = Allocator.open(Location.of(file))) { // another process takes it first
            other.reserve(web.id(), Ip.parse("10.10.1.50"), AddressDetails.allocated("intruder"));
        }

        robot.clickOn("#saveButton");

        waitUntil(() -> "10.10.1.50 is already allocated to intruder".equals(text("#ipError")));
        assertThat(saveButton().isDisabled()).isTrue();
        assertThat(result).isNotDone(); // the dialog stays open
        robot.clickOn("#cancelButton");
        assertThat(result.get(10, TimeUnit.SECONDS)).isEmpty();
        assertThat(held("10.10.1.50")).map(a -> a.details().hostname()).hasValue("intruder");
    }

    @Test
    void theDualStackDialogOffersBothSides() throws Exception {
        Subnet web6 = allocator.findSubnet(Cidr.parse("2001:db8:10:1::/64"), Optional.empty());
        PairDialogViewModel vm = new PairDialogViewModel(() -> allocator, executor, Optional.of(web));
        CompletableFuture<Optional<AddressResult>> result = show(done -> done.accept(dialogs.allocatePair(vm)));
        waitUntil(() -> vm.v6Subnets().size() == 2);
        // the other side is the IPv6 subnet of the same network on the same VLAN, and nothing is red at the start
        assertThat(vm.v6SubnetProperty().get()).isEqualTo(web6);
        assertThat(text("#v6Error")).isEmpty();
        assertThat(text("#v4Error")).isEmpty();
        robot.clickOn("#hostnameField").write("dual-01", 0);
        robot.clickOn("#macField").write("00:1a:2b", 0);
        waitUntil(() -> text("#macError").contains("is not a MAC address"));
        retype("#macField", "00:1a:2b:3c:4d:5f");
        waitUntil(() -> !saveButton().isDisabled());
        shoot("dialog-pair");
        robot.clickOn("#saveButton");

        AddressResult saved = result.get(10, TimeUnit.SECONDS).orElseThrow();
        assertThat(saved.addresses()).extracting(a -> a.ip().toString()).containsExactly("10.10.1.14", "2001:db8:10:1::4");
    }

    @Test
    void theDualStackDialogAsksForASideItCannotChooseOnlyOnceTheHostIsTyped() throws Exception {
        // the /16 "Servers" has no VLAN, and dc1 holds two IPv6 subnets: nothing is chosen for it
        Subnet servers = allocator.findSubnet(Cidr.parse("10.10.0.0/16"), Optional.empty());
        PairDialogViewModel vm = new PairDialogViewModel(() -> allocator, executor, Optional.of(servers));
        CompletableFuture<Optional<AddressResult>> result = show(done -> done.accept(dialogs.allocatePair(vm)));
        waitUntil(() -> vm.v6Subnets().size() == 2);
        assertThat(vm.v6SubnetProperty().get()).isNull();
        assertThat(text("#v6Error")).isEmpty();
        assertThat(saveButton().isDisabled()).isTrue();
        robot.clickOn("#hostnameField").write("dual-02", 0);
        waitUntil(() -> text("#v6Error").equals("Choose an IPv6 subnet"));
        assertThat(saveButton().isDisabled()).isTrue();
        robot.type(KeyCode.ESCAPE);
        assertThat(result.get(10, TimeUnit.SECONDS)).isEmpty();
    }

    @Test
    void theBlockAndChildSubnetDialogsSaveWithEnter() throws Exception {
        CompletableFuture<Optional<AddressResult>> block = show(done -> done.accept(
                dialogs.allocateBlock(new BlockDialogViewModel(() -> allocator, executor, web))));
        // each dialog shows the icon of the menu item that opened it
        assertThat(robot.lookup(".dialog-icon").queryAs(org.kordamp.ikonli.javafx.FontIcon.class).getIconCode())
                .isEqualTo(org.ipdesk.ui.action.StandardAction.ALLOCATE_BLOCK.icon().orElseThrow());
        robot.clickOn("#countField").write("4", 0);
        waitUntil(() -> "Takes 10.10.1.14-10.10.1.17".equals(text("#countInfo")) && !saveButton().isDisabled());
        robot.type(KeyCode.ENTER);
        assertThat(block.get(10, TimeUnit.SECONDS).orElseThrow().addresses()).hasSize(4);

        Subnet servers = allocator.findSubnet(Cidr.parse("10.10.0.0/16"), Optional.empty());
        CompletableFuture<Optional<ChildSubnetResult>> child = show(done -> done.accept(
                dialogs.createChildSubnet(new ChildSubnetDialogViewModel(() -> allocator, executor, servers))));
        waitUntil(() -> !saveButton().isDisabled());
        assertThat(robot.lookup(".dialog-icon").queryAs(org.kordamp.ikonli.javafx.FontIcon.class).getIconCode())
                .isEqualTo(org.ipdesk.ui.action.StandardAction.NEW_CHILD_SUBNET.icon().orElseThrow());
        assertThat(text("#prefixInfo")).isEqualTo("A /24 holds 254 usable addresses");
        robot.clickOn("#nameField").write("Storage", 0).type(KeyCode.ENTER);
        assertThat(child.get(10, TimeUnit.SECONDS).orElseThrow().subnet().cidr()).isEqualTo(Cidr.parse("10.10.3.0/24"));
    }

    // ================================================================= helpers

    private Optional<Address> held(String ip) {
        try (Allocator check = Allocator.open(Location.of(file))) {
            return check.address(web.id(), Ip.parse(ip));
        }
    }

    /** Opens a dialog on the JavaFX thread; the dialog hands its answer to the given consumer. */
    private <T> CompletableFuture<Optional<T>> show(Consumer<Consumer<Optional<T>>> dialog) {
        CompletableFuture<Optional<T>> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                dialog.accept(result::complete);
            } catch (RuntimeException | AssertionError e) {
                result.completeExceptionally(e);
            }
        });
        waitUntil(() -> robot.lookup("#saveButton").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        return result;
    }

    private void retype(String field, String text) {
        robot.clickOn(field).press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL).write(text, 0);
    }

    private Button saveButton() {
        return robot.lookup("#saveButton").queryButton();
    }

    private String text(String label) {
        return robot.lookup(label).queryAs(Label.class).getText();
    }

    private static void waitUntil(Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition);
        } catch (TimeoutException e) {
            throw new AssertionError("timed out waiting", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Writes the dialog's scene to target/screenshots/NAME.png. */
    private void shoot(String name) throws Exception {
        Node pane = robot.lookup(".address-dialog").query();
        WritableImage image = WaitForAsyncUtils.asyncFx(() -> pane.getScene().snapshot(null)).get(10, TimeUnit.SECONDS);
        Files.createDirectories(SCREENSHOTS);
        BufferedImage out = new BufferedImage((int) image.getWidth(), (int) image.getHeight(), BufferedImage.TYPE_INT_ARGB);
        PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < out.getHeight(); y++) {
            for (int x = 0; x < out.getWidth(); x++) {
                out.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        ImageIO.write(out, "png", SCREENSHOTS.resolve(name + ".png").toFile());
    }
}
