package org.ipdesk.ui.edit;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
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
import org.ipdesk.address.Ip;
import org.ipdesk.address.IpRange;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.model.AddressRange;
import org.ipdesk.model.RangeKind;
import org.ipdesk.model.Subnet;
import org.ipdesk.model.TextFields.Field;
import org.ipdesk.ui.TaskExecutor;

/**
 * The range dialog: add a DHCP pool or a reserved range to a subnet, or change one ({@link #edit}). Start and end are parsed locally (an end
 * before the start is an error), then the allocator rehearses the range; its refusal goes to the field of the
 * address it names, and a refusal about the whole range (overlaps, includes the gateway) to the end field.
 */
public final class RangeDialogViewModel extends EditDialogViewModel<AddressRange> {

    private final Subnet subnet;
    /** The range being changed; empty when the dialog adds one. */
    /** The range as last read (when editing): what the fields were filled from, and what a save must still find. */
    private Optional<AddressRange> edited;
    private final StringProperty start = new SimpleStringProperty("");
    private final StringProperty end = new SimpleStringProperty("");
    private final ObjectProperty<RangeKind> kind = new SimpleObjectProperty<>(RangeKind.DHCP);
    private final StringProperty description = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper startError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper endError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper kindError = new ReadOnlyStringWrapper("");

    /** A dialog that adds a range to {@code subnet}, its fields filled from {@code selection} when given. */
    public RangeDialogViewModel(Supplier<Allocator> allocator, TaskExecutor tasks, Subnet subnet,
                                Optional<IpRange> selection) {
        this(allocator, tasks, subnet, selection, Optional.empty());
    }

    private RangeDialogViewModel(Supplier<Allocator> allocator, TaskExecutor tasks, Subnet subnet,
                                 Optional<IpRange> selection, Optional<AddressRange> edited) {
        super(allocator, tasks, edited.isPresent() ? "Edit address range" : "New address range",
                edited.isPresent() ? "Save" : "Create");
        this.subnet = subnet;
        this.edited = edited;
        selection.ifPresent(r -> {
            start.set(r.start().toString());
            end.set(r.end().toString());
        });
        edited.ifPresent(r -> {
            kind.set(r.kind());
            description.set(r.description());
        });
        setHeader(edited.map(r -> "Edit the " + kindLabel(r.kind()) + " " + r.range() + " in ")
                .orElse("New DHCP pool or reserved range in ") + SubnetDialogViewModel.named(subnet));
        watch(start, end, kind, description);
        revalidate();
    }

    /**
     * A dialog that changes {@code range} of {@code subnet}: its start, end, kind and description, under the
     * rules of a new range (the range itself aside).
     */
    public static RangeDialogViewModel edit(Supplier<Allocator> allocator, TaskExecutor tasks, Subnet subnet,
                                            AddressRange range) {
        return new RangeDialogViewModel(allocator, tasks, subnet, Optional.of(range.range()), Optional.of(range));
    }

    /** The range the dialog changes; empty when it adds one. */
    public Optional<AddressRange> edited() {
        return edited;
    }

    /** "DHCP pool" or "Reserved range": how the dialog names a kind. */
    public static String kindLabel(RangeKind kind) {
        return switch (kind) {
            case DHCP -> "DHCP pool";
            case RESERVED -> "Reserved range";
        };
    }

    public Subnet subnet() {
        return subnet;
    }

    public ObservableList<RangeKind> kinds() {
        return FXCollections.unmodifiableObservableList(FXCollections.observableArrayList(List.of(RangeKind.values())));
    }

    public StringProperty startProperty() {
        return start;
    }

    public StringProperty endProperty() {
        return end;
    }

    public ObjectProperty<RangeKind> kindProperty() {
        return kind;
    }

    public StringProperty descriptionProperty() {
        return description;
    }

    public ReadOnlyStringProperty startErrorProperty() {
        return startError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty endErrorProperty() {
        return endError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty kindErrorProperty() {
        return kindError.getReadOnlyProperty();
    }

    @Override
    protected Rehearsal checkLocally() {
        clear(startError, endError, kindError);
        Ip first = address(start, startError, "Enter the first address of the range");
        Ip last = address(end, endError, "Enter the last address of the range");
        RangeKind chosen = kind.get();
        if (chosen == null) {
            kindError.set("Choose DHCP pool or reserved range");
        }
        if (first != null && last != null) {
            if (first.version() != last.version()) {
                endError.set("The range cannot mix IPv4 and IPv6 (" + first + " \u2013 " + last + ")");
            } else if (last.compareTo(first) < 0) {
                endError.set("The range ends at " + last + ", before its start " + first);
            }
        }
        boolean textOk = textOk(Field.RANGE_DESCRIPTION, description);
        if (first == null || last == null || chosen == null || !endError.get().isEmpty() || !textOk) {
            return null;
        }
        return allocator -> {
            Optional<String> problem = edited.isPresent()
                    ? allocator.checkUpdateRange(edited.get().id(), first, last, chosen)
                    : allocator.checkAddRange(subnet.id(), first, last, chosen);
            return () -> {
                problem.ifPresent(message -> showAt(message, first, last));
                return problem.isEmpty();
            };
        };
    }

    private Ip address(StringProperty field, ReadOnlyStringWrapper error, String whenEmpty) {
        if (text(field).isEmpty()) {
            error.set(touched(field) ? whenEmpty : "");
            return null;
        }
        return parse(text(field), Ip::parse, error);
    }

    /** The field of the address the message starts with or names as included; else the end field. */
    private void showAt(String message, Ip first, Ip last) {
        String sentence = Messages.sentence(message);
        boolean aboutStart = message.startsWith(first + " ") || message.contains("includes " + first + ",");
        boolean aboutEnd = message.startsWith(last + " ") || message.contains("includes " + last + ",");
        (aboutStart && !aboutEnd ? startError : endError).set(sentence);
    }

    @Override
    protected Function<Allocator, AddressRange> saveCommand() {
        Ip first = Ip.parse(text(start));
        Ip last = Ip.parse(text(end));
        RangeKind chosen = kind.get();
        String note = text(description);
        return edited.<Function<Allocator, AddressRange>>map(
                        r -> allocator -> allocator.updateRange(r, first, last, chosen, note))
                .orElse(allocator -> allocator.addRange(subnet.id(), first, last, chosen, note));
    }

    @Override
    protected void reloadAfterCrossedEdit(String message) {
        long id = edited.orElseThrow().id();
        reload(message, a -> a.ranges(subnet.id()).stream().filter(r -> r.id() == id).findFirst(), fresh -> {
            edited = Optional.of(fresh);
            start.set(fresh.range().start().toString());
            end.set(fresh.range().end().toString());
            kind.set(fresh.kind());
            description.set(fresh.description());
        });
    }

    @Override
    protected boolean showAtField(String message) {
        Ip first = Ip.parse(text(start));
        Ip last = Ip.parse(text(end));
        if (message.toLowerCase(Locale.ROOT).startsWith("subnet ")) {
            return false;
        }
        showAt(message, first, last);
        return true;
    }
}
