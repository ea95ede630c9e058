package org.ipdesk.ui.main;

import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;

/** The status bar's labels bound to the window's state: the file, the totals (red with the reason when the file
 * could not be read) and the last operation (red when it failed), each with its full text on hover. */
final class StatusBar {
    private static final PseudoClass ERROR = PseudoClass.getPseudoClass("error");

    private StatusBar() {
    }

    static void bind(MainViewModel viewModel, Label databaseLabel, Label summaryLabel, Label lastOperationLabel) {
        databaseLabel.textProperty().bind(viewModel.status().databaseTextProperty());
        databaseLabel.setTooltip(new Tooltip());
        databaseLabel.getTooltip().textProperty().bind(viewModel.status().databaseTextProperty());
        summaryLabel.textProperty().bind(viewModel.status().summaryProperty());
        viewModel.state().errorProperty().addListener((property, before, now) -> showError(summaryLabel, now));
        showError(summaryLabel, viewModel.state().errorProperty().get());
        lastOperationLabel.textProperty().bind(viewModel.status().lastOperationProperty());
        lastOperationLabel.setTooltip(new Tooltip());
        lastOperationLabel.getTooltip().textProperty().bind(viewModel.status().lastOperationProperty());
        viewModel.status().lastOperationFailedProperty().addListener(
                (property, before, now) -> lastOperationLabel.pseudoClassStateChanged(ERROR, now));
    }

    private static void showError(Label summaryLabel, String message) {
        summaryLabel.pseudoClassStateChanged(ERROR, !message.isEmpty());
        summaryLabel.setTooltip(message.isEmpty() ? null : new Tooltip(message));
    }
}
