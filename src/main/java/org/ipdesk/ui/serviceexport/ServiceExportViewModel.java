package org.ipdesk.ui.serviceexport;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
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
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.model.AddressCounts;
import org.ipdesk.service.BindExport;
import org.ipdesk.service.BindSettings;
import org.ipdesk.service.ServiceDiff;
import org.ipdesk.service.ServiceExports;
import org.ipdesk.service.ServiceOptions;
import org.ipdesk.service.ServiceOutput;
import org.ipdesk.service.ServiceProblem;
import org.ipdesk.service.ServiceScope;
import org.ipdesk.service.ServiceTarget;
import org.ipdesk.store.TargetRefusedException;
import org.ipdesk.ui.DialogService;
import org.ipdesk.ui.TaskExecutor;

/**
 * File → Export to DHCP/DNS…: which server (Kea, ISC dhcpd, dnsmasq, BIND, /etc/hosts), what part of the records
 * (everything, a network, a subnet) and where. "Check" builds the files on the {@link TaskExecutor} (never on the UI
 * thread) and shows the problems found and, per file, what would change against the file there now; "Write" puts the
 * checked files in place, refused while problems are listed unless the user chose to write without those entries.
 * Changing the target, scope or path throws the check away, so what is written is always what was shown.
 */
public final class ServiceExportViewModel {

