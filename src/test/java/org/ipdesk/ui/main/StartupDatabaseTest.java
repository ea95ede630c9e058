package org.ipdesk.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.ipdesk.settings.CellSize;
import org.ipdesk.settings.DataLocation;
import org.ipdesk.settings.Preferences;
import org.ipdesk.settings.Settings;
import org.ipdesk.settings.SettingsStore;
import org.ipdesk.store.Location;
import org.ipdesk.ui.CurrentThreadTaskExecutor;
import org.ipdesk.ui.SampleDatabase;
import org.ipdesk.ui.ScriptedDialogs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the window opens when started without {@code --db}: the last file, or the one the preferences name. */
class StartupDatabaseTest {

    @TempDir
    Path dir;

    private SettingsStore store(Optional<Path> last, Optional<Path> always) {
        SettingsStore store = new SettingsStore(dir.resolve("settings.json"));
        Preferences preferences = new Preferences(false, CellSize.MEDIUM, 80, 95, always);
        Optional<Location> lastLocation = last.map(Location::of);
        assertThat(store.save(new Settings(lastLocation, lastLocation.stream().toList(), preferences,
                Optional.empty()))).isEmpty();
        return store;
    }

    @Test
    void withoutAPreferenceTheLastDatabaseOpensAndAVanishedOneFallsBackToTheDefault() throws IOException {
        Path last = dir.resolve("last.db");
        SampleDatabase.seed(last);
        SettingsStore store = store(Optional.of(last.toAbsolutePath()), Optional.empty());
        assertThat(MainViewModel.startupDatabase(store)).isEqualTo(Location.of(last.toAbsolutePath()));

        Files.delete(last);
        assertThat(MainViewModel.startupDatabase(store)).isEqualTo(Location.of(DataLocation.defaultDatabase()));
    }

    @Test
    void alwaysThisFileIsHonouredOverTheLastDatabase() {
        Path last = dir.resolve("last.db");
        Path always = dir.resolve("always.db");
        SampleDatabase.seed(last);
        SampleDatabase.seed(always);
        SettingsStore store = store(Optional.of(last.toAbsolutePath()), Optional.of(always));

        assertThat(MainViewModel.startupDatabase(store)).isEqualTo(Location.of(always.toAbsolutePath()));
    }

    @Test
    void aVanishedAlwaysFileFallsBackToTheDefaultDatabaseAndTheWindowSaysSo() throws IOException {
        Path last = dir.resolve("last.db");
        Path always = dir.resolve("always.db");
        SampleDatabase.seed(last);
        SampleDatabase.seed(always);
        SettingsStore store = store(Optional.of(last.toAbsolutePath()), Optional.of(always));
        Files.delete(always);

        // not the last database either: the preference said one file, and that file is gone
        Location opened = MainViewModel.startupDatabase(store);
        assertThat(opened).isEqualTo(Location.of(DataLocation.defaultDatabase()));

        Path standIn = dir.resolve("stand-in.db"); // the window would open the default database; any file will do here
        MainViewModel vm = new MainViewModel(standIn, new CurrentThreadTaskExecutor(), store, new ScriptedDialogs());
        assertThat(vm.status().lastOperationProperty().get()).as("nothing said before the window knows it was not --db").isEmpty();
        vm.reportMissingStartupFile();
        assertThat(vm.status().lastOperationFailedProperty().get()).isTrue();
        assertThat(vm.status().lastOperationProperty().get()).isEqualTo(
                "The database set in Preferences to open at start is not there any more: " + always.toAbsolutePath());
        vm.close();
    }

    @Test
    void aFolderNamedAsTheAlwaysFileFallsBackToo() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("folder.db"));
        SettingsStore store = store(Optional.empty(), Optional.of(folder));
        assertThat(MainViewModel.startupDatabase(store)).isEqualTo(Location.of(DataLocation.defaultDatabase()));
        assertThat(List.of(MainViewModel.startupDatabase(new SettingsStore(dir.resolve("none.json")))))
                .containsExactly(Location.of(DataLocation.defaultDatabase()));
    }
}
