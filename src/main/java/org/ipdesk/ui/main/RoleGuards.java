package org.ipdesk.ui.main;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.StackPane;
import org.ipdesk.store.Team;
import org.ipdesk.ui.action.Command;

/**
 * Commands greyed out for a role that may not run them ({@link TeamRights}), with the reason on hover. A disabled
 * control gets no mouse events in JavaFX, so its tooltip never shows (JDK-8090379): a toolbar button sits in a holder
 * whose tooltip says why while the role forbids it.
 */
final class RoleGuards {
    /** What a command changes, in the view's words (the view knows nothing of the store's team). */
    enum Change {
        NETWORKS(Team.Change.NETWORKS), SUBNETS(Team.Change.SUBNETS), RANGES(Team.Change.RANGES),
        ADDRESSES(Team.Change.ADDRESSES);

        private final Team.Change change;

        Change(Team.Change change) {
            this.change = change;
        }
    }

    private final TeamRights rights;

    RoleGuards(TeamRights rights) {
        this.rights = rights;
    }

    /** {@code when}, and only while the role may make {@code change}. */
    ObservableValue<Boolean> may(ObservableValue<Boolean> when, Change change) {
        ReadOnlyBooleanProperty may = rights.mayProperty(change.change);
        return Bindings.createBooleanBinding(() -> Boolean.TRUE.equals(when.getValue()) && may.get(), when, may);
    }

    /** A command that runs {@code action} while {@code when} holds and the role may make {@code change}. */
    Command command(ObservableValue<Boolean> when, Change change, Runnable action) {
        return Command.when(may(when, change), action);
    }

    /** A command the role alone decides. */
    Command command(Change change, Runnable action) {
        return Command.when(rights.mayProperty(change.change), action);
    }

    /** {@code button} in a holder that tells, on hover, why the role may not use it. */
    Node explained(Button button, Change change) {
        // the theme draws a tool bar's own buttons flat; one in a holder is no longer its own: say it
        button.getStyleClass().add("flat");
        StackPane holder = new StackPane(button);
        holder.getStyleClass().add("role-guard");
        ReadOnlyStringProperty why = rights.whyNotProperty(change.change);
        Tooltip tooltip = new Tooltip();
        tooltip.setWrapText(true);
        tooltip.setMaxWidth(420);
        tooltip.textProperty().bind(why);
        why.subscribe(text -> {
            if (text.isEmpty()) {
                Tooltip.uninstall(holder, tooltip);
            } else {
                Tooltip.install(holder, tooltip);
            }
        });
        return holder;
    }
}
