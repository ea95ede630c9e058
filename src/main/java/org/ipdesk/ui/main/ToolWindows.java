package org.ipdesk.ui.main;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.ipdesk.address.Cidr;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.settings.Preferences;
import org.ipdesk.store.FileLocation;
import org.ipdesk.store.Location;
import org.ipdesk.ui.DialogService;
import org.ipdesk.ui.TaskExecutor;
import org.ipdesk.ui.history.HistoryViewModel;
import org.ipdesk.ui.importer.ImportPreviewViewModel;
import org.ipdesk.ui.reconcile.ReconcileViewModel;
import org.ipdesk.ui.settings.PreferencesViewModel;
import org.ipdesk.ui.undo.Undoable;
import org.ipdesk.ui.usage.UsageDashboardViewModel;

/**
 * The view models of the windows the main window opens (History, Usage dashboard, Import preview, Preferences),
 * each on the open database, wired back to the main window where they act on it.
 */
public final class ToolWindows {

    private final Supplier<Allocator> allocator;
    private final TaskExecutor tasks;
    private final DialogService dialogs;
    private final WindowPreferences preferences;
    private final Supplier<Location> databaseFile;
    private final BiConsumer<String, Cidr> openSubnet;
    private final Consumer<String> refreshAfterChange;
    private final Consumer<String> report;

    /**
     * Factories on the open database; {@code openSubnet} selects a subnet in the main window,
     * {@code refreshAfterChange} reads it again after a change and {@code report} puts a success in the status line.
     */
    public ToolWindows(Supplier<Allocator> allocator, TaskExecutor tasks, DialogService dialogs,
            WindowPreferences preferences, Supplier<Location> databaseFile, BiConsumer<String, Cidr> openSubnet,
            Consumer<String> refreshAfterChange, Consumer<String> report) {
        this.allocator = allocator;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.preferences = preferences;
        this.databaseFile = databaseFile;
        this.openSubnet = openSubnet;
        this.refreshAfterChange = refreshAfterChange;
        this.report = report;
    }

    /**
     * Edit → Preferences: the dialog on the preferences in force; OK applies and remembers what it gives, Cancel
     * changes nothing.
     */
    public void editPreferences() {
        dialogs.editPreferences(newPreferences()).ifPresent(this::applyPreferences);
    }

    /** A new view model of the Preferences dialog, on the preferences in force now (the theme as the toolbar has it). */
    public PreferencesViewModel newPreferences() {
        return new PreferencesViewModel(preferences.current(),
                databaseFile.get() instanceof FileLocation file ? file.file() : null,
                dialogs::chooseDatabaseToOpen);
    }

    /** Applies {@code preferences} to the window at once (theme, grid, thresholds) and remembers them. */
    public void applyPreferences(Preferences edited) {
        if (preferences.apply(edited)) {
            report.accept("Saved the preferences");
        }
    }

    /**
     * A new view model for the Usage dashboard on the open database, its thresholds starting from the preferences;
     * opening one of its rows selects that subnet in the main window.
     */
    public UsageDashboardViewModel newUsageDashboard() {
        UsageDashboardViewModel dashboard = new UsageDashboardViewModel(allocator, tasks,
                () -> databaseFile.get().name(), preferences.warningPercentProperty().get(),
                preferences.criticalPercentProperty().get());
        dashboard.setOnOpen(row -> openSubnet.accept(row.network(), row.cidr()));
        return dashboard;
    }

    /** A new import preview of {@code file} on the open database; a finished import refreshes the window. */
    public ImportPreviewViewModel newImportPreview(Path file) {
        ImportPreviewViewModel preview = new ImportPreviewViewModel(allocator, tasks, file);
        preview.setOnImported(refreshAfterChange::accept);
        return preview;
    }

    /** Where an apply in a Reconcile window goes: the main window's undo stack, then a reload. */
    private Consumer<Undoable> recorded = undo -> { };

    /** Sets where the one undoable command of each reconcile apply goes (the undo stack, then a reload). */
    void setOnRecorded(Consumer<Undoable> recorded) {
        this.recorded = java.util.Objects.requireNonNull(recorded, "recorded");
    }

    /**
     * A new view model for a Reconcile window on the open database, for the tree's selected subnet or network (every
     * network when nothing is selected); each apply goes on the main window's undo stack as one command.
     */
    public ReconcileViewModel newReconcile(TreeRow selected) {
        ReconcileViewModel.Scope scope = selected == null ? new ReconcileViewModel.Scope.Everything()
                : ReconcileViewModel.scopeOf(selected.subnet(), Optional.of(selected.network().name()));
        return new ReconcileViewModel(allocator, tasks, scope, Clock.systemUTC(), undo -> recorded.accept(undo));
    }

    /** A new view model for the History window, on the open database. */
    public HistoryViewModel newHistory() {
        return new HistoryViewModel(allocator, tasks);
    }
}
