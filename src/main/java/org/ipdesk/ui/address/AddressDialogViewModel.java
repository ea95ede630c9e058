package org.ipdesk.ui.address;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.ipdesk.address.Ip;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.allocator.Strategy;
import org.ipdesk.model.Address;
import org.ipdesk.model.AddressDetails;
import org.ipdesk.model.AddressRange;
import org.ipdesk.model.AddressStatus;
import org.ipdesk.model.RangeKind;
import org.ipdesk.model.Subnet;
import org.ipdesk.ui.TaskExecutor;
import org.ipdesk.ui.edit.EditDialogViewModel;
import org.ipdesk.ui.edit.Messages;
import org.ipdesk.ui.undo.Undoables;

/**
 * The address dialog in one of three modes:
 * <ul>
 * <li>{@link #reserve reserve}: the admin types an address of the subnet and its details; every change is
 *     rehearsed with {@link Allocator#checkReserve} (outside the subnet, unusable, already held, in a DHCP pool);
 *     Save reserves it.</li>
 * <li>{@link #edit edit}: the details of a held address; the address is read-only; Save updates.</li>
 * <li>{@link #allocateNext allocate next}: the allocator picks the lowest free address before the dialog opens and
 *     holds it for this dialog; Save stores the typed details on it, {@link #cancel()} gives it back.</li>
 * </ul>
 * A save refused because the database changed underneath (another process took the address) shows the
 * allocator's message at the field it concerns, keeps the dialog open, changes nothing, and sets
 * {@link #databaseChangedProperty()} so the caller refreshes the grid.
 */
public final class AddressDialogViewModel extends EditDialogViewModel<AddressResult> {

    /** What the dialog does with its address. */
    public enum Mode { RESERVE, EDIT, ALLOCATE_NEXT }

    private final Mode mode;
    private final Subnet subnet;
    /** The held address as last read (edit, allocate next): what a save must still find. */
    private Optional<Address> held;
    private final StringProperty ip = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper ipError = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper databaseChanged = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper givenBack = new ReadOnlyBooleanWrapper(false);
    private final DetailsFields details = new DetailsFields();
    private final Supplier<Allocator> allocator;
    private final TaskExecutor tasks;
    /** Reserve mode: the admin chose the status; until then it follows the address (reserved, dhcp in a DHCP pool). */
    private boolean statusPicked;
    private boolean settingStatus;
    private final String baseHeader;

    private AddressDialogViewModel(Supplier<Allocator> allocator, TaskExecutor tasks, Mode mode, Subnet subnet,
                                   Optional<Address> held, String prefilled) {
        super(allocator, tasks, switch (mode) {
            case RESERVE -> "Reserve address";
            case EDIT -> "Edit address";
            case ALLOCATE_NEXT -> "Allocate next address";
        }, mode == Mode.RESERVE ? "Reserve" : "Save");
        this.allocator = allocator;
        this.tasks = tasks;
        this.mode = mode;
        this.subnet = subnet;
        this.held = held;
        ip.set(held.map(a -> a.ip().toString()).orElse(prefilled));
        held.ifPresent(a -> details.fill(a.details()));
        if (mode == Mode.RESERVE) {
            // a reservation is "reserved" unless the admin says otherwise
            details.statusProperty().set(AddressStatus.RESERVED);
            details.statusProperty().addListener((property, before, now) -> statusPicked |= !settingStatus);
        }
        String where = named(subnet);
        baseHeader = switch (mode) {
            case RESERVE -> "Reserve an address in " + where;
            case EDIT -> "Edit " + held.orElseThrow().ip() + " in " + where;
            case ALLOCATE_NEXT -> "Allocated " + held.orElseThrow().ip() + " in " + where + " for you";
        };
        setHeader(baseHeader);
        watch(ip);
        watch(details.inputs());
        revalidate();
    }

    /** A dialog that reserves an address typed by the admin; {@code prefilled} (a free cell of the grid) may be given. */
    public static AddressDialogViewModel reserve(Supplier<Allocator> allocator, TaskExecutor tasks, Subnet subnet,
                                                 Optional<Ip> prefilled) {
        return new AddressDialogViewModel(allocator, tasks, Mode.RESERVE, subnet, Optional.empty(),
                prefilled.map(Ip::toString).orElse(""));
    }

