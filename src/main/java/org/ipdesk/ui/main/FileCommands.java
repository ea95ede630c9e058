package org.ipdesk.ui.main;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.ipdesk.address.Cidr;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.exchange.DatabaseExport;
import org.ipdesk.model.Subnet;
import org.ipdesk.exchange.AddressCsv;
import org.ipdesk.exchange.AddressList;
import org.ipdesk.exchange.AddressXlsx;
import org.ipdesk.report.ExportMonitor;
import org.ipdesk.report.ReportFiles;
import org.ipdesk.store.Backup;
import org.ipdesk.store.Credentials;
import org.ipdesk.store.FileLocation;
import org.ipdesk.store.Location;
import org.ipdesk.store.ServerLocation;
import org.ipdesk.store.OutputTargets;
import org.ipdesk.store.StoreException;
import org.ipdesk.ui.DialogService;
import org.ipdesk.ui.TaskExecutor;
import org.ipdesk.ui.copy.CopyDatabaseViewModel;
import org.ipdesk.ui.serviceexport.ServiceExportMemory;
import org.ipdesk.ui.serviceexport.ServiceExportViewModel;

/**
 * The File menu's commands on the open database's content: back up, restore, export addresses, export the
 * database. Opening and creating files are the {@link FileSwitch}'s.
 */
public final class FileCommands {

    private final Supplier<Allocator> allocator;
    private final TaskExecutor tasks;
    private final DialogService dialogs;
    private final SelectionState selection;
    private final StatusLine status;
    private final Supplier<Location> databaseFile;
    private final Supplier<Path> folder;
    private final Consumer<Path> open;
    private final Credentials credentials;
    private Consumer<CopyDatabaseViewModel> showCopy = copy -> { };
    /** What File → Export to DHCP/DNS… wrote last (server, path, zone), for the next one to start from. */
    private final ServiceExportMemory serviceExports = new ServiceExportMemory();
    /** Connects the window to a team database ("Open the copy" after a copy to a server); none: it is said where. */
    private Optional<Consumer<ServerLocation>> connect = Optional.empty();

    /**
     * @param databaseFile the database open now (a file or a team database)
     * @param folder       where the file choosers start
     * @param open         opens a file as the window's database (a restored backup)
     */
    public FileCommands(Supplier<Allocator> allocator, TaskExecutor tasks, DialogService dialogs,
            SelectionState selection, StatusLine status, Supplier<Location> databaseFile, Supplier<Path> folder,
            Consumer<Path> open) {
        this(allocator, tasks, dialogs, selection, status, databaseFile, folder, open, Credentials.NONE);
    }

    /** The same, with {@code credentials} for a team database that Copy to team database… writes to. */
    public FileCommands(Supplier<Allocator> allocator, TaskExecutor tasks, DialogService dialogs,
            SelectionState selection, StatusLine status, Supplier<Location> databaseFile, Supplier<Path> folder,
            Consumer<Path> open, Credentials credentials) {
        this.credentials = credentials;
        this.allocator = allocator;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.selection = selection;
        this.status = status;
        this.databaseFile = databaseFile;
        this.folder = folder;
        this.open = open;
    }

    /**
     * File → Back up…: a consistent copy of the open database to a file the user names. When its engine has a backup
     * (SQLite's online backup) that writes the file; the save dialog has asked before an existing file is chosen, so
     * an older backup there is replaced; the open database, a folder or a device never are. A database without one (a
     * team database) is copied into the file instead ({@link #newDatabaseCopy}, in the copy window with its progress
     * and Cancel), so that its backup opens on any desk without a server; that file must be new or an empty database.
     */
    public void backUp() {
        tasks.submit(() -> allocator.get().backup().isPresent(), hasBackup ->
                dialogs.chooseNewDatabase(folder.get()).ifPresent(target -> {
                    if (hasBackup) {
                        backUpTo(target);
                    } else {
                        CopyDatabaseViewModel copy = newDatabaseCopy(true);
                        copy.copiedProperty().addListener((p, was, written) -> status.report("Backed up "
                                + databaseFile.get() + " to " + written + " (a copy of the whole database)", false));
                        copy.problemProperty().addListener((p, was, why) -> {
                            if (!why.isEmpty()) {
                                status.report("Cannot back up to " + target + ": " + why, true);
                            }
                        });
                        showCopy.accept(copy);
                        copy.copyTo(target);
                    }
                }), problem -> status.report("Cannot back up: " + Problems.message(problem), true));
    }

