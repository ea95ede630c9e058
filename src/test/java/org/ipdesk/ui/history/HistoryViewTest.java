package org.ipdesk.ui.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.ipdesk.address.Ip;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.model.AddressDetails;
import org.ipdesk.model.AddressStatus;
import org.ipdesk.model.Subnet;
import org.ipdesk.store.Location;
import org.ipdesk.ui.FxTaskExecutor;
import org.ipdesk.ui.PaneStage;
import org.ipdesk.ui.SampleDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * The History window, headless through Monocle, reading the sample database (plus some edits) through the
 * application's executor: typing a filter narrows the table, a selected row shows before and after, a bad filter
 * its message; a snapshot in {@code target/screenshots/history.png}.
 */
class HistoryViewTest {

    @TempDir
    static Path dir;

    private static Allocator allocator;

    private final FxRobot robot = new FxRobot();
    private FxTaskExecutor executor;
    private HistoryViewModel vm;
    private HistoryView view;
    private Stage stage;

    @BeforeAll
    static void seed() {
        Path file = dir.resolve("sample.db");
        SampleDatabase.seed(file);
        allocator = Allocator.open(Location.of(file));
        Subnet web = allocator.subnets("dc1").stream().filter(s -> s.name().equals("Web tier")).findFirst().orElseThrow();
        allocator.update(web.id(), Ip.parse("10.10.1.3"), new AddressDetails(AddressStatus.ALLOCATED, "web-02b",
                java.util.Optional.of(Allocator.parseMac("00:1a:2b:3c:4d:5e")), "alice", "Front web server, rack 4"));
        allocator.update(web.id(), Ip.parse("10.10.1.4"), new AddressDetails(AddressStatus.RESERVED, "web-03", 
                java.util.Optional.empty(), "bob", ""));
        allocator.release(web.id(), Ip.parse("10.10.1.5"));
    }

    @AfterAll
    static void close() {
        allocator.close();
    }

    @BeforeEach
    void open() throws TimeoutException {
        executor = new FxTaskExecutor();
        vm = new HistoryViewModel(() -> allocator, executor);
        FxToolkit.registerPrimaryStage();
        robot.interact(() -> view = HistoryView.load(vm));
        stage = PaneStage.show(view.root(), 1100, 720);
        robot.interact(vm::load);
        PaneStage.waitUntil(() -> !vm.loadingProperty().get() && !vm.rows().isEmpty());
    }

    @AfterEach
    void closeWindow() throws TimeoutException {
        FxToolkit.cleanupStages();
        executor.close();
    }

    @SuppressWarnings("unchecked")
    private TableView<ChangeRow> table() {
        return robot.lookup("#table").queryAs(TableView.class);
    }

    private String text(String id) {
        Node node = robot.lookup("#" + id).query();
        return node instanceof TextArea area ? area.getText() : node instanceof TextField field ? field.getText()
                : ((Label) node).getText();
    }

    @Test
    void typingASubnetNarrowsTheTableAndASelectedRowShowsBeforeAndAfter() throws TimeoutException {
        int all = table().getItems().size();
        assertThat(all).isEqualTo(vm.rows().size()).isGreaterThan(50);
        assertThat(text("countLabel")).isEqualTo(all + " changes (newest first)");

        robot.clickOn("#subnetField").write("10.10.1.0/24 in dc1");
        PaneStage.waitUntil(() -> !vm.loadingProperty().get() && vm.subnetProperty().get().endsWith("dc1")
                && table().getItems().size() == 16);
        assertThat(table().getItems()).extracting(ChangeRow::object)
                .allMatch(object -> object.startsWith("address 10.10.1.0/24 in dc1 ")
                        || object.equals("subnet 10.10.1.0/24 in dc1"));
        assertThat(text("countLabel")).isEqualTo("16 changes (newest first)");
        assertThat(text("beforeArea")).isEmpty();

        // the newest row: 10.10.1.5 released
        robot.clickOn(robot.lookup(".table-row-cell").nth(0).queryAs(Node.class));
        PaneStage.waitUntil(() -> vm.selectedProperty().get() != null);
        assertThat(text("beforeArea")).contains("IP: 10.10.1.5", "Hostname: web-04");
        assertThat(text("afterArea")).isEqualTo("(nothing: the address was released)");

        robot.type(KeyCode.DOWN);
        PaneStage.waitUntil(() -> text("beforeArea").contains("Hostname: web-03"));
        assertThat(text("afterArea")).contains("Status: reserved", "Owner: bob");
        assertThat(table().getSelectionModel().getSelectedItem().summary())
                .isEqualTo("status allocated \u2192 reserved; owner (none) \u2192 bob");

        PaneStage.screenshot(robot, stage, "history.png");
    }

    @Test
    void aNarrowObjectColumnStillShowsEachAddress() throws TimeoutException {
        robot.clickOn("#subnetField").write("10.10.1.0/24 in dc1");
        PaneStage.waitUntil(() -> !vm.loadingProperty().get() && table().getItems().size() == 16);
        // a narrow table (not a narrow window: the stage is shared with the tests after this one)
        robot.interact(() -> table().setMaxWidth(600));
        PaneStage.waitUntil(() -> table().getWidth() <= 600);
        robot.interact(() -> {
            table().applyCss();
            table().layout();
        });
        List<String> drawn = robot.lookup(".object-column").queryAll().stream()
                .filter(node -> node instanceof TableCell<?, ?> cell && cell.getItem() != null
                        && ((String) cell.getItem()).startsWith("address "))
                .map(node -> ((TableCell<?, ?>) node).lookup(".text"))
                .map(text -> ((javafx.scene.text.Text) text).getText())
                .toList();
        assertThat(drawn).isNotEmpty()
                .allSatisfy(text -> assertThat(text).matches(".*10\\.10\\.1\\.\\d+$"))
                .anySatisfy(text -> assertThat(text).matches("^(\\.\\.\\.|\u2026).*"));
    }

