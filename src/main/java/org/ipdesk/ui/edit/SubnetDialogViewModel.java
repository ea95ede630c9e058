package org.ipdesk.ui.edit;

import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.ipdesk.address.Cidr;
import org.ipdesk.address.Ip;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.model.Network;
import org.ipdesk.model.Subnet;
import org.ipdesk.model.SubnetSpec;
import org.ipdesk.model.TextFields.Field;
import org.ipdesk.ui.TaskExecutor;

/**
 * The subnet dialog: create a subnet in a network, or edit the name, VLAN, gateway and description of one (its
 * CIDR is read-only then: the engine refuses CIDR changes). While typing, each field is parsed locally; then the
 * allocator rehearses the subnet without its gateway (a refusal goes to the CIDR field: already exists, over the
 * parent's ranges or gateway...), and, when that passes and a gateway is given, with it (a refusal goes to the
 * gateway field).
 */
public final class SubnetDialogViewModel extends EditDialogViewModel<Subnet> {

    static final int MIN_VLAN = 1;
    static final int MAX_VLAN = 4094;

    /** The subnet as last read: what the fields were filled from, and what a save must still find. */
    private Optional<Subnet> original;
    private final ObservableList<String> networks = FXCollections.observableArrayList();
    private final ObjectProperty<String> network = new SimpleObjectProperty<>();
    private final StringProperty cidr = new SimpleStringProperty("");
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty vlan = new SimpleStringProperty("");
    private final StringProperty gateway = new SimpleStringProperty("");
    private final StringProperty description = new SimpleStringProperty("");
    private final StringProperty staleDays = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper staleDaysError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper networkError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper cidrError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper vlanError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper gatewayError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper cidrInfo = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper cidrEditable = new ReadOnlyBooleanWrapper();

    private SubnetDialogViewModel(Supplier<Allocator> allocator, TaskExecutor tasks, Optional<Subnet> original,
                                  String networkName, String suggestedCidr) {
        super(allocator, tasks, original.isPresent() ? "Edit subnet" : "New subnet",
                original.isPresent() ? "Save" : "Create");
        this.original = original;
        cidrEditable.set(original.isEmpty());
        networks.setAll(List.of(networkName));
        network.set(networkName);
        cidr.set(suggestedCidr == null ? "" : suggestedCidr.strip());
        original.ifPresent(this::fill);
        setHeader(original.map(s -> "Edit subnet " + SubnetDialogViewModel.named(s))
                .orElse("New subnet in " + networkName));
        watch(network, cidr, name, vlan, gateway, description, staleDays);
        if (original.isEmpty()) {
            // every network can be chosen; the one given stays selected
            load(a -> a.networks().stream().map(Network::name).toList(), names -> {
                String keep = network.get();
                networks.setAll(names);
                network.set(keep);
            });
        }
        revalidate();
    }

    private void fill(Subnet s) {
        name.set(s.name());
        vlan.set(s.vlan().isPresent() ? Integer.toString(s.vlan().getAsInt()) : "");
        gateway.set(s.gateway().map(Ip::toString).orElse(""));
        description.set(s.description());
        staleDays.set(s.staleDays().isPresent() ? Integer.toString(s.staleDays().getAsInt()) : "");
    }

    /** A dialog that creates a subnet in {@code networkName}, its CIDR field filled with {@code suggestedCidr} ("" for none). */
    public static SubnetDialogViewModel create(Supplier<Allocator> allocator, TaskExecutor tasks, String networkName,
                                               String suggestedCidr) {
        return new SubnetDialogViewModel(allocator, tasks, Optional.empty(), networkName, suggestedCidr);
    }

    /** A dialog that edits {@code subnet}: name, VLAN, gateway and description; network and CIDR stay. */
    public static SubnetDialogViewModel edit(Supplier<Allocator> allocator, TaskExecutor tasks, Subnet subnet) {
        return new SubnetDialogViewModel(allocator, tasks, Optional.of(subnet), subnet.networkName(),
                subnet.cidr().toString());
    }

