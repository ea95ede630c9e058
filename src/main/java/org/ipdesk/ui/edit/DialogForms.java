package org.ipdesk.ui.edit;

import atlantafx.base.theme.Styles;
import java.util.Objects;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.stage.Window;
import org.ipdesk.ui.ToolWindow;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

/** The binding the dialog views share (these three, and the address dialogs of ui.address): buttons, header, the general error and each field's error label. */
public final class DialogForms {

    /** About the width of the field column of the dialogs' forms. */
    private static final double ERROR_WIDTH = 380;

    private DialogForms() {
    }

    /**
     * Sets up the dialog pane of a view: header and icon, the edit.css stylesheet, the Save/Create button
     * (#saveButton, disabled while the view model cannot save, forwarding its click to {@code save()} so the
     * dialog stays open until the save succeeds) and Cancel (#cancelButton, disabled while saving).
     */
    public static void setUp(DialogPane pane, EditDialogViewModel<?> vm, Label formError, Ikon icon) {
        pane.getStylesheets().add(Objects.requireNonNull(DialogForms.class.getResource("edit.css"), "edit.css")
                .toExternalForm());
        pane.headerTextProperty().bind(vm.headerProperty());
        // a header that gains a line (a note on the input) makes the window grow instead of covering the buttons
        vm.headerProperty().addListener((obs, before, now) -> Platform.runLater(() -> {
            Window window = pane.getScene() == null ? null : pane.getScene().getWindow();
            if (window != null) {
                // measured at the dialog's width, so that the lines the header wraps into are counted
                double more = pane.prefHeight(pane.getWidth()) - pane.getHeight();
                if (more > 0) {
                    ToolWindow.taller(window, more);
                }
            }
        }));
        FontIcon graphic = new FontIcon(icon);
        graphic.getStyleClass().add("dialog-icon");
        pane.setGraphic(graphic);

        ButtonType saveType = new ButtonType(vm.saveLabel(), ButtonData.OK_DONE);
        pane.getButtonTypes().setAll(saveType, ButtonType.CANCEL);
        Button save = (Button) pane.lookupButton(saveType);
        save.setId("saveButton");
        save.getStyleClass().add(Styles.ACCENT);
        save.disableProperty().bind(vm.canSaveProperty().not());
        save.addEventFilter(ActionEvent.ACTION, event -> {
            event.consume();
            vm.save();
        });
        Button cancel = (Button) pane.lookupButton(ButtonType.CANCEL);
        cancel.setId("cancelButton");
        cancel.disableProperty().bind(vm.savingProperty());

        showError(null, formError, vm.errorProperty());
    }

    /**
     * Shows {@code error} in the label under a field (with an icon, in the danger colour) and marks the field
     * with AtlantaFX's danger state while there is one; the window grows when a message needs more lines.
     */
    public static void showError(Node field, Label label, ObservableStringValue error) {
        label.textProperty().bind(error);
        label.getStyleClass().add("field-error");
        FontIcon icon = new FontIcon(Material2AL.ERROR_OUTLINE);
        icon.getStyleClass().add("field-error-icon");
        label.setGraphic(icon);
        label.setWrapText(true);
        // a wrapping label in a grid is measured at its preferred width: give it the column's width, so a long
        // message takes two lines instead of ending in "..."
        label.setPrefWidth(ERROR_WIDTH);
        label.setMaxWidth(Double.MAX_VALUE);
        label.setMinHeight(Region.USE_PREF_SIZE);
        icon.visibleProperty().bind(Bindings.isNotEmpty(error));
        update(field, label, error.get());
        error.addListener((obs, before, now) -> {
            update(field, label, now);
            Platform.runLater(() -> {
                Window window = label.getScene() == null ? null : label.getScene().getWindow();
                if (window != null) {
                    window.sizeToScene();
                }
            });
        });
    }

    private static void update(Node field, Label label, String error) {
        boolean bad = error != null && !error.isEmpty();
        if (field != null) {
            field.pseudoClassStateChanged(Styles.STATE_DANGER, bad);
        }
        if (field == null) {
            label.setVisible(bad);
            label.setManaged(bad);
        }
    }

    /** Puts the caret in {@code field} once the dialog shows. */
    public static void focus(Node field) {
        Platform.runLater(field::requestFocus);
    }
}
