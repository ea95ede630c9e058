package org.ipdesk.ui.main;

import java.util.Optional;
import java.util.function.Supplier;
import org.ipdesk.address.Ip;
import org.ipdesk.address.IpRange;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.model.Network;
import org.ipdesk.model.Subnet;
import org.ipdesk.ui.DialogService;
import org.ipdesk.ui.TaskExecutor;
import org.ipdesk.ui.edit.DeleteCommands;
import org.ipdesk.ui.edit.NetworkDialogViewModel;
import org.ipdesk.ui.edit.RangeDialogViewModel;
import org.ipdesk.ui.edit.SubnetDialogViewModel;
import org.ipdesk.ui.grid.AddressGridViewModel;
import org.ipdesk.ui.grid.GridContent;
import org.ipdesk.ui.undo.Undoables;

/**
 * The Edit menu's commands on networks, subnets and ranges (new, edit, delete) for the selected tree row and the
 * grid's selection; what they do to the window afterwards goes through {@link CommandHost}.
 */
public final class EditCommands {

    private final Supplier<Allocator> allocator;
    private final TaskExecutor tasks;
    private final DialogService dialogs;
    private final NetworkTreeViewModel tree;
    private final SelectionState selection;
    private final AddressGridViewModel grid;
    private final DeleteCommands deletes;
    private final CommandHost host;

    public EditCommands(Supplier<Allocator> allocator, TaskExecutor tasks, DialogService dialogs,
            NetworkTreeViewModel tree, SelectionState selection, AddressGridViewModel grid, CommandHost host) {
        this.allocator = allocator;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.tree = tree;
        this.selection = selection;
        this.grid = grid;
        this.deletes = new DeleteCommands(allocator, tasks, dialogs);
        this.host = host;
    }

    /** Edit → New network: the network dialog; the new network is selected. */
    public void newNetwork() {
        dialogs.editNetwork(NetworkDialogViewModel.create(allocator, tasks))
                .ifPresent(network -> host.done("n:" + network.id(), "Created network " + network.name(),
                        Undoables.networkCreated("Create network " + network.name(), network)));
    }

    /**
     * Edit → New subnet: the subnet dialog, in the network of the selected row (or the first network), with the
     * grid's selection as a suggestion when it is a block of a block map; the new subnet is selected.
     */
    public void newSubnet() {
        if (tree.networks().isEmpty()) {
            host.report("Create a network first: a subnet belongs to a network", true);
            return;
        }
        TreeRow row = selection.get();
        String network = (row == null ? tree.networks().get(0) : row).network().name();
        dialogs.editSubnet(SubnetDialogViewModel.create(allocator, tasks, network, suggestedCidr()))
                .ifPresent(subnet -> host.done("s:" + subnet.id(), "Created subnet " + subnet.label(),
                        Undoables.subnetCreated("Create subnet " + subnet.label(), subnet)));
    }

    /** Edit → New range: a DHCP pool or reserved range in the selected subnet, from the grid's selection. */
    public void newRange() {
        Optional<Subnet> subnet = selection.subnet();
        if (subnet.isEmpty()) {
            host.report("Select a subnet first: a range belongs to a subnet", true);
            return;
        }
        Optional<IpRange> cells = grid.getContent() instanceof GridContent.Addresses
                ? Optional.ofNullable(grid.selectionProperty().get()) : Optional.empty();
        dialogs.editRange(new RangeDialogViewModel(allocator, tasks, subnet.get(), cells))
                .ifPresent(range -> {
                    String what = RangeDialogViewModel.kindLabel(range.kind()) + " " + range.range();
                    host.done(null, "Added " + what + " to " + subnet.get().label(),
                            Undoables.rangeAdded("Add " + what + " to " + subnet.get().label(), subnet.get(), range));
                });
    }

