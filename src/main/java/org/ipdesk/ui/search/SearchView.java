package org.ipdesk.ui.search;

import atlantafx.base.controls.CustomTextField;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javafx.beans.Observable;
import javafx.fxml.FXML;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Popup;
import org.ipdesk.ui.Fxml;
import org.ipdesk.ui.OpaquePopups;

/**
 * Controller of {@code fxml/search/SearchView.fxml}: the search field, bound to a {@link SearchViewModel}, and a
 * popup under it listing the results. Typing searches; Down and Up move through the results; Enter chooses the
 * selected (or first) one; Escape closes the list, a second Escape empties the field; a click chooses. Place
 * {@link #root()} in a toolbar and bind Ctrl+F to {@link #focusField()}.
 */
public final class SearchView {

    /** Where the FXML lives on the classpath. */
    public static final String FXML = "/fxml/search/SearchView.fxml";
    /** Results shown without scrolling. */
    private static final int VISIBLE_ROWS = 8;
    private static final double ROW_HEIGHT = 46;
    private static final double MIN_POPUP_WIDTH = 460;

    private final SearchViewModel viewModel;
    private final Popup popup = new Popup();
    /** Set by Escape, a choice or a click elsewhere: the list stays closed until the text changes or Down. */
    private boolean dismissed;

    @FXML
    private HBox root;
    @FXML
    private CustomTextField searchField;
    @FXML
    private VBox resultsPane;
    @FXML
    private ListView<SearchResult> resultsList;
    @FXML
    private Label messageLabel;

