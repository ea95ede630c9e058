package org.ipdesk.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ipdesk.settings.CellSize;
import org.ipdesk.settings.SettingsStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The window's remembered preferences on their own: theme, thresholds, recent files, kept between runs. */
class WindowPreferencesTest {

    @TempDir
    Path dir;

    @Test
    void theThemeAndTheRecentFilesAreRememberedForTheNextRun() {
        SettingsStore store = new SettingsStore(dir.resolve("settings.json"));
        List<String> problems = new ArrayList<>();
        WindowPreferences first = new WindowPreferences(store, problems::add);
        assertThat(first.darkThemeProperty().get()).isFalse();
        assertThat(first.recentDatabases()).isEmpty();

        first.darkThemeProperty().set(true);
        first.opened(dir.resolve("lab.db"));
        first.opened(dir.resolve("prod.db"));

        WindowPreferences next = new WindowPreferences(store, problems::add);
        assertThat(next.darkThemeProperty().get()).isTrue();
        assertThat(next.recentDatabases()).containsExactly(dir.resolve("prod.db"), dir.resolve("lab.db"));

        next.forgetIfGone(dir.resolve("lab.db"), true);
        next.forgetIfGone(dir.resolve("prod.db"), false);
        assertThat(next.recentDatabases()).containsExactly(dir.resolve("prod.db"));
        assertThat(problems).isEmpty();
    }

    @Test
    void appliedPreferencesShowAtOnce() {
        WindowPreferences preferences = new WindowPreferences(null, problem -> { });
        assertThat(preferences.cellSizeProperty().get()).isEqualTo(CellSize.MEDIUM);

        boolean saved = preferences.apply(preferences.current().withDarkTheme(true));

        assertThat(saved).isTrue();
        assertThat(preferences.darkThemeProperty().get()).isTrue();
        assertThat(preferences.current().darkTheme()).isTrue();
    }
}
