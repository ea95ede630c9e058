package org.ipdesk.ui.settings;

import atlantafx.base.theme.Styles;
import java.util.Map;
import java.util.Objects;
import javafx.beans.property.ObjectProperty;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.Region;
import org.ipdesk.settings.CellSize;
import org.ipdesk.ui.edit.DialogForms;
import org.ipdesk.ui.settings.PreferencesViewModel.Startup;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * Edit → Preferences (fxml/settings/PreferencesView.fxml): binds the radio buttons and fields to a
 * {@link PreferencesViewModel}; OK is enabled only while the view model is valid.
 */
public final class PreferencesView {

    /** The dialog's FXML on the class path. */
    public static final String FXML = "/fxml/settings/PreferencesView.fxml";

    private static final Map<CellSize, String> CELL_SIZE_INFO = Map.of(
            CellSize.SMALL, "Small: more addresses in a row, for wide subnets and small screens",
            CellSize.MEDIUM, "Medium: the grid fills its width with cells of 14 to 30 pixels",
            CellSize.LARGE, "Large: fewer, bigger cells that are easier to read and to click");

    /** About the width of the field column. */
    private static final double INFO_WIDTH = 400;

    private final PreferencesViewModel viewModel;

    @FXML
    private DialogPane dialogPane;
    @FXML
    private ToggleGroup themeGroup;
    @FXML
    private RadioButton lightRadio;
    @FXML
    private RadioButton darkRadio;
    @FXML
    private ToggleGroup cellSizeGroup;
    @FXML
    private RadioButton smallRadio;
    @FXML
    private RadioButton mediumRadio;
    @FXML
    private RadioButton largeRadio;
    @FXML
    private Label cellSizeInfo;
    @FXML
    private TextField warningField;
    @FXML
    private Label warningError;
    @FXML
    private TextField criticalField;
    @FXML
    private Label criticalError;
    @FXML
    private Label thresholdInfo;
    @FXML
    private ToggleGroup startupGroup;
    @FXML
    private RadioButton lastUsedRadio;
    @FXML
    private RadioButton fileRadio;
    @FXML
    private TextField startupFileField;
    @FXML
    private Button browseButton;
    @FXML
    private Label startupFileError;

    public PreferencesView(PreferencesViewModel viewModel) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
    }

    /** The OK button's type (the dialog's result converter compares with it). */
    public ButtonType okButtonType() {
        return ButtonType.OK;
    }

    @FXML
    private void initialize() {
        dialogPane.getStylesheets().addAll(
                Objects.requireNonNull(DialogForms.class.getResource("edit.css"), "edit.css").toExternalForm(),
                Objects.requireNonNull(PreferencesView.class.getResource("settings.css"), "settings.css")
                        .toExternalForm());
        dialogPane.setHeaderText("Preferences");
        FontIcon icon = new FontIcon(Material2MZ.SETTINGS);
        icon.getStyleClass().add("dialog-icon");
        dialogPane.setGraphic(icon);
        dialogPane.getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        Button ok = (Button) dialogPane.lookupButton(ButtonType.OK);
        ok.setId("okButton");
        ok.getStyleClass().add(Styles.ACCENT);
        ok.disableProperty().bind(viewModel.validProperty().not());
        dialogPane.lookupButton(ButtonType.CANCEL).setId("cancelButton");

        lightRadio.setUserData(false);
        darkRadio.setUserData(true);
        bindChoice(themeGroup, viewModel.darkThemeProperty().asObject());
        smallRadio.setUserData(CellSize.SMALL);
        mediumRadio.setUserData(CellSize.MEDIUM);
        largeRadio.setUserData(CellSize.LARGE);
        bindChoice(cellSizeGroup, viewModel.cellSizeProperty());
        cellSizeInfo.textProperty().bind(viewModel.cellSizeProperty().map(CELL_SIZE_INFO::get));
        wrapInColumn(cellSizeInfo);

        warningField.textProperty().bindBidirectional(viewModel.warningProperty());
        criticalField.textProperty().bindBidirectional(viewModel.criticalProperty());
        DialogForms.showError(warningField, warningError, viewModel.warningErrorProperty());
        DialogForms.showError(criticalField, criticalError, viewModel.criticalErrorProperty());
        thresholdInfo.textProperty().bind(viewModel.thresholdInfoProperty());
        thresholdInfo.visibleProperty().bind(viewModel.thresholdInfoProperty().isNotEmpty());
        thresholdInfo.managedProperty().bind(thresholdInfo.visibleProperty());
        wrapInColumn(thresholdInfo);

        lastUsedRadio.setUserData(Startup.LAST_USED);
        fileRadio.setUserData(Startup.FILE);
        bindChoice(startupGroup, viewModel.startupProperty());
        startupFileField.textProperty().bindBidirectional(viewModel.startupFileProperty());
        startupFileField.disableProperty().bind(viewModel.startupProperty().isNotEqualTo(Startup.FILE));
        DialogForms.showError(startupFileField, startupFileError, viewModel.startupFileErrorProperty());
        DialogForms.focus(themeGroup.getSelectedToggle() instanceof RadioButton selected ? selected : lightRadio);
    }

    @FXML
    private void browse() {
        viewModel.browse();
    }

    /**
     * A wrapping label in a grid is measured at its preferred width: give it about the field column's width, so a
     * long text takes two lines instead of ending in "...".
     */
    private static void wrapInColumn(Label label) {
        label.setWrapText(true);
        label.setPrefWidth(INFO_WIDTH);
        label.setMaxWidth(Double.MAX_VALUE);
        label.setMinHeight(Region.USE_PREF_SIZE);
    }

    /** Keeps the selected toggle of {@code group} (each toggle's user data is a value) and {@code value} in step. */
    private static <T> void bindChoice(ToggleGroup group, ObjectProperty<T> value) {
        select(group, value.get());
        value.addListener((property, before, now) -> select(group, now));
        group.selectedToggleProperty().addListener((property, before, now) -> {
            if (now != null) {
                @SuppressWarnings("unchecked")
                T chosen = (T) now.getUserData();
                value.set(chosen);
            }
        });
    }

    private static void select(ToggleGroup group, Object value) {
        for (Toggle toggle : group.getToggles()) {
            if (Objects.equals(toggle.getUserData(), value)) {
                group.selectToggle(toggle);
                return;
            }
        }
    }
}
