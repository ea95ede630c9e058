package org.ipdesk.ui.settings;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.ipdesk.settings.CellSize;
import org.ipdesk.settings.Preferences;

/**
 * Edit → Preferences: the theme, the grid's cell size, the usage thresholds and the database to open at start,
 * as the user edits them. It starts from the preferences in force and changes nothing by itself: {@link #result()}
 * gives the edited preferences once every field is valid (OK), and the window applies and saves them. Cancel
 * drops the view model.
 *
 * <p>Checked as you type: each threshold a whole number from 1 to 100, warning below critical; an "always this
 * file" path that names an existing file. Each problem is a message at its field, and {@link #validProperty()} is
 * false while there is one.
 */
public final class PreferencesViewModel {

    /** What opens at start when the window is started without {@code --db}. */
    public enum Startup {
        /** The database open when the window last closed (or the default database). */
        LAST_USED,
        /** Always the same file. */
        FILE
    }

    private final Function<Path, Optional<Path>> chooser;
    private final Path browseFolder;
    private final Path suggestion;

    private final BooleanProperty darkTheme = new SimpleBooleanProperty(this, "darkTheme");
    private final ObjectProperty<CellSize> cellSize = new SimpleObjectProperty<>(this, "cellSize");
    private final StringProperty warning = new SimpleStringProperty(this, "warning", "");
    private final StringProperty critical = new SimpleStringProperty(this, "critical", "");
    private final ObjectProperty<Startup> startup = new SimpleObjectProperty<>(this, "startup");
    private final StringProperty startupFile = new SimpleStringProperty(this, "startupFile", "");

    private final ReadOnlyStringWrapper warningError = new ReadOnlyStringWrapper(this, "warningError", "");
    private final ReadOnlyStringWrapper criticalError = new ReadOnlyStringWrapper(this, "criticalError", "");
    private final ReadOnlyStringWrapper startupFileError = new ReadOnlyStringWrapper(this, "startupFileError", "");
    private final ReadOnlyStringWrapper thresholdInfo = new ReadOnlyStringWrapper(this, "thresholdInfo", "");
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(this, "valid");

    /**
     * @param current       the preferences in force, shown first
     * @param currentFile   the database open now: what "always this file" suggests when its path is empty
     * @param chooser       asks the user for an existing database file, starting in a folder (Browse…); empty on
     *                      cancel
     */
    public PreferencesViewModel(Preferences current, Path currentFile, Function<Path, Optional<Path>> chooser) {
        Objects.requireNonNull(current, "current");
        this.chooser = Objects.requireNonNull(chooser, "chooser");
        this.suggestion = currentFile == null ? null : currentFile.toAbsolutePath().normalize();
        this.browseFolder = suggestion == null ? null : suggestion.getParent();
        darkTheme.set(current.darkTheme());
        cellSize.set(current.cellSize());
        warning.set(Integer.toString(current.warningPercent()));
        critical.set(Integer.toString(current.criticalPercent()));
        startup.set(current.startupFile().isPresent() ? Startup.FILE : Startup.LAST_USED);
        startupFile.set(current.startupFile().map(Path::toString).orElse(""));
        startup.addListener((property, before, now) -> {
            if (now == Startup.FILE && startupFile.get().isBlank() && suggestion != null) {
                startupFile.set(suggestion.toString());
            }
        });
        for (Observable field : new Observable[] {cellSize, warning, critical, startup, startupFile}) {
            field.addListener(ignored -> validate());
        }
        validate();
    }

    // ================================================================= fields

    /** The dark theme (AtlantaFX Primer dark) rather than the light one. */
    public BooleanProperty darkThemeProperty() {
        return darkTheme;
    }

    public ObjectProperty<CellSize> cellSizeProperty() {
        return cellSize;
    }

    /** The warning threshold as typed: a whole percentage. */
    public StringProperty warningProperty() {
        return warning;
    }

    /** The critical threshold as typed: a whole percentage above the warning one. */
    public StringProperty criticalProperty() {
        return critical;
    }

    public ObjectProperty<Startup> startupProperty() {
        return startup;
    }

    /** The file to open at start when {@link #startupProperty()} is {@link Startup#FILE}, as typed or chosen. */
    public StringProperty startupFileProperty() {
        return startupFile;
    }

    /** What is wrong with the warning threshold; empty when it is fine. */
    public ReadOnlyStringProperty warningErrorProperty() {
        return warningError.getReadOnlyProperty();
    }

    /** What is wrong with the critical threshold (or with the pair); empty when it is fine. */
    public ReadOnlyStringProperty criticalErrorProperty() {
        return criticalError.getReadOnlyProperty();
    }

