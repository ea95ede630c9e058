package org.ipdesk.ui.edit;

import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;

/** The subnet dialog (fxml/edit/SubnetDialog.fxml): binds the fields to a {@link SubnetDialogViewModel}. */
public final class SubnetDialogView {

    private final SubnetDialogViewModel viewModel;

    @FXML
    private DialogPane dialogPane;
    @FXML
    private ChoiceBox<String> networkChoice;
    @FXML
    private Label networkError;
    @FXML
    private TextField cidrField;
    @FXML
    private Label cidrInfo;
    @FXML
    private Label cidrError;
    @FXML
    private TextField nameField;
    @FXML
    private TextField vlanField;
    @FXML
    private Label vlanError;
    @FXML
    private TextField gatewayField;
    @FXML
    private Label gatewayError;
    @FXML
    private TextField descriptionField;
    @FXML
    private TextField staleDaysField;
    @FXML
    private Label staleDaysError;
    @FXML
    private Label formError;

    public SubnetDialogView(SubnetDialogViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        DialogForms.setUp(dialogPane, viewModel, formError, org.ipdesk.ui.action.ConceptIcons.SUBNET);
        networkChoice.setItems(viewModel.networks());
        networkChoice.valueProperty().bindBidirectional(viewModel.networkProperty());
        networkChoice.disableProperty().bind(viewModel.cidrEditableProperty().not());
        cidrField.textProperty().bindBidirectional(viewModel.cidrProperty());
        cidrField.editableProperty().bind(viewModel.cidrEditableProperty());
        cidrField.focusTraversableProperty().bind(viewModel.cidrEditableProperty());
        nameField.textProperty().bindBidirectional(viewModel.nameProperty());
        vlanField.textProperty().bindBidirectional(viewModel.vlanProperty());
        gatewayField.textProperty().bindBidirectional(viewModel.gatewayProperty());
        descriptionField.textProperty().bindBidirectional(viewModel.descriptionProperty());
        staleDaysField.textProperty().bindBidirectional(viewModel.staleDaysProperty());
        staleDaysField.setPromptText("days unseen (empty: " + org.ipdesk.model.Subnet.DEFAULT_STALE_DAYS + ")");
        staleDaysField.setTooltip(new javafx.scene.control.Tooltip("A held address not seen by a scan or lease file "
                + "for this many days is stale (Reconcile); the grid marks what was seen within them"));

        DialogForms.showError(networkChoice, networkError, viewModel.networkErrorProperty());
        DialogForms.showError(cidrField, cidrError, viewModel.cidrErrorProperty());
        DialogForms.showError(vlanField, vlanError, viewModel.vlanErrorProperty());
        DialogForms.showError(gatewayField, gatewayError, viewModel.gatewayErrorProperty());
        DialogForms.showError(staleDaysField, staleDaysError, viewModel.staleDaysErrorProperty());
        cidrInfo.textProperty().bind(viewModel.cidrInfoProperty());
        cidrInfo.visibleProperty().bind(Bindings.isEmpty(viewModel.cidrErrorProperty()));

        DialogForms.focus(viewModel.isEdit() ? nameField : cidrField);
    }
}
