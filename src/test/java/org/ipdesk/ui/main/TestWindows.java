package org.ipdesk.ui.main;

import org.ipdesk.settings.PasswordKeyring;
import org.ipdesk.store.Location;
import org.ipdesk.ui.DialogService;
import org.ipdesk.ui.TaskExecutor;

/** Main view models for the view-model tests, on a file or a team database alike (see {@code store.Engine}). */
final class TestWindows {

    private TestWindows() {
    }

    /**
     * A view model showing the database at {@code location}, not loaded yet, remembering no settings, asking the user
     * through {@code dialogs}. A team database's change feed submits from a thread of its own: give such a window a
     * {@link org.ipdesk.ui.TestThreadTaskExecutor} rather than one that runs every job where it is submitted.
     */
    static MainViewModel on(Location location, TaskExecutor tasks, DialogService dialogs) {
        return new MainViewModel(new NetworkTreeViewModel(), location, tasks, null, dialogs,
                new TeamPasswords(PasswordKeyring.forUser()));
    }
}
