package org.ipdesk.ui.details;

import java.util.List;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableStringValue;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.ipdesk.ui.AttachedWhenShown;
import org.ipdesk.ui.Fxml;
import org.ipdesk.model.CellState;
import org.ipdesk.ui.TextWidth;
import org.ipdesk.ui.grid.GridPalette;

/**
 * Controller of {@code fxml/details/AddressDetails.fxml}: binds the fields, the status swatch and the history
 * list to an {@link AddressDetailsViewModel}. Embed it with {@code AddressDetailsView.load(viewModel).root()}.
 */
public final class AddressDetailsView {

    /** Where the FXML lives on the classpath. */
    public static final String FXML = "/fxml/details/AddressDetails.fxml";

    private static final PseudoClass LONG = PseudoClass.getPseudoClass("long");
    /** Addresses longer than this (IPv6 ones) are written smaller. */
    private static final int LONG_ADDRESS = 15;

    private final AddressDetailsViewModel viewModel;
    private final BooleanProperty dark = new SimpleBooleanProperty(this, "dark", false);
    /** How the form stands now: captions above their values, or beside them; null before it is first placed. */
    private Boolean captionsAbove;

    @FXML
    private StackPane root;
    @FXML
    private Label placeholderLabel;
    @FXML
    private VBox content;
    @FXML
    private TextField ipField;
    @FXML
    private Label subnetLabel;
    @FXML
    private Canvas swatch;
    @FXML
    private Label statusLabel;
    @FXML
    private GridPane form;
    @FXML
    private TextField hostnameField;
    @FXML
    private TextField macField;
    @FXML
    private TextField ownerField;
    @FXML
    private TextField descriptionField;
    @FXML
    private TextField createdField;
    @FXML
    private TextField updatedField;
    @FXML
    private Label lastSeenLabel;
    @FXML
    private ListView<HistoryRow> historyList;

