package org.ipdesk.ui;

import java.util.List;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/** A secondary window beside the main one (History, Keyboard shortcuts): not modal, owned, closed by Ctrl+W. */
public final class ToolWindow {

    private ToolWindow() {
    }

    /**
     * A window (not shown yet) holding {@code root}, owned by {@code owner} (may be null) and taking its icons, with
     * {@code stylesheets} on its scene; Ctrl+W (Cmd+W on macOS) closes it. A size of -1 takes the root's own.
     */
    public static Stage create(Window owner, Parent root, List<String> stylesheets, double width, double height) {
        Stage stage = new Stage();
        if (owner != null) {
            stage.initOwner(owner);
            if (owner instanceof Stage ownerStage) {
                stage.getIcons().setAll(ownerStage.getIcons());
            }
        }
        stage.initModality(Modality.NONE);
        Scene scene = new Scene(root, width, height);
        scene.getStylesheets().addAll(stylesheets);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.W, KeyCombination.SHORTCUT_DOWN), stage::close);
        stage.setScene(scene);
        return stage;
    }
}
