package org.ipdesk.ui.main;

import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableRow;
import javafx.scene.control.TreeTableView;
import javafx.util.Callback;

/** Controller of {@code fxml/main/MainView.fxml}: binds the tree and the status bar to {@link MainViewModel}. */
public final class MainView {

    private static final PseudoClass NETWORK = PseudoClass.getPseudoClass("network");
    private static final PseudoClass ERROR = PseudoClass.getPseudoClass("error");

    private final MainViewModel viewModel;

    @FXML
    private TreeTableView<TreeRow> networkTree;
    @FXML
    private TreeTableColumn<TreeRow, String> cidrColumn;
    @FXML
    private TreeTableColumn<TreeRow, String> nameColumn;
    @FXML
    private TreeTableColumn<TreeRow, String> vlanColumn;
    @FXML
    private TreeTableColumn<TreeRow, String> usageColumn;
    @FXML
    private TreeTableColumn<TreeRow, String> usedColumn;
    @FXML
    private Label placeholderLabel;
    @FXML
    private Label databaseLabel;
    @FXML
    private Label summaryLabel;
    @FXML
    private Button refreshButton;

    public MainView(MainViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        cidrColumn.setCellValueFactory(cell(TreeRow::label));
        nameColumn.setCellValueFactory(cell(TreeRow::name));
        vlanColumn.setCellValueFactory(cell(TreeRow::vlan));
        usageColumn.setCellValueFactory(cell(TreeRow::usage));
        usedColumn.setCellValueFactory(cell(TreeRow::used));

        networkTree.setRoot(new TreeItem<>());
        networkTree.setShowRoot(false);
        networkTree.setRowFactory(tree -> new TreeTableRow<>() {
            @Override
            protected void updateItem(TreeRow row, boolean empty) {
                super.updateItem(row, empty);
                pseudoClassStateChanged(NETWORK, !empty && row != null && row.kind() == TreeRow.Kind.NETWORK);
            }
        });
        viewModel.networks().addListener((ListChangeListener<TreeRow>) change -> showRows(viewModel.networks()));
        showRows(viewModel.networks());

        placeholderLabel.textProperty().bind(viewModel.placeholderProperty());
        databaseLabel.textProperty().bind(viewModel.databaseTextProperty());
        summaryLabel.textProperty().bind(viewModel.summaryProperty());
        viewModel.errorProperty().addListener((property, before, now) -> showError(now));
        showError(viewModel.errorProperty().get());
        refreshButton.disableProperty().bind(viewModel.loadingProperty());
    }

    @FXML
    private void refresh() {
        viewModel.load();
    }

    private void showError(String message) {
        summaryLabel.pseudoClassStateChanged(ERROR, !message.isEmpty());
        summaryLabel.setTooltip(message.isEmpty() ? null : new Tooltip(message));
    }

    private void showRows(List<TreeRow> rows) {
        networkTree.getRoot().getChildren().setAll(rows.stream().map(MainView::item).toList());
    }

    private static TreeItem<TreeRow> item(TreeRow row) {
        TreeItem<TreeRow> item = new TreeItem<>(row);
        item.getChildren().setAll(row.children().stream().map(MainView::item).toList());
        item.setExpanded(true);
        return item;
    }

    private static Callback<TreeTableColumn.CellDataFeatures<TreeRow, String>, ObservableValue<String>> cell(
            Function<TreeRow, String> field) {
        return features -> new ReadOnlyStringWrapper(
                features.getValue() == null || features.getValue().getValue() == null
                        ? ""
                        : field.apply(features.getValue().getValue()));
    }
}
