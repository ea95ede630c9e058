package org.ipdesk.ui.subnet;

import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableStringValue;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.ipdesk.ui.AttachedWhenShown;
import org.ipdesk.ui.Fxml;

/**
 * Controller of {@code fxml/subnet/SubnetHeader.fxml}: binds the header's labels and {@link UsageBar} to a
 * {@link SubnetHeaderViewModel}. Embed it with {@code SubnetHeaderView.load(viewModel).root()}.
 */
public final class SubnetHeaderView {

    /** Where the FXML lives on the classpath. */
    public static final String FXML = "/fxml/subnet/SubnetHeader.fxml";
    private static final PseudoClass ERROR = PseudoClass.getPseudoClass("error");

    private final SubnetHeaderViewModel viewModel;
    private final BooleanProperty dark = new SimpleBooleanProperty(this, "dark", false);

    @FXML
    private StackPane root;
    @FXML
    private Label placeholderLabel;
    @FXML
    private VBox content;
    @FXML
    private Label titleLabel;
    @FXML
    private Label nameLabel;
    @FXML
    private Label networkBadge;
    @FXML
    private Label vlanBadge;
    @FXML
    private Label gatewayBadge;
    @FXML
    private Label descriptionLabel;
    @FXML
    private Label networkLabel;
    @FXML
    private Label broadcastLabel;
    @FXML
    private Label netmaskLabel;
    @FXML
    private Label firstUsableLabel;
    @FXML
    private Label lastUsableLabel;
    @FXML
    private Label usableLabel;
    @FXML
    private UsageBar usageBar;
    @FXML
    private Label usageLabel;

    public SubnetHeaderView(SubnetHeaderViewModel viewModel) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
    }

    /** Loads the FXML with a controller bound to {@code viewModel}; the Node to place is {@link #root()}. */
    public static SubnetHeaderView load(SubnetHeaderViewModel viewModel) {
        SubnetHeaderView view = new SubnetHeaderView(viewModel);
        Fxml.load(FXML, view);
        return view;
    }

    @FXML
    private void initialize() {
        root.getStylesheets().add(Objects.requireNonNull(SubnetHeaderView.class.getResource("subnet.css"),
                "subnet.css").toExternalForm());
        placeholderLabel.visibleProperty().bind(viewModel.shownProperty().not());
        placeholderLabel.textProperty().bind(viewModel.placeholderProperty());
        content.visibleProperty().bind(viewModel.shownProperty());
        // the facts join the window when the first subnet is shown
        AttachedWhenShown.attach(root, content, viewModel.shownProperty());

        titleLabel.textProperty().bind(viewModel.titleProperty());
        nameLabel.textProperty().bind(viewModel.nameProperty());
        badge(networkBadge, viewModel.networkNameProperty(), "Network");
        badge(vlanBadge, viewModel.vlanProperty(), "VLAN");
        badge(gatewayBadge, viewModel.gatewayProperty(), "Gateway");
        descriptionLabel.textProperty().bind(viewModel.descriptionProperty());
        showWhenNotEmpty(descriptionLabel, viewModel.descriptionProperty());

        networkLabel.textProperty().bind(viewModel.networkProperty());
        broadcastLabel.textProperty().bind(viewModel.broadcastProperty());
        netmaskLabel.textProperty().bind(viewModel.netmaskProperty());
        firstUsableLabel.textProperty().bind(viewModel.firstUsableProperty());
        lastUsableLabel.textProperty().bind(viewModel.lastUsableProperty());
        usableLabel.textProperty().bind(viewModel.usableCountProperty());
        Tooltip exact = new Tooltip();
        exact.textProperty().bind(Bindings.concat(viewModel.usableCountExactProperty(), " usable addresses"));
        usableLabel.setTooltip(exact);

        Bindings.bindContent(usageBar.getSegments(), viewModel.segments());
        usageBar.darkProperty().bind(dark);
        usageBar.visibleProperty().bind(Bindings.isNotEmpty(viewModel.segments()));
        usageLabel.textProperty().bind(viewModel.usageTextProperty());
        viewModel.errorProperty().addListener((property, before, now) ->
                usageLabel.pseudoClassStateChanged(ERROR, !now.isEmpty()));
    }

    private static void badge(Label badge, ObservableStringValue text, String what) {
        badge.textProperty().bind(text);
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(Bindings.concat(what, ": ", text));
        badge.setTooltip(tip);
        showWhenNotEmpty(badge, text);
    }

    private static void showWhenNotEmpty(Node node, ObservableStringValue text) {
        node.visibleProperty().bind(Bindings.isNotEmpty(text));
        node.managedProperty().bind(node.visibleProperty());
    }

    /** The header, to place in the main window. */
    public Parent root() {
        return root;
    }

    /** Dark theme colours for the usage bar (the grid's dark palette); bind it to the grid's. */
    public BooleanProperty darkProperty() {
        return dark;
    }

    public SubnetHeaderViewModel viewModel() {
        return viewModel;
    }

    /** The usage bar (for tests). */
    UsageBar usageBar() {
        return usageBar;
    }
}