    /** A dialog that changes the details of a held address. */
    public static AddressDialogViewModel edit(Supplier<Allocator> allocator, TaskExecutor tasks, Subnet subnet,
                                              Address address) {
        return new AddressDialogViewModel(allocator, tasks, Mode.EDIT, subnet, Optional.of(address), "");
    }

    /**
     * Takes the lowest free address of the subnet (on the executor) and hands the dialog holding it to
     * {@code onHeld}; the caller shows it. When the subnet is full, {@code onRefused} gets the allocator's message
     * ("10.10.2.0/24 in dc1 has no free address left") and no dialog is made.
     */
    public static void allocateNext(Supplier<Allocator> allocator, TaskExecutor tasks, Subnet subnet,
                                    Consumer<AddressDialogViewModel> onHeld, Consumer<String> onRefused) {
        tasks.submit(() -> allocator.get().allocateNext(subnet.id(), 1, Strategy.FIRST,
                        AddressDetails.of(AddressStatus.ALLOCATED)).get(0),
                taken -> onHeld.accept(new AddressDialogViewModel(allocator, tasks, Mode.ALLOCATE_NEXT, subnet,
                        Optional.of(taken), "")),
                problem -> onRefused.accept(Messages.of(problem)));
    }

    // ================================================================= state

    public Mode mode() {
        return mode;
    }

    public Subnet subnet() {
        return subnet;
    }

    /** The address typed (reserve) or held (edit, allocate next). */
    public StringProperty ipProperty() {
        return ip;
    }

    /** Only a reservation lets the admin type the address. */
    public boolean isIpEditable() {
        return mode == Mode.RESERVE;
    }

    public ReadOnlyStringProperty ipErrorProperty() {
        return ipError.getReadOnlyProperty();
    }

    /** The status, host name, MAC, owner and description fields. */
    public DetailsFields details() {
        return details;
    }

    /** The statuses the admin may choose. */
    public List<AddressStatus> statuses() {
        return List.of(AddressStatus.values());
    }

    /** True once a save was refused because the database changed since the dialog checked it: refresh the grid. */
    public ReadOnlyBooleanProperty databaseChangedProperty() {
        return databaseChanged.getReadOnlyProperty();
    }

    /** True once the address held for an allocate-next dialog was given back by {@link #cancel()}. */
    public ReadOnlyBooleanProperty givenBackProperty() {
        return givenBack.getReadOnlyProperty();
    }

    // ================================================================= commands

    /**
     * The dialog was closed without saving (Cancel, Escape, the window's close button). In allocate-next mode the
     * held address is given back (once); in the other modes nothing happens.
     */
    public void cancel() {
        if (mode != Mode.ALLOCATE_NEXT || savedProperty().get() != null || givenBack.get()) {
            return;
        }
        givenBack.set(true);
        Ip taken = held.orElseThrow().ip();
        tasks.submit(() -> allocator.get().release(subnet.id(), taken), released -> {
        }, problem -> {
            givenBack.set(false);
            setError(Messages.of(problem));
        });
    }

    // ================================================================= checks

    @Override
    protected Rehearsal checkLocally() {
        ipError.set("");
        Optional<AddressDetails> typed = details.check(false, true);
        setError(details.textError.get());
        Ip address = null;
        String text = text(ip);
        if (text.isEmpty()) {
            ipError.set(touched(ip) ? "Enter an address of " + subnet.cidr() : "");
        } else {
            address = parse(text, Ip::parse, ipError);
        }
        if (address == null || typed.isEmpty()) {
            return null;
        }
        Ip checked = address;
        AddressDetails wanted = typed.get();
        if (mode == Mode.RESERVE) {
            boolean follow = !statusPicked;
            return a -> {
                // until the admin picks a status, an address in a DHCP pool is recorded as a DHCP lease (the only
                // status allowed there) and any other as reserved: the dialog opens valid on any free cell
                Optional<AddressRange> pool = follow ? dhcpPool(a.ranges(subnet.id()), checked) : Optional.empty();
                AddressDetails effective = follow
                        ? wanted.withStatus(pool.isPresent() ? AddressStatus.DHCP : AddressStatus.RESERVED) : wanted;
                Optional<String> problem = a.checkReserve(subnet.id(), checked, effective);
                return () -> {
                    if (follow) {
                        followPool(checked, pool, effective.status());
                    }
                    problem.ifPresent(this::showProblem);
                    return problem.isEmpty();
                };
            };
        }
        return a -> {
            Optional<String> problem = dhcpProblem(a.ranges(subnet.id()), checked, wanted.status());
            return () -> {
                problem.ifPresent(this::showProblem);
                return problem.isEmpty();
            };
        };
    }

