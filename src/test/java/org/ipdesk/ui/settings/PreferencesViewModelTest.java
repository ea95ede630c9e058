package org.ipdesk.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ipdesk.settings.CellSize;
import org.ipdesk.settings.Preferences;
import org.ipdesk.settings.SettingsStore;
import org.ipdesk.store.FileLocation;
import org.ipdesk.store.Location;
import org.ipdesk.ui.CurrentThreadTaskExecutor;
import org.ipdesk.ui.SampleDatabase;
import org.ipdesk.ui.ScriptedDialogs;
import org.ipdesk.ui.main.MainViewModel;
import org.ipdesk.ui.settings.PreferencesViewModel.Startup;
import org.ipdesk.ui.usage.UsageDashboardViewModel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Edit → Preferences without a window: what the dialog checks as you type, and what OK and Cancel do to the main
 * window's view model and to settings.json.
 */
class PreferencesViewModelTest {

    @TempDir
    Path dir;

    private Path database;
    private final List<Path> chooserFolders = new ArrayList<>();
    private Optional<Path> chosen = Optional.empty();

    @BeforeEach
    void seed() {
        database = dir.resolve("sample.db").toAbsolutePath();
        SampleDatabase.seed(database);
    }

    private PreferencesViewModel dialog(Preferences current) {
        return new PreferencesViewModel(current, database, folder -> {
            chooserFolders.add(folder);
            return chosen;
        });
    }

    // ================================================================= checks as you type

    @Test
    void startsFromThePreferencesInForce() {
        Path always = database;
        PreferencesViewModel vm = dialog(new Preferences(true, CellSize.LARGE, 70, 90, Optional.of(always)));

        assertThat(vm.darkThemeProperty().get()).isTrue();
        assertThat(vm.cellSizeProperty().get()).isEqualTo(CellSize.LARGE);
        assertThat(vm.warningProperty().get()).isEqualTo("70");
        assertThat(vm.criticalProperty().get()).isEqualTo("90");
        assertThat(vm.startupProperty().get()).isEqualTo(Startup.FILE);
        assertThat(vm.startupFileProperty().get()).isEqualTo(always.toString());
        assertThat(vm.validProperty().get()).isTrue();
        assertThat(vm.thresholdInfoProperty().get()).isEqualTo("Subnets 70 % used or more are nearly full (amber), "
                + "90 % or more critical (red): in the tree and in the Usage dashboard");
        assertThat(vm.result()).contains(new Preferences(true, CellSize.LARGE, 70, 90, Optional.of(always)));
    }

    @Test
    void thresholdsMustBeWholeNumbersFrom1To100WithWarningBelowCritical() {
        PreferencesViewModel vm = dialog(Preferences.DEFAULTS);
        assertThat(vm.validProperty().get()).isTrue();

        vm.warningProperty().set("");
        assertInvalid(vm, vm.warningErrorProperty().get(), "Enter the warning threshold: a whole number from 1 to 100");
        vm.warningProperty().set("80.5");
        assertInvalid(vm, vm.warningErrorProperty().get(),
                "The warning threshold must be a whole number from 1 to 100, not \u201880.5\u2019");
        vm.warningProperty().set("eighty");
        assertInvalid(vm, vm.warningErrorProperty().get(),
                "The warning threshold must be a whole number from 1 to 100, not \u2018eighty\u2019");
        vm.warningProperty().set("0");
        assertInvalid(vm, vm.warningErrorProperty().get(), "The warning threshold must be from 1 to 100 %, not 0");
        assertThat(vm.thresholdInfoProperty().get()).as("no meaning while a threshold is wrong").isEmpty();
        vm.warningProperty().set("75");
        assertThat(vm.warningErrorProperty().get()).isEmpty();
        assertThat(vm.validProperty().get()).isTrue();
        assertThat(vm.thresholdInfoProperty().get()).startsWith("Subnets 75 % used or more are nearly full");

        vm.criticalProperty().set("101");
        assertInvalid(vm, vm.criticalErrorProperty().get(), "The critical threshold must be from 1 to 100 %, not 101");
        vm.criticalProperty().set("75");
        assertInvalid(vm, vm.criticalErrorProperty().get(),
                "The critical threshold (75 %) must be above the warning threshold (75 %)");
        assertThat(vm.warningErrorProperty().get()).isEmpty();
        vm.warningProperty().set("99");
        assertInvalid(vm, vm.criticalErrorProperty().get(),
                "The critical threshold (75 %) must be above the warning threshold (99 %)");

        // " 90 " and "90 %" are whole numbers too
        vm.warningProperty().set(" 90 ");
        vm.criticalProperty().set("100 %");
        assertThat(vm.validProperty().get()).isTrue();
        assertThat(vm.criticalErrorProperty().get()).isEmpty();
        assertThat(vm.result()).map(p -> List.of(p.warningPercent(), p.criticalPercent())).contains(List.of(90, 100));
    }

