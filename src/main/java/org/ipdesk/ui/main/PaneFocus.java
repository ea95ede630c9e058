package org.ipdesk.ui.main;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.Parent;

/**
 * F6 and Shift+F6: moves the keyboard between the window's panes (the network tree, the address grid, the address
 * details) in a cycle, from whichever pane holds the focus now. Part of {@link MainView}.
 */
final class PaneFocus {

    /**
     * One pane: the region that holds it, and the node that takes the keyboard when the pane is entered if it is
     * shown (else, or with none, the region's first control that accepts focus). The target is asked for each time: a
     * part of a pane can join the window later ({@link org.ipdesk.ui.AttachedWhenShown}).
     */
    record Pane(Parent area, Supplier<Optional<Node>> target) {
    }

    private final List<Pane> panes;

    PaneFocus(List<Pane> panes) {
        this.panes = List.copyOf(panes);
    }

    /** Moves the keyboard to the next pane (after the one holding {@code focusOwner}), or back with {@code -1}. */
    void move(Node focusOwner, int step) {
        int current = indexOf(focusOwner);
        int count = panes.size();
        int start = current < 0 ? (step > 0 ? -1 : count) : current;
        for (int i = 1; i <= count; i++) {
            Pane pane = panes.get(Math.floorMod(start + i * step, count));
            Optional<Node> target = pane.target().get().filter(PaneFocus::shown).or(() -> firstFocusable(pane.area()));
            if (target.isPresent()) {
                target.get().requestFocus();
                return;
            }
        }
    }

    private int indexOf(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            for (int i = 0; i < panes.size(); i++) {
                if (panes.get(i).area() == n) {
                    return i;
                }
            }
        }
        return -1;
    }

    private static Optional<Node> firstFocusable(Node node) {
        if (!node.isVisible() || node.isDisabled()) {
            return Optional.empty();
        }
        if (canTakeFocus(node)) {
            return Optional.of(node);
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                Optional<Node> found = firstFocusable(child);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    private static boolean canTakeFocus(Node node) {
        return node.isFocusTraversable() && shown(node);
    }

    /** Whether {@code node} is on screen and enabled (it and every parent visible). */
    private static boolean shown(Node node) {
        if (node.getScene() == null || node.isDisabled()) {
            return false;
        }
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }
}
