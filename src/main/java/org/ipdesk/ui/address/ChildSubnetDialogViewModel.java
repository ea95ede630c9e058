package org.ipdesk.ui.address;

import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.ipdesk.address.Cidr;
import org.ipdesk.address.IpVersion;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.model.Subnet;
import org.ipdesk.ui.TaskExecutor;
import org.ipdesk.ui.edit.EditDialogViewModel;
import org.ipdesk.ui.edit.Messages;
import org.ipdesk.ui.undo.Undoables;

/**
 * The child-subnet dialog: carves the next free block of a chosen prefix length out of a subnet (best fit, by
 * {@link Allocator#createNextFreeChild}) and names it. The prefix lengths offered run from the parent's + 1 to
 * /30 for IPv4, and to /64 (then /127 for point-to-point links) for IPv6. When no block of that size is free the
 * allocator's message shows at the prefix length and the dialog stays open.
 */
public final class ChildSubnetDialogViewModel extends EditDialogViewModel<ChildSubnetResult> {

    private final Subnet parent;
    private final ObservableList<Integer> prefixes = FXCollections.observableArrayList();
    private final ObjectProperty<Integer> prefix = new SimpleObjectProperty<>();
    private final StringProperty name = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper prefixError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper prefixInfo = new ReadOnlyStringWrapper("");

    public ChildSubnetDialogViewModel(Supplier<Allocator> allocator, TaskExecutor tasks, Subnet parent) {
        super(allocator, tasks, "New child subnet", "Create");
        this.parent = parent;
        prefixes.setAll(prefixChoices(parent.cidr()));
        if (!prefixes.isEmpty()) {
            int preferred = Math.min(parent.cidr().prefixLength() + 8, prefixes.get(prefixes.size() - 1));
            prefix.set(prefixes.contains(preferred) ? preferred : prefixes.get(0));
        }
        setHeader("New child subnet of " + AddressDialogViewModel.named(parent));
        watch(prefix, name);
        revalidate();
    }

    /** Parent + 1 to /30 for IPv4; parent + 1 to /64, and /127, for IPv6. */
    static java.util.List<Integer> prefixChoices(Cidr parent) {
        java.util.List<Integer> choices = new java.util.ArrayList<>();
        int longest = parent.version() == IpVersion.V4 ? 30 : 64;
        for (int p = parent.prefixLength() + 1; p <= longest; p++) {
            choices.add(p);
        }
        if (parent.version() == IpVersion.V6 && parent.prefixLength() < 127) {
            choices.add(127);
        }
        return choices;
    }

    public Subnet parent() {
        return parent;
    }

    public ObservableList<Integer> prefixes() {
        return prefixes;
    }

    public ObjectProperty<Integer> prefixProperty() {
        return prefix;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public ReadOnlyStringProperty prefixErrorProperty() {
        return prefixError.getReadOnlyProperty();
    }

    /** "A /24 holds 254 usable addresses". */
    public ReadOnlyStringProperty prefixInfoProperty() {
        return prefixInfo.getReadOnlyProperty();
    }

    @Override
    protected Rehearsal checkLocally() {
        prefixError.set("");
        prefixInfo.set("");
        if (prefixes.isEmpty()) {
            prefixError.set(parent.cidr() + " is too small to hold a child subnet");
            return null;
        }
        if (prefix.get() == null) {
            prefixError.set("Choose a prefix length");
            return null;
        }
        Cidr sample = new Cidr(parent.cidr().network(), prefix.get());
        prefixInfo.set("A /" + prefix.get() + " holds " + sample.usableCount() + " usable addresses");
        // where the block goes is the allocator's choice at the save; a full parent is reported then
        return a -> () -> true;
    }

    @Override
    protected Function<Allocator, ChildSubnetResult> saveCommand() {
        int length = prefix.get();
        String childName = text(name);
        return a -> {
            Subnet child = a.createNextFreeChild(parent.networkName(), parent.cidr(), length, childName);
            return new ChildSubnetResult(child,
                    Undoables.subnetCreated("Create subnet " + child.cidr() + " in " + child.networkName(), child),
                    "Created subnet " + AddressDialogViewModel.named(child) + " in " + parent.cidr());
        };
    }

    @Override
    protected boolean showAtField(String message) {
        prefixInfo.set("");
        prefixError.set(Messages.sentence(message));
        return true;
    }
}
