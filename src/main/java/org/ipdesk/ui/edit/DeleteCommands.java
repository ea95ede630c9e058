package org.ipdesk.ui.edit;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.model.Address;
import org.ipdesk.model.AddressRange;
import org.ipdesk.model.Network;
import org.ipdesk.model.RangeKind;
import org.ipdesk.model.Subnet;
import org.ipdesk.ui.DialogService;
import org.ipdesk.ui.TaskExecutor;
import org.ipdesk.ui.undo.Undoable;
import org.ipdesk.ui.undo.Undoables;

/**
 * The delete commands of the main window. Each reads what the delete would take on the background executor, asks
 * through the {@link DialogService} (saying how many addresses go with a subnet), deletes on the executor, and
 * then hands a status line such as "Deleted subnet 10.0.0.0/24 (12 addresses)" to the caller, who refreshes.
 * A refusal or failure is shown with {@link DialogService#showError}; the database is then unchanged.
 */
public final class DeleteCommands {

    private final Supplier<Allocator> allocator;
    private final TaskExecutor tasks;
    private final DialogService dialogs;

    public DeleteCommands(Supplier<Allocator> allocator, TaskExecutor tasks, DialogService dialogs) {
        this.allocator = allocator;
        this.tasks = tasks;
        this.dialogs = dialogs;
    }

    /** What deleting a subnet takes with it. */
    private record Impact(long addresses, int ranges, int children, Optional<Subnet> parent) {
    }

    /** Asks (naming how many addresses it holds), then deletes the subnet with its ranges and addresses; its children move up. */
    public void deleteSubnet(Subnet subnet, BiConsumer<String, Undoable> onDeleted) {
        String title = "Delete subnet";
        run(title, () -> {
            Allocator a = allocator.get();
            List<Subnet> children = a.subnets(subnet.networkName()).stream()
                    .filter(s -> s.parentId().equals(OptionalLong.of(subnet.id()))).toList();
            Optional<Subnet> parent = subnet.parentId().isPresent()
                    ? Optional.of(a.subnet(subnet.parentId().getAsLong())) : Optional.empty();
            return new Impact(a.heldAddressCount(subnet.id()), a.ranges(subnet.id()).size(), children.size(), parent);
        }, impact -> {
            if (dialogs.confirm(title, subnetQuestion(subnet, impact), "Delete")) {
                run(title, () -> {
                    // what the subnet holds, read in the job that deletes it, so an undo can bring it all back
                    Allocator a = allocator.get();
                    List<AddressRange> ranges = a.ranges(subnet.id());
                    List<Address> held = a.addresses(subnet.id());
                    a.deleteSubnet(subnet.id());
                    return Undoables.subnetDeleted("Delete subnet " + subnet.label(), subnet, ranges, held);
                }, undo -> onDeleted.accept("Deleted subnet " + subnet.cidr() + " (" + addresses(impact.addresses())
                        + ")", undo));
            }
        });
    }

    private static String subnetQuestion(Subnet subnet, Impact impact) {
        StringBuilder text = new StringBuilder("Delete subnet ").append(SubnetDialogViewModel.named(subnet)).append("?\n\n");
        long held = impact.addresses();
        text.append(held == 0 ? "It holds no addresses."
                : "It holds " + addresses(held) + (held == 1 ? ", which is" : ", which are") + " deleted with it.");
        if (impact.ranges() == 1) {
            text.append(" Its DHCP or reserved range goes too.");
        } else if (impact.ranges() > 1) {
            text.append(" Its ").append(impact.ranges()).append(" DHCP and reserved ranges go too.");
        }
        if (impact.children() > 0) {
            String parent = impact.parent().map(p -> p.cidr().toString()).orElse("the top level");
            text.append(impact.children() == 1 ? " Its child subnet moves" : " Its " + impact.children() + " child subnets move")
                    .append(" up to ").append(parent).append(impact.children() == 1 ? " and keeps its addresses." : " and keep their addresses.");
        }
        return text.toString();
    }

    /** Asks, then deletes an empty network; a network that still has subnets is refused with the engine's message. */
    public void deleteNetwork(Network network, BiConsumer<String, Undoable> onDeleted) {
        String title = "Delete network";
        Runnable delete = () -> run(title, () -> {
            allocator.get().deleteNetwork(network.name());
            return network;
        }, deleted -> onDeleted.accept("Deleted network " + deleted.name(),
                Undoables.networkDeleted("Delete network " + deleted.name(), deleted)));
        run(title, () -> allocator.get().subnets(network.name()).size(), subnets -> {
            if (subnets > 0) {
                delete.run(); // the engine refuses, naming how many subnets are left; nothing changes
            } else if (dialogs.confirm(title, "Delete network '" + network.name() + "'?\n\nIt has no subnets.", "Delete")) {
                delete.run();
            }
        });
    }

    /** Asks, then deletes a DHCP pool or reserved range; the addresses in it stay as they are. */
    public void deleteRange(Subnet subnet, AddressRange range, BiConsumer<String, Undoable> onDeleted) {
        String title = "Delete range";
        String what = (range.kind() == RangeKind.DHCP ? "DHCP pool " : "reserved range ") + range.range();
        String question = "Delete the " + what + (range.description().isEmpty() ? "" : " (" + range.description() + ")")
                + "?\n\nAddresses already held in it stay as they are.";
        if (dialogs.confirm(title, question, "Delete")) {
            run(title, () -> {
                allocator.get().deleteRange(range.id());
                return range;
            }, deleted -> onDeleted.accept("Deleted " + what,
                    Undoables.rangeDeleted("Delete " + what + " of " + subnet.label(), subnet, deleted)));
        }
    }

    private <T> void run(String title, Callable<T> work, Consumer<T> then) {
        tasks.submit(work, then, problem -> dialogs.showError(title.replace("Delete", "Cannot delete"), Messages.of(problem)));
    }

    private static String addresses(long n) {
        return n + (n == 1 ? " address" : " addresses");
    }
}
