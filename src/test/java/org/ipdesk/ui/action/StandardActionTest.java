package org.ipdesk.ui.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.input.KeyCombination;
import org.ipdesk.ui.help.KeyboardShortcuts;
import org.ipdesk.ui.help.KeyboardShortcuts.Shortcut;
import org.junit.jupiter.api.Test;
import org.kordamp.ikonli.material2.Material2MZ;

/** The action catalogue: every accelerator listed in Help → Keyboard shortcuts, none used twice. */
class StandardActionTest {

    private static List<StandardAction> withKeys() {
        return Arrays.stream(StandardAction.values()).filter(action -> action.keys().isPresent()).toList();
    }

    @Test
    void everyActionWithAnAcceleratorIsInTheShortcutsWindowsList() {
        for (StandardAction action : withKeys()) {
            assertThat(KeyboardShortcuts.ALL).as(action.name())
                    .contains(new Shortcut(action.keysText(), action.help(), "Main window"));
        }
    }

    @Test
    void noAcceleratorIsUsedTwice() {
        List<KeyCombination> all = new ArrayList<>();
        for (StandardAction action : StandardAction.values()) {
            action.keys().map(KeyCombination::keyCombination).ifPresent(all::add);
            action.alternativeKeys().map(KeyCombination::keyCombination).ifPresent(all::add);
        }
        assertThat(all).doesNotHaveDuplicates().hasSize(20);
    }

    @Test
    void theMainWindowsShortcutsAreListedInTheirOrderWithTheirWords() {
        assertThat(KeyboardShortcuts.ALL.stream().filter(s -> s.where().equals("Main window")).toList())
                .extracting(Shortcut::keys, Shortcut::action).containsExactly(
                        tuple("Ctrl+O", "Open a database"),
                        tuple("Ctrl+Shift+N", "New database"),
                        tuple("Ctrl+F", "Search addresses, host names, MACs and owners"),
                        tuple("Ctrl+Shift+S", "New subnet"),
                        tuple("Ctrl+N",
                                "Allocate the next free address in the selected subnet"),
                        tuple("Ctrl+R", "Reserve a specific address in the selected subnet"),
                        tuple("F2", "Edit the selected network or subnet"),
                        tuple("Ctrl+C",
                                "Copy the selected address(es) in the grid, or the subnet in the tree"),
                        tuple("Ctrl+Z", "Undo"),
                        tuple("Ctrl+Shift+Z / Ctrl+Y", "Redo"),
                        tuple("F5", "Read the database again"),
                        tuple("Ctrl+H", "History of changes"),
                        tuple("Ctrl+U", "Usage dashboard"),
                        tuple("Ctrl+Shift+R", "Reconcile the selected network or subnet with what scans and leases saw"),
                        tuple("Ctrl+,", "Preferences"),
                        tuple("F6", "Move the keyboard to the next pane: tree, grid, details"),
                        tuple("Shift+F6", "Move the keyboard to the previous pane"),
                        tuple("F1", "Keyboard shortcuts (this list)"),
                        tuple("Ctrl+Q", "Quit"),
                        tuple("Tab / Shift+Tab",
                                "Move to the next or previous control (the focused one has a blue frame)"));
    }

    @Test
    void newSubnetIsDeclaredOnceForMenuToolbarAndContextMenu() {
        assertThat(StandardAction.NEW_SUBNET.text()).isEqualTo("New _subnet\u2026");
        assertThat(StandardAction.NEW_SUBNET.contextText()).isEqualTo("New _subnet\u2026");
        assertThat(StandardAction.NEW_SUBNET.toolText()).contains("Subnet");
        assertThat(StandardAction.NEW_SUBNET.tooltip()).isEqualTo("New subnet (Ctrl+Shift+S)");
        assertThat(StandardAction.RELEASE.tooltip()).isEqualTo("Release the selected address(es) (Delete)");
        assertThat(StandardAction.RELEASE.contextText()).isEqualTo("Re_lease\u2026");
    }

    @Test
    void theDarkThemeIsOneToggleForTheViewMenuAndTheToolbar() {
        StandardAction dark = StandardAction.DARK_THEME;
        assertThat(Arrays.stream(StandardAction.values()).filter(StandardAction::isToggle)).containsExactly(dark);
        assertThat(dark.text()).isEqualTo("_Dark theme");
        assertThat(dark.icon()).contains(Material2MZ.NIGHTS_STAY);
        assertThat(dark.iconWhenOn()).contains(Material2MZ.WB_SUNNY);
        assertThat(dark.tooltip()).isEqualTo("Dark theme");
        assertThat(dark.keysText()).isEmpty();
        assertThat(StandardAction.REFRESH.isToggle()).isFalse();
        assertThat(StandardAction.REFRESH.iconWhenOn()).isEmpty();

        SimpleBooleanProperty on = new SimpleBooleanProperty(false);
        CheckMenuItem item = ActionFactory.checkMenuItem(dark, on);
        assertThat(item.getText()).isEqualTo("_Dark theme");
        assertThat(item.getGraphic()).isNull();
        assertThat(item.getAccelerator()).isNull();
        item.setSelected(true);
        assertThat(on.get()).isTrue();
        on.set(false);
        assertThat(item.isSelected()).isFalse();
    }

    @Test
    void aCommandRunsOnlyWhileExecutable() {
        SimpleBooleanProperty selected = new SimpleBooleanProperty(false);
        int[] runs = new int[1];
        Command command = Command.when(selected, () -> runs[0]++);
        command.execute();
        assertThat(runs[0]).isZero();
        assertThat(command.isExecutable()).isFalse();
        selected.set(true);
        assertThat(command.executableProperty().get()).isTrue();
        command.execute();
        assertThat(runs[0]).isOne();
        Command always = Command.of(() -> runs[0]++);
        always.execute();
        assertThat(runs[0]).isEqualTo(2);
    }
}
