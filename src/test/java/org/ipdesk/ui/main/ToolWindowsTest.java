package org.ipdesk.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ipdesk.store.Location;
import org.ipdesk.ui.CancellingDialogs;
import org.ipdesk.ui.CurrentThreadTaskExecutor;
import org.junit.jupiter.api.Test;

/** The factories of the windows the main window opens, on their own (no database is touched here). */
class ToolWindowsTest {

    private final List<String> reports = new ArrayList<>();
    private final WindowPreferences preferences = new WindowPreferences(null, problem -> { });
    private final ToolWindows windows = new ToolWindows(() -> {
        throw new AssertionError("no database work expected");
    }, new CurrentThreadTaskExecutor(), new CancellingDialogs(), preferences, () -> Location.of(Path.of("/data/lab.db")),
            (network, cidr) -> { }, reports::add, reports::add);

    @Test
    void appliedPreferencesShowAndAreReported() {
        windows.applyPreferences(preferences.current().withDarkTheme(true));
        assertThat(preferences.darkThemeProperty().get()).isTrue();
        assertThat(reports).containsExactly("Saved the preferences");
    }

    @Test
    void cancelledPreferencesChangeNothing() {
        windows.editPreferences();
        assertThat(preferences.darkThemeProperty().get()).isFalse();
        assertThat(reports).isEmpty();
    }

    @Test
    void eachCallGivesAFreshViewModel() {
        assertThat(windows.newHistory()).isNotSameAs(windows.newHistory());
        assertThat(windows.newPreferences()).isNotSameAs(windows.newPreferences());
    }
}
