package org.ipdesk.ui.address;

import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import org.ipdesk.ui.action.StandardAction;
import org.ipdesk.ui.edit.DialogForms;

/** The child-subnet dialog (fxml/address/ChildSubnetDialog.fxml): binds the fields to a {@link ChildSubnetDialogViewModel}. */
public final class ChildSubnetDialogView {

    private final ChildSubnetDialogViewModel viewModel;

    @FXML
    private DialogPane dialogPane;
    @FXML
    private TextField parentField;
    @FXML
    private ChoiceBox<Integer> prefixChoice;
    @FXML
    private Label prefixInfo;
    @FXML
    private Label prefixError;
    @FXML
    private TextField nameField;
    @FXML
    private Label formError;

    public ChildSubnetDialogView(ChildSubnetDialogViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        // the icon of the menu item that opens it
        DialogForms.setUp(dialogPane, viewModel, formError, StandardAction.NEW_CHILD_SUBNET.icon().orElseThrow());
        AddressForms.style(dialogPane);
        parentField.setText(viewModel.parent().cidr().toString());
        prefixChoice.setItems(viewModel.prefixes());
        prefixChoice.setConverter(AddressForms.converter(p -> "/" + p));
        prefixChoice.valueProperty().bindBidirectional(viewModel.prefixProperty());
        DialogForms.showError(prefixChoice, prefixError, viewModel.prefixErrorProperty());
        prefixInfo.textProperty().bind(viewModel.prefixInfoProperty());
        prefixInfo.visibleProperty().bind(Bindings.isEmpty(viewModel.prefixErrorProperty()));
        nameField.textProperty().bindBidirectional(viewModel.nameProperty());
        DialogForms.focus(prefixChoice);
    }
}