    private static void assertInvalid(PreferencesViewModel vm, String error, String expected) {
        assertThat(error).isEqualTo(expected);
        assertThat(vm.validProperty().get()).as("OK enabled while: " + expected).isFalse();
        assertThat(vm.result()).isEmpty();
    }

    @Test
    void alwaysThisFileMustNameAnExistingFile() throws IOException {
        PreferencesViewModel vm = dialog(Preferences.DEFAULTS);
        assertThat(vm.startupProperty().get()).isEqualTo(Startup.LAST_USED);
        assertThat(vm.startupFileProperty().get()).isEmpty();

        // choosing "always this file" suggests the database open now
        vm.startupProperty().set(Startup.FILE);
        assertThat(vm.startupFileProperty().get()).isEqualTo(database.toString());
        assertThat(vm.validProperty().get()).isTrue();

        vm.startupFileProperty().set("");
        assertInvalid(vm, vm.startupFileErrorProperty().get(), "Choose the database file to open at start (Browse\u2026)");
        Path missing = dir.resolve("gone.db").toAbsolutePath();
        vm.startupFileProperty().set(missing.toString());
        assertInvalid(vm, vm.startupFileErrorProperty().get(), "There is no file " + missing);
        Path folder = Files.createDirectories(dir.resolve("folder")).toAbsolutePath();
        vm.startupFileProperty().set(folder.toString());
        assertInvalid(vm, vm.startupFileErrorProperty().get(), folder + " is a folder, not a database file");
        vm.startupFileProperty().set("sample.db");
        assertInvalid(vm, vm.startupFileErrorProperty().get(),
                "Enter the full path of the file, not a relative one (or use Browse\u2026)");

        // the last database used needs no file: the bad path no longer counts
        vm.startupProperty().set(Startup.LAST_USED);
        assertThat(vm.startupFileErrorProperty().get()).isEmpty();
        assertThat(vm.validProperty().get()).isTrue();
        assertThat(vm.result()).map(Preferences::startupFile).contains(Optional.empty());

        vm.startupProperty().set(Startup.FILE);
        vm.startupFileProperty().set(database.toString());
        assertThat(vm.startupFileErrorProperty().get()).isEmpty();
        assertThat(vm.result()).map(Preferences::startupFile).contains(Optional.of(database));
    }

    @Test
    void browseChoosesTheFileInItsFolderAndSwitchesToAlwaysThisFile() throws IOException {
        Path other = dir.resolve("other.db").toAbsolutePath();
        Files.writeString(other, "");
        PreferencesViewModel vm = dialog(Preferences.DEFAULTS);

        vm.browse(); // cancelled: nothing changes
        assertThat(vm.startupProperty().get()).isEqualTo(Startup.LAST_USED);
        assertThat(chooserFolders).containsExactly(database.getParent());

        chosen = Optional.of(other);
        vm.browse();
        assertThat(vm.startupProperty().get()).isEqualTo(Startup.FILE);
        assertThat(vm.startupFileProperty().get()).isEqualTo(other.toString());
        assertThat(vm.validProperty().get()).isTrue();
    }

    // ================================================================= OK and Cancel in the window

