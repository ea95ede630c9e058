package org.ipdesk.ui.edit;

import javafx.fxml.FXML;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.util.StringConverter;
import org.ipdesk.model.RangeKind;

/** The range dialog (fxml/edit/RangeDialog.fxml): binds the fields to a {@link RangeDialogViewModel}. */
public final class RangeDialogView {

    private final RangeDialogViewModel viewModel;

    @FXML
    private DialogPane dialogPane;
    @FXML
    private ChoiceBox<RangeKind> kindChoice;
    @FXML
    private Label kindError;
    @FXML
    private TextField startField;
    @FXML
    private Label startError;
    @FXML
    private TextField endField;
    @FXML
    private Label endError;
    @FXML
    private TextField descriptionField;
    @FXML
    private Label formError;

    public RangeDialogView(RangeDialogViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        DialogForms.setUp(dialogPane, viewModel, formError, org.ipdesk.ui.action.ConceptIcons.RANGE);
        kindChoice.setItems(viewModel.kinds());
        kindChoice.setConverter(new StringConverter<>() {
            @Override
            public String toString(RangeKind kind) {
                return kind == null ? "" : RangeDialogViewModel.kindLabel(kind);
            }

            @Override
            public RangeKind fromString(String text) {
                throw new UnsupportedOperationException();
            }
        });
        kindChoice.valueProperty().bindBidirectional(viewModel.kindProperty());
        startField.textProperty().bindBidirectional(viewModel.startProperty());
        endField.textProperty().bindBidirectional(viewModel.endProperty());
        descriptionField.textProperty().bindBidirectional(viewModel.descriptionProperty());

        DialogForms.showError(kindChoice, kindError, viewModel.kindErrorProperty());
        DialogForms.showError(startField, startError, viewModel.startErrorProperty());
        DialogForms.showError(endField, endError, viewModel.endErrorProperty());
        DialogForms.focus(startField);
    }
}