    @Test
    void inANarrowWindowTheButtonsAndActionsShowWhole() throws TimeoutException {
        robot.interact(() -> stage.setWidth(1024));
        PaneStage.waitUntil(() -> !vm.loadingProperty().get() && !table().getItems().isEmpty());
        robot.interact(() -> {
            stage.getScene().getRoot().applyCss();
            stage.getScene().getRoot().layout();
        });
        javafx.scene.control.Button clear = robot.lookup("#clearButton").queryButton();
        assertThat(((javafx.scene.text.Text) clear.lookup(".text")).getText()).isEqualTo("Clear");
        // narrower still, the object and change columns give way, not the action
        robot.interact(() -> {
            stage.setWidth(700);
            stage.getScene().getRoot().applyCss();
            stage.getScene().getRoot().layout();
        });
        List<String> actions = robot.lookup(".table-cell").queryAll().stream()
                .filter(node -> node instanceof TableCell<?, ?> cell && cell.getItem() != null
                        && cell.getTableColumn() != null && cell.getTableColumn().getText().equals("Action"))
                .map(node -> ((TableCell<?, ?>) node).getText() + " drawn as "
                        + ((javafx.scene.text.Text) node.lookup(".text")).getText())
                .toList();
        assertThat(actions).isNotEmpty().anySatisfy(action -> assertThat(action).startsWith("allocated"))
                .allSatisfy(action -> assertThat(action).matches("(\\w+) drawn as \\1"));
    }

    @Test
    void aBadAddressShowsItsMessageAtTheFilterAndClearEmptiesTheFilters() throws TimeoutException {
        robot.clickOn("#addressField").write("10.10.1");
        PaneStage.waitUntil(() -> !text("addressError").isEmpty());

        assertThat(text("addressError")).isEqualTo("\u201c10.10.1\u201d is not an IP address");
        assertThat(robot.lookup("#addressError").query().isVisible()).isTrue();
        assertThat(robot.lookup("#addressField").query().getPseudoClassStates()).extracting(Object::toString)
                .contains("danger");
        assertThat(table().getItems()).isEmpty();
        assertThat(text("countLabel")).isEqualTo("Correct the filter to list changes.");

        robot.write(".4");
        PaneStage.waitUntil(() -> !vm.loadingProperty().get() && table().getItems().size() == 2);
        assertThat(robot.lookup("#addressError").query().isVisible()).isFalse();

        robot.clickOn("#clearButton");
        PaneStage.waitUntil(() -> !vm.loadingProperty().get() && table().getItems().size() > 50);
        assertThat(text("addressField")).isEmpty();
    }

    @Test
    void theUserChoiceListsEveryoneAndFilters() throws TimeoutException {
        ChoiceBox<?> users = robot.lookup("#userChoice").queryAs(ChoiceBox.class);
        assertThat(users.getValue()).isEqualTo(HistoryViewModel.ANY_USER);
        assertThat(users.getItems()).hasSize(2).first().isEqualTo(HistoryViewModel.ANY_USER);

        robot.interact(() -> vm.userProperty().set("nobody"));
        PaneStage.waitUntil(() -> !vm.loadingProperty().get() && table().getItems().isEmpty());
        assertThat(users.getValue()).isEqualTo("nobody");
        assertThat(text("countLabel")).isEqualTo("No changes match.");
    }

    @Test
    void showWindowOpensAnOwnedWindowTitledWithTheFile() throws TimeoutException {
        HistoryViewModel other = new HistoryViewModel(() -> allocator, executor);
        Stage[] window = new Stage[1];
        robot.interact(() -> window[0] = HistoryView.showWindow(stage, List.of(), other));
        PaneStage.waitUntil(() -> !other.loadingProperty().get() && !other.rows().isEmpty());

        assertThat(window[0].getTitle()).isEqualTo("History \u2014 sample.db");
        assertThat(window[0].getOwner()).isSameAs(stage);
        assertThat(window[0].isShowing()).isTrue();
        robot.interact(window[0]::close);
    }

    @Test
    void escapeClosesTheWindowAsCtrlWDoes() throws TimeoutException {
        // every window beside the main one closes the same way (ToolWindow); before, History, Reconcile, Import,
        // Copy and Export for DHCP and DNS closed with Ctrl+W only
        Stage[] window = new Stage[2];
        for (int i = 0; i < 2; i++) {
            HistoryViewModel other = new HistoryViewModel(() -> allocator, executor);
            int n = i;
            robot.interact(() -> window[n] = HistoryView.showWindow(stage, List.of(), other));
            PaneStage.waitUntil(() -> !other.loadingProperty().get() && !other.rows().isEmpty());
            robot.interact(() -> {
                window[n].requestFocus();
                window[n].getScene().lookup(".table-view").requestFocus();
            });
            if (i == 0) {
                robot.type(KeyCode.ESCAPE);
            } else {
                robot.press(KeyCode.CONTROL).type(KeyCode.W).release(KeyCode.CONTROL);
            }
            PaneStage.waitUntil(() -> !window[n].isShowing());
        }
        assertThat(window).noneMatch(Stage::isShowing);
    }
}
