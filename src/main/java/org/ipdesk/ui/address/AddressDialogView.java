package org.ipdesk.ui.address;

import javafx.fxml.FXML;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import org.ipdesk.ui.action.StandardAction;
import org.ipdesk.ui.edit.DialogForms;

/** The address dialog (fxml/address/AddressDialog.fxml): binds the fields to an {@link AddressDialogViewModel}. */
public final class AddressDialogView {

    private final AddressDialogViewModel viewModel;

    @FXML
    private DialogPane dialogPane;
    @FXML
    private TextField ipField;
    @FXML
    private Label ipError;
    @FXML
    private Label formError;

    public AddressDialogView(AddressDialogViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        // the icon of the menu item that opens it
        DialogForms.setUp(dialogPane, viewModel, formError, StandardAction.RESERVE.icon().orElseThrow());
        AddressForms.style(dialogPane);
        ipField.textProperty().bindBidirectional(viewModel.ipProperty());
        ipField.setEditable(viewModel.isIpEditable());
        ipField.setFocusTraversable(viewModel.isIpEditable());
        DialogForms.showError(ipField, ipError, viewModel.ipErrorProperty());
        AddressForms.bindDetails(dialogPane, viewModel.details(), viewModel.statuses());
        DialogForms.focus(viewModel.isIpEditable() ? ipField : dialogPane.getContent().lookup("#hostnameField"));
    }
}
