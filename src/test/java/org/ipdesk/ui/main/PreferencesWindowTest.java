package org.ipdesk.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TreeCell;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.ipdesk.model.CellState;
import org.ipdesk.settings.CellSize;
import org.ipdesk.settings.Preferences;
import org.ipdesk.settings.SettingsStore;
import org.ipdesk.ui.PaneStage;
import org.ipdesk.ui.SampleDatabase;
import org.ipdesk.ui.grid.GridPalette;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/**
 * Edit → Preferences and Help → How IPDesk works in the real window: the grid's cells grow at once, the tree and
 * the Usage dashboard take the thresholds, Escape changes nothing, and the help page shows its sections and the
 * grid's own colours. Writes {@code preferences.png} and {@code how-it-works.png} (light and dark) to
 * target/screenshots; with {@code -Dipdesk.screenshots=docs/screenshots} the README's copies too.
 */
class PreferencesWindowTest {

    @TempDir
    Path dir;

    private final WindowDriver window = new WindowDriver();
    private final FxRobot robot = window.robot;
    /** The window's settings file (the test one, see pom.xml), as it was before the test. */
    private Path settingsFile;
    private byte[] settingsBefore;

    @BeforeEach
    void defaultPreferences() throws IOException {
        SettingsStore store = SettingsStore.forUser();
        settingsFile = store.file();
        settingsBefore = Files.exists(settingsFile) ? Files.readAllBytes(settingsFile) : null;
        assertThat(store.save(store.load().withPreferences(Preferences.DEFAULTS))).isEmpty();
    }

    @AfterEach
    void closeAndRestoreTheSettings() throws Exception {
        window.close();
        // the other window tests expect the default preferences
        if (settingsBefore == null) {
            Files.deleteIfExists(settingsFile);
        } else {
            Files.write(settingsFile, settingsBefore);
        }
    }

    @Test
    void preferencesResizeTheGridAtOnceAndTheTreeAndTheDashboardTakeTheThresholds() throws Exception {
        Path file = dir.resolve("sample.db");
        SampleDatabase.seed(file);
        window.open(file);
        window.clickTreeRow("10.10.1.0/24");
        window.waitForAddresses("10.10.1.0/24");
        window.clickCell(2);
        double medium = WindowDriver.call(() -> window.grid().cellBounds(2).getWidth());
        int mediumColumns = window.grid().getColumns();
        assertThat(treeCell("10.10.1.0/24").getPseudoClassStates()).extracting(Object::toString)
                .doesNotContain("warning", "critical");

        openPreferences();
        assertThat(radio("#mediumRadio").isSelected()).isTrue();
        assertThat(radio("#lightRadio").isSelected()).isTrue();
        assertThat(radio("#lastUsedRadio").isSelected()).isTrue();
        assertThat(text("#warningField")).isEqualTo("80");
        assertThat(text("#criticalField")).isEqualTo("95");
        // the start-up choice is explained in the user's words, not in command-line options
        assertThat(dialogLabel("#startupInfo").getText()).contains("database file").doesNotContain("--db", "FILE");

        robot.clickOn(radio("#largeRadio"));
        retype("#warningField", "85");
        WindowDriver.waitUntil(() -> dialogLabel("#thresholdInfo").getText().startsWith("Subnets 85 % used"));
        Path shot = PaneStage.screenshot(robot, dialogStage(), "preferences.png");

        // a bad threshold: the message names it and OK stays disabled
        retype("#warningField", "5.5");
        WindowDriver.waitUntil(() -> dialogLabel("#warningError").getText()
                .equals("The warning threshold must be a whole number from 1 to 100, not \u20185.5\u2019"));
        assertThat(okButton().isDisabled()).isTrue();
        retype("#criticalField", "4");
        retype("#warningField", "5");
        WindowDriver.waitUntil(() -> dialogLabel("#criticalError").getText()
                .equals("The critical threshold (4 %) must be above the warning threshold (5 %)"));
        assertThat(okButton().isDisabled()).isTrue();
        PaneStage.screenshot(robot, dialogStage(), "preferences-errors.png");
        retype("#criticalField", "60");
        WindowDriver.waitUntil(() -> !okButton().isDisabled());
        assertThat(dialogLabel("#warningError").getText()).isEmpty();
        assertThat(dialogLabel("#criticalError").getText()).isEmpty();

        assertThat(radio("#largeRadio").isSelected()).isTrue();
        robot.clickOn(okButton());
        WindowDriver.waitUntil(() -> robot.lookup(".preferences-dialog").tryQuery().isEmpty());

        // the open window changes at once: bigger cells, the subnet at 5.12 % now nearly full
        WindowDriver.waitUntil(() -> window.grid().cellSizeProperty().get() == CellSize.LARGE);
        robot.interact(() -> window.grid().layout());
        double large = WindowDriver.call(() -> window.grid().cellBounds(2).getWidth());
        assertThat(large).isGreaterThan(medium * 1.5);
        // drawn at the large size (no more in a row than before)
        double pitch = WindowDriver.call(() -> window.grid().cellBounds(3).getMinX()
                - window.grid().cellBounds(2).getMinX());
        assertThat(pitch).isEqualTo(CellSize.LARGE.pitch());
        assertThat(window.grid().getColumns()).isLessThanOrEqualTo(mediumColumns);
        WindowDriver.waitUntil(() -> treeCell("10.10.1.0/24").getPseudoClassStates().stream()
                .anyMatch(state -> state.toString().equals("warning")));
        assertThat(window.label("#lastOperationLabel").getText()).isEqualTo("Saved the preferences");
        PaneStage.screenshot(robot, window.stage, "main-window-large-cells.png");
        assertThat(new SettingsStore(settingsFile).load().preferences())
                .isEqualTo(new Preferences(false, CellSize.LARGE, 5, 60, Optional.empty()));

        // the Usage dashboard opens with the thresholds
        robot.clickOn("#viewMenu").clickOn("Usage dashboard\u2026");
        PaneStage.waitUntil(() -> robot.lookup(".usage-dashboard #warnSpinner").tryQuery().isPresent());
        Spinner<?> warn = robot.lookup(".usage-dashboard #warnSpinner").queryAs(Spinner.class);
        Spinner<?> critical = robot.lookup(".usage-dashboard #criticalSpinner").queryAs(Spinner.class);
        assertThat(warn.getValue()).isEqualTo(5);
        assertThat(critical.getValue()).isEqualTo(60);
        PaneStage.waitUntil(() -> robot.lookup(".usage-dashboard #summaryLabel").queryAs(Label.class).getText()
                .contains("at or over 5 %"));
        assertThat(robot.lookup(".usage-dashboard #summaryLabel").queryAs(Label.class).getText())
                .contains("at or over 60 %");
        robot.interact(() -> ((Stage) warn.getScene().getWindow()).close());

        copyToDocs(shot, "preferences.png");
    }

