package org.ipdesk.ui.main;

import java.util.Optional;
import org.ipdesk.store.ServerLocation;
import org.ipdesk.ui.DialogService;
import org.ipdesk.ui.TaskExecutor;
import org.ipdesk.ui.connect.ConnectDialogViewModel;

/**
 * File → Connect to a team database…: the dialog (on the team database shown, else the last one used), then the
 * password typed kept for this run, remembered in or forgotten from the system keyring as asked (on the database
 * thread: the keyring may take a moment), and the switch to the server's database through {@link FileSwitch#connect}.
 */
public final class TeamConnection {

    private final TaskExecutor tasks;
    private final DialogService dialogs;
    private final TeamPasswords passwords;
    private final FileSwitch fileSwitch;
    private final StatusLine status;
    private final WindowPreferences preferences;

    public TeamConnection(TaskExecutor tasks, DialogService dialogs, TeamPasswords passwords, FileSwitch fileSwitch,
            StatusLine status, WindowPreferences preferences) {
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.passwords = passwords;
        this.fileSwitch = fileSwitch;
        this.status = status;
        this.preferences = preferences;
    }

    /**
     * Looks for the system keyring and a password kept there on the database thread (the keyring may take a
     * moment, or ask to be unlocked), then shows the dialog; Connect connects, Cancel changes nothing.
     */
    public void chooseAndConnect() {
        Optional<ServerLocation> start = lastServer();
        tasks.submit(() -> passwords.keyring().available() && start.flatMap(passwords.keyring()::read).isPresent(),
                remembered -> dialogs.connectToTeamDatabase(newDialog(start, remembered)).ifPresent(this::connect),
                problem -> status.report("Cannot show the connect dialog: " + Problems.message(problem), true));
    }

    /**
     * File → Open recent: a file opens as {@link FileSwitch#open(RecentDatabase)} does; a team database connects at
     * once when its password is known (typed this run or in the keyring, looked up on the database thread), else
     * the dialog asks for it on that server (every time where there is no keyring; Connect with the password left
     * empty uses ~/.pgpass).
     */
    public void open(RecentDatabase entry) {
        if (!(entry.location() instanceof ServerLocation server)) {
            fileSwitch.open(entry);
            return;
        }
        tasks.submit(() -> passwords.password(server).isPresent(), known -> {
            if (known) {
                fileSwitch.connect(server);
            } else {
                dialogs.connectToTeamDatabase(newDialog(Optional.of(server), false)).ifPresent(this::connect);
            }
        }, problem -> status.report("Cannot connect to " + server + ": " + Problems.message(problem), true));
    }

    /** A new dialog on {@code start}; {@code remembered}: the keyring holds its password. */
    ConnectDialogViewModel newDialog(Optional<ServerLocation> start, boolean remembered) {
        return new ConnectDialogViewModel(tasks, passwords.keyring(), ConnectDialogViewModel.Tester.OPEN_AND_CLOSE,
                start, remembered);
    }

    /**
     * Connects as the dialog says: the password typed is kept for this run; once connected (so the password is
     * right) it is remembered in the keyring when asked, and a remembered one is forgotten when not.
     */
    public void connect(ConnectDialogViewModel.Connection connection) {
        ServerLocation server = connection.location();
        char[] password = connection.password();
        passwords.typed(server, password);
        fileSwitch.connect(server, () -> keep(server, password, connection.remember()));
    }

    private void keep(ServerLocation server, char[] password, boolean remember) {
        if (remember && password.length > 0) {
            tasks.submit(() -> {
                passwords.keyring().save(server, password);
                return null;
            }, ignored -> { }, problem -> status.report(Problems.message(problem), true));
        } else if (!remember) {
            tasks.submit(() -> {
                passwords.keyring().forget(server);
                return null;
            }, ignored -> { }, ignored -> { });
        }
    }

    private Optional<ServerLocation> lastServer() {
        if (fileSwitch.location() instanceof ServerLocation shown) {
            return Optional.of(shown);
        }
        return preferences.recentDatabases().stream().filter(ServerLocation.class::isInstance)
                .map(ServerLocation.class::cast).findFirst();
    }
}
