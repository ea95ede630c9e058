package org.ipdesk.ui;

import java.util.Objects;
import javafx.beans.InvalidationListener;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;
import javafx.scene.layout.Pane;

/**
 * Keeps a part of a view out of the scene graph until it is first shown. JavaFX styles, skins and lays out hidden
 * nodes as well as visible ones, so a part that a start does not show (the selected address's form and history, the
 * selected subnet's facts, the first-run offer) would still cost the window its CSS pass and layout before the first
 * frame: about 0.2 s of a 2 s start. The part is taken out of its parent while {@code shown} is false and put back, at
 * its place among the parent's children, the first time {@code shown} becomes true; from then on it stays, and its
 * visibility (bound by the caller) hides it again.
 */
public final class AttachedWhenShown {

    private AttachedWhenShown() {
    }

    /**
     * Takes {@code part} out of {@code parent} until {@code shown} is first true. {@code part} must be a child of
     * {@code parent}; when {@code shown} is already true, nothing changes.
     */
    public static void attach(Pane parent, Node part, ObservableBooleanValue shown) {
        Objects.requireNonNull(shown, "shown");
        int index = parent.getChildren().indexOf(part);
        if (index < 0) {
            throw new IllegalArgumentException("not a child of the given parent: " + part);
        }
        if (shown.get()) {
            return;
        }
        parent.getChildren().remove(index);
        InvalidationListener[] listener = new InvalidationListener[1];
        listener[0] = observable -> {
            if (shown.get()) {
                shown.removeListener(listener[0]);
                if (part.getParent() == null) {
                    parent.getChildren().add(Math.min(index, parent.getChildren().size()), part);
                }
            }
        };
        shown.addListener(listener[0]);
    }
}