    private static Optional<AddressRange> dhcpPool(List<AddressRange> ranges, Ip ip) {
        return ranges.stream().filter(r -> r.kind() == RangeKind.DHCP && r.range().contains(ip)).findFirst();
    }

    /** Sets the status the address calls for (not counted as the admin's pick) and says why in the header. */
    private void followPool(Ip address, Optional<AddressRange> pool, AddressStatus status) {
        setHeader(pool.map(r -> baseHeader + "\n" + address + " is in the DHCP pool"
                + (r.description().isEmpty() ? " " + r.range() : " '" + r.description() + "'")
                + ": recorded as a DHCP lease").orElse(baseHeader));
        if (details.statusProperty().get() != status) {
            settingStatus = true;
            try {
                details.statusProperty().set(status);
            } finally {
                settingStatus = false;
            }
        }
    }

    /** The allocator's DHCP rule for a held address whose status changes (update has no rehearsal of its own). */
    private static Optional<String> dhcpProblem(List<AddressRange> ranges, Ip ip, AddressStatus status) {
        if (status == AddressStatus.DHCP) {
            return Optional.empty();
        }
        return ranges.stream().filter(r -> r.kind() == RangeKind.DHCP && r.range().contains(ip)).findFirst()
                .map(r -> ip + " lies in the DHCP pool " + r.range()
                        + (r.description().isEmpty() ? "" : " (" + r.description() + ")")
                        + "; only status dhcp may be recorded there");
    }

    private void showProblem(String message) {
        if (!details.showAtField(message)) {
            ipError.set(Messages.sentence(message));
        }
    }

    @Override
    protected Function<Allocator, AddressResult> saveCommand() {
        Ip address = Ip.parse(text(ip));
        AddressDetails wanted = details.check(false, true).orElseThrow();
        String where = " in " + subnet.label();
        return switch (mode) {
            case RESERVE -> a -> {
                Address taken = a.reserve(subnet.id(), address, wanted);
                return new AddressResult(List.of(taken),
                        Undoables.taken("Reserve " + address + where, List.of(subnet), List.of(taken)),
                        "Reserved " + AddressResult.named(taken) + where);
            };
            case EDIT -> a -> {
                Address read = held.orElseThrow();
                Address after = a.update(read, wanted);
                return new AddressResult(List.of(after),
                        Undoables.updated("Edit " + address + where, subnet, read, after),
                        "Saved " + AddressResult.named(after) + where);
            };
            case ALLOCATE_NEXT -> a -> {
                Address after = a.update(held.orElseThrow(), wanted);
                return new AddressResult(List.of(after),
                        Undoables.taken("Allocate " + address + where, List.of(subnet), List.of(after)),
                        "Allocated " + AddressResult.named(after) + where);
            };
        };
    }

    @Override
    protected void reloadAfterCrossedEdit(String message) {
        databaseChanged.set(true);
        Address read = held.orElseThrow();
        reload(message, a -> a.address(read.subnetId(), read.ip()), fresh -> {
            held = Optional.of(fresh);
            details.fill(fresh.details());
        });
    }

    @Override
    protected boolean showAtField(String message) {
        // the input passed every check, so a refusal means the database changed since: the caller refreshes
        databaseChanged.set(true);
        showProblem(message);
        return true;
    }

    /** "10.10.1.0/24 'Web tier' in dc1". */
    static String named(Subnet subnet) {
        return subnet.cidr() + (subnet.name().isEmpty() ? "" : " '" + subnet.name() + "'") + " in " + subnet.networkName();
    }
}
