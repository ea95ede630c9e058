package org.ipdesk.ui.address;

import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import org.ipdesk.ui.edit.DialogForms;
import org.kordamp.ikonli.material2.Material2AL;

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
        DialogForms.setUp(dialogPane, viewModel, formError, Material2AL.APPS);
        AddressForms.style(dialogPane);
        countField.textProperty().bindBidirectional(viewModel.countProperty());
        DialogForms.showError(countField, countError, viewModel.countErrorProperty());
        countInfo.textProperty().bind(viewModel.placementProperty());
        countInfo.visibleProperty().bind(Bindings.isEmpty(viewModel.countErrorProperty()));
        AddressForms.bindDetails(dialogPane, viewModel.details(), viewModel.statuses());
        DialogForms.focus(countField);
    }
}
