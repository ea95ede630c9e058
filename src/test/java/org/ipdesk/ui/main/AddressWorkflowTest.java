package org.ipdesk.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import javafx.event.Event;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import org.ipdesk.address.Cidr;
import org.ipdesk.address.Ip;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.model.CellState;
import org.ipdesk.model.Subnet;
import org.ipdesk.store.Location;
import org.ipdesk.ui.SampleDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/**
 * The daily address work in the real window, by mouse and keyboard: reserve by double-click, allocate next and
 * cancel, mark a range, release with confirmation, undo and redo. Each test starts from the seeded sample.
 */
class AddressWorkflowTest {

    @TempDir
    Path dir;

    private final WindowDriver window = new WindowDriver();
    private final FxRobot robot = window.robot;
    private Path file;

    @BeforeEach
    void open() throws Exception {
        file = dir.resolve("sample.db");
        SampleDatabase.seed(file);
        window.open(file);
        window.clickTreeRow("10.10.1.0/24");
        window.waitForAddresses("10.10.1.0/24");
    }

    @AfterEach
    void close() throws Exception {
        window.close();
    }

    @Test
    void doubleClickAFreeCellReservesItAndUndoRedoTakeItBackAndAgain() throws Exception {
        assertThat(window.state(50)).isEqualTo(CellState.FREE);
        window.doubleClickCell(50);
        WindowDriver.waitUntil(() -> robot.lookup(".dialog-pane #hostnameField").tryQuery().isPresent());
        assertThat(robot.lookup(".dialog-pane #ipField").queryTextInputControl().getText()).isEqualTo("10.10.1.50");
        robot.clickOn(robot.lookup(".dialog-pane #hostnameField").queryTextInputControl()).write("app-50", 0);
        WindowDriver.waitUntil(() -> !robot.lookup("#saveButton").queryButton().isDisabled());
        robot.type(KeyCode.ENTER);

        // a reservation is recorded with status reserved unless the admin chooses another
        WindowDriver.waitUntil(() -> window.state(50) == CellState.RESERVED);
        assertThat(window.label("#lastOperationLabel").getText()).isEqualTo("Reserved 10.10.1.50 (app-50) in 10.10.1.0/24 in dc1");
        assertThat(held("10.10.1.50")).isTrue();

        robot.clickOn(window.grid());
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        WindowDriver.waitUntil(() -> window.state(50) == CellState.FREE);
        assertThat(window.label("#lastOperationLabel").getText()).startsWith("Undone: ");
        assertThat(held("10.10.1.50")).isFalse();

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.Z).release(KeyCode.SHIFT, KeyCode.CONTROL);
        WindowDriver.waitUntil(() -> window.state(50) == CellState.RESERVED);
        assertThat(window.label("#lastOperationLabel").getText()).startsWith("Redone: ");
    }

    @Test
    void allocateNextHoldsTheAddressAndCancelGivesItBack() throws Exception {
        // 10.10.1.14 is the lowest free address (gateway .1, web-01..12 on .2-.13)
        assertThat(window.state(14)).isEqualTo(CellState.FREE);
        robot.clickOn(window.grid());
        robot.press(KeyCode.CONTROL).type(KeyCode.N).release(KeyCode.CONTROL);
        WindowDriver.waitUntil(() -> robot.lookup(".dialog-pane #ipField").tryQuery().isPresent());
        assertThat(robot.lookup(".dialog-pane #ipField").queryTextInputControl().getText()).isEqualTo("10.10.1.14");
        assertThat(held("10.10.1.14")).isTrue(); // held for this command while the dialog is open

        robot.type(KeyCode.ESCAPE);
        WindowDriver.waitUntil(() -> robot.lookup(".dialog-pane #ipField").tryQuery().isEmpty());
        WindowDriver.waitUntil(() -> window.state(14) == CellState.FREE);
        assertThat(held("10.10.1.14")).isFalse();
    }

    @Test
    void selectedCellsBecomeADhcpPoolAndAreReleasedAfterConfirmation() throws Exception {
        window.clickCell(100);
        robot.press(KeyCode.SHIFT);
        window.clickCell(109);
        robot.release(KeyCode.SHIFT);
        robot.clickOn("#addressMenu").clickOn("Mark as DHCP pool or reserved range\u2026");
        WindowDriver.waitUntil(() -> robot.lookup("#startField").tryQuery().isPresent());
        assertThat(robot.lookup("#startField").queryTextInputControl().getText()).isEqualTo("10.10.1.100");
        assertThat(robot.lookup("#endField").queryTextInputControl().getText()).isEqualTo("10.10.1.109");
        WindowDriver.waitUntil(() -> !robot.lookup("#saveButton").queryButton().isDisabled());
        robot.clickOn("#saveButton");
        WindowDriver.waitUntil(() -> window.state(105) == CellState.DHCP_RANGE);

        // release: two held addresses selected, Delete asks with the count
        window.clickCell(2);
        robot.press(KeyCode.SHIFT);
        window.clickCell(3);
        robot.release(KeyCode.SHIFT);
        // Monocle's headless keyboard drops the Delete key, so the key event is delivered to the grid directly
        robot.interact(() -> Event.fireEvent(window.grid(), new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.DELETE,
                false, false, false, false)));
        WindowDriver.waitUntil(() -> robot.lookup("#confirmButton").tryQuery().isPresent());
        assertThat(question())
                .isEqualTo("Release the 2 addresses held in 10.10.1.2-10.10.1.3?");
        robot.clickOn("#confirmButton");
        WindowDriver.waitUntil(() -> window.state(2) == CellState.FREE && window.state(3) == CellState.FREE);
        assertThat(held("10.10.1.2")).isFalse();
        assertThat(window.label("#lastOperationLabel").getText()).isEqualTo("Released 2 addresses in 10.10.1.2-10.10.1.3");

        // the same through the Address menu, for one address: the question names its holder
        window.clickCell(4);
        robot.clickOn("#addressMenu").clickOn("Release\u2026 (Delete in the grid)");
        WindowDriver.waitUntil(() -> robot.lookup("#confirmButton").tryQuery().isPresent());
        assertThat(question()).isEqualTo("Release 10.10.1.4 (web-03)?");
        robot.clickOn("Cancel");
        assertThat(held("10.10.1.4")).isTrue();
    }

    @Test
    void aDualStackPairWhoseIpv6SideIsFullLeavesNoIpv4AddressBehind() throws Exception {
        try (Allocator other = Allocator.open(Location.of(file))) {
            Subnet tiny = other.createSubnet("dc1", org.ipdesk.model.SubnetSpec.of(Cidr.parse("2001:db8:99::/127")));
            other.allocateNext(tiny.id(), 2, org.ipdesk.allocator.Strategy.FIRST,
                    org.ipdesk.model.AddressDetails.allocated("full"));
        }
        String before = org.ipdesk.store.ContentSnapshot.of(file);
        robot.clickOn("#addressMenu").clickOn("Allocate dual-stack pair\u2026");
        WindowDriver.waitUntil(() -> robot.lookup("#v6Choice").tryQuery().isPresent());
        javafx.scene.control.ChoiceBox<Subnet> v6 = robot.lookup("#v6Choice").query();
        WindowDriver.waitUntil(() -> v6.getItems().stream().anyMatch(x -> x.cidr().toString().equals("2001:db8:99::/127")));
        robot.interact(() -> v6.getSelectionModel().select(v6.getItems().stream()
                .filter(x -> x.cidr().toString().equals("2001:db8:99::/127")).findFirst().orElseThrow()));
        robot.clickOn(robot.lookup(".dialog-pane #hostnameField").queryTextInputControl()).write("dual-01", 0);
        WindowDriver.waitUntil(() -> !robot.lookup("#saveButton").queryButton().isDisabled());
        robot.clickOn("#saveButton");

        WindowDriver.waitUntil(() -> !robot.lookup("#v6Error").queryAs(javafx.scene.control.Label.class).getText().isEmpty());
        assertThat(robot.lookup("#v6Error").queryAs(javafx.scene.control.Label.class).getText())
                .isEqualTo("2001:db8:99::/127 in dc1 has no free address left");
        assertThat(org.ipdesk.store.ContentSnapshot.of(file)).isEqualTo(before);
        robot.clickOn("#cancelButton");
        assertThat(held("10.10.1.14")).isFalse();
    }

    @Test
    void searchThenGoToTheAddress() throws Exception {
        window.clickTreeRow("192.168.20.0/24");
        robot.press(KeyCode.CONTROL).type(KeyCode.F).release(KeyCode.CONTROL);
        robot.write("web-05", 0);
        // the results list opens under the field with web-05's address
        WindowDriver.waitUntil(() -> robot.lookup(".result-title").queryAll().stream()
                .anyMatch(n -> "10.10.1.6".equals(((javafx.scene.control.Labeled) n).getText())));
        robot.type(KeyCode.ENTER);

        WindowDriver.waitUntil(() -> window.tree().getSelectionModel().getSelectedItem() != null
                && window.tree().getSelectionModel().getSelectedItem().getValue().label().equals("10.10.1.0/24"));
        window.waitForAddresses("10.10.1.0/24");
        WindowDriver.waitUntil(() -> window.grid().getViewModel().caretProperty().get() == 6);
        assertThat(window.label("#lastOperationLabel").getText()).isEqualTo("Found 10.10.1.6 in 10.10.1.0/24 in dc1");
        assertThat(window.stage.getScene().getFocusOwner()).isSameAs(window.grid());
    }

    /** The text of the confirmation showing now. */
    private String question() {
        return robot.lookup(".dialog-pane .content").queryAll().stream()
                .filter(n -> n instanceof javafx.scene.control.Labeled l && n.isVisible() && !l.getText().isEmpty())
                .map(n -> ((javafx.scene.control.Labeled) n).getText()).findFirst().orElse("");
    }

    private boolean held(String ip) {
        try (Allocator check = Allocator.open(Location.of(file))) {
            Subnet web = check.findSubnet(Cidr.parse("10.10.1.0/24"), Optional.of("dc1"));
            return check.address(web.id(), Ip.parse(ip)).isPresent();
        }
    }
}