    public SearchView(SearchViewModel viewModel) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
    }

    /** Loads the FXML with a controller bound to {@code viewModel}; the Node to place is {@link #root()}. */
    public static SearchView load(SearchViewModel viewModel) {
        SearchView view = new SearchView(viewModel);
        Fxml.load(FXML, view);
        return view;
    }

    @FXML
    private void initialize() {
        String css = Objects.requireNonNull(SearchView.class.getResource("search.css"), "search.css").toExternalForm();
        root.getStylesheets().add(css);
        // the list's popup is a window of its own, without the main window's stylesheets
        resultsPane.getStylesheets().setAll(OpaquePopups.with(List.of(css), OpaquePopups.needed()));

        searchField.textProperty().bindBidirectional(viewModel.queryProperty());
        messageLabel.textProperty().bind(viewModel.messageProperty());
        // a result gone since it was found: the reason above the count, in full
        messageLabel.setWrapText(true);
        messageLabel.setMinHeight(Region.USE_PREF_SIZE);
        resultsList.setItems(viewModel.results());
        resultsList.setFixedCellSize(ROW_HEIGHT);
        resultsList.setCellFactory(list -> new ResultCell());
        resultsList.getSelectionModel().selectedItemProperty().addListener((property, before, now) -> {
            if (now != null) {
                viewModel.selectedProperty().set(now);
            }
        });
        viewModel.selectedProperty().addListener((property, before, now) -> {
            if (now == null) {
                resultsList.getSelectionModel().clearSelection();
            } else {
                resultsList.getSelectionModel().select(now);
                reveal(resultsList.getSelectionModel().getSelectedIndex());
            }
        });

        popup.getContent().add(resultsPane);
        popup.setAutoHide(true);
        popup.setHideOnEscape(false);
        popup.setConsumeAutoHidingEvents(false);
        popup.setOnAutoHide(event -> dismissed = true);

        viewModel.queryProperty().addListener((property, before, now) -> dismissed = false);
        viewModel.results().addListener(this::update);
        viewModel.messageProperty().addListener(this::update);
        // a chosen result that no longer exists: the list opens again, saying so, with the new results
        viewModel.goneProperty().addListener((property, before, now) -> {
            if (!now.isEmpty()) {
                dismissed = false;
                update(null);
            }
        });
        searchField.focusedProperty().addListener(this::update);
        searchField.addEventFilter(KeyEvent.KEY_PRESSED, this::keyPressed);
        // the popup does not take the focus, but should it get a key, it means the same as in the field
        resultsPane.addEventFilter(KeyEvent.KEY_PRESSED, this::keyPressed);
    }

    /** The Node to place in the window: the search field. */
    public Node root() {
        return root;
    }

    /** Puts the keyboard in the field with its text selected (Ctrl+F), and lists the results again. */
    public void focusField() {
        searchField.requestFocus();
        searchField.selectAll();
        dismissed = false;
        update(null);
    }

    /** Whether the results list is open. */
    public boolean isListShowing() {
        return popup.isShowing();
    }

    // ================================================================= keyboard

    private void keyPressed(KeyEvent event) {
        switch (event.getCode()) {
            case DOWN -> {
                dismissed = false;
                viewModel.moveSelection(1);
                update(null);
                event.consume();
            }
            case UP -> {
                viewModel.moveSelection(-1);
                event.consume();
            }
            case PAGE_DOWN -> {
                viewModel.moveSelection(VISIBLE_ROWS);
                event.consume();
            }
            case PAGE_UP -> {
                viewModel.moveSelection(-VISIBLE_ROWS);
                event.consume();
            }
            case ENTER -> {
                if (viewModel.choose()) {
                    close();
                    event.consume();
                }
            }
            case ESCAPE -> {
                if (popup.isShowing()) {
                    close();
                    event.consume();
                } else if (!searchField.getText().isEmpty()) {
                    viewModel.clear();
                    event.consume();
                }
            }
            default -> { }
        }
    }

    /** Scrolls the list only as far as needed to show row {@code index} (ListView.scrollTo puts it at the top). */
    private void reveal(int index) {
        if (index < 0) {
            return;
        }
        if (resultsList.lookup(".virtual-flow") instanceof VirtualFlow<?> flow) {
            flow.scrollTo(index);
        } else {
            resultsList.scrollTo(index);
        }
    }

    private void close() {
        dismissed = true;
        popup.hide();
    }

    // ================================================================= the popup

    /** Opens, sizes or closes the list after the text, the results or the focus changed. */
    private void update(Observable ignored) {
        boolean wanted = !dismissed && searchField.isFocused() && searchField.getScene() != null
                && searchField.getScene().getWindow() != null && searchField.getScene().getWindow().isShowing()
                && !viewModel.messageProperty().get().isEmpty();
        if (!wanted) {
            popup.hide();
            return;
        }
        int rows = Math.min(viewModel.results().size(), VISIBLE_ROWS);
        resultsList.setVisible(rows > 0);
        resultsList.setManaged(rows > 0);
        resultsList.setPrefHeight(rows * ROW_HEIGHT + 2);
        double width = Math.max(searchField.getWidth(), MIN_POPUP_WIDTH);
        resultsPane.setPrefWidth(width);
        resultsPane.setMinWidth(width);
        Bounds field = searchField.localToScreen(searchField.getBoundsInLocal());
        if (field == null) {
            return;
        }
        if (!popup.isShowing()) {
            popup.show(searchField, field.getMinX(), field.getMaxY() + 2);
        }
        popup.sizeToScene();
        // the popup places its content's visual bounds (drop shadow included) at the point: line the panel itself
        // up under the field
        Bounds panel = resultsPane.localToScreen(resultsPane.getLayoutBounds());
        Scene scene = searchField.getScene();
        if (panel != null) {
            double left = scene.getWindow().getX() + scene.getX();
            double x = panelX(field.getMinX(), field.getMaxX(), width, left, left + scene.getWidth());
            popup.setX(popup.getX() + x - panel.getMinX());
            popup.setY(popup.getY() + field.getMaxY() + 2 - panel.getMinY());
        }
    }

    /**
     * Where the list's panel starts: under the field's left edge when it fits in the window from there; otherwise
     * (a field at the window's right, as in the toolbar) ending under the field's right edge, never left of the
     * window.
     */
    static double panelX(double fieldMin, double fieldMax, double width, double windowMin, double windowMax) {
        if (fieldMin + width <= windowMax) {
            return fieldMin;
        }
        return Math.max(windowMin, fieldMax - width);
    }

    /**
     * A result on two lines: address or CIDR, host name, when last seen (if ever) and status; then subnet, network
     * and details, muted.
     */
    private final class ResultCell extends ListCell<SearchResult> {
        private final Label title = new Label();
        private final Label host = new Label();
        private final Label status = new Label();
        private final Label seen = new Label();
        private final Label place = new Label();
        private final Region gap = new Region();
        private final VBox box;

        ResultCell() {
            title.getStyleClass().add("result-title");
            host.getStyleClass().add("result-host");
            status.getStyleClass().add("result-status");
            seen.getStyleClass().add("result-seen");
            seen.setMinWidth(Region.USE_PREF_SIZE);
            place.getStyleClass().add("result-place");
            title.setMinWidth(Region.USE_PREF_SIZE);
            status.setMinWidth(Region.USE_PREF_SIZE);
            HBox.setHgrow(gap, Priority.ALWAYS);
            HBox first = new HBox(10, title, host, gap, seen, status);
            first.setAlignment(javafx.geometry.Pos.BASELINE_LEFT);
            box = new VBox(2, first, place);
            box.getStyleClass().add("result");
            // the cell takes the list's width, never widens it: long texts end in an ellipsis
            host.setMinWidth(0);
            place.setMinWidth(0);
            setPrefWidth(0);
            setContentDisplay(javafx.scene.control.ContentDisplay.GRAPHIC_ONLY);
            setOnMouseClicked(event -> {
                if (event.getButton() == MouseButton.PRIMARY && !isEmpty() && getItem() != null) {
                    viewModel.choose(getItem());
                    close();
                }
            });
        }

        @Override
        protected void updateItem(SearchResult result, boolean empty) {
            super.updateItem(result, empty);
            setText(null);
            if (empty || result == null) {
                setGraphic(null);
                return;
            }
            title.setText(result.title());
            boolean address = result.kind() == SearchResult.Kind.ADDRESS;
            host.setText(address ? (result.hostname().isEmpty() ? "(no host name)" : result.hostname())
                    : result.ip().isPresent() ? "" : result.subnet().name());
            status.setText(result.status());
            // a held address a scan, lease file or neighbour table saw: when, as the address table's Last seen
            seen.setText(result.lastSeen().isPresent() ? "seen " + result.lastSeenText() : "");
            seen.setVisible(result.lastSeen().isPresent());
            seen.setManaged(result.lastSeen().isPresent());
            status.getStyleClass().removeIf(style -> style.startsWith("status-"));
            status.getStyleClass().add("status-" + result.status().toLowerCase(Locale.ROOT).replace(' ', '-'));
            String more;
            if (address) {
                String mac = result.mac().map(Object::toString).orElse("");
                more = mac + (mac.isEmpty() || result.snippet().isEmpty() ? "" : " \u00b7 ") + result.snippet();
            } else {
                // the subnet's name is on the screen already: add its VLAN and description
                var subnet = result.subnet();
                more = (subnet.vlan().isPresent() ? "VLAN " + subnet.vlan().getAsInt() : "")
                        + (subnet.vlan().isPresent() && !subnet.description().isEmpty() ? " \u00b7 " : "")
                        + subnet.description();
            }
            String where = result.place();
            place.setText(more.isEmpty() ? where : where + "  \u2014  " + more);
            setGraphic(box);
        }
    }
}