    @Test
    void ctrlCommaOpensPreferencesAndEscapeChangesNothing() throws Exception {
        Path file = dir.resolve("sample.db");
        SampleDatabase.seed(file);
        window.open(file);
        window.clickTreeRow("10.10.1.0/24");
        window.waitForAddresses("10.10.1.0/24");
        double before = WindowDriver.call(() -> window.grid().cellBounds(2).getWidth());
        byte[] settings = Files.readAllBytes(settingsFile);

        // Ctrl+, opens it too
        robot.press(KeyCode.CONTROL).type(KeyCode.COMMA).release(KeyCode.CONTROL);
        WindowDriver.waitUntil(() -> robot.lookup(".preferences-dialog").tryQuery().isPresent());
        robot.clickOn(radio("#smallRadio"));
        robot.clickOn(radio("#darkRadio"));
        retype("#warningField", "50");
        robot.type(KeyCode.ESCAPE);
        WindowDriver.waitUntil(() -> robot.lookup(".preferences-dialog").tryQuery().isEmpty());

        robot.interact(() -> window.grid().layout());
        assertThat(WindowDriver.call(() -> window.grid().cellBounds(2).getWidth())).isEqualTo(before);
        assertThat(window.grid().getPalette()).isEqualTo(GridPalette.LIGHT);
        assertThat(Files.readAllBytes(settingsFile)).isEqualTo(settings);
    }

