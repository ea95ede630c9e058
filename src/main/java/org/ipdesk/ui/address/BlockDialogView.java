package org.ipdesk.ui.address;

import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import org.ipdesk.ui.action.StandardAction;
import org.ipdesk.ui.edit.DialogForms;

/** The block dialog (fxml/address/BlockDialog.fxml): binds the fields to a {@link BlockDialogViewModel}. */
public final class BlockDialogView {

    private final BlockDialogViewModel viewModel;

    @FXML
    private DialogPane dialogPane;
    @FXML
    private TextField countField;
    @FXML
    private Label countInfo;
    @FXML
    private Label countError;
    @FXML
    private Label formError;

    public BlockDialogView(BlockDialogViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        // the icon of the menu item that opens it
        DialogForms.setUp(dialogPane, viewModel, formError, StandardAction.ALLOCATE_BLOCK.icon().orElseThrow());
        AddressForms.style(dialogPane);
        countField.textProperty().bindBidirectional(viewModel.countProperty());
        DialogForms.showError(countField, countError, viewModel.countErrorProperty());
        countInfo.textProperty().bind(viewModel.placementProperty());
        countInfo.visibleProperty().bind(Bindings.isEmpty(viewModel.countErrorProperty()));
        AddressForms.bindDetails(dialogPane, viewModel.details(), viewModel.statuses());
        DialogForms.focus(countField);
    }
}
