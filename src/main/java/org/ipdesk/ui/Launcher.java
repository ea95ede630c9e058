package org.ipdesk.ui;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.application.Application;
import org.ipdesk.cli.IpDeskCli;
import org.ipdesk.cli.TerminalText;
import org.ipdesk.settings.SettingsStore;
import org.ipdesk.store.Database;
import org.ipdesk.store.FileLocation;
import org.ipdesk.store.Location;

/**
 * Main class of the jar. Without arguments, or with {@code --db FILE} alone, it opens the window; with any
 * other arguments it runs the command line. It does not extend {@link Application}, so the shaded jar starts
 * with JavaFX on the class path.
 */
public final class Launcher {

    /** JavaFX's own logger, held so that its level stays set (set only when the window starts in this JVM). */
    private static Logger javafxLogger;

    private Launcher() {
    }

    public static void main(String[] args) {
        if (isGuiLaunch(List.of(args))) {
            // first the relaunch with the class archive, so that this JVM does no more than that before the window's
            // JVM starts; the window's JVM checks the database argument
            OptionalInt relaunched = SharedClassArchive.relaunch(args);
            if (relaunched.isPresent()) {
                System.exit(relaunched.getAsInt());
            }
            try {
                databaseOption(List.of(args));
            } catch (IllegalArgumentException e) {
                // a malformed postgresql:// URL: what is wrong with it, as the command line says it
                System.err.println(refusedDatabase(e));
                System.exit(2);
            }
            launchGui(args);
        } else {
            IpDeskCli.main(args);
        }
    }

    private static void launchGui(String[] args) {
        // while JavaFX starts its toolkit (half a second, mostly on one core), a spare thread does the
        // one-time work the window's first moments would otherwise wait for: the settings' JSON reader, the
        // SQLite driver's native library
        Thread warmUp = new Thread(() -> {
            try {
                SettingsStore.forUser().load();
                Database.loadDriver();
            } catch (Throwable e) {
                // only a head start: the window does this work again where it needs it and reports what fails
                // there; here it may also meet the JVM shutting down (no display) half-way through
            }
        }, "ipdesk-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
        // JavaFX warns on every start that it runs from the class path ("Unsupported JavaFX configuration"): a
        // choice of this build (one jar, no module path) that tells an admin nothing
        javafxLogger = Logger.getLogger("javafx");
        javafxLogger.setLevel(Level.SEVERE);
        try {
            Application.launch(App.class, args);
        } catch (RuntimeException e) {
            // no display ("Unable to open DISPLAY") or no GTK: one line an admin on a terminal understands, no trace
            Optional<String> problem = toolkitProblem(e);
            if (problem.isEmpty()) {
                throw e;
            }
            System.err.println(problem.get());
            System.exit(1);
        }
    }

    /**
     * What to tell the user when JavaFX could not start its toolkit ({@code e} or one of its causes is the
     * toolkit's {@link UnsupportedOperationException}): the missing GTK 3 library with the package to install, a
     * missing display, or the toolkit's own words. Empty for any other failure.
     */
    static Optional<String> toolkitProblem(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof UnsupportedOperationException) {
                String message = cause.getMessage() == null ? "" : cause.getMessage();
                String lower = message.toLowerCase(java.util.Locale.ROOT);
                if (lower.contains("gtk")) {
                    return Optional.of("ipdesk: cannot open the window: the GTK 3 library is missing; install it"
                            + " (Debian/Ubuntu: libgtk-3-0, Fedora: gtk3) or use the command line: ipdesk --help");
                }
                if (lower.contains("display")) {
                    return Optional.of("ipdesk: cannot open the window: no display (" + message.strip()
                            + "; is DISPLAY or WAYLAND_DISPLAY set?); the command line works without one:"
                            + " ipdesk --help");
                }
                return Optional.of("ipdesk: cannot open the window: " + message.strip()
                        + "; the command line works without a display: ipdesk --help");
            }
        }
        return Optional.empty();
    }

    /**
     * The line printed for a {@code --db} the window cannot use: escaped as every message of the command line, since
     * it repeats what was typed (an ESC or BEL in it would act on the terminal).
     */
    static String refusedDatabase(IllegalArgumentException e) {
        return "ipdesk: " + TerminalText.message(e.getMessage());
    }

    /**
     * True for no arguments, {@code --db FILE}, {@code --db postgresql://…} or {@code --db=…}: the window, not the
     * command line.
     */
    static boolean isGuiLaunch(List<String> args) {
        return args.isEmpty() || databaseText(args).isPresent();
    }

    /**
     * The database of {@code --db FILE|URL} or {@code --db=FILE|URL} when that is all the arguments say: a file, or
     * a team database; a malformed {@code postgresql://} URL is refused naming the problem.
     */
    public static Optional<Location> databaseOption(List<String> args) {
        return databaseText(args).map(text -> {
            Location location = Location.parse(text);
            return location instanceof FileLocation file
                    ? Location.of(file.file().toAbsolutePath().normalize()) : location;
        });
    }

    private static Optional<String> databaseText(List<String> args) {
        if (args.size() == 2 && args.get(0).equals("--db") && !args.get(1).isBlank()) {
            return Optional.of(args.get(1));
        }
        if (args.size() == 1 && args.get(0).startsWith("--db=") && args.get(0).length() > "--db=".length()) {
            return Optional.of(args.get(0).substring("--db=".length()));
        }
        return Optional.empty();
    }
}