    /** One choice of scope: its words and what it covers. */
    public record ScopeChoice(String label, ServiceScope scope) {
        public ScopeChoice {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(scope, "scope");
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** One problem as the list shows it: its kind in words, the address, the message. */
    public record ProblemRow(String kind, String address, String message) {
    }

    /** One line of the change view: a file's heading, or a line removed from the file there or added by the new one. */
    public record DiffRow(Kind kind, String text) {
        /** What a line of the change view is. */
        public enum Kind {
            FILE,
            ADDED,
            REMOVED
        }
    }

    /** The tick box's words, also in the refusal. */
    public static final String WRITE_ANYWAY = "Write anyway, leaving those entries out";

    private final Supplier<Allocator> allocator;
    private final TaskExecutor tasks;
    private final DialogService dialogs;
    private final Supplier<Path> folder;
    private final Consumer<String> report;
    private final ServiceExportMemory memory;

    private final ObservableList<ServiceTarget> targets = FXCollections.observableArrayList(ServiceTarget.values());
    private final ObservableList<ScopeChoice> scopes;
    private final ObjectProperty<ServiceTarget> target = new SimpleObjectProperty<>(this, "target", ServiceTarget.KEA);
    private final ObjectProperty<ScopeChoice> scope = new SimpleObjectProperty<>(this, "scope");
    private final StringProperty path = new SimpleStringProperty(this, "path", "");
    private final BooleanProperty writeAnyway = new SimpleBooleanProperty(this, "writeAnyway", false);
    private final StringProperty zone = new SimpleStringProperty(this, "zone", "");
    private final StringProperty nameServer = new SimpleStringProperty(this, "nameServer", "");
    private final StringProperty hostmaster = new SimpleStringProperty(this, "hostmaster", "");
    private final ReadOnlyStringWrapper zoneRules = new ReadOnlyStringWrapper(this, "zoneRules", "");
    private final BooleanBinding bind = Bindings.createBooleanBinding(() -> target.get() == ServiceTarget.BIND,
            target);
    private final ReadOnlyStringWrapper pathHint = new ReadOnlyStringWrapper(this, "pathHint", "");
    private final ReadOnlyStringWrapper about = new ReadOnlyStringWrapper(this, "about", "");
    private final ObservableList<ProblemRow> problems = FXCollections.observableArrayList();
    private final ObservableList<DiffRow> diff = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper problemSummary = new ReadOnlyStringWrapper(this, "problemSummary", "");
    private final ReadOnlyStringWrapper diffSummary = new ReadOnlyStringWrapper(this, "diffSummary", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper(this, "failed", false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);
    private final ReadOnlyBooleanWrapper checked = new ReadOnlyBooleanWrapper(this, "checked", false);
    private final BooleanBinding canCheck;
    private final BooleanBinding canWrite;

    /** The output shown, and where it was compared; null until a check has finished for the current choices. */
    private Checked result;
    /** Counts the choices and checks, so that a check finishing after the choices changed is dropped. */
    private long generation;

    private record Checked(ServiceOutput output, Path place, List<ServiceDiff> diffs) {
    }

    /**
     * @param allocator gives the open database's allocator; called only inside jobs on the executor
     * @param choices   the scopes offered, widest first (everything; the selected network; the selected subnet)
     * @param chosen    the one chosen at first (the tree's selection)
     * @param folder    where the choosers start when no path is given yet
     * @param report    receives what was written, for the main window's status line
     */
    public ServiceExportViewModel(Supplier<Allocator> allocator, TaskExecutor tasks, DialogService dialogs,
            List<ScopeChoice> choices, ScopeChoice chosen, Supplier<Path> folder, Consumer<String> report) {
        this(allocator, tasks, dialogs, choices, chosen, folder, report, new ServiceExportMemory());
    }

    /**
     * The same, starting from what {@code memory} holds of the last exports (server, path, BIND fields) and keeping
     * each successful write there.
     */
    public ServiceExportViewModel(Supplier<Allocator> allocator, TaskExecutor tasks, DialogService dialogs,
            List<ScopeChoice> choices, ScopeChoice chosen, Supplier<Path> folder, Consumer<String> report,
            ServiceExportMemory memory) {
        this.allocator = Objects.requireNonNull(allocator, "allocator");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        this.folder = Objects.requireNonNull(folder, "folder");
        this.report = Objects.requireNonNull(report, "report");
        this.memory = Objects.requireNonNull(memory, "memory");
        if (choices.isEmpty() || !choices.contains(chosen)) {
            throw new IllegalArgumentException("the scope chosen must be one of the choices: " + chosen);
        }
        this.scopes = FXCollections.unmodifiableObservableList(FXCollections.observableArrayList(choices));
        scope.set(chosen);
        canCheck = busy.not();
        canWrite = Bindings.createBooleanBinding(() -> !busy.get() && checked.get(), busy, checked);
        target.set(memory.lastTarget());
        path.set(memory.path(memory.lastTarget()).orElse(""));
        zone.set(memory.zone());
        nameServer.set(memory.nameServer());
        hostmaster.set(memory.hostmaster());
        target.addListener((p, was, now) -> {
            if (now == null) {
                target.set(was);
                return;
            }
            // the path of the last export of that server, unless the user typed one of their own
            if (path.get().isBlank() || memory.path(was).filter(path.get()::equals).isPresent()) {
                path.set(memory.path(now).orElse(""));
            }
            describeTarget();
            forgetCheck();
        });
        scope.addListener((p, was, now) -> {
            if (now == null) {
                scope.set(was);
                return;
            }
            forgetCheck();
        });
        path.addListener((p, was, now) -> forgetCheck());
        zone.addListener((p, was, now) -> {
            describeZone();
            forgetCheck();
        });
        nameServer.addListener((p, was, now) -> forgetCheck());
        hostmaster.addListener((p, was, now) -> forgetCheck());
        describeTarget();
        describeZone();
    }

    /** The scopes offered for an export of {@code network} (may be empty: nothing selected) and {@code subnet}. */
    public static List<ScopeChoice> choices(Optional<String> network, Optional<org.ipdesk.address.Cidr> subnet) {
        List<ScopeChoice> all = new ArrayList<>();
        all.add(new ScopeChoice("Everything (every network)", ServiceScope.everything()));
        network.ifPresent(name -> all.add(new ScopeChoice("Network " + name, ServiceScope.network(name))));
        // a subnet's export takes its child subnets too, as File → Export addresses… does
        subnet.ifPresent(cidr -> all.add(new ScopeChoice("Subnet " + cidr + network.map(n -> " in " + n).orElse(""),
                network.map(n -> ServiceScope.subnet(n, cidr)).orElse(ServiceScope.subnet(cidr)))));
        return List.copyOf(all);
    }

    /** The target's name in the list: "Kea DHCP", "ISC dhcpd", "dnsmasq", "BIND zone files", "/etc/hosts". */
    public static String targetName(ServiceTarget target) {
        return switch (target) {
            case KEA -> "Kea DHCP (DHCPv4 and DHCPv6)";
            case DHCPD -> "ISC dhcpd (IPv4 and IPv6)";
            case DNSMASQ -> "dnsmasq";
            case BIND -> "BIND zone files";
            case HOSTS -> "/etc/hosts";
        };
    }

    /** The window's title. */
    public String title() {
        return "Export to DHCP/DNS";
    }

    // ================================================================= commands

    /** Lets the user pick the folder (or, for /etc/hosts, the file) to write, through the dialog service. */
    public void choosePath() {
        ServiceTarget what = target.get();
        Path start = currentPath().orElseGet(folder);
        Optional<Path> chosen = what.writesFolder()
                ? dialogs.chooseFolderToWrite("Folder for the " + targetName(what) + " files", start)
                : dialogs.chooseFileToWrite("File to write the " + targetName(what) + " lines to", start, "hosts");
        chosen.ifPresent(p -> path.set(p.toAbsolutePath().toString()));
    }

    /**
     * Builds the target's files for the scope on the executor and compares them with what is at the path now; shows
     * the problems and the changes when done, or says why it could not (an unknown network, a missing folder, a file
     * that may not be replaced).
     */
    public void check() {
        if (!canCheck.get()) {
            return;
        }
        Optional<Path> place = parsedPath();
        if (place.isEmpty()) {
            return;
        }
        ServiceTarget what = target.get();
        ServiceScope where = scope.get().scope();
        Path to = place.get();
        Optional<ServiceOptions> options = options(what, to);
        if (options.isEmpty()) {
            return;
        }
        long run = ++generation;
        clearResult();
        busy.set(true);
        say("Checking " + targetName(what) + " for " + where.describe() + " \u2026", false);
        tasks.submit(() -> {
            ServiceOutput output = ServiceExports.prepare(allocator.get(), what, where, options.get());
            return new Checked(output, to, ServiceExports.diff(output, to));
        }, done -> {
            busy.set(false);
            if (run != generation) {
                return;
            }
            show(done);
        }, problem -> {
            busy.set(false);
            if (run == generation) {
                say("Cannot check: " + message(problem), true);
            }
        });
    }

    /**
     * Writes the checked files in place on the executor, each whole or not at all. Refused with a message while
     * problems are listed and "write anyway" is not ticked.
     */
    public void write() {
        if (!canWrite.get() || result == null) {
            return;
        }
        Checked shown = result;
        if (!shown.output().problems().isEmpty() && !writeAnyway.get()) {
            say("Nothing was written: " + AddressCounts.counted(shown.output().problems().size(), "problem")
                    + " listed. Fix them and check again, or tick \u201c" + WRITE_ANYWAY + "\u201d.", true);
            return;
        }
        long run = generation;
        String writtenPath = path.get().strip();
        String[] bindFields = {zone.get().strip(), nameServer.get().strip(), hostmaster.get().strip()};
        busy.set(true);
        say("Writing \u2026", false);
        tasks.submit(() -> ServiceExports.write(allocator.get(), shown.output(), shown.place()), written -> {
            busy.set(false);
            memory.written(shown.output().target(), writtenPath, bindFields[0], bindFields[1], bindFields[2]);
            String done = "Wrote " + written(shown, written);
            if (run == generation) {
                forgetCheck();
                say(done, false);
            }
            report.accept(done);
        }, problem -> {
            busy.set(false);
            if (run == generation) {
                say("Nothing was written: " + message(problem), true);
            }
        });
    }

    // ================================================================= helpers

    private void show(Checked done) {
        result = done;
        List<ServiceProblem> found = done.output().problems();
        problems.setAll(found.stream().map(p -> new ProblemRow(kindName(p.kind()), p.address().toString(),
                p.message())).toList());
        problemSummary.set(found.isEmpty() ? "No problems: every entry in scope goes into the files."
                : AddressCounts.counted(found.size(), "problem") + ": the entries named are left out of what they "
                        + "would break.");
        List<DiffRow> rows = new ArrayList<>();
        for (ServiceDiff file : done.diffs()) {
            rows.add(new DiffRow(DiffRow.Kind.FILE, file.path() + " \u2014 " + file.describe()));
            for (ServiceDiff.Line line : file.lines()) {
                boolean added = line.kind() == ServiceDiff.Kind.ADDED;
                rows.add(new DiffRow(added ? DiffRow.Kind.ADDED : DiffRow.Kind.REMOVED,
                        (added ? "+ " : "\u2212 ") + String.format("%5d  ", line.number()) + line.text()));
            }
        }
        diff.setAll(rows);
        diffSummary.set(summary(done.diffs()));
        checked.set(true);
        say(found.isEmpty() ? "Checked: ready to write." : "Checked: " + AddressCounts.counted(found.size(),
                "problem") + " to look at before writing.", false);
    }

    private static String summary(List<ServiceDiff> diffs) {
        long changing = diffs.stream().filter(d -> !d.unchanged()).count();
        if (changing == 0) {
            return "Every file is the same as the one there now.";
        }
        return AddressCounts.counted(changing, "file") + " of " + diffs.size() + " would change: "
                + String.join("; ", diffs.stream().map(d -> d.path().getFileName() + " " + d.describe()).toList());
    }

    private static String written(Checked shown, List<Path> paths) {
        List<String> files = new ArrayList<>();
        for (int i = 0; i < paths.size(); i++) {
            ServiceDiff d = i < shown.diffs().size() ? shown.diffs().get(i) : null;
            files.add(paths.get(i).getFileName() + (d == null ? "" : " (" + d.describe() + ")"));
        }
        Path where = shown.output().target().writesFolder() ? shown.place() : shown.place().toAbsolutePath().getParent();
        int left = shown.output().problems().size();
        return AddressCounts.counted(paths.size(), "file") + " to " + where + ": " + String.join(", ", files)
                + (left == 0 ? "" : "; " + (left == 1 ? "the entry" : "the entries") + " of "
                        + AddressCounts.counted(left, "problem") + " left out");
    }

    private void describeTarget() {
        ServiceTarget what = target.get();
        pathHint.set(what.writesFolder()
                ? "A folder that exists: " + targetName(what) + " writes several files into it under their own names."
                : "A file: the /etc/hosts lines are written to it (not /etc/hosts itself unless you mean it).");
        about.set(switch (what) {
            case KEA -> "Two JSON files of subnet4 and subnet6 entries (pools from DHCP ranges, reservations with "
                    + "hw-address and hostname), pulled into kea-dhcp4.conf / kea-dhcp6.conf with <?include \u2026?>.";
            case DHCPD -> "host blocks and subnet/range declarations, IPv4 and IPv6 in separate files (dhcpd reads one "
                    + "family per process), each pulled into dhcpd.conf / dhcpd6.conf by an include statement.";
            case DNSMASQ -> "A --dhcp-hostsfile (MAC,IP,name lines; IPv6 in brackets) and a file of host-record lines "
                    + "for conf-file=.";
            case BIND -> "Forward and reverse zone files ($TTL, SOA with a serial that never goes backwards, NS) and a "
                    + "named.conf part naming them; an empty name server or hostmaster is written as a default marked "
                    + "\u201cchange me\u201d.";
            case HOSTS -> "One line per held address with a host name: address, then the name.";
        });
    }

    /** The options of {@code what}: for BIND the zone, name server and hostmaster as typed; empty (said) when wrong. */
    private Optional<ServiceOptions> options(ServiceTarget what, Path to) {
        if (what != ServiceTarget.BIND) {
            return Optional.of(ServiceOptions.defaults());
        }
        if (zone.get().isBlank()) {
            say("Give the zone name (such as example.com) that the host names go into.", true);
            return Optional.empty();
        }
        try {
            return Optional.of(ServiceOptions.bind(BindSettings.of(zone.get(), nameServer.get(), hostmaster.get(),
                    BindSettings.DEFAULT_TTL, to)));
        } catch (IllegalArgumentException e) {
            say(fieldNames(e.getMessage()), true);
            return Optional.empty();
        }
    }

    private void describeZone() {
        String given = zone.get().strip();
        if (given.isEmpty()) {
            zoneRules.set("Give the zone name to see how host names become names in it.");
            return;
        }
        try {
            zoneRules.set("\u2022 " + String.join("\n\u2022 ", BindExport.rules(given)));
        } catch (IllegalArgumentException e) {
            zoneRules.set(fieldNames(e.getMessage()));
        }
    }

    /** A message of the BIND settings with the dialog's field names for the command line's options. */
    private static String fieldNames(String text) {
        return text.replace("--zone", "Zone").replace("--ns", "Name server").replace("--hostmaster", "Hostmaster");
    }

    private static String kindName(ServiceProblem.Kind kind) {
        return switch (kind) {
            case INVALID_HOST_NAME -> "invalid host name";
            case DUPLICATE_NAME -> "duplicate name";
            case NO_MAC -> "no MAC";
            case DUPLICATE_MAC -> "duplicate MAC";
            case IN_PARENT_SUBNET -> "in a parent subnet";
            case DUPLICATE_SUBNET -> "subnet in two networks";
            case UNSUPPORTED -> "not for this server";
            case OUTSIDE_ZONE -> "outside the zone";
            case DUPLICATE_ADDRESS -> "duplicate address";
        };
    }

    private Optional<Path> parsedPath() {
        String text = path.get().strip();
        if (text.isEmpty()) {
            say("Give the " + (target.get().writesFolder() ? "folder" : "file") + " to write, or choose it.", true);
            return Optional.empty();
        }
        try {
            Path given = Path.of(text);
            if (!given.isAbsolute()) {
                say("'" + text + "' is not a whole path; give one that starts at the top of the disk, or choose it.",
                        true);
                return Optional.empty();
            }
            return Optional.of(given);
        } catch (InvalidPathException e) {
            say("'" + text + "' is not a valid path: " + e.getReason(), true);
            return Optional.empty();
        }
    }

    private Optional<Path> currentPath() {
        try {
            String text = path.get().strip();
            return text.isEmpty() ? Optional.empty() : Optional.of(Path.of(text));
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    private void forgetCheck() {
        generation++;
        clearResult();
        say("", false);
    }

    private void clearResult() {
        result = null;
        checked.set(false);
        problems.clear();
        diff.clear();
        problemSummary.set("");
        diffSummary.set("");
    }

    private void say(String text, boolean failure) {
        message.set(text);
        failed.set(failure);
    }

    static String message(Throwable problem) {
        if (problem instanceof TargetRefusedException refused) {
            return refused.getMessage();
        }
        if (problem instanceof NoSuchFileException missing) {
            return missing.getFile() + " does not exist";
        }
        if (problem instanceof AccessDeniedException denied) {
            return "no permission to write " + denied.getFile();
        }
        String text = problem.getMessage();
        if (problem instanceof IOException && text != null && !text.isBlank()) {
            return text;
        }
        return text == null || text.isBlank() ? problem.getClass().getSimpleName() : text;
    }

    // ================================================================= properties

    /** The servers offered, in the order of the list. */
    public ObservableList<ServiceTarget> targets() {
        return targets;
    }

    /** The scopes offered: everything, and the selected network and subnet. */
    public ObservableList<ScopeChoice> scopes() {
        return scopes;
    }

    public ObjectProperty<ServiceTarget> targetProperty() {
        return target;
    }

    public ObjectProperty<ScopeChoice> scopeProperty() {
        return scope;
    }

    /** The folder (or, for /etc/hosts, the file) to write, as typed or chosen. */
    public StringProperty pathProperty() {
        return path;
    }

    /** Whether Write goes ahead while problems are listed (the entries named are left out). */
    public BooleanProperty writeAnywayProperty() {
        return writeAnyway;
    }

    /** BIND: the forward zone's name ("example.com"). */
    public StringProperty zoneProperty() {
        return zone;
    }

    /** BIND: the primary name server of the SOA and NS records; empty: a default marked "change me". */
    public StringProperty nameServerProperty() {
        return nameServer;
    }

    /** BIND: the hostmaster's mailbox (hostmaster@example.com); empty: hostmaster.ZONE. */
    public StringProperty hostmasterProperty() {
        return hostmaster;
    }

    /** BIND: how host names become names of the zone, one rule a line; or why the zone name is not one. */
    public ReadOnlyStringProperty zoneRulesProperty() {
        return zoneRules.getReadOnlyProperty();
    }

    /** True while BIND is the target (its zone fields and rules show). */
    public BooleanBinding bindProperty() {
        return bind;
    }

    /** What the path must be for the chosen target. */
    public ReadOnlyStringProperty pathHintProperty() {
        return pathHint.getReadOnlyProperty();
    }

    /** What the chosen target's files hold and how the server takes them in. */
    public ReadOnlyStringProperty aboutProperty() {
        return about.getReadOnlyProperty();
    }

    /** The problems of the last check. */
    public ObservableList<ProblemRow> problems() {
        return FXCollections.unmodifiableObservableList(problems);
    }

    /** The changes of the last check: per file a heading, then the lines removed and added. */
    public ObservableList<DiffRow> diff() {
        return FXCollections.unmodifiableObservableList(diff);
    }

    /** "2 problems: …", "No problems: …"; empty before a check. */
    public ReadOnlyStringProperty problemSummaryProperty() {
        return problemSummary.getReadOnlyProperty();
    }

    /** "1 file of 2 would change: …"; empty before a check. */
    public ReadOnlyStringProperty diffSummaryProperty() {
        return diffSummary.getReadOnlyProperty();
    }

    /** What is happening or happened (checking, written), or why not; see {@link #failedProperty()}. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Whether {@link #messageProperty()} says why something was refused or failed. */
    public ReadOnlyBooleanProperty failedProperty() {
        return failed.getReadOnlyProperty();
    }

    /** True while a check or a write runs. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** True once a check has finished for the current choices (and until they change or the files are written). */
    public ReadOnlyBooleanProperty checkedProperty() {
        return checked.getReadOnlyProperty();
    }

    public BooleanBinding canCheckProperty() {
        return canCheck;
    }

    public BooleanBinding canWriteProperty() {
        return canWrite;
    }
}
