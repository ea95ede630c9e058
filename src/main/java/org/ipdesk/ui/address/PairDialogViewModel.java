package org.ipdesk.ui.address;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.ipdesk.address.IpVersion;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.allocator.GroupRequest;
import org.ipdesk.model.Address;
import org.ipdesk.model.AddressDetails;
import org.ipdesk.model.Subnet;
import org.ipdesk.ui.TaskExecutor;
import org.ipdesk.ui.edit.EditDialogViewModel;
import org.ipdesk.ui.edit.Messages;
import org.ipdesk.ui.undo.Undoables;

/**
 * The dual-stack dialog: one host gets the next free IPv4 address of one subnet and the next free IPv6 address of
 * another, as one all-or-nothing command ({@link Allocator#allocateGroup}). The host name is required. When one
 * side fails (its subnet is full) nothing is left behind and the allocator's message shows at that side's field.
 */
public final class PairDialogViewModel extends EditDialogViewModel<AddressResult> {

    private final ObservableList<Subnet> v4Subnets = FXCollections.observableArrayList();
    private final ObservableList<Subnet> v6Subnets = FXCollections.observableArrayList();
    private final ObjectProperty<Subnet> v4Subnet = new SimpleObjectProperty<>();
    private final ObjectProperty<Subnet> v6Subnet = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper v4Error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper v6Error = new ReadOnlyStringWrapper("");
    private final DetailsFields details = new DetailsFields();

    /** @param selected the subnet selected in the window, preselected on its side; empty for none */
    public PairDialogViewModel(Supplier<Allocator> allocator, TaskExecutor tasks, Optional<Subnet> selected) {
        super(allocator, tasks, "Allocate dual-stack pair", "Allocate");
        setHeader("Allocate an IPv4 and an IPv6 address for one host");
        watch(v4Subnet, v6Subnet);
        watch(details.inputs());
        load(Allocator::subnets, all -> {
            v4Subnets.setAll(all.stream().filter(s -> s.cidr().version() == IpVersion.V4).toList());
            v6Subnets.setAll(all.stream().filter(s -> s.cidr().version() == IpVersion.V6).toList());
            selected.ifPresent(s -> {
                Optional<Subnet> current = all.stream().filter(c -> c.id() == s.id()).findFirst();
                current.ifPresent(c -> {
                    boolean v4 = c.cidr().version() == IpVersion.V4;
                    (v4 ? v4Subnet : v6Subnet).set(c);
                    partner(c, v4 ? v6Subnets : v4Subnets).ifPresent(v4 ? v6Subnet::set : v4Subnet::set);
                });
            });
            revalidate();
        });
    }

    /**
     * The subnet of the other IP version that {@code subnet} pairs with: the one in the same network on the same
     * VLAN, else the only one in the same network; empty when that is not one subnet.
     */
    static Optional<Subnet> partner(Subnet subnet, List<Subnet> others) {
        List<Subnet> sameNetwork = others.stream().filter(o -> o.networkId() == subnet.networkId()).toList();
        if (subnet.vlan().isPresent()) {
            List<Subnet> sameVlan = sameNetwork.stream().filter(o -> o.vlan().equals(subnet.vlan())).toList();
            if (sameVlan.size() == 1) {
                return Optional.of(sameVlan.get(0));
            }
        }
        return sameNetwork.size() == 1 ? Optional.of(sameNetwork.get(0)) : Optional.empty();
    }

    public ObservableList<Subnet> v4Subnets() {
        return v4Subnets;
    }

    public ObservableList<Subnet> v6Subnets() {
        return v6Subnets;
    }

    public ObjectProperty<Subnet> v4SubnetProperty() {
        return v4Subnet;
    }

    public ObjectProperty<Subnet> v6SubnetProperty() {
        return v6Subnet;
    }

    public ReadOnlyStringProperty v4ErrorProperty() {
        return v4Error.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty v6ErrorProperty() {
        return v6Error.getReadOnlyProperty();
    }

    /** Host name (required), MAC, owner and description; the status is always allocated. */
    public DetailsFields details() {
        return details;
    }

    /** How a subnet reads in the choices: "10.10.1.0/24 'Web tier' in dc1". */
    public String describe(Subnet subnet) {
        return subnet == null ? "" : AddressDialogViewModel.named(subnet);
    }

    @Override
    protected Rehearsal checkLocally() {
        clear(v4Error, v6Error);
        Optional<AddressDetails> typed = details.check(true, touched(details.hostnameProperty()));
        setError(details.textError.get());
        // a side left to choose is said once the host is being filled in, not as the dialog opens; a side with
        // nothing to choose from is said at once
        boolean started = List.of(details.hostnameProperty(), details.macProperty(), details.ownerProperty(),
                details.descriptionProperty()).stream().anyMatch(this::touched);
        if (v4Subnet.get() == null && (v4Subnets.isEmpty() || started)) {
            v4Error.set(v4Subnets.isEmpty() ? "The database has no IPv4 subnet" : "Choose an IPv4 subnet");
        }
        if (v6Subnet.get() == null && (v6Subnets.isEmpty() || started)) {
            v6Error.set(v6Subnets.isEmpty() ? "The database has no IPv6 subnet" : "Choose an IPv6 subnet");
        }
        if (typed.isEmpty() || !noErrors(v4Error, v6Error) || v4Subnet.get() == null || v6Subnet.get() == null) {
            return null;
        }
        // nothing to ask the allocator before the save: a full subnet is reported by the save, at its side
        return a -> () -> true;
    }

    @Override
    protected Function<Allocator, AddressResult> saveCommand() {
        AddressDetails shared = details.check(true, true).orElseThrow();
        Subnet v4 = v4Subnet.get();
        Subnet v6 = v6Subnet.get();
        return a -> {
            List<Address> taken = a.allocateGroup(List.of(GroupRequest.next(v4.id(), shared),
                    GroupRequest.next(v6.id(), shared)));
            String what = shared.hostname() + " (" + taken.get(0).ip() + ", " + taken.get(1).ip() + ")";
            return new AddressResult(taken, Undoables.taken("Allocate pair " + what, List.of(v4, v6), taken),
                    "Allocated " + what);
        };
    }

    @Override
    protected boolean showAtField(String message) {
        String text = Messages.sentence(message);
        if (v6Subnet.get() != null && message.contains(v6Subnet.get().label())) {
            v6Error.set(text);
        } else if (v4Subnet.get() != null && message.contains(v4Subnet.get().label())) {
            v4Error.set(text);
        } else {
            return details.showAtField(message);
        }
        return true;
    }
}
