package org.ipdesk.ui.main;

import java.util.Optional;
import java.util.function.Supplier;
import org.ipdesk.address.Ip;
import org.ipdesk.address.IpRange;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.model.Subnet;
import org.ipdesk.ui.DialogService;
import org.ipdesk.ui.TaskExecutor;
import org.ipdesk.ui.address.AddressDialogViewModel;
import org.ipdesk.ui.address.AddressResult;
import org.ipdesk.ui.address.BlockDialogViewModel;
import org.ipdesk.ui.address.ChildSubnetDialogViewModel;
import org.ipdesk.ui.address.PairDialogViewModel;
import org.ipdesk.ui.address.ReleaseCommands;
import org.ipdesk.ui.grid.AddressGridViewModel;
import org.ipdesk.ui.grid.GridContent;
import org.ipdesk.ui.undo.Undoable;

/**
 * The Address menu's commands (reserve, edit, allocate next, block, dual-stack pair, release, child subnet) on the
 * subnet shown in the grid; what they do to the window afterwards goes through {@link CommandHost}.
 */
public final class AddressCommands {

    private final Supplier<Allocator> allocator;
    private final TaskExecutor tasks;
    private final DialogService dialogs;
    private final AddressGridViewModel grid;
    private final ReleaseCommands releases;
    private final CommandHost host;
    /** The address dialog on screen, if any: an allocate-next one holds an address until it closes. */
    private AddressDialogViewModel open;

    public AddressCommands(Supplier<Allocator> allocator, TaskExecutor tasks, DialogService dialogs,
            AddressGridViewModel grid, CommandHost host) {
        this.allocator = allocator;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.grid = grid;
        this.releases = new ReleaseCommands(allocator, tasks, dialogs);
        this.host = host;
    }

    /**
     * The grid's activate (double-click or Enter on an address cell): edit the address held there, or reserve
     * it when it is free.
     */
    public void activate(Ip ip) {
        Optional<Subnet> subnet = gridSubnet();
        if (subnet.isEmpty()) {
            return;
        }
        long subnetId = subnet.get().id();
        tasks.submit(() -> allocator.get().address(subnetId, ip), held -> held.ifPresentOrElse(
                        address -> showAddressDialog(AddressDialogViewModel.edit(allocator, tasks, subnet.get(),
                                address)),
                        () -> showAddressDialog(AddressDialogViewModel.reserve(allocator, tasks, subnet.get(),
                                Optional.of(ip)))),
                problem -> host.report("Cannot read " + ip + ": " + Problems.message(problem), true));
    }

    /** Address → Reserve…: a specific address of the selected subnet, prefilled with the selected cell. */
    public void reserveAddress() {
        requireSubnet("reserve an address").ifPresent(subnet -> showAddressDialog(
                AddressDialogViewModel.reserve(allocator, tasks, subnet, caretIp())));
    }

    /** Address → Edit… (the selected cell): its details, or a reservation when it is free. */
    public void editAddress() {
        caretIp().ifPresentOrElse(this::activate, () -> host.report("Select an address in the grid first", true));
    }

    /**
     * Address → Allocate next free (Ctrl+N): the allocator takes the lowest free address and holds it while the
     * dialog is open; Cancel gives it back.
     */
    public void allocateNext() {
        requireSubnet("allocate an address").ifPresent(subnet -> AddressDialogViewModel.allocateNext(allocator,
                tasks, subnet, this::showAddressDialog, refusal -> host.report(refusal, true)));
    }

    /** Address → Allocate block…: N contiguous addresses, first fit. */
    public void allocateBlock() {
        requireSubnet("allocate a block").ifPresent(subnet -> dialogs.allocateBlock(
                new BlockDialogViewModel(allocator, tasks, subnet)).ifPresent(this::addressesDone));
    }

    /** Address → Allocate dual-stack pair…: one IPv4 and one IPv6 address for one host name, both or neither. */
    public void allocatePair() {
        dialogs.allocatePair(new PairDialogViewModel(allocator, tasks, host.selectedSubnet()))
                .ifPresent(this::addressesDone);
    }

    /** Address → Release… (Delete): the selected address, or every address held in the selected cells. */
    public void releaseSelection() {
        Optional<Subnet> subnet = gridSubnet();
        IpRange cells = grid.selectionProperty().get();
        if (subnet.isEmpty() || cells == null || !(grid.getContent() instanceof GridContent.Addresses)) {
            host.report("Select the address(es) to release in the grid first", true);
            return;
        }
        releases.releaseRange(subnet.get(), cells, status -> host.report(status, false), host::recorded);
    }

    /** Release of addresses picked one by one (the address table's selected rows) in the grid's subnet. */
    public void release(java.util.List<Ip> ips) {
        Optional<Subnet> subnet = gridSubnet();
        if (subnet.isEmpty() || ips.isEmpty()) {
            host.report("Select the address(es) to release first", true);
            return;
        }
        releases.releaseAll(subnet.get(), ips, status -> host.report(status, false), host::recorded);
    }

    /** Subnet → New child subnet from the next free block…: the best-fitting free block of a chosen size. */
    public void newChildSubnet() {
        requireSubnet("create a child subnet").ifPresent(parent -> dialogs.createChildSubnet(
                new ChildSubnetDialogViewModel(allocator, tasks, parent)).ifPresent(
                        result -> host.done("s:" + result.subnet().id(), result.summary(), result.undoable())));
    }

    /**
     * The window is closing: an allocate-next dialog still open gives its held address back (queued before the
     * database closes), as its Cancel would.
     */
    public void givePendingBack() {
        if (open != null) {
            open.cancel();
        }
    }

    private void showAddressDialog(AddressDialogViewModel dialog) {
        Optional<AddressResult> result;
        open = dialog;
        try {
            result = dialogs.editAddress(dialog);
        } finally {
            open = null;
        }
        if (result.isPresent()) {
            addressesDone(result.get());
        } else if (dialog.databaseChangedProperty().get() || dialog.mode() == AddressDialogViewModel.Mode.ALLOCATE_NEXT) {
            // another process took the address meanwhile, or the held address went back: show the file as it is
            host.reload();
        }
    }

    private void addressesDone(AddressResult result) {
        Optional<Subnet> shown = gridSubnet();
        host.done(null, result.summary(), result.undoable());
        // the grid selects the (first) address made in the subnet it shows, and the details pane follows it
        shown.ifPresent(subnet -> result.addresses().stream().filter(a -> a.subnetId() == subnet.id()).findFirst()
                .ifPresent(made -> grid.showAddress(subnet, made.ip())));
    }

    /** The subnet shown in the grid, or a report saying what needs one. */
    private Optional<Subnet> requireSubnet(String what) {
        Optional<Subnet> subnet = gridSubnet();
        if (subnet.isEmpty()) {
            host.report("Select a subnet first to " + what, true);
        }
        return subnet;
    }

    private Optional<Subnet> gridSubnet() {
        GridContent content = grid.getContent();
        return content == null ? host.selectedSubnet() : Optional.of(content.subnet());
    }

    private Optional<Ip> caretIp() {
        int caret = grid.caretProperty().get();
        return caret >= 0 && grid.getContent() instanceof GridContent.Addresses cells && caret < cells.size()
                ? Optional.of(cells.ip(caret)) : Optional.empty();
    }
}
