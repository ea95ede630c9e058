package org.ipdesk.ui.help;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.ipdesk.ui.PaneStage;
import org.ipdesk.ui.help.KeyboardShortcuts.Shortcut;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/** Help → Keyboard shortcuts renders its list grouped by where; a snapshot in target/screenshots/shortcuts.png. */
class ShortcutsViewTest {

    private final FxRobot robot = new FxRobot();

    @BeforeEach
    void toolkit() throws TimeoutException {
        FxToolkit.registerPrimaryStage();
        PaneStage.theme(robot, false);
    }

    @AfterEach
    void closeWindow() throws TimeoutException {
        FxToolkit.cleanupStages();
    }

    private List<String> texts(String styleClass) {
        return robot.lookup("." + styleClass).queryAllAs(Label.class).stream().map(Label::getText).toList();
    }

    @Test
    void rendersTheListGroupedByWhereInItsOrder() throws TimeoutException {
        List<Shortcut> list = List.of(new Shortcut("Ctrl+Shift+Z / Ctrl+Y", "Redo", "Main window"),
                new Shortcut("Home", "To the row's start", "Address grid"),
                new Shortcut("F1", "Keyboard shortcuts", "Main window"));
        ShortcutsView[] view = new ShortcutsView[1];
        robot.interact(() -> view[0] = ShortcutsView.create(list));
        PaneStage.show(view[0].root(), 600, 300);

        assertThat(robot.lookup(".shortcut-heading").queryAllAs(Label.class)).extracting(Label::getText)
                .containsExactly("Main window", "Address grid");
        assertThat(texts("shortcut-action")).containsExactly("Redo", "Keyboard shortcuts", "To the row's start");
        assertThat(texts("key-cap")).containsExactly("Ctrl", "Shift", "Z", "Ctrl", "Y", "F1", "Home");
        assertThat(texts("key-joiner")).containsExactly("+", "+", "or", "+");
    }

    @Test
    void theDefaultListCoversTheMenusAndTheGrid() throws TimeoutException {
        assertThat(KeyboardShortcuts.ALL).extracting(Shortcut::keys).contains("Ctrl+F", "Ctrl+N", "Ctrl+Z",
                "Ctrl+Shift+Z / Ctrl+Y", "Ctrl+C", "Delete", "F2", "F5", "Ctrl+O", "Ctrl+Shift+N", "Ctrl+Shift+S",
                "Ctrl+H", "Ctrl+,", "F1", "Ctrl+A", "Escape", "Escape / Ctrl+W", "Backspace", "Page Up / Page Down", "Ctrl+Home / Ctrl+End");
        Stage[] window = new Stage[1];
        robot.interact(() -> window[0] = ShortcutsView.showWindow(null, List.of(), KeyboardShortcuts.ALL));
        assertThat(window[0].getTitle()).isEqualTo("Keyboard shortcuts");
        assertThat(robot.lookup(".shortcut-heading").queryAllAs(Label.class)).extracting(Label::getText)
                .containsExactly("Main window", "Address grid", "Address table", "Block map (large subnets)", "History window",
                        "Other windows");
        assertThat(texts("shortcut-action")).hasSize(KeyboardShortcuts.ALL.size());
        robot.interact(window[0]::close);
    }

    @Test
    void screenshot() throws TimeoutException {
        ShortcutsView[] view = new ShortcutsView[1];
        robot.interact(() -> view[0] = ShortcutsView.create(KeyboardShortcuts.ALL));
        Stage stage = PaneStage.show(view[0].root(), 1160, 700);
        PaneStage.screenshot(robot, stage, "shortcuts.png");
    }
}
