package org.ipdesk.ui.serviceexport;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.ipdesk.service.ServiceTarget;
import org.ipdesk.ui.Fxml;
import org.ipdesk.ui.ToolWindow;
import org.ipdesk.ui.serviceexport.ServiceExportViewModel.DiffRow;
import org.ipdesk.ui.serviceexport.ServiceExportViewModel.ProblemRow;
import org.ipdesk.ui.serviceexport.ServiceExportViewModel.ScopeChoice;

/** Controller of {@code fxml/serviceexport/ServiceExport.fxml}: binds the choices, the check's lists and the buttons. */
public final class ServiceExportView {

    static final String FXML = "/fxml/serviceexport/ServiceExport.fxml";
    private static final PseudoClass FILE = PseudoClass.getPseudoClass("file");
    private static final PseudoClass ADDED = PseudoClass.getPseudoClass("added");
    private static final PseudoClass REMOVED = PseudoClass.getPseudoClass("removed");
    private static final PseudoClass FAILED = PseudoClass.getPseudoClass("failed");

    private final ServiceExportViewModel viewModel;

    @FXML
    private BorderPane root;
    @FXML
    private ComboBox<ServiceTarget> targetChoice;
    @FXML
    private Label aboutLabel;
    @FXML
    private ComboBox<ScopeChoice> scopeChoice;
    @FXML
    private TextField pathField;
    @FXML
    private Button chooseButton;
    @FXML
    private Label pathHintLabel;
    @FXML
    private Label zoneCaption;
    @FXML
    private javafx.scene.layout.HBox zoneBox;
    @FXML
    private TextField zoneField;
    @FXML
    private TextField nameServerField;
    @FXML
    private TextField hostmasterField;
    @FXML
    private javafx.scene.control.TitledPane rulesPane;
    @FXML
    private Label zoneRulesLabel;
    @FXML
    private Label problemSummaryLabel;
    @FXML
    private TableView<ProblemRow> problemTable;
    @FXML
    private Label diffSummaryLabel;
    @FXML
    private ListView<DiffRow> diffList;
    @FXML
    private Label messageLabel;
    @FXML
    private CheckBox writeAnywayBox;
    @FXML
    private ProgressIndicator busyIndicator;
    @FXML
    private Button checkButton;
    @FXML
    private Button writeButton;
    @FXML
    private Button closeButton;