    /** What is wrong with the file to open at start; empty when it is fine or not used. */
    public ReadOnlyStringProperty startupFileErrorProperty() {
        return startupFileError.getReadOnlyProperty();
    }

    /** What the thresholds mean, with the numbers typed ("A subnet 80 % used or more is nearly full ..."). */
    public ReadOnlyStringProperty thresholdInfoProperty() {
        return thresholdInfo.getReadOnlyProperty();
    }

    /** Every field is valid: OK may apply them. */
    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    // ================================================================= commands

    /** Browse…: lets the user pick the file to open at start, and chooses "always this file". */
    public void browse() {
        Path folder = currentPath().map(Path::getParent).filter(Files::isDirectory).orElse(browseFolder);
        chooser.apply(folder).ifPresent(file -> {
            startupFile.set(file.toAbsolutePath().normalize().toString());
            startup.set(Startup.FILE);
        });
    }

    /** The preferences as edited, when every field is valid (what OK applies); else empty. */
    public Optional<Preferences> result() {
        if (!validate()) {
            return Optional.empty();
        }
        Optional<Path> file = startup.get() == Startup.FILE ? currentPath() : Optional.empty();
        return Optional.of(new Preferences(darkTheme.get(), cellSize.get(), whole(warning.get()).orElseThrow(),
                whole(critical.get()).orElseThrow(), file));
    }

    // ================================================================= checks

    private boolean validate() {
        Optional<Integer> warn = checkPercent("warning", warning.get(), warningError);
        Optional<Integer> crit = checkPercent("critical", critical.get(), criticalError);
        boolean ok = warn.isPresent() && crit.isPresent();
        if (ok && warn.get() >= crit.get()) {
            criticalError.set("The critical threshold (" + crit.get() + " %) must be above the warning threshold ("
                    + warn.get() + " %)");
            ok = false;
        }
        thresholdInfo.set(ok ? "Subnets " + warn.get() + " % used or more are nearly full (amber), " + crit.get()
                + " % or more critical (red): in the tree and in the Usage dashboard" : "");
        boolean fileOk = checkFile();
        boolean all = ok && fileOk && cellSize.get() != null && startup.get() != null;
        valid.set(all);
        return all;
    }

    private static Optional<Integer> checkPercent(String which, String text, ReadOnlyStringWrapper error) {
        String clean = text == null ? "" : text.strip();
        if (clean.isEmpty()) {
            error.set("Enter the " + which + " threshold: a whole number from 1 to 100");
            return Optional.empty();
        }
        Optional<Integer> value = whole(clean);
        if (value.isEmpty()) {
            error.set("The " + which + " threshold must be a whole number from 1 to 100, not \u2018" + clean
                    + "\u2019");
            return Optional.empty();
        }
        if (value.get() < 1 || value.get() > 100) {
            error.set("The " + which + " threshold must be from 1 to 100 %, not " + value.get());
            return Optional.empty();
        }
        error.set("");
        return value;
    }

    private static Optional<Integer> whole(String text) {
        String clean = text == null ? "" : text.strip();
        if (clean.endsWith("%")) {
            clean = clean.substring(0, clean.length() - 1).strip();
        }
        if (!clean.matches("[+-]?\\d{1,9}")) {
            return Optional.empty();
        }
        return Optional.of(Integer.parseInt(clean));
    }

    private boolean checkFile() {
        startupFileError.set("");
        if (startup.get() != Startup.FILE) {
            return true;
        }
        String text = startupFile.get() == null ? "" : startupFile.get().strip();
        if (text.isEmpty()) {
            startupFileError.set("Choose the database file to open at start (Browse\u2026)");
            return false;
        }
        Path path;
        try {
            path = Path.of(text);
        } catch (InvalidPathException e) {
            startupFileError.set("\u2018" + text + "\u2019 is not a valid path: " + e.getReason());
            return false;
        }
        if (!path.isAbsolute()) {
            startupFileError.set("Enter the full path of the file, not a relative one (or use Browse\u2026)");
            return false;
        }
        if (Files.isDirectory(path)) {
            startupFileError.set(path + " is a folder, not a database file");
            return false;
        }
        if (!Files.exists(path)) {
            startupFileError.set("There is no file " + path);
            return false;
        }
        if (!Files.isRegularFile(path)) {
            startupFileError.set(path + " is not a regular file");
            return false;
        }
        return true;
    }

    private Optional<Path> currentPath() {
        String text = startupFile.get() == null ? "" : startupFile.get().strip();
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Path.of(text).toAbsolutePath().normalize());
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }
}
