package org.ipdesk.ui.usage;

import org.ipdesk.model.AddressCounts;
import java.io.File;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.control.skin.TableColumnHeader;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.layout.BorderPane;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;
import org.ipdesk.report.ReportFormat;
import org.ipdesk.report.Thresholds;
import org.ipdesk.report.UsageReport.SubnetRow;
import org.ipdesk.ui.Fxml;
import org.ipdesk.ui.TextWidth;
import org.ipdesk.ui.ToolWindow;
import org.ipdesk.ui.TooltipTextCell;
import org.ipdesk.ui.subnet.UsageBar;

/**
 * Controller of {@code fxml/usage/UsageDashboard.fxml}: binds the network and threshold choices, the charts, the
 * sortable table (double-click or Enter opens a subnet) and the export's progress to {@link UsageDashboardViewModel}.
 */
public final class UsageDashboardView {

    static final String FXML = "/fxml/usage/UsageDashboard.fxml";
    private static final PseudoClass WARNING = PseudoClass.getPseudoClass("warning");
    private static final PseudoClass CRITICAL = PseudoClass.getPseudoClass("critical");
    /** Room beside a sorted column's title for its arrow. */
    private static final double SORT_ARROW = 18;
    /** A column's property: what its cells show for a row, to size it to its widest text ({@link #fitWholeColumns}). */
    private static final String SHOWN = "ipdesk.shown";

    private final UsageDashboardViewModel viewModel;
    /** A measuring of the columns is waiting for the next layout. */
    private boolean fitPending;
    private final Timeline progress;

    @FXML
    private BorderPane root;
    @FXML
    private ChoiceBox<String> networkChoice;
    @FXML
    private Spinner<Integer> warnSpinner;
    @FXML
    private Spinner<Integer> criticalSpinner;
    @FXML
    private Label thresholdError;
    @FXML
    private Button exportButton;
    @FXML
    private BarChart<String, Number> fullestChart;
    @FXML
    private CategoryAxis fullestAxis;
    @FXML
    private UsageBar breakdownBar;
    @FXML
    private Label breakdownLabel;
    @FXML
    private TableView<SubnetRow> table;
    @FXML
    private Label summaryLabel;
    @FXML
    private Label exportLabel;
    @FXML
    private ProgressBar exportProgress;
    @FXML
    private Button cancelButton;

