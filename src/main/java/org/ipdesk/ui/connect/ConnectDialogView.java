package org.ipdesk.ui.connect;

import atlantafx.base.theme.Styles;
import java.util.Objects;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import org.ipdesk.ui.edit.DialogForms;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

/**
 * File → Connect to a team database… (fxml/connect/ConnectDialog.fxml): binds the fields to a
 * {@link ConnectDialogViewModel}; Connect and Test connection are enabled only while the fields are right, and the
 * remember box only where there is a system keyring (its tooltip says why not).
 */
public final class ConnectDialogView {

    /** The dialog's FXML on the class path. */
    public static final String FXML = "/fxml/connect/ConnectDialog.fxml";

    /** About the width of the field column. */
    private static final double INFO_WIDTH = 440;

    private final ConnectDialogViewModel viewModel;
    private final ButtonType connectType = new ButtonType("Connect", ButtonData.OK_DONE);

    @FXML
    private DialogPane dialogPane;
    @FXML
    private TextField hostField;
    @FXML
    private TextField portField;
    @FXML
    private Label hostError;
    @FXML
    private Label portError;
    @FXML
    private TextField databaseField;
    @FXML
    private Label databaseError;
    @FXML
    private TextField userField;
    @FXML
    private PasswordField passwordField;
    @FXML
    private CheckBox rememberBox;
    @FXML
    private Label keyringInfo;
    @FXML
    private Label pgpassInfo;
    @FXML
    private ComboBox<String> sslModeBox;
    @FXML
    private Label sslModeInfo;
    @FXML
    private Label urlLabel;
    @FXML
    private Button testButton;
    @FXML
    private Label testResult;

    public ConnectDialogView(ConnectDialogViewModel viewModel) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
    }

    /** The Connect button's type (the dialog's result converter compares with it). */
    public ButtonType connectButtonType() {
        return connectType;
    }

    @FXML
    private void initialize() {
        dialogPane.getStylesheets().add(
                Objects.requireNonNull(DialogForms.class.getResource("edit.css"), "edit.css").toExternalForm());
        dialogPane.setHeaderText("Connect to a team database on a PostgreSQL server");
        FontIcon icon = new FontIcon(Material2AL.DNS);
        icon.getStyleClass().add("dialog-icon");
        dialogPane.setGraphic(icon);
        dialogPane.getButtonTypes().setAll(connectType, ButtonType.CANCEL);
        Button connect = (Button) dialogPane.lookupButton(connectType);
        connect.setId("connectButton");
        connect.getStyleClass().add(Styles.ACCENT);
        connect.disableProperty().bind(viewModel.validProperty().not());
        dialogPane.lookupButton(ButtonType.CANCEL).setId("cancelButton");

        hostField.textProperty().bindBidirectional(viewModel.hostProperty());
        portField.textProperty().bindBidirectional(viewModel.portProperty());
        databaseField.textProperty().bindBidirectional(viewModel.databaseProperty());
        userField.textProperty().bindBidirectional(viewModel.userProperty());
        userField.promptTextProperty().bind(viewModel.userPromptProperty());
        passwordField.textProperty().bindBidirectional(viewModel.passwordProperty());
        showError(hostField, hostError, viewModel.hostErrorProperty());
        showError(portField, portError, viewModel.portErrorProperty());
        showError(databaseField, databaseError, viewModel.databaseErrorProperty());

        rememberBox.selectedProperty().bindBidirectional(viewModel.rememberProperty());
        rememberBox.disableProperty().bind(viewModel.keyringAvailableProperty().not());
        Tooltip why = new Tooltip();
        why.textProperty().bind(viewModel.keyringInfoProperty());
        why.setWrapText(true);
        why.setMaxWidth(INFO_WIDTH);
        rememberBox.setTooltip(why);
        keyringInfo.textProperty().bind(viewModel.keyringInfoProperty());
        wrapInColumn(keyringInfo);
        wrapInColumn(pgpassInfo);

        sslModeBox.setItems(viewModel.sslModes());
        sslModeBox.valueProperty().bindBidirectional(viewModel.sslModeProperty());
        sslModeInfo.textProperty().bind(viewModel.sslModeInfoProperty());
        wrapInColumn(sslModeInfo);

        urlLabel.textProperty().bind(viewModel.urlProperty());
        testButton.disableProperty().bind(viewModel.validProperty().not().or(viewModel.testingProperty()));
        testResult.textProperty().bind(viewModel.testResultProperty());
        testResult.setMinHeight(Region.USE_PREF_SIZE);
        testResult.setPrefWidth(INFO_WIDTH - 140);
        // the answer in the danger or the success colour; "Connecting …" and nothing in the plain one
        testResult.textProperty().addListener((o, before, now) -> {
            testResult.getStyleClass().removeAll(Styles.DANGER, Styles.SUCCESS);
            if (!viewModel.testingProperty().get() && !now.isEmpty()) {
                testResult.getStyleClass().add(viewModel.testFailedProperty().get() ? Styles.DANGER : Styles.SUCCESS);
            }
        });
        DialogForms.focus(hostField.getText().isEmpty() ? hostField : passwordField);
    }

    @FXML
    private void test() {
        viewModel.testConnection();
    }

    /** The error under a field, taking no room while there is none; the field is marked while there is one. */
    private static void showError(TextField field, Label label, ReadOnlyStringProperty error) {
        DialogForms.showError(null, label, error);
        field.pseudoClassStateChanged(Styles.STATE_DANGER, !error.get().isEmpty());
        error.addListener((o, before, now) -> field.pseudoClassStateChanged(Styles.STATE_DANGER, !now.isEmpty()));
    }

    private static void wrapInColumn(Label label) {
        label.setPrefWidth(INFO_WIDTH);
        label.setMaxWidth(Double.MAX_VALUE);
        label.setMinHeight(Region.USE_PREF_SIZE);
    }
}