    /** "10.0.0.0/24 'servers' in dc1". */
    static String named(Subnet subnet) {
        return subnet.cidr() + (subnet.name().isEmpty() ? "" : " '" + subnet.name() + "'") + " in "
                + subnet.networkName();
    }

    // ================================================================= state

    /** The subnet being edited, as last read (a save refused because someone else changed it reads it again). */
    public Optional<Subnet> edited() {
        return original;
    }

    public boolean isEdit() {
        return original.isPresent();
    }

    /** The names of the networks to choose from (only the subnet's own when editing). */
    public ObservableList<String> networks() {
        return FXCollections.unmodifiableObservableList(networks);
    }

    public ObjectProperty<String> networkProperty() {
        return network;
    }

    public StringProperty cidrProperty() {
        return cidr;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty vlanProperty() {
        return vlan;
    }

    public StringProperty gatewayProperty() {
        return gateway;
    }

    public StringProperty descriptionProperty() {
        return description;
    }

    /** False when editing: network and CIDR cannot change. */
    public ReadOnlyBooleanProperty cidrEditableProperty() {
        return cidrEditable.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty networkErrorProperty() {
        return networkError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty cidrErrorProperty() {
        return cidrError.getReadOnlyProperty();
    }

    /** After how many days unseen a held address is stale; empty for the default. */
    public StringProperty staleDaysProperty() {
        return staleDays;
    }

    public ReadOnlyStringProperty staleDaysErrorProperty() {
        return staleDaysError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty vlanErrorProperty() {
        return vlanError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty gatewayErrorProperty() {
        return gatewayError.getReadOnlyProperty();
    }

    /** What a well-formed CIDR holds: "254 usable addresses: 10.0.0.1 - 10.0.0.254"; empty otherwise. */
    public ReadOnlyStringProperty cidrInfoProperty() {
        return cidrInfo.getReadOnlyProperty();
    }

    // ================================================================= checks

    @Override
    protected Rehearsal checkLocally() {
        clear(networkError, cidrError, vlanError, gatewayError, staleDaysError, cidrInfo);
        String networkName = network.get() == null ? "" : network.get().strip();
        if (networkName.isEmpty()) {
            networkError.set("Choose the network the subnet belongs to");
        }
        Cidr block = null;
        if (text(cidr).isEmpty()) {
            cidrError.set(touched(cidr) ? "Enter the subnet's CIDR, such as 10.0.0.0/24" : "");
        } else {
            block = parse(text(cidr), Cidr::parse, cidrError);
        }
        if (block != null) {
            BigInteger count = block.usableCount();
            cidrInfo.set(String.format(Locale.ROOT, "%,d usable %s: %s \u2013 %s", count,
                    count.equals(BigInteger.ONE) ? "address" : "addresses", block.firstUsable(), block.lastUsable()));
        }
        OptionalInt vlanNumber = vlan();
        OptionalInt staleNumber = staleDays();
        Ip gatewayIp = text(gateway).isEmpty() ? null : parse(text(gateway), Ip::parse, gatewayError);
        if (block != null && gatewayIp != null && !block.contains(gatewayIp)) {
            gatewayError.set("Gateway " + gatewayIp + " is outside " + block);
        }
        boolean textOk = textOk(Field.SUBNET_NAME, name) && textOk(Field.SUBNET_DESCRIPTION, description);
        if (networkName.isEmpty() || block == null || !noErrors(vlanError, gatewayError, staleDaysError) || !textOk) {
            return null;
        }
        SubnetSpec withoutGateway = new SubnetSpec(block, text(name), text(description), vlanNumber, Optional.empty(),
                staleNumber);
        Optional<SubnetSpec> full = Optional.ofNullable(gatewayIp).map(withoutGateway::withGateway);
        OptionalLong id = original.map(s -> OptionalLong.of(s.id())).orElse(OptionalLong.empty());
        return allocator -> {
            Optional<String> blockProblem = rehearse(allocator, id, networkName, withoutGateway);
            Optional<String> gatewayProblem = blockProblem.isEmpty() && full.isPresent()
                    ? rehearse(allocator, id, networkName, full.get())
                    : Optional.empty();
            return () -> {
                blockProblem.map(Messages::sentence).ifPresent(isEdit() ? this::setError : cidrError::set);
                gatewayProblem.map(Messages::sentence).ifPresent(gatewayError::set);
                return blockProblem.isEmpty() && gatewayProblem.isEmpty();
            };
        };
    }

    private static Optional<String> rehearse(Allocator allocator, OptionalLong id, String networkName, SubnetSpec spec) {
        return id.isPresent() ? allocator.checkUpdateSubnet(id.getAsLong(), spec) : allocator.checkCreateSubnet(networkName, spec);
    }

    /** The VLAN typed, empty when none; sets the VLAN error when it is not a number from 1 to 4094. */
    private OptionalInt vlan() {
        String text = text(vlan);
        if (text.isEmpty()) {
            return OptionalInt.empty();
        }
        if (!text.matches("\\d{1,9}")) {
            vlanError.set("The VLAN is a number from " + MIN_VLAN + " to " + MAX_VLAN + ", not '" + text + "'");
            return OptionalInt.empty();
        }
        int number = Integer.parseInt(text);
        if (number < MIN_VLAN || number > MAX_VLAN) {
            vlanError.set("VLAN " + number + " is out of range (" + MIN_VLAN + "-" + MAX_VLAN + ")");
            return OptionalInt.empty();
        }
        return OptionalInt.of(number);
    }

    /** The stale days typed, empty for the default; sets the error when it is not a number from 1 to 3650. */
    private OptionalInt staleDays() {
        String text = text(staleDays);
        if (text.isEmpty()) {
            return OptionalInt.empty();
        }
        if (!text.matches("\\d{1,9}") || Integer.parseInt(text) < 1 || Integer.parseInt(text) > Subnet.MAX_STALE_DAYS) {
            staleDaysError.set("Stale after is a number of days from 1 to " + Subnet.MAX_STALE_DAYS + ", not '" + text
                    + "'; leave it empty for " + Subnet.DEFAULT_STALE_DAYS);
            return OptionalInt.empty();
        }
        return OptionalInt.of(Integer.parseInt(text));
    }

    private SubnetSpec spec() {
        Ip gatewayIp = text(gateway).isEmpty() ? null : Ip.parse(text(gateway));
        return new SubnetSpec(Cidr.parse(text(cidr)), text(name), text(description), vlan(),
                Optional.ofNullable(gatewayIp), staleDays());
    }

    @Override
    protected Function<Allocator, Subnet> saveCommand() {
        SubnetSpec spec = spec();
        String networkName = network.get();
        Subnet read = original.orElse(null);
        return original.isPresent()
                ? allocator -> allocator.updateSubnet(read, spec)
                : allocator -> allocator.createSubnet(networkName, spec);
    }

    @Override
    protected void reloadAfterCrossedEdit(String message) {
        long id = original.orElseThrow().id();
        reload(message, a -> a.subnets().stream().filter(s -> s.id() == id).findFirst(), fresh -> {
            original = Optional.of(fresh);
            fill(fresh);
        });
    }

    @Override
    protected boolean showAtField(String message) {
        String lower = message.toLowerCase(Locale.ROOT);
        if (lower.startsWith("gateway")) {
            gatewayError.set(message);
        } else if (lower.startsWith("vlan")) {
            vlanError.set(message);
        } else if (lower.startsWith("stale after")) {
            staleDaysError.set(message);
        } else if (lower.startsWith("there is no network")) {
            networkError.set(message);
        } else if (!isEdit() && lower.startsWith(text(cidr).toLowerCase(Locale.ROOT))) {
            cidrError.set(message);
        } else {
            return false;
        }
        return true;
    }
}
