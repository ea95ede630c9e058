package org.ipdesk.ui.main;

import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import org.ipdesk.ui.TextWidth;

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
        keepWhole(databaseLabel);
        summaryLabel.textProperty().bind(viewModel.status().summaryProperty());
        viewModel.state().errorProperty().addListener((property, before, now) -> showError(summaryLabel, now));
        showError(summaryLabel, viewModel.state().errorProperty().get());
        lastOperationLabel.textProperty().bind(viewModel.status().lastOperationProperty());
        lastOperationLabel.setTooltip(new Tooltip());
        lastOperationLabel.getTooltip().textProperty().bind(viewModel.status().lastOperationProperty());
        viewModel.status().lastOperationFailedProperty().addListener(
                (property, before, now) -> lastOperationLabel.pseudoClassStateChanged(ERROR, now));
    }

    /** The share of the bar that where-you-are may take before it is cut short (a long file path). */
    static final double MOST_OF_BAR = 0.45;

    /**
     * Keeps the label's text whole when the bar is short (the last message gives way instead), up to
     * {@link #MOST_OF_BAR} of the bar: an HBox shrinks every child that can shrink, so the label's least width is
     * its text's width, capped.
     */
    private static void keepWhole(Label label) {
        javafx.beans.InvalidationListener fit = observable -> {
            double whole = Math.ceil(TextWidth.of(label.getText(), label.getFont())) + label.snappedLeftInset()
                    + label.snappedRightInset() + 2;
            double bar = label.getParent() instanceof javafx.scene.layout.Region region ? region.getWidth() : 0;
            label.setMinWidth(Math.max(80, bar <= 0 ? whole : Math.min(whole, bar * MOST_OF_BAR)));
        };
        label.textProperty().addListener(fit);
        label.fontProperty().addListener(fit);
        label.parentProperty().addListener((property, before, now) -> {
            if (now instanceof javafx.scene.layout.Region region) {
                region.widthProperty().addListener(fit);
            }
            fit.invalidated(property);
        });
        if (label.getParent() instanceof javafx.scene.layout.Region region) {
            region.widthProperty().addListener(fit);
        }
        fit.invalidated(label.textProperty());
    }

    private static void showError(Label summaryLabel, String message) {
        summaryLabel.pseudoClassStateChanged(ERROR, !message.isEmpty());
        summaryLabel.setTooltip(message.isEmpty() ? null : new Tooltip(message));
    }
}