    @Test
    void okAppliesEveryPreferenceToTheWindowAndTheyAreRememberedBetweenRuns() {
        Path settingsFile = dir.resolve("settings.json");
        Path always = dir.resolve("always.db").toAbsolutePath();
        SampleDatabase.seed(always);
        ScriptedDialogs dialogs = new ScriptedDialogs();
        dialogs.preferences = vm -> {
            vm.darkThemeProperty().set(true);
            vm.cellSizeProperty().set(CellSize.LARGE);
            vm.warningProperty().set("70");
            vm.criticalProperty().set("90");
            vm.startupProperty().set(Startup.FILE);
            vm.startupFileProperty().set(always.toString());
            return vm.result(); // OK
        };
        MainViewModel window = new MainViewModel(database, new CurrentThreadTaskExecutor(),
                new SettingsStore(settingsFile), dialogs);
        window.fileSwitch().load();
        assertThat(window.preferences().cellSizeProperty().get()).isEqualTo(CellSize.MEDIUM);

        window.windows().editPreferences();

        assertThat(window.preferences().darkThemeProperty().get()).isTrue();
        assertThat(window.preferences().cellSizeProperty().get()).isEqualTo(CellSize.LARGE);
        assertThat(window.preferences().warningPercentProperty().get()).isEqualTo(70);
        assertThat(window.preferences().criticalPercentProperty().get()).isEqualTo(90);
        assertThat(window.status().lastOperationProperty().get()).isEqualTo("Saved the preferences");
        UsageDashboardViewModel dashboard = window.windows().newUsageDashboard();
        assertThat(dashboard.warnProperty().get()).isEqualTo(70);
        assertThat(dashboard.criticalProperty().get()).isEqualTo(90);
        window.close();

        // the next run: a new store on the same file
        SettingsStore nextRun = new SettingsStore(settingsFile);
        assertThat(nextRun.load().preferences())
                .isEqualTo(new Preferences(true, CellSize.LARGE, 70, 90, Optional.of(always)));
        assertThat(MainViewModel.startupDatabase(nextRun)).isEqualTo(Location.of(always));
        MainViewModel next = new MainViewModel(((FileLocation) MainViewModel.startupDatabase(nextRun)).file(), new CurrentThreadTaskExecutor(),
                nextRun, new ScriptedDialogs());
        assertThat(next.preferences().darkThemeProperty().get()).isTrue();
        assertThat(next.preferences().cellSizeProperty().get()).isEqualTo(CellSize.LARGE);
        assertThat(next.preferences().warningPercentProperty().get()).isEqualTo(70);
        assertThat(next.windows().newPreferences().startupFileProperty().get()).isEqualTo(always.toString());
        next.close();
    }

    @Test
    void cancelChangesNothingInTheWindowNorInTheFile() throws IOException {
        Path settingsFile = dir.resolve("settings.json");
        ScriptedDialogs dialogs = new ScriptedDialogs();
        dialogs.preferences = vm -> {
            vm.darkThemeProperty().set(true);
            vm.cellSizeProperty().set(CellSize.SMALL);
            vm.warningProperty().set("10");
            vm.startupProperty().set(Startup.FILE);
            return Optional.empty(); // Cancel or Escape
        };
        MainViewModel window = new MainViewModel(database, new CurrentThreadTaskExecutor(),
                new SettingsStore(settingsFile), dialogs);
        window.fileSwitch().load();
        String before = Files.exists(settingsFile) ? Files.readString(settingsFile) : "";

        window.windows().editPreferences();

        assertThat(window.preferences().darkThemeProperty().get()).isFalse();
        assertThat(window.preferences().cellSizeProperty().get()).isEqualTo(CellSize.MEDIUM);
        assertThat(window.preferences().warningPercentProperty().get()).isEqualTo(80);
        assertThat(window.preferences().criticalPercentProperty().get()).isEqualTo(95);
        assertThat(Files.exists(settingsFile) ? Files.readString(settingsFile) : "").isEqualTo(before);
        assertThat(new SettingsStore(settingsFile).load().preferences()).isEqualTo(Preferences.DEFAULTS);
        window.close();
    }

    @Test
    void theToolbarThemeButtonAndThePreferencesStayInStep() {
        Path settingsFile = dir.resolve("settings.json");
        ScriptedDialogs dialogs = new ScriptedDialogs();
        List<Boolean> shown = new ArrayList<>();
        dialogs.preferences = vm -> {
            shown.add(vm.darkThemeProperty().get());
            vm.darkThemeProperty().set(!vm.darkThemeProperty().get());
            return vm.result();
        };
        MainViewModel window = new MainViewModel(database, new CurrentThreadTaskExecutor(),
                new SettingsStore(settingsFile), dialogs);

        window.preferences().darkThemeProperty().set(true); // the toolbar's toggle
        window.windows().editPreferences();              // shows dark, switches to light
        assertThat(shown).containsExactly(true);
        assertThat(window.preferences().darkThemeProperty().get()).isFalse();
        assertThat(new SettingsStore(settingsFile).load().darkTheme()).isFalse();

        window.preferences().darkThemeProperty().set(true);
        assertThat(new SettingsStore(settingsFile).load().darkTheme()).isTrue();
        window.windows().editPreferences();
        assertThat(shown).containsExactly(true, true);
        window.close();
    }
}
