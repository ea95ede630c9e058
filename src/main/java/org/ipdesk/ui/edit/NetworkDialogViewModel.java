package org.ipdesk.ui.edit;

import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.model.Network;
import org.ipdesk.model.TextFields.Field;
import org.ipdesk.ui.TaskExecutor;

/**
 * The network dialog: create a network, or rename / describe one. The name must not be empty or used by another
 * network (compared without case, as the database does); name and description follow the rules of every free-text
 * field (printable, at most 100 and 1,000 characters: {@link org.ipdesk.model.TextFields}).
 */
public final class NetworkDialogViewModel extends EditDialogViewModel<Network> {

    /** The network as last read: what the fields were filled from, and what a save must still find. */
    private Optional<Network> original;
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty description = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper nameError = new ReadOnlyStringWrapper("");

    private NetworkDialogViewModel(Supplier<Allocator> allocator, TaskExecutor tasks, Optional<Network> original) {
        super(allocator, tasks, original.isPresent() ? "Edit network" : "New network",
                original.isPresent() ? "Save" : "Create");
        this.original = original;
        original.ifPresent(n -> {
            name.set(n.name());
            description.set(n.description());
        });
        setHeader(original.map(n -> "Edit network '" + n.name() + "'").orElse("New network"));
        watch(name, description);
        revalidate();
    }

    /** A dialog that creates a network. */
    public static NetworkDialogViewModel create(Supplier<Allocator> allocator, TaskExecutor tasks) {
        return new NetworkDialogViewModel(allocator, tasks, Optional.empty());
    }

    /** A dialog that changes the name and description of {@code network}. */
    public static NetworkDialogViewModel edit(Supplier<Allocator> allocator, TaskExecutor tasks, Network network) {
        return new NetworkDialogViewModel(allocator, tasks, Optional.of(network));
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty descriptionProperty() {
        return description;
    }

    /** Why the name cannot be saved; empty when it can. */
    public ReadOnlyStringProperty nameErrorProperty() {
        return nameError.getReadOnlyProperty();
    }

    /** The network being edited, as last read (a save refused because someone else changed it reads it again). */
    public Optional<Network> edited() {
        return original;
    }

    public boolean isEdit() {
        return original.isPresent();
    }

    @Override
    protected Rehearsal checkLocally() {
        nameError.set("");
        String clean = text(name);
        if (clean.isEmpty()) {
            nameError.set(touched(name) ? "Enter a name for the network" : "");
            return null;
        }
        boolean nameOk = textOk(Field.NETWORK_NAME, name, nameError);
        boolean descriptionOk = textOk(Field.NETWORK_DESCRIPTION, description);
        if (!nameOk || !descriptionOk) {
            return null;
        }
        return allocator -> {
            Optional<Network> taken = allocator.networks().stream()
                    .filter(n -> n.name().equalsIgnoreCase(clean))
                    .filter(n -> original.map(o -> o.id() != n.id()).orElse(true))
                    .findFirst();
            return () -> {
                taken.ifPresent(n -> nameError.set("A network named '" + n.name() + "' already exists"));
                return taken.isEmpty();
            };
        };
    }

    @Override
    protected Function<Allocator, Network> saveCommand() {
        String newName = text(name);
        String newDescription = text(description);
        Network read = original.orElse(null);
        return original.isPresent()
                ? allocator -> allocator.updateNetwork(read, newName, newDescription)
                : allocator -> allocator.createNetwork(newName, newDescription);
    }

    @Override
    protected void reloadAfterCrossedEdit(String message) {
        long id = original.orElseThrow().id();
        reload(message, a -> a.networks().stream().filter(n -> n.id() == id).findFirst(), fresh -> {
            original = Optional.of(fresh);
            name.set(fresh.name());
            description.set(fresh.description());
        });
    }

    @Override
    protected boolean showAtField(String message) {
        if (message.contains("network name") || message.contains("network named")) {
            nameError.set(message);
            return true;
        }
        return false;
    }
}