    @Test
    void howIpdeskWorksShowsItsSectionsAndTheGridsColoursInBothThemes() throws Exception {
        Path file = dir.resolve("sample.db");
        SampleDatabase.seed(file);
        window.open(file);

        robot.clickOn("#helpMenu").clickOn("How IPDesk works");
        PaneStage.waitUntil(() -> robot.lookup(".how-it-works").tryQuery().isPresent());
        Node page = robot.lookup(".how-it-works").query();
        Stage help = (Stage) page.getScene().getWindow();
        assertThat(help.getTitle()).isEqualTo("How IPDesk works");
        assertThat(robot.lookup(".how-heading").queryAllAs(Label.class)).extracting(Label::getText).containsExactly(
                "Networks, subnets and addresses", "What the colours mean", "Handing out addresses",
                "Undo and history", "One file, shared safely", "Backups", "Where your data lives");
        // every state of the grid, its swatch painted in the grid's colour
        assertThat(robot.lookup(".how-legend-state").queryAllAs(Label.class)).hasSize(CellState.values().length);
        Label allocated = robot.lookup("#how-allocated").queryAs(Label.class);
        assertThat(allocated.getText()).isEqualTo("allocated");
        PaneStage.assertColor(PaneStage.centrePixel(robot, help, allocated.getGraphic()),
                GridPalette.LIGHT.colorOf(CellState.ALLOCATED));
        // where the data lives: this window's database among the paths
        assertThat(robot.lookup(".how-path").queryAllAs(javafx.scene.control.TextField.class))
                .extracting(javafx.scene.control.TextField::getText).contains(file.toAbsolutePath().toString(),
                        settingsFile.toString());
        Path shot = PaneStage.screenshot(robot, help, "how-it-works.png");
        robot.interact(() -> ((javafx.scene.control.ScrollPane) page).setVvalue(1));
        PaneStage.screenshot(robot, help, "how-it-works-end.png");
        robot.interact(() -> ((javafx.scene.control.ScrollPane) page).setVvalue(0));

        // the theme switched in the main window: the swatches take the dark palette
        robot.interact(() -> window.stage.toFront());
        robot.clickOn("#themeButton");
        WindowDriver.waitUntil(() -> window.grid().getPalette() == GridPalette.DARK);
        PaneStage.assertColor(PaneStage.centrePixel(robot, help, allocated.getGraphic()),
                GridPalette.DARK.colorOf(CellState.ALLOCATED));
        PaneStage.screenshot(robot, help, "how-it-works-dark.png");
        robot.clickOn("#themeButton");
        WindowDriver.waitUntil(() -> window.grid().getPalette() == GridPalette.LIGHT);

        robot.interact(help::toFront);
        robot.clickOn(page).type(KeyCode.ESCAPE);
        PaneStage.waitUntil(() -> !help.isShowing());
        // About and Keyboard shortcuts are still there
        assertThat(Window.getWindows()).doesNotContain(help);
        copyToDocs(shot, "how-it-works.png");
    }

    @Test
    void thePreferencesDialogInTheDarkTheme() throws Exception {
        Path file = dir.resolve("sample.db");
        SampleDatabase.seed(file);
        window.open(file);
        robot.clickOn("#themeButton");
        WindowDriver.waitUntil(() -> window.grid().getPalette() == GridPalette.DARK);
        openPreferences();
        assertThat(radio("#darkRadio").isSelected()).isTrue();
        robot.clickOn(radio("#fileRadio"));
        WindowDriver.waitUntil(() -> text("#startupFileField").equals(file.toAbsolutePath().toString()));
        PaneStage.screenshot(robot, dialogStage(), "preferences-dark.png");
        robot.clickOn(dialogButton("#cancelButton"));
        WindowDriver.waitUntil(() -> robot.lookup(".preferences-dialog").tryQuery().isEmpty());
        robot.clickOn("#themeButton");
        WindowDriver.waitUntil(() -> window.grid().getPalette() == GridPalette.LIGHT);
    }

    // ================================================================= helpers

    private void openPreferences() throws Exception {
        robot.clickOn("#editMenu").clickOn("Preferences\u2026");
        WindowDriver.waitUntil(() -> robot.lookup(".preferences-dialog").tryQuery().isPresent());
    }

    private Stage dialogStage() {
        return (Stage) robot.lookup(".preferences-dialog").query().getScene().getWindow();
    }

    /** A node of the dialog: ids such as #summaryLabel are also used in the window. */
    private <T extends Node> T inDialog(String id, Class<T> type) {
        return robot.lookup(".preferences-dialog " + id).queryAs(type);
    }

    private javafx.scene.control.RadioButton radio(String id) {
        return inDialog(id, javafx.scene.control.RadioButton.class);
    }

    private Label dialogLabel(String id) {
        return inDialog(id, Label.class);
    }

    private Button dialogButton(String id) {
        return inDialog(id, Button.class);
    }

    private Button okButton() {
        return dialogButton("#okButton");
    }

    private String text(String id) {
        return inDialog(id, javafx.scene.control.TextField.class).getText();
    }

    private void retype(String id, String text) {
        robot.clickOn(inDialog(id, javafx.scene.control.TextField.class)).press(KeyCode.CONTROL).type(KeyCode.A)
                .release(KeyCode.CONTROL).write(text, 0);
    }

    private TreeCell<?> treeCell(String label) {
        return robot.lookup(".network-tree-cell").queryAllAs(TreeCell.class).stream()
                .filter(c -> c.getItem() instanceof TreeRow row && row.label().equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError("no visible tree row " + label));
    }

    private static void copyToDocs(Path shot, String name) throws IOException {
        String target = System.getProperty("ipdesk.screenshots", "");
        if (!target.isBlank()) {
            Files.createDirectories(Path.of(target));
            Files.copy(shot, Path.of(target).resolve(name), StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
