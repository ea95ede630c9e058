package org.ipdesk.ui.main;

import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.ipdesk.ui.action.ConceptIcons;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/** The left pane of an empty database: create a network, open another database, or load the sample data. */
final class FirstRun {
    private FirstRun() {
    }

    static VBox pane(MainViewModel viewModel) {
        Label title = new Label("This database has no networks yet");
        title.getStyleClass().add("first-run-title");
        title.setWrapText(true);
        Label text = new Label("Start with a network (a site or a VRF), open another database, "
                + "or load the sample data to see IPDesk at work.");
        text.setWrapText(true);
        text.getStyleClass().add("first-run-text");
        Button create = new Button("Create a network\u2026", new FontIcon(ConceptIcons.NETWORK));
        create.setOnAction(event -> viewModel.edits().newNetwork());
        create.setDefaultButton(false);
        Button open = new Button("Open a database\u2026", new FontIcon(Material2AL.FOLDER_OPEN));
        open.setOnAction(event -> viewModel.fileSwitch().chooseAndOpen());
        Button sample = new Button("Load the sample data", new FontIcon(Material2MZ.SCHOOL));
        sample.setId("loadSampleButton");
        sample.setOnAction(event -> viewModel.sample().load());
        for (Button button : List.of(create, open, sample)) {
            button.setMaxWidth(Double.MAX_VALUE);
            button.setAlignment(Pos.CENTER_LEFT);
        }
        create.getStyleClass().add("accent");
        VBox box = new VBox(10, title, text, create, open, sample);
        box.getStyleClass().add("first-run");
        box.setMaxWidth(300);
        box.setMaxHeight(Region.USE_PREF_SIZE);
        box.visibleProperty().bind(viewModel.state().emptyDatabaseProperty());
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }
}
