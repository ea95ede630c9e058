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

/**
 * A secondary window beside the main one (History, Usage, Reconcile, Keyboard shortcuts…): not modal unless its
 * caller makes it so, owned, closed by Escape or Ctrl+W, the same in every one of them.
 */
public final class ToolWindow {

    private ToolWindow() {
    }

    /**
     * A window (not shown yet) holding {@code root}, owned by {@code owner} (may be null) and taking its icons, with
     * {@code stylesheets} on its scene; Escape and Ctrl+W (Cmd+W on macOS) close it (an open drop-down list, a
     * window of its own, takes the first Escape). A size of -1 takes the root's own.
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
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.ESCAPE), stage::close);
        stage.setScene(scene);
        return stage;
    }
}
