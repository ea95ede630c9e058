package org.ipdesk.ui.address;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.ipdesk.address.IpRange;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.allocator.AllocatorException;
import org.ipdesk.model.Address;
import org.ipdesk.model.AddressDetails;
import org.ipdesk.model.AddressStatus;
import org.ipdesk.model.Subnet;
import org.ipdesk.ui.TaskExecutor;
import org.ipdesk.ui.edit.EditDialogViewModel;
import org.ipdesk.ui.edit.Messages;
import org.ipdesk.ui.undo.Undoables;

/**
 * The block dialog: N contiguous addresses of a subnet (the lowest run that fits, as
 * {@link Allocator#allocateBlock} takes it), all with the same details. While typing, the run that would be taken
 * is shown, or why there is none, in the allocator's own words ({@link Allocator#blockPlacement}): the same free-space
 * check and the same cap ({@link Allocator#MAX_ADDRESSES_PER_COMMAND}) as {@code ipdesk ip block}.
 */
public final class BlockDialogViewModel extends EditDialogViewModel<AddressResult> {

    private final Subnet subnet;
    private final StringProperty count = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper countError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper placement = new ReadOnlyStringWrapper("");
    private final DetailsFields details = new DetailsFields();

    public BlockDialogViewModel(Supplier<Allocator> allocator, TaskExecutor tasks, Subnet subnet) {
        super(allocator, tasks, "Allocate block", "Allocate");
        this.subnet = subnet;
        details.statusProperty().set(AddressStatus.RESERVED);
        setHeader("Allocate contiguous addresses in " + AddressDialogViewModel.named(subnet));
        watch(count);
        watch(details.inputs());
        revalidate();
    }

    public Subnet subnet() {
        return subnet;
    }

    /** How many addresses, as typed. */
    public StringProperty countProperty() {
        return count;
    }

    public ReadOnlyStringProperty countErrorProperty() {
        return countError.getReadOnlyProperty();
    }

    /** The run the block would take now: "Takes 10.10.1.13-10.10.1.20"; empty while unknown. */
    public ReadOnlyStringProperty placementProperty() {
        return placement.getReadOnlyProperty();
    }

    public DetailsFields details() {
        return details;
    }

    public List<AddressStatus> statuses() {
        return List.of(AddressStatus.values());
    }

    @Override
    protected Rehearsal checkLocally() {
        countError.set("");
        placement.set("");
        Optional<AddressDetails> typed = details.check(false, true);
        setError(details.textError.get());
        String text = text(count);
        Integer n = null;
        if (text.isEmpty()) {
            countError.set(touched(count) ? "Enter how many addresses the block holds" : "");
        } else {
            try {
                if (!text.matches("[0-9]{1,10}")) {
                    throw new NumberFormatException(); // Integer.parseInt reads Unicode digits too
                }
                n = Integer.parseInt(text);
            } catch (NumberFormatException e) {
                countError.set("'" + text + "' is not a number of addresses");
            }
        }
        if (n == null || typed.isEmpty()) {
            return null;
        }
        int wanted = n;
        return a -> {
            // the allocator's own check: the count bounds, the free space, the per-command cap and the run
            IpRange run;
            try {
                run = a.blockPlacement(subnet.id(), wanted);
            } catch (AllocatorException refused) {
                String message = Messages.sentence(refused.getMessage());
                return () -> {
                    countError.set(message);
                    return false;
                };
            }
            return () -> {
                placement.set("Takes " + (wanted == 1 ? run.start() : run));
                return true;
            };
        };
    }

    @Override
    protected Function<Allocator, AddressResult> saveCommand() {
        int n = Integer.parseInt(text(count));
        AddressDetails shared = details.check(false, true).orElseThrow();
        return a -> {
            List<Address> taken = a.allocateBlock(subnet.id(), n, shared);
            IpRange run = new IpRange(taken.get(0).ip(), taken.get(taken.size() - 1).ip());
            String what = (n == 1 ? run.start().toString() : run.toString()) + " in " + subnet.label();
            return new AddressResult(taken, Undoables.taken("Allocate block " + what, List.of(subnet), taken),
                    "Allocated " + n + (n == 1 ? " address: " : " addresses: ") + what);
        };
    }

    @Override
    protected boolean showAtField(String message) {
        if (!details.showAtField(message)) {
            countError.set(Messages.sentence(message));
        }
        return true;
    }
}
