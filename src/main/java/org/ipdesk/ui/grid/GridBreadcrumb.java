package org.ipdesk.ui.grid;

import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import org.ipdesk.address.Cidr;

/**
 * Where the grid is zoomed: "10.0.0.0/8 › 10.3.0.0/16". Every level but the last is a link back out to it
 * ({@link AddressGridViewModel#zoomTo}).
 */
public class GridBreadcrumb extends HBox {

    private final AddressGridViewModel viewModel;

    public GridBreadcrumb(AddressGridViewModel viewModel) {
        this.viewModel = viewModel;
        getStyleClass().add("grid-breadcrumb");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(4);
        viewModel.path().addListener((ListChangeListener<Cidr>) change -> rebuild());
        rebuild();
    }

    private void rebuild() {
        getChildren().clear();
        List<Cidr> path = viewModel.path();
        for (int i = 0; i < path.size(); i++) {
            if (i > 0) {
                Label separator = new Label("\u203A");
                separator.getStyleClass().add("breadcrumb-separator");
                getChildren().add(separator);
            }
            String text = path.get(i).toString();
            if (i == path.size() - 1) {
                Label current = new Label(text);
                current.getStyleClass().add("breadcrumb-current");
                current.setStyle("-fx-font-weight: bold; -fx-padding: 2 4 2 4;");
                getChildren().add(current);
            } else {
                int level = i;
                Hyperlink link = new Hyperlink(text);
                link.getStyleClass().add("breadcrumb-link");
                link.setOnAction(event -> viewModel.zoomTo(level));
                getChildren().add(link);
            }
        }
    }

    /** "10.0.0.0/8 › 10.3.0.0/16", as shown. */
    public String text() {
        return String.join(" \u203A ", viewModel.path().stream().map(Cidr::toString).toList());
    }
}
