package org.ipdesk.ui.address;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import javafx.scene.Node;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.util.StringConverter;
import org.ipdesk.model.AddressStatus;
import org.ipdesk.ui.edit.DialogForms;

/** What the address dialog views share: the address.css stylesheet and the binding of the detail fields. */
final class AddressForms {

    private AddressForms() {
    }

    /** Adds address.css (after edit.css, which {@link DialogForms#setUp} adds). */
    static void style(DialogPane pane) {
        pane.getStylesheets().add(Objects.requireNonNull(AddressForms.class.getResource("address.css"), "address.css")
                .toExternalForm());
    }

    /**
     * Binds the detail fields of a dialog's form (found by their ids: statusChoice and statusError when the dialog
     * has a status, hostnameField, hostnameError, macField, macError, ownerField, descriptionField) and their errors.
     */
    @SuppressWarnings("unchecked")
    static void bindDetails(DialogPane pane, DetailsFields details, List<AddressStatus> statuses) {
        Node form = pane.getContent();
        ChoiceBox<AddressStatus> status = (ChoiceBox<AddressStatus>) form.lookup("#statusChoice");
        if (status != null) {
            status.getItems().setAll(statuses);
            status.setConverter(converter(AddressStatus::label));
            status.valueProperty().bindBidirectional(details.statusProperty());
            DialogForms.showError(status, (Label) form.lookup("#statusError"), details.statusErrorProperty());
        }
        TextField hostname = (TextField) form.lookup("#hostnameField");
        hostname.textProperty().bindBidirectional(details.hostnameProperty());
        DialogForms.showError(hostname, (Label) form.lookup("#hostnameError"), details.hostnameErrorProperty());
        TextField mac = (TextField) form.lookup("#macField");
        mac.textProperty().bindBidirectional(details.macProperty());
        DialogForms.showError(mac, (Label) form.lookup("#macError"), details.macErrorProperty());
        ((TextField) form.lookup("#ownerField")).textProperty().bindBidirectional(details.ownerProperty());
        ((TextField) form.lookup("#descriptionField")).textProperty().bindBidirectional(details.descriptionProperty());
    }

    /** A one-way converter for choice boxes. */
    static <T> StringConverter<T> converter(Function<T, String> show) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : show.apply(value);
            }

            @Override
            public T fromString(String text) {
                throw new UnsupportedOperationException("choices are not typed");
            }
        };
    }
}
