package org.ipdesk.ui.connect;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.ipdesk.store.ServerLocation;
import org.ipdesk.ui.FxDialogService;
import org.ipdesk.ui.FxTaskExecutor;
import org.ipdesk.ui.PaneStage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * File → Connect to a team database… as a real dialog: typing checks the fields, the remember box says why it is
 * off without a keyring, Test connection answers without freezing the window, Connect gives the location and Escape
 * nothing. Writes {@code connect-dialog.png} and {@code connect-dialog-errors.png} to target/screenshots.
 */
class ConnectDialogTest {

    private final FxRobot robot = new FxRobot();
    private FxTaskExecutor executor;
    private FxDialogService dialogs;

    @BeforeEach
    void owner() throws TimeoutException {
        executor = new FxTaskExecutor();
        Stage owner = FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            stage.setMaximized(false);
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
    }

    private CompletableFuture<Optional<ConnectDialogViewModel.Connection>> show(ConnectDialogViewModel vm) {
        CompletableFuture<Optional<ConnectDialogViewModel.Connection>> result = new CompletableFuture<>();
        Platform.runLater(() -> result.complete(dialogs.connectToTeamDatabase(vm)));
        waitUntil(() -> robot.lookup("#connectButton").tryQuery().isPresent());
        return result;
    }

    @Test
    void typingChecksTheFieldsAndTestConnectionAnswersOffTheFxThread() throws Exception {
        ConnectDialogViewModel vm = new ConnectDialogViewModel(executor, ConnectDialogViewModelTest.noKeyring(),
                ConnectDialogViewModel.Tester.OPEN_AND_CLOSE, Optional.empty(), false);
        CompletableFuture<Optional<ConnectDialogViewModel.Connection>> result = show(vm);
        assertThat(button("#connectButton").isDisabled()).isTrue();
        assertThat(button("#testButton").isDisabled()).isTrue();
        // it does not open in red: nothing is wrong before something is typed
        assertThat(text("#hostError")).isEmpty();
        assertThat(text("#databaseError")).isEmpty();

        CheckBox remember = robot.lookup("#rememberBox").queryAs(CheckBox.class);
        assertThat(remember.isDisabled()).isTrue();
        assertThat(remember.getTooltip().getText()).contains("no system keyring");
        assertThat(text("#keyringInfo")).contains("asks for the password every time");
        assertThat(text("#pgpassInfo")).contains("~/.pgpass");

        robot.clickOn("#hostField").write("127.0.0.1", 0);
        retype("#portField", "70000");
        robot.clickOn("#databaseField").write("ipam", 0);
        robot.clickOn("#userField").write("alice", 0);
        waitUntil(() -> text("#portError").equals("Port 70000 is not a TCP port (1 to 65535)"));
        assertThat(button("#connectButton").isDisabled()).isTrue();
        assertThat(text("#urlLabel")).isEmpty();
        shoot("connect-dialog-errors");

        // nothing listens on port 1: refused at once, whatever the engine
        retype("#portField", "1");
        robot.clickOn("#passwordField").write("pw", 0);
        waitUntil(() -> !button("#connectButton").isDisabled());
        assertThat(text("#urlLabel")).isEqualTo("postgresql://alice@127.0.0.1:1/ipam");
        robot.clickOn("#testButton");
        waitUntil(() -> text("#testResult").startsWith("Cannot connect: "));
        assertThat(robot.lookup("#testResult").queryAs(Label.class).getStyleClass()).contains("danger");
        shoot("connect-dialog");

        robot.clickOn("#connectButton");
        Optional<ConnectDialogViewModel.Connection> connection = result.get(10, TimeUnit.SECONDS);
        assertThat(connection).map(ConnectDialogViewModel.Connection::location)
                .hasValue(ServerLocation.parse("postgresql://alice@127.0.0.1:1/ipam"));
        assertThat(new String(connection.orElseThrow().password())).isEqualTo("pw");
    }

    @Test
    void withAKeyringTheRememberBoxIsOnForAKeptPasswordAndEscapeGivesNothing() throws Exception {
        ConnectDialogViewModel vm = new ConnectDialogViewModel(executor,
                ConnectDialogViewModelTest.mapKeyring(new java.util.HashMap<>()),
                ConnectDialogViewModel.Tester.OPEN_AND_CLOSE,
                Optional.of(ServerLocation.parse("postgresql://bob@db.example/ipam?sslmode=verify-full")), true);
        CompletableFuture<Optional<ConnectDialogViewModel.Connection>> result = show(vm);
        assertThat(robot.lookup("#hostField").queryTextInputControl().getText()).isEqualTo("db.example");
        assertThat(text("#sslModeInfo")).contains("name this host");
        assertThat(button("#connectButton").isDisabled()).isFalse();
        CheckBox remember = robot.lookup("#rememberBox").queryAs(CheckBox.class);
        assertThat(remember.isDisabled()).isFalse();
        assertThat(remember.isSelected()).isTrue();
        assertThat(text("#keyringInfo")).contains("never in a file");
        shoot("connect-dialog-keyring");
        robot.type(KeyCode.ESCAPE);
        assertThat(result.get(10, TimeUnit.SECONDS)).isEmpty();
    }

    private void retype(String field, String text) {
        robot.clickOn(field).press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL).write(text, 0);
    }

    private Button button(String id) {
        return robot.lookup(id).queryButton();
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

    private void shoot(String name) throws Exception {
        Node pane = robot.lookup(".connect-dialog").query();
        WritableImage image = WaitForAsyncUtils.asyncFx(() -> pane.getScene().snapshot(null)).get(10, TimeUnit.SECONDS);
        PaneStage.write(image, name + ".png");
    }
}