    /** Where a copy made by File → Back up… is shown (the main window opens its copy window). */
    public void setOnCopyWindow(Consumer<CopyDatabaseViewModel> show) {
        this.showCopy = java.util.Objects.requireNonNull(show, "show");
    }

    private void backUpTo(Path target) {
        tasks.submit(() -> {
            Allocator open = allocator.get();
            open.backup().orElseThrow(() -> new StoreException(Backup.unavailable(open.location())))
                    .to(target, OutputTargets.IfDatabase.REPLACE);
            return target;
        }, written -> status.report("Backed up " + databaseFile.get() + " to " + written, false),
                problem -> status.report("Cannot back up to " + target + ": " + Problems.message(problem), true));
    }

    /**
     * File → Restore…: after a confirmation, opens a backup as the current database (only when the open database's
     * engine has backups: restoring is opening one of its copies). The file open until now
     * stays as it is on disk.
     */
    public void restore() {
        whenBackupsExist("Cannot restore a backup: ", () -> dialogs.chooseDatabaseToOpen(folder.get())
                .ifPresent(backup -> {
                    if (dialogs.confirm("Restore a backup", "Work on the backup " + backup.toAbsolutePath().normalize()
                            + " from now on?\n\nThe window opens that file as its database; " + databaseFile.get()
                            + " stays as it is on disk.", "Open the backup")) {
                        open.accept(backup);
                    }
                }));
    }

    /**
     * Asks the open database's engine (on the executor) whether it has a backup ({@link Allocator#backup()}); runs
     * {@code next} on the UI thread when it has, and otherwise says why not in the status line, after
     * {@code refused}.
     */
    private void whenBackupsExist(String refused, Runnable next) {
        tasks.submit(() -> {
            Allocator open = allocator.get();
            return open.backup().isPresent() ? Optional.<String>empty()
                    : Optional.of(Backup.unavailable(open.location()));
        }, missing -> missing.ifPresentOrElse(why -> status.report(refused + why, true), next),
                problem -> status.report(refused + Problems.message(problem), true));
    }

    /**
     * A new File → Copy to team database… (or, with {@code backup}, the Back up… of a database without a backup of its
     * own) on the open database; the copy starts in the folder of the file choosers, and "Open the copy" opens a copied
     * file as the window's database.
     */
    public CopyDatabaseViewModel newDatabaseCopy(boolean backup) {
        return new CopyDatabaseViewModel(allocator, tasks, dialogs, credentials, folder, this::openCopy, backup);
    }

    /** How "Open the copy" connects the window to a team database the copy was written to. */
    public void setOnConnect(Consumer<ServerLocation> connect) {
        this.connect = Optional.of(java.util.Objects.requireNonNull(connect, "connect"));
    }

    private void openCopy(Location copy) {
        if (copy instanceof FileLocation file) {
            open.accept(file.file());
        } else if (copy instanceof ServerLocation server && connect.isPresent()) {
            connect.get().accept(server);
        } else {
            status.report("The copy is in " + copy + "; open it with File \u2192 Connect to a team database\u2026",
                    false);
        }
    }

