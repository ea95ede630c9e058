package org.ipdesk.ui.edit;

import javafx.fxml.FXML;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;

/** The network dialog (fxml/edit/NetworkDialog.fxml): binds the fields to a {@link NetworkDialogViewModel}. */
public final class NetworkDialogView {

    private final NetworkDialogViewModel viewModel;

    @FXML
    private DialogPane dialogPane;
    @FXML
    private TextField nameField;
    @FXML
    private Label nameError;
    @FXML
    private TextField descriptionField;
    @FXML
    private Label formError;

    public NetworkDialogView(NetworkDialogViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        DialogForms.setUp(dialogPane, viewModel, formError, org.ipdesk.ui.action.ConceptIcons.NETWORK);
        nameField.textProperty().bindBidirectional(viewModel.nameProperty());
        descriptionField.textProperty().bindBidirectional(viewModel.descriptionProperty());
        DialogForms.showError(nameField, nameError, viewModel.nameErrorProperty());
        DialogForms.focus(nameField);
    }
}