    /** Edit → Edit: the dialog of the selected network or subnet. */
    public void editSelected() {
        TreeRow row = selection.get();
        if (row == null) {
            return;
        }
        if (row.subnet().isPresent()) {
            SubnetDialogViewModel dialog = SubnetDialogViewModel.edit(allocator, tasks, row.subnet().get());
            dialogs.editSubnet(dialog)
                    .ifPresent(subnet -> host.done(null, "Saved subnet " + subnet.label(),
                            Undoables.subnetUpdated("Edit subnet " + subnet.label(), dialog.edited().orElseThrow(),
                                    subnet)));
        } else {
            NetworkDialogViewModel dialog = NetworkDialogViewModel.edit(allocator, tasks, row.network());
            dialogs.editNetwork(dialog)
                    .ifPresent(network -> host.done("n:" + network.id(), "Saved network " + network.name(),
                            Undoables.networkUpdated("Edit network " + network.name(),
                                    dialog.edited().orElseThrow(), network)));
        }
    }

    /** Edit → Delete: the selected subnet (asking first, with its address count) or network. */
    public void deleteSelected() {
        TreeRow row = selection.get();
        if (row == null) {
            return;
        }
        if (row.subnet().isPresent()) {
            deletes.deleteSubnet(row.subnet().get(), (message, undo) -> host.done(null, message, undo));
        } else {
            deletes.deleteNetwork(row.network(), (message, undo) -> host.done(null, message, undo));
        }
    }

    /** Edit → Delete range: the DHCP pool or reserved range under the grid's caret, after asking. */
    public void deleteRangeAtCaret() {
        Optional<Subnet> subnet = selection.subnet();
        int caret = grid.caretProperty().get();
        if (subnet.isEmpty() || caret < 0 || !(grid.getContent() instanceof GridContent.Addresses cells)) {
            host.report("Select an address of a DHCP pool or reserved range in the grid first", true);
            return;
        }
        Ip ip = cells.ip(caret);
        long subnetId = cells.subnet().id();
        tasks.submit(() -> allocator.get().ranges(subnetId).stream().filter(r -> r.range().contains(ip)).findFirst(),
                range -> range.ifPresentOrElse(r -> deletes.deleteRange(cells.subnet(), r,
                                (message, undo) -> host.done(null, message, undo)),
                        () -> host.report(ip + " is in no DHCP pool or reserved range", true)),
                problem -> host.report("Cannot read the ranges: " + Problems.message(problem), true));
    }

    /** Edit → Edit range: the DHCP pool or reserved range under the grid's caret, in the range dialog. */
    public void editRangeAtCaret() {
        Optional<Subnet> subnet = selection.subnet();
        int caret = grid.caretProperty().get();
        if (subnet.isEmpty() || caret < 0 || !(grid.getContent() instanceof GridContent.Addresses cells)) {
            host.report("Select an address of a DHCP pool or reserved range in the grid first", true);
            return;
        }
        Ip ip = cells.ip(caret);
        Subnet shown = cells.subnet();
        tasks.submit(() -> allocator.get().ranges(shown.id()).stream().filter(r -> r.range().contains(ip)).findFirst(),
                range -> range.ifPresentOrElse(read -> {
                            RangeDialogViewModel dialog = RangeDialogViewModel.edit(allocator, tasks, shown, read);
                            dialogs.editRange(dialog).ifPresent(after -> {
                                String what = RangeDialogViewModel.kindLabel(after.kind()) + " " + after.range();
                                host.done(null, "Saved " + what + " in " + shown.label(), Undoables.rangeUpdated(
                                        "Edit " + what + " in " + shown.label(), shown, dialog.edited().orElseThrow(),
                                        after));
                            });
                        },
                        () -> host.report(ip + " is in no DHCP pool or reserved range", true)),
                problem -> host.report("Cannot read the ranges: " + Problems.message(problem), true));
    }

    /** A block of a block map under the caret, as the CIDR a new subnet might take; else nothing. */
    private String suggestedCidr() {
        int caret = grid.caretProperty().get();
        if (caret >= 0 && grid.getContent() instanceof GridContent.Blocks blocks && caret < blocks.size()) {
            return blocks.block(caret).block().toString();
        }
        return "";
    }
}
