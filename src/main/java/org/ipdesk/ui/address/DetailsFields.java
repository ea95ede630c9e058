package org.ipdesk.ui.address;

import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import org.ipdesk.address.Mac;
import org.ipdesk.model.AddressDetails;
import org.ipdesk.model.AddressStatus;
import org.ipdesk.model.Hostnames;
import org.ipdesk.model.TextFields;
import org.ipdesk.ui.edit.Messages;

/**
 * The detail fields the address dialogs share: status, host name, MAC, owner and description, with the errors of
 * the three that are checked (status by the allocator, host name by RFC 1123, MAC by its format). Owner and
 * description follow the rules of every free-text field ({@link TextFields}); their problem is {@link #textError},
 * which the dialog shows as its general error.
 */
public final class DetailsFields {

    private final ObjectProperty<AddressStatus> status = new SimpleObjectProperty<>(AddressStatus.ALLOCATED);
    private final StringProperty hostname = new SimpleStringProperty("");
    private final StringProperty mac = new SimpleStringProperty("");
    private final StringProperty owner = new SimpleStringProperty("");
    private final StringProperty description = new SimpleStringProperty("");
    final ReadOnlyStringWrapper statusError = new ReadOnlyStringWrapper("");
    final ReadOnlyStringWrapper hostnameError = new ReadOnlyStringWrapper("");
    final ReadOnlyStringWrapper macError = new ReadOnlyStringWrapper("");
    /** What is wrong with the owner or the description (a refused character, too long); empty when nothing. */
    final ReadOnlyStringWrapper textError = new ReadOnlyStringWrapper("");

    DetailsFields() {
    }

    /** Fills the fields from what an address holds. */
    void fill(AddressDetails details) {
        status.set(details.status());
        hostname.set(details.hostname());
        mac.set(details.mac().map(Mac::toString).orElse(""));
        owner.set(details.owner());
        description.set(details.description());
    }

    /** The inputs, for the view model to watch. */
    ObservableValue<?>[] inputs() {
        return new ObservableValue<?>[] {status, hostname, mac, owner, description};
    }

    public ObjectProperty<AddressStatus> statusProperty() {
        return status;
    }

    public StringProperty hostnameProperty() {
        return hostname;
    }

    public StringProperty macProperty() {
        return mac;
    }

    public StringProperty ownerProperty() {
        return owner;
    }

    public StringProperty descriptionProperty() {
        return description;
    }

    public ReadOnlyStringProperty statusErrorProperty() {
        return statusError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty hostnameErrorProperty() {
        return hostnameError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty macErrorProperty() {
        return macError.getReadOnlyProperty();
    }

    /**
     * Clears the errors and checks host name and MAC locally; returns the details typed, or empty when one is bad
     * (its error is set). A required host name that is empty is an error only once {@code scold} is true.
     */
    Optional<AddressDetails> check(boolean hostnameRequired, boolean scold) {
        statusError.set("");
        hostnameError.set("");
        macError.set("");
        textError.set("");
        String name = clean(hostname);
        boolean ok = true;
        if (name.isEmpty() && hostnameRequired) {
            hostnameError.set(scold ? "Enter a host name" : "");
            ok = false;
        }
        Optional<String> problem = Hostnames.problem(name);
        if (problem.isPresent()) {
            hostnameError.set(Messages.sentence(problem.get()));
            ok = false;
        }
        Optional<Mac> parsedMac = Optional.empty();
        String macText = clean(mac);
        if (!macText.isEmpty()) {
            try {
                parsedMac = Optional.of(Mac.parse(macText));
            } catch (IllegalArgumentException e) {
                macError.set(Messages.sentence(e.getMessage()));
                ok = false;
            }
        }
        Optional<String> textProblem = TextFields.problem(TextFields.Field.OWNER, clean(owner))
                .or(() -> TextFields.problem(TextFields.Field.DESCRIPTION, clean(description)));
        if (textProblem.isPresent()) {
            textError.set(Messages.sentence(textProblem.get()));
            ok = false;
        }
        if (!ok) {
            return Optional.empty();
        }
        return Optional.of(new AddressDetails(status.get(), name, parsedMac, clean(owner), clean(description)));
    }

    /**
     * Puts an engine message about the details at its field: the DHCP rule at the status, a host name or MAC
     * problem at those. False when it concerns none of them.
     */
    boolean showAtField(String message) {
        String text = Messages.sentence(message);
        if (message.contains("only status dhcp") || message.contains("DHCP pool")) {
            statusError.set(text);
        } else if (message.contains("host name")) {
            hostnameError.set(text);
        } else if (message.contains("MAC")) {
            macError.set(text);
        } else {
            return false;
        }
        return true;
    }

    private static String clean(StringProperty p) {
        return p.get() == null ? "" : p.get().strip();
    }
}