    /**
     * A new File → Export to DHCP/DNS… on the open database, its scope chosen from {@code selected} (the tree's row:
     * its subnet, else its network; everything when null); what it writes is reported in the status line.
     */
    public ServiceExportViewModel newServiceExport(TreeRow selected) {
        Optional<String> network = selected == null ? Optional.empty() : Optional.of(selected.network().name());
        Optional<Cidr> subnet = selected == null ? Optional.empty() : selected.subnet().map(Subnet::cidr);
        List<ServiceExportViewModel.ScopeChoice> choices = ServiceExportViewModel.choices(network, subnet);
        return new ServiceExportViewModel(allocator, tasks, dialogs, choices, choices.get(choices.size() - 1), folder,
                written -> status.report(written, false), serviceExports);
    }

    /**
     * What File → Export addresses… will write, for its save dialog's title: "Export the addresses of
     * 10.20.0.0/24 “Web tier” (with its child subnets)", "Export the addresses of network hq-berlin", or "Export
     * the addresses of every network" when nothing is selected.
     */
    public String exportAddressesTitle() {
        TreeRow row = selection.get();
        if (row == null) {
            return "Export the addresses of every network";
        }
        return row.subnet().map(s -> "Export the addresses of " + s.cidr()
                        + (s.name().isEmpty() ? "" : " \u201c" + s.name() + "\u201d") + " in " + s.networkName()
                        + " (with its child subnets)")
                .orElse("Export the addresses of network " + row.network().name());
    }

    /**
     * The file name File → Export addresses… proposes, after what it exports: "10.20.0.0_24-addresses.csv",
     * "2001-db8--_64-addresses.csv", "hq-berlin-addresses.csv", or "addresses.csv" for every network. Characters a
     * file name may not hold on some system ({@code / \ : * ? " < > |}, controls) are replaced.
     */
    public String exportAddressesFileName() {
        TreeRow row = selection.get();
        if (row == null) {
            return "addresses.csv";
        }
        String what = row.subnet().map(s -> s.cidr().toString().replace('/', '_').replace(':', '-'))
                .orElse(row.network().name());
        return what.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").strip() + "-addresses.csv";
    }

    /**
     * File → Export addresses…: the held addresses of the selected subnet (with its child subnets) or network, or
     * of every network when nothing is selected, to {@code target} as CSV or XLSX (by its extension), written
     * whole or not at all.
     */
    public void exportAddresses(Path target) {
        TreeRow row = selection.get();
        Optional<String> network = row == null ? Optional.empty() : Optional.of(row.network().name());
        Optional<Cidr> subnet = row == null ? Optional.empty() : row.subnet().map(Subnet::cidr);
        boolean xlsx = target.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".xlsx");
        status.report("Writing " + target + " \u2026", false);
        tasks.submit(() -> {
            AddressList list = AddressList.read(allocator.get(), network, subnet);
            ReportFiles.write(target, (out, monitor) -> {
                if (xlsx) {
                    new AddressXlsx().write(list, out, monitor);
                } else {
                    new AddressCsv().write(list, out, monitor);
                }
            }, ExportMonitor.NONE);
            return list.entries().size();
        }, count -> status.report(String.format("Exported %,d addresses%s to %s", count,
                subnet.map(c -> " of " + c).or(() -> network.map(n -> " of " + n)).orElse(""), target), false),
                problem -> status.report("Cannot export to " + target + ": " + Problems.message(problem), true));
    }

    /**
     * File → Export database…: every network, subnet, range and address (whatever is selected) to {@code target} as
     * CSV in IPDesk's own import layout, read in one transaction and written whole or not at all. Importing the file
     * into an empty database gives the same content.
     */
    public void exportDatabase(Path target) {
        status.report("Writing " + target + " \u2026", false);
        tasks.submit(() -> {
            DatabaseExport.Counts[] counts = new DatabaseExport.Counts[1];
            ReportFiles.write(target, (out, monitor) -> counts[0] = DatabaseExport.write(allocator.get(), out, monitor),
                    ExportMonitor.NONE);
            return counts[0];
        }, counts -> status.report("Exported the database (" + counts.describe() + ") to " + target, false),
                problem -> status.report("Cannot export to " + target + ": " + Problems.message(problem), true));
    }
}