    public ServiceExportView(ServiceExportViewModel viewModel) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
    }

    /** Opens the dialog as a modal window over {@code owner}. */
    public static Stage showWindow(Window owner, List<String> stylesheets, ServiceExportViewModel viewModel) {
        ServiceExportView view = new ServiceExportView(viewModel);
        Parent root = Fxml.load(FXML, view);
        Stage stage = ToolWindow.create(owner, root, stylesheets, -1, -1);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle(viewModel.title());
        stage.show();
        view.pathField.requestFocus();
        return stage;
    }

    @FXML
    private void initialize() {
        root.getStylesheets().add(Objects.requireNonNull(ServiceExportView.class.getResource("serviceexport.css"),
                "serviceexport.css").toExternalForm());
        targetChoice.setItems(viewModel.targets());
        targetChoice.setConverter(new StringConverter<>() {
            @Override
            public String toString(ServiceTarget target) {
                return target == null ? "" : ServiceExportViewModel.targetName(target);
            }

            @Override
            public ServiceTarget fromString(String text) {
                return null;
            }
        });
        targetChoice.valueProperty().bindBidirectional(viewModel.targetProperty());
        aboutLabel.textProperty().bind(viewModel.aboutProperty());
        scopeChoice.setItems(viewModel.scopes());
        scopeChoice.valueProperty().bindBidirectional(viewModel.scopeProperty());
        pathField.textProperty().bindBidirectional(viewModel.pathProperty());
        pathHintLabel.textProperty().bind(viewModel.pathHintProperty());
        zoneField.textProperty().bindBidirectional(viewModel.zoneProperty());
        nameServerField.textProperty().bindBidirectional(viewModel.nameServerProperty());
        hostmasterField.textProperty().bindBidirectional(viewModel.hostmasterProperty());
        zoneRulesLabel.textProperty().bind(viewModel.zoneRulesProperty());
        for (javafx.scene.Node bindOnly : List.of(zoneCaption, zoneBox, rulesPane)) {
            bindOnly.visibleProperty().bind(viewModel.bindProperty());
            bindOnly.managedProperty().bind(viewModel.bindProperty());
        }
        for (var control : List.of(targetChoice, scopeChoice, pathField, chooseButton, zoneBox)) {
            control.disableProperty().bind(viewModel.busyProperty());
        }

        problemSummaryLabel.textProperty().bind(Bindings.when(viewModel.checkedProperty())
                .then(viewModel.problemSummaryProperty()).otherwise("Check lists the entries a server cannot take."));
        problemTable.setItems(viewModel.problems());
        problemTable.getColumns().setAll(List.of(
                column("Kind", ProblemRow::kind, 130),
                column("Address", ProblemRow::address, 170),
                column("Problem", ProblemRow::message, 520)));
        problemTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        problemTable.setPlaceholder(new Label("Nothing checked yet"));
        viewModel.checkedProperty().addListener((p, was, now) -> problemTable.setPlaceholder(
                new Label(now ? "No problems" : "Nothing checked yet")));

        diffSummaryLabel.textProperty().bind(Bindings.when(viewModel.checkedProperty())
                .then(viewModel.diffSummaryProperty())
                .otherwise("Check compares each file with the one at the path now."));
        // one line: each file's heading in the list below says the same in full
        Tooltip summaryTip = new Tooltip();
        summaryTip.setWrapText(true);
        summaryTip.setMaxWidth(600);
        summaryTip.textProperty().bind(diffSummaryLabel.textProperty());
        diffSummaryLabel.setTooltip(summaryTip);
        diffList.setItems(viewModel.diff());
        diffList.setPlaceholder(new Label("Nothing checked yet"));
        diffList.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(DiffRow item, boolean empty) {
                super.updateItem(item, empty);
                boolean shown = !empty && item != null;
                setText(shown ? item.text() : null);
                pseudoClassStateChanged(FILE, shown && item.kind() == DiffRow.Kind.FILE);
                pseudoClassStateChanged(ADDED, shown && item.kind() == DiffRow.Kind.ADDED);
                pseudoClassStateChanged(REMOVED, shown && item.kind() == DiffRow.Kind.REMOVED);
            }
        });

        messageLabel.textProperty().bind(viewModel.messageProperty());
        messageLabel.visibleProperty().bind(viewModel.messageProperty().isNotEmpty());
        messageLabel.managedProperty().bind(messageLabel.visibleProperty());
        viewModel.failedProperty().subscribe(failed -> messageLabel.pseudoClassStateChanged(FAILED, failed));
        writeAnywayBox.setText(ServiceExportViewModel.WRITE_ANYWAY.replaceFirst("anyway", "_anyway"));
        writeAnywayBox.selectedProperty().bindBidirectional(viewModel.writeAnywayProperty());
        writeAnywayBox.disableProperty().bind(Bindings.isEmpty(viewModel.problems()));
        busyIndicator.visibleProperty().bind(viewModel.busyProperty());
        checkButton.disableProperty().bind(viewModel.canCheckProperty().not());
        writeButton.disableProperty().bind(viewModel.canWriteProperty().not());
        closeButton.disableProperty().bind(viewModel.busyProperty());
    }

    private static TableColumn<ProblemRow, String> column(String title, Function<ProblemRow, String> value,
            double width) {
        TableColumn<ProblemRow, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        column.setPrefWidth(width);
        column.setMinWidth(Math.min(width, 80));
        column.setCellFactory(c -> new org.ipdesk.ui.TooltipTextCell<>());
        return column;
    }

    @FXML
    private void choosePath() {
        viewModel.choosePath();
    }

    @FXML
    private void check() {
        viewModel.check();
    }

    @FXML
    private void write() {
        viewModel.write();
    }

    @FXML
    private void close() {
        root.getScene().getWindow().hide();
    }
}
