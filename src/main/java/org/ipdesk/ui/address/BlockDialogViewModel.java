package org.ipdesk.ui.address;

import java.math.BigInteger;
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
import org.ipdesk.model.Address;
import org.ipdesk.model.AddressDetails;
import org.ipdesk.model.AddressStatus;
import org.ipdesk.model.Subnet;
import org.ipdesk.ui.TaskExecutor;
import org.ipdesk.ui.edit.EditDialogViewModel;
import org.ipdesk.ui.undo.Undoables;

/**
 * The block dialog: N contiguous addresses of a subnet (the lowest run that fits, as
 * {@link Allocator#allocateBlock} takes it), all with the same details. While typing, the run that would be taken
 * is shown, or why there is none.
 */
public final class BlockDialogViewModel extends EditDialogViewModel<AddressResult> {

    /** The most addresses one block takes through the dialog. */
    static final int MAX_COUNT = 4096;

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
                n = Integer.parseInt(text);
                if (n < 1 || n > MAX_COUNT) {
                    countError.set("A block holds from 1 to " + MAX_COUNT + " addresses, not " + n);
                    n = null;
                }
            } catch (NumberFormatException e) {
                countError.set("'" + text + "' is not a number of addresses");
            }
        }
        if (n == null || typed.isEmpty()) {
            return null;
        }
        int wanted = n;
        return a -> {
            BigInteger size = BigInteger.valueOf(wanted);
            Optional<IpRange> run = a.freeExtents(subnet.id()).stream()
                    .filter(e -> e.size().compareTo(size) >= 0).findFirst()
                    .map(e -> new IpRange(e.start(), e.start().plus(wanted - 1L)));
            return () -> {
                run.ifPresentOrElse(r -> placement.set("Takes " + (wanted == 1 ? r.start() : r)),
                        () -> countError.set(subnet.label() + " has no run of " + wanted + " contiguous free addresses"));
                return run.isPresent();
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
            countError.set(org.ipdesk.ui.edit.Messages.sentence(message));
        }
        return true;
    }
}
