package org.ipdesk.ui;

import java.util.List;
import javafx.geometry.Orientation;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Modality;
import javafx.stage.Screen;
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

    /**
     * Makes {@code stage} as tall as its content needs at its present width, when a text that arrived or wrapped
     * made it taller (no shorter or narrower: a size the user gave it stays), within the screen it is on.
     */
    public static void growToFit(Stage stage) {
        Scene scene = stage.getScene();
        if (scene == null || scene.getRoot() == null) {
            return;
        }
        Parent root = scene.getRoot();
        double needed = root.getContentBias() == Orientation.HORIZONTAL ? root.prefHeight(scene.getWidth())
                : root.prefHeight(-1);
        if (needed > scene.getHeight()) {
            taller(stage, needed - scene.getHeight());
        }
    }

    /** Makes {@code window} {@code more} pixels taller, within the screen it is on. */
    public static void taller(Window window, double more) {
        double screen = Screen.getScreensForRectangle(window.getX(), window.getY(), window.getWidth(),
                window.getHeight()).stream().findFirst().orElse(Screen.getPrimary()).getVisualBounds().getHeight();
        // the width too, unchanged: on Linux JavaFX hands GTK a height alone as a resize to width 0, which GTK refuses
        // ("gtk_window_resize: assertion 'width > 0' failed") and the window keeps its height
        window.setWidth(window.getWidth());
        window.setHeight(Math.min(screen, window.getHeight() + more));
    }
}