    public UsageDashboardView(UsageDashboardViewModel viewModel) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
        this.progress = new Timeline(new KeyFrame(Duration.millis(100), event -> viewModel.pollExportProgress()));
        progress.setCycleCount(Animation.INDEFINITE);
    }

    public static UsageDashboardView load(UsageDashboardViewModel viewModel) {
        UsageDashboardView view = new UsageDashboardView(viewModel);
        Fxml.load(FXML, view);
        return view;
    }

    /** Opens the dashboard in a window of its own owned by {@code owner}, and reads the report. */
    public static Stage showWindow(Window owner, List<String> stylesheets, UsageDashboardViewModel viewModel) {
        UsageDashboardView view = load(viewModel);
        Stage stage = ToolWindow.create(owner, view.root(), stylesheets, -1, -1);
        stage.setTitle("Usage");
        stage.getScene().getAccelerators().put(new KeyCodeCombination(KeyCode.F5), viewModel::load);
        stage.setOnHidden(event -> view.progress.stop());
        stage.show();
        viewModel.load();
        return stage;
    }

    public Parent root() {
        return root;
    }

    /** The table of subnets (tests read and click it). */
    public TableView<SubnetRow> table() {
        return table;
    }

    @FXML
    private void initialize() {
        root.getStylesheets().add(Objects.requireNonNull(UsageDashboardView.class.getResource("usage.css"),
                "usage.css").toExternalForm());
        networkChoice.setItems(viewModel.networks());
        networkChoice.valueProperty().bindBidirectional(viewModel.networkProperty());
        warnSpinner.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(1, 100, viewModel.warnProperty().get()));
        criticalSpinner.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(1, 100,
                viewModel.criticalProperty().get()));
        warnSpinner.valueProperty().addListener((p, b, now) -> viewModel.warnProperty().set(now));
        criticalSpinner.valueProperty().addListener((p, b, now) -> viewModel.criticalProperty().set(now));
        thresholdError.textProperty().bind(viewModel.thresholdErrorProperty());
        summaryLabel.textProperty().bind(viewModel.summaryProperty());

        bindTable();
        viewModel.fullest().addListener((ListChangeListener<SubnetRow>) change -> showFullest());
        Bindings.bindContent(breakdownBar.getSegments(), viewModel.breakdown());
        breakdownLabel.textProperty().bind(viewModel.breakdownTextProperty());

        exportButton.disableProperty().bind(viewModel.exportingProperty().or(viewModel.reportProperty().isNull()));
        exportLabel.textProperty().bind(viewModel.exportMessageProperty());
        exportProgress.progressProperty().bind(viewModel.exportProgressProperty());
        exportProgress.visibleProperty().bind(viewModel.exportingProperty());
        cancelButton.visibleProperty().bind(viewModel.exportingProperty());
        viewModel.exportFailedProperty().addListener((p, b, failed) -> exportLabel.pseudoClassStateChanged(CRITICAL, failed));
        viewModel.exportingProperty().addListener((p, b, running) -> {
            if (running) {
                progress.play();
            } else {
                progress.stop();
            }
        });
    }

    private void bindTable() {
        table.setItems(viewModel.rows());
        Function<SubnetRow, String> subnet = row -> "  ".repeat(row.depth()) + row.cidr();
        table.getColumns().setAll(List.of(
                text("Network", SubnetRow::network, 120),
                whole(text("Subnet", subnet, 190), subnet),
                text("Name", SubnetRow::name, 160),
                text("VLAN", row -> row.vlan().isPresent() ? Integer.toString(row.vlan().getAsInt()) : "", 60),
                number("Usable", row -> row.usage().usable()),
                number("Allocated", row -> row.usage().allocated()),
                number("Reserved", row -> row.usage().reserved()),
                number("DHCP", row -> row.usage().dhcp()),
                number("Deprecated", row -> row.usage().deprecated()),
                number("Free", row -> row.usage().free()),
                percent(),
                seenColumn()));
        // the columns share the window's width (no column off to the right), each keeping room for its title
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setTableMenuButtonVisible(true);
        Label placeholder = new Label();
        placeholder.textProperty().bind(viewModel.emptyTextProperty());
        placeholder.setWrapText(true);
        placeholder.getStyleClass().add("text-muted");
        table.setPlaceholder(placeholder);
        table.getColumns().forEach(column -> column.setMinWidth(minWidth(column.getText())));
        // each subnet and count whole ("2001:db8:50::/64", "2^64 − 1", "64,206"): its column at least as wide as
        // its widest text, once the rows are drawn in the table's font; the names give way first (in full on hover)
        table.getItems().addListener((ListChangeListener<SubnetRow>) change -> fitWholeColumnsAfterLayout());
        table.sceneProperty().addListener((property, before, scene) -> fitWholeColumnsAfterLayout());
        table.getSortOrder().addListener((ListChangeListener<TableColumn<SubnetRow, ?>>) change ->
                fitWholeColumnsAfterLayout());
        // a column shown from the header's menu (Seen) is measured then
        table.getColumns().forEach(column -> column.visibleProperty().addListener(o -> fitWholeColumnsAfterLayout()));
        table.setRowFactory(view -> {
            TableRow<SubnetRow> row = new TableRow<>() {
                @Override
                protected void updateItem(SubnetRow item, boolean empty) {
                    super.updateItem(item, empty);
                    pseudoClassStateChanged(WARNING, !empty && item != null && item.level() == Thresholds.Level.WARNING);
                    pseudoClassStateChanged(CRITICAL, !empty && item != null && item.level() == Thresholds.Level.CRITICAL);
                }
            };
            row.setOnMouseClicked(event -> {
                if (event.getClickCount() == 2 && !row.isEmpty()) {
                    viewModel.open(row.getItem());
                }
            });
            return row;
        });
        table.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ENTER) {
                viewModel.open(table.getSelectionModel().getSelectedItem());
            }
        });
    }

    /** Measures the columns after the next layout, once however many changes ask for it before then. */
    private void fitWholeColumnsAfterLayout() {
        Scene scene = table.getScene();
        if (scene == null || fitPending) {
            return;
        }
        fitPending = true;
        scene.addPostLayoutPulseListener(new Runnable() {
            @Override
            public void run() {
                scene.removePostLayoutPulseListener(this);
                fitPending = false;
                fitWholeColumns();
            }
        });
        Platform.requestNextPulse();
    }

    /** Marks {@code column} as one whose texts always show whole ({@link #fitWholeColumns}). */
    private static <T> TableColumn<SubnetRow, T> whole(TableColumn<SubnetRow, T> column,
                                                       Function<SubnetRow, String> shown) {
        column.getProperties().put(SHOWN, shown);
        return column;
    }

    /**
     * Gives each column the least width that shows its title whole (and the arrow of a sorted one), and the
     * columns of subnets and counts their widest text too, in the fonts and padding the table draws them with.
     */
    private void fitWholeColumns() {
        if (!(table.lookup(".table-row-cell > .table-cell") instanceof Labeled cell)) {
            return;
        }
        for (Node node : table.lookupAll(".column-header")) {
            if (node instanceof TableColumnHeader header && header.getTableColumn() != null
                    && header.lookup(".label") instanceof Label title) {
                header.getTableColumn().setMinWidth(Math.ceil(TextWidth.of(title.getText(), title.getFont())
                        + header.getInsets().getLeft() + header.getInsets().getRight() + title.getInsets().getLeft()
                        + title.getInsets().getRight()
                        + (table.getSortOrder().contains(header.getTableColumn()) ? SORT_ARROW : 0)));
            }
        }
        // the cell's padding, and a pixel each side the label's skin keeps before it cuts a text short
        double padding = cell.getInsets().getLeft() + cell.getInsets().getRight() + 2;
        for (TableColumn<SubnetRow, ?> column : table.getColumns()) {
            @SuppressWarnings("unchecked")
            Function<SubnetRow, String> shown = (Function<SubnetRow, String>) column.getProperties().get(SHOWN);
            if (shown == null) {
                continue;
            }
            // the widest text is among the longest ones (digits are all as wide): only those are measured, so that
            // a database of thousands of subnets is measured in a few steps
            List<String> texts = table.getItems().stream().map(shown).toList();
            int longest = texts.stream().mapToInt(String::length).max().orElse(0);
            double widest = 0;
            for (String text : texts.stream().filter(t -> t.length() >= longest - 2).distinct().limit(64).toList()) {
                widest = Math.max(widest, TextWidth.of(text, cell.getFont()));
            }
            column.setMinWidth(Math.max(column.getMinWidth(), Math.ceil(widest + padding)));
        }
    }

    /**
     * Room for a column's title in full, with the sort arrow, and the subnet and used columns a little more for
     * their values: the widths before the table is first drawn, then measured ({@link #fitWholeColumns}).
     */
    private static double minWidth(String title) {
        return switch (title) {
            case "Subnet" -> 130;
            case "Network", "Name" -> 60; // they give way first (in full on hover)
            case "Used" -> 90; // "100.00 %"
            default -> Math.max(62, 16 + 10 * title.length());
        };
    }

    private static TableColumn<SubnetRow, String> text(String title, Function<SubnetRow, String> value, double width) {
        TableColumn<SubnetRow, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        column.setPrefWidth(width);
        // a name cut short in a narrow window, in full on hover
        column.setCellFactory(c -> new TooltipTextCell<>());
        return column;
    }

    private static TableColumn<SubnetRow, BigInteger> number(String title, Function<SubnetRow, BigInteger> value) {
        return sortedNumber(title, value, 90,
                AddressCounts::compact);
    }

    /** How many addresses scans, lease files or neighbour tables saw within the subnet's stale days (30 unless set). */
    private TableColumn<SubnetRow, BigInteger> seenColumn() {
        // a short title (its tooltip and the README say what it counts), so that every column and Used still fit 1024 px
        TableColumn<SubnetRow, BigInteger> column = number("Seen",
                row -> BigInteger.valueOf(viewModel.seenCount(row)));
        column.setId("seen-column");
        // not shown until chosen from the header's column menu: with it, the twelve columns need more than a
        // 1024-pixel window, and Used must stay in view there
        column.setVisible(false);
        return column;
    }

    private static TableColumn<SubnetRow, BigDecimal> percent() {
        return sortedNumber("Used", SubnetRow::percent, 80, item -> item.toPlainString() + " %");
    }

    /** A right-aligned column of numbers that sorts by value and shows each as {@code format} gives it. */
    private static <T extends Comparable<T>> TableColumn<SubnetRow, T> sortedNumber(String title,
            Function<SubnetRow, T> value, double width, Function<T, String> format) {
        TableColumn<SubnetRow, T> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        column.setComparator(Comparator.naturalOrder());
        column.getStyleClass().add("number-column");
        whole(column, row -> format.apply(value.apply(row)));
        column.setPrefWidth(width);
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : format.apply(item));
            }
        });
        return column;
    }

    private void showFullest() {
        XYChart.Series<String, Number> series = new XYChart.Series<>();
        for (SubnetRow row : viewModel.fullest()) {
            XYChart.Data<String, Number> bar = new XYChart.Data<>(row.cidr().toString(), row.percent());
            series.getData().add(bar);
            bar.nodeProperty().addListener((p, b, node) -> {
                if (node != null) {
                    node.pseudoClassStateChanged(WARNING, row.level() == Thresholds.Level.WARNING);
                    node.pseudoClassStateChanged(CRITICAL, row.level() == Thresholds.Level.CRITICAL);
                    Tooltip.install(node, new Tooltip(row.cidr() + " "
                            + row.name() + ": " + row.percent().toPlainString() + " % (" + row.level().label() + ")"));
                }
            });
        }
        fullestChart.getData().setAll(List.of(series));
    }

    @FXML
    private void export() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the usage report");
        for (ReportFormat format : ReportFormat.values()) {
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(
                    format.name() + " (*." + format.label() + ")", "*." + format.label()));
        }
        chooser.setInitialFileName("usage.pdf");
        chooser.setSelectedExtensionFilter(chooser.getExtensionFilters().get(ReportFormat.PDF.ordinal()));
        File file = chooser.showSaveDialog(root.getScene().getWindow());
        if (file == null) {
            return;
        }
        String name = file.getName();
        int dot = name.lastIndexOf('.');
        ReportFormat format;
        try {
            format = dot > 0 ? ReportFormat.parse(name.substring(dot + 1)) : formatOf(chooser);
        } catch (IllegalArgumentException e) {
            format = formatOf(chooser);
        }
        Path target = dot > 0 ? file.toPath() : file.toPath().resolveSibling(name + "." + format.label());
        viewModel.export(target, format);
    }

    private static ReportFormat formatOf(FileChooser chooser) {
        int index = chooser.getExtensionFilters().indexOf(chooser.getSelectedExtensionFilter());
        return index >= 0 ? ReportFormat.values()[index] : ReportFormat.PDF;
    }

    @FXML
    private void cancelExport() {
        viewModel.cancelExport();
    }

}
