package org.ipdesk.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ipdesk.settings.CellSize;
import org.ipdesk.settings.SettingsStore;
import org.ipdesk.settings.WindowState;
import org.ipdesk.store.Location;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The window's remembered preferences on their own: theme, thresholds, recent files, where the window was, kept
 * between runs.
 */
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
        assertThat(next.recentDatabases()).containsExactly(Location.of(dir.resolve("prod.db")),
                Location.of(dir.resolve("lab.db")));

        next.forgetIfGone(dir.resolve("lab.db"), true);
        next.forgetIfGone(dir.resolve("prod.db"), false);
        assertThat(next.recentDatabases()).containsExactly(Location.of(dir.resolve("prod.db")));
        assertThat(problems).isEmpty();
    }

    private static final WindowPreferences.Area FULL_HD = new WindowPreferences.Area(0, 0, 1920, 1040);

    @Test
    void aFirstWindowTakesAShareOfTheScreenCentredAndNeverLessThanThreePanes() {
        WindowPreferences preferences = new WindowPreferences(null, problem -> { });

        WindowState big = preferences.placement(List.of(FULL_HD));
        assertThat(big).isEqualTo(new WindowState(280, 110, 1360, 820, false, WindowPreferences.DEFAULT_DIVIDERS));

        // a smaller screen: 90 % of it each way
        WindowState laptop = preferences.placement(List.of(new WindowPreferences.Area(0, 0, 1280, 800)));
        assertThat(laptop).isEqualTo(new WindowState(64, 40, 1152, 720, false, WindowPreferences.DEFAULT_DIVIDERS));

        // 90 % of 1100 x 760 would be below the minimum: the minimum it is
        WindowState small11 = preferences.placement(List.of(new WindowPreferences.Area(0, 0, 1100, 760)));
        assertThat(small11.width()).isEqualTo(1024);
        assertThat(small11.height()).isEqualTo(700);
        assertThat(small11.x()).isEqualTo(38);

        // a screen smaller than the minimum: the whole screen
        WindowPreferences.Area small = new WindowPreferences.Area(0, 0, 800, 600);
        assertThat(preferences.placement(List.of(small))).isEqualTo(new WindowState(0, 0, 800, 600, false,
                WindowPreferences.DEFAULT_DIVIDERS));
        assertThat(WindowPreferences.minimumWidth(small)).isEqualTo(800);
        assertThat(WindowPreferences.minimumWidth(FULL_HD)).isEqualTo(1024);
        assertThat(WindowPreferences.minimumHeight(FULL_HD)).isEqualTo(700);
    }

    @Test
    void whereTheWindowWasIsSavedOnCloseAndComesBackNextRun() {
        SettingsStore store = new SettingsStore(dir.resolve("settings.json"));
        WindowPreferences first = new WindowPreferences(store, problem -> { });
        first.darkThemeProperty().set(true);
        WindowState closed = new WindowState(100, 60, 1300, 850, true, List.of(0.2, 0.7));
        first.windowIs(closed);
        assertThat(first.saveWindow()).isTrue();

        WindowPreferences next = new WindowPreferences(store, problem -> { });
        assertThat(next.placement(List.of(FULL_HD))).isEqualTo(closed);
        assertThat(next.darkThemeProperty().get()).as("the rest of the settings kept").isTrue();
    }

    @Test
    void aWindowOffEveryScreenIsPulledBackOntoOne() {
        SettingsStore store = new SettingsStore(dir.resolve("settings.json"));
        WindowPreferences.Area left = new WindowPreferences.Area(0, 0, 1920, 1040);
        WindowPreferences.Area right = new WindowPreferences.Area(1920, 0, 1280, 1000);

        // last on a second screen that is no longer there: onto the primary one, the size kept
        placedFrom(store, new WindowState(2200, 100, 1200, 800, false, List.of(0.3, 0.8)));
        assertThat(new WindowPreferences(store, problem -> { }).placement(List.of(left)))
                .isEqualTo(new WindowState(720, 100, 1200, 800, false, List.of(0.3, 0.8)));
        // still there: it stays on that screen, its right edge moved in to the screen's (3200)
        assertThat(new WindowPreferences(store, problem -> { }).placement(List.of(left, right)))
                .isEqualTo(new WindowState(2000, 100, 1200, 800, false, List.of(0.3, 0.8)));

        // half off the top left: moved in to the edges
        placedFrom(store, new WindowState(-500, -300, 1200, 800, false, List.of(0.3, 0.8)));
        WindowState pulled = new WindowPreferences(store, problem -> { }).placement(List.of(left));
        assertThat(pulled.x()).isZero();
        assertThat(pulled.y()).isZero();

        // bigger than the screen now, or smaller than three panes: fitted
        placedFrom(store, new WindowState(0, 0, 3000, 300, false, List.of()));
        WindowState fitted = new WindowPreferences(store, problem -> { }).placement(List.of(left));
        assertThat(fitted.width()).isEqualTo(1920);
        assertThat(fitted.height()).isEqualTo(700);
        assertThat(fitted.dividers()).as("missing dividers: the default ones").isEqualTo(
                WindowPreferences.DEFAULT_DIVIDERS);
    }

    private static void placedFrom(SettingsStore store, WindowState state) {
        assertThat(store.save(store.load().withWindow(state))).isEmpty();
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