    public AddressDetailsView(AddressDetailsViewModel viewModel) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
    }

    /** Loads the FXML with a controller bound to {@code viewModel}; the Node to place is {@link #root()}. */
    public static AddressDetailsView load(AddressDetailsViewModel viewModel) {
        AddressDetailsView view = new AddressDetailsView(viewModel);
        Fxml.load(FXML, view);
        return view;
    }

    @FXML
    private void initialize() {
        root.getStylesheets().add(Objects.requireNonNull(AddressDetailsView.class.getResource("details.css"),
                "details.css").toExternalForm());
        placeholderLabel.textProperty().bind(viewModel.placeholderProperty());
        placeholderLabel.visibleProperty().bind(viewModel.shownProperty().not());
        content.visibleProperty().bind(viewModel.shownProperty());
        // the form and its history list join the window when the first address is shown
        AttachedWhenShown.attach(root, content, viewModel.shownProperty());

        ipField.textProperty().bind(viewModel.ipProperty());
        // an IPv6 address takes a smaller font, so it fits a narrow pane
        ipField.textProperty().addListener((property, before, now) ->
                ipField.pseudoClassStateChanged(LONG, now.length() > LONG_ADDRESS));
        subnetLabel.textProperty().bind(viewModel.subnetProperty());
        statusLabel.textProperty().bind(viewModel.statusProperty());
        lastSeenLabel.textProperty().bind(viewModel.lastSeenProperty());
        lastSeenLabel.visibleProperty().bind(viewModel.lastSeenProperty().isNotEmpty());
        lastSeenLabel.managedProperty().bind(lastSeenLabel.visibleProperty());
        viewModel.cellStateProperty().addListener((property, before, now) -> paintSwatch());
        dark.addListener((property, before, now) -> paintSwatch());
        paintSwatch();

        // the FXML lists caption, field, caption, field…: one row each, or captions above their values when a
        // value would not fit beside its caption (a MAC or a time in a narrow pane)
        placeForm(false);
        content.widthProperty().addListener(observable -> placeForm(valuesNeedRows()));
        form.visibleProperty().bind(viewModel.heldProperty());
        form.managedProperty().bind(form.visibleProperty());
        field(hostnameField, viewModel.hostnameProperty());
        field(macField, viewModel.macProperty());
        field(ownerField, viewModel.ownerProperty());
        field(descriptionField, viewModel.descriptionProperty());
        field(createdField, viewModel.createdProperty());
        field(updatedField, viewModel.updatedProperty());
        for (TextField field : wholeValues()) {
            field.textProperty().addListener(observable -> placeForm(valuesNeedRows()));
            field.fontProperty().addListener(observable -> placeForm(valuesNeedRows()));
        }
        tooltip(createdField, viewModel.createdInstantProperty());
        tooltip(updatedField, viewModel.updatedInstantProperty());
        tooltip(descriptionField, viewModel.descriptionProperty());

        historyList.setItems(viewModel.history());
        historyList.setCellFactory(HistoryCell::new);
        historyList.setFocusTraversable(false);
    }

    /** The values that must show whole (the description is free text, in full on hover). */
    private List<TextField> wholeValues() {
        return List.of(hostnameField, macField, ownerField, createdField, updatedField);
    }

    /**
     * Whether a value, beside the widest caption, would be wider than the pane: the form then puts each caption on
     * its own row above its value. Decided from the pane's width, which does not depend on the form's layout.
     */
    private boolean valuesNeedRows() {
        double captions = 0;
        for (int i = 0; i < form.getChildren().size(); i += 2) {
            captions = Math.max(captions, form.getChildren().get(i).prefWidth(-1));
        }
        double available = content.getWidth() - captions - form.getHgap();
        for (TextField field : wholeValues()) {
            double needed = Math.ceil(TextWidth.of(field.getText(), field.getFont())) + field.getInsets().getLeft()
                    + field.getInsets().getRight();
            if (needed > available) {
                return true;
            }
        }
        return false;
    }

    private void placeForm(boolean rows) {
        if (Boolean.valueOf(rows).equals(captionsAbove)) {
            return;
        }
        captionsAbove = rows;
        for (int i = 0; i < form.getChildren().size(); i++) {
            Node node = form.getChildren().get(i);
            if (rows) {
                GridPane.setConstraints(node, 0, i, 2, 1);
            } else {
                GridPane.setConstraints(node, i % 2, i / 2, 1, 1);
            }
        }
    }

    private static void field(TextField field, ObservableStringValue text) {
        field.textProperty().bind(text);
        field.setPromptText("\u2014");
    }

    private static void tooltip(TextField field, ObservableStringValue text) {
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(text);
        tip.setWrapText(true);
        tip.setMaxWidth(420);
        field.tooltipProperty().bind(Bindings.when(Bindings.isEmpty(text)).then((Tooltip) null).otherwise(tip));
    }

    private void paintSwatch() {
        GraphicsContext g = swatch.getGraphicsContext2D();
        g.clearRect(0, 0, swatch.getWidth(), swatch.getHeight());
        CellState state = viewModel.cellStateProperty().get();
        swatch.setVisible(state != null);
        if (state != null) {
            GridPalette.of(dark.get()).paint(g, state, 0, 0, swatch.getWidth(), swatch.getHeight());
        }
    }

    /** Two lines per change: "2026-11-26 14:03 · alice · updated", then what changed. */
    private static final class HistoryCell extends ListCell<HistoryRow> {
        private final Label when = new Label();
        private final Label summary = new Label();
        private final VBox box = new VBox(1, when, summary);

        HistoryCell(ListView<HistoryRow> list) {
            when.getStyleClass().addAll("history-when", "text-small");
            summary.getStyleClass().add("history-summary");
            summary.setWrapText(true);
            // wrap within the list's width (less the cell's padding and a scroll bar)
            summary.maxWidthProperty().bind(list.widthProperty().subtract(36));
            summary.setMinHeight(Region.USE_PREF_SIZE);
            box.getStyleClass().add("history-row");
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(HistoryRow row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                setGraphic(null);
                setText(null);
                setTooltip(null);
                return;
            }
            // the action before who did it: in a narrow pane a long name ("alice (OS user asmith)") is what gets cut,
            // and the whole line is on hover
            when.setText(row.time() + " \u00b7 " + row.action() + " \u00b7 " + row.user());
            summary.setText(row.summary());
            setTooltip(new javafx.scene.control.Tooltip(when.getText() + "\n" + row.summary()));
            setText(null);
            setGraphic(box);
        }
    }

    /** The pane, to place in the main window. */
    public Parent root() {
        return root;
    }

    /** Dark theme colours for the status swatch (the grid's dark palette); bind it to the grid's. */
    public BooleanProperty darkProperty() {
        return dark;
    }

    public AddressDetailsViewModel viewModel() {
        return viewModel;
    }
}
