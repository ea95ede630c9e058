package org.ipdesk.ui.action;

import java.util.Objects;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.value.ObservableValue;

/**
 * What an action does, and when it can: menu items, buttons and context menu items built for it are disabled while
 * {@link #executableProperty()} is false. Plain JavaFX beans, so view models can make and test them.
 */
public final class Command {

    private final Runnable action;
    private final ReadOnlyBooleanWrapper executable = new ReadOnlyBooleanWrapper(this, "executable", true);

    private Command(Runnable action) {
        this.action = Objects.requireNonNull(action, "action");
    }

    /** A command that can always run. */
    public static Command of(Runnable action) {
        return new Command(action);
    }

    /** A command that can run while {@code executable} holds. */
    public static Command when(ObservableValue<Boolean> executable, Runnable action) {
        Command command = new Command(action);
        command.executable.bind(executable);
        return command;
    }

    public ReadOnlyBooleanProperty executableProperty() {
        return executable.getReadOnlyProperty();
    }

    public boolean isExecutable() {
        return executable.get();
    }

    /** Runs the command if it can run now; does nothing otherwise. */
    public void execute() {
        if (executable.get()) {
            action.run();
        }
    }
}
