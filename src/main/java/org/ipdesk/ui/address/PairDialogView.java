package org.ipdesk.ui.address;

import javafx.fxml.FXML;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import org.ipdesk.model.Subnet;
import org.ipdesk.ui.action.StandardAction;
import org.ipdesk.ui.edit.DialogForms;

/** The dual-stack dialog (fxml/address/PairDialog.fxml): binds the fields to a {@link PairDialogViewModel}. */
public final class PairDialogView {

    private final PairDialogViewModel viewModel;

    @FXML
    private DialogPane dialogPane;
    @FXML
    private ChoiceBox<Subnet> v4Choice;
    @FXML
    private Label v4Error;
    @FXML
    private ChoiceBox<Subnet> v6Choice;
    @FXML
    private Label v6Error;
    @FXML
    private Label formError;

    public PairDialogView(PairDialogViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        // the icon of the menu item that opens it
        DialogForms.setUp(dialogPane, viewModel, formError, StandardAction.ALLOCATE_PAIR.icon().orElseThrow());
        AddressForms.style(dialogPane);
        v4Choice.setItems(viewModel.v4Subnets());
        v4Choice.setConverter(AddressForms.converter(viewModel::describe));
        v4Choice.valueProperty().bindBidirectional(viewModel.v4SubnetProperty());
        DialogForms.showError(v4Choice, v4Error, viewModel.v4ErrorProperty());
        v6Choice.setItems(viewModel.v6Subnets());
        v6Choice.setConverter(AddressForms.converter(viewModel::describe));
        v6Choice.valueProperty().bindBidirectional(viewModel.v6SubnetProperty());
        DialogForms.showError(v6Choice, v6Error, viewModel.v6ErrorProperty());
        AddressForms.bindDetails(dialogPane, viewModel.details(), java.util.List.of());
        DialogForms.focus(dialogPane.getContent().lookup("#hostnameField"));
    }
}
