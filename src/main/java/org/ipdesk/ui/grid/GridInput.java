package org.ipdesk.ui.grid;

import javafx.animation.PauseTransition;
import javafx.event.EventHandler;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.util.Duration;
import org.ipdesk.ui.grid.AddressGridViewModel.Edge;

/**
 * The mouse and keyboard of the {@link AddressGrid}, installed by its {@link AddressGridSkin}: hover and its
 * delayed tooltip, click, Shift+click, drag, double-click, the wheel and the keys, each forwarded to the
 * {@link AddressGridViewModel} as a command.
 */
final class GridInput {

    private final AddressGridSkin skin;
    private final AddressGrid grid;
    private final AddressGridViewModel viewModel;
    private final Canvas canvas;
    private final ScrollBar scrollBar;
    private final Tooltip tooltip;
    private final PauseTransition tooltipDelay = new PauseTransition(Duration.millis(450));

    private int hoverIndex = -1;
    private double mouseScreenX;
    private double mouseScreenY;

    private final EventHandler<ScrollEvent> wheelHandler = this::wheel;
    private final EventHandler<KeyEvent> keyHandler = this::keyPressed;

    GridInput(AddressGridSkin skin, AddressGridViewModel viewModel, Canvas canvas, ScrollBar scrollBar,
              Tooltip tooltip) {
        this.skin = skin;
        this.grid = skin.getSkinnable();
        this.viewModel = viewModel;
        this.canvas = canvas;
        this.scrollBar = scrollBar;
        this.tooltip = tooltip;
        tooltipDelay.setOnFinished(event -> showTooltip());
    }

    /** Adds the handlers to the canvas and the grid; the canvas's go with the skin. */
    void install() {
        canvas.addEventHandler(MouseEvent.MOUSE_MOVED, this::mouseMoved);
        canvas.addEventHandler(MouseEvent.MOUSE_EXITED, event -> unhover());
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, this::mousePressed);
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::mouseDragged);
        canvas.addEventHandler(MouseEvent.MOUSE_CLICKED, this::mouseClicked);
        grid.addEventHandler(ScrollEvent.SCROLL, wheelHandler);
        grid.addEventHandler(KeyEvent.KEY_PRESSED, keyHandler);
    }

    /** Removes the handlers from the grid (the skin is being replaced). */
    void uninstall() {
        grid.removeEventHandler(ScrollEvent.SCROLL, wheelHandler);
        grid.removeEventHandler(KeyEvent.KEY_PRESSED, keyHandler);
    }

    /** The cell under the mouse, or -1. */
    int hoverIndex() {
        return hoverIndex;
    }

    /** Forgets the hovered cell (the view changed), without a redraw. */
    void forgetHover() {
        hoverIndex = -1;
    }

    private int cellAt(MouseEvent event) {
        return skin.cellAtCanvas(event.getX(), event.getY());
    }

    private void mouseMoved(MouseEvent event) {
        mouseScreenX = event.getScreenX();
        mouseScreenY = event.getScreenY();
        int index = cellAt(event);
        if (index != hoverIndex) {
            hoverIndex = index;
            hideTooltip();
            if (index >= 0) {
                tooltipDelay.playFromStart();
            }
            skin.repaint();
        }
    }

    private void unhover() {
        tooltipDelay.stop();
        hideTooltip();
        if (hoverIndex >= 0) {
            hoverIndex = -1;
            skin.repaint();
        }
    }

    private void showTooltip() {
        if (hoverIndex < 0 || grid.getScene() == null || grid.getScene().getWindow() == null) {
            return;
        }
        viewModel.hover(hoverIndex);
        if (!viewModel.hoverTextProperty().get().isEmpty()) {
            tooltip.show(canvas, mouseScreenX + 14, mouseScreenY + 18);
        }
    }

    /** Hides the tooltip and stops its delay. */
    void hideTooltip() {
        tooltipDelay.stop();
        if (tooltip.isShowing()) {
            tooltip.hide();
        }
    }

    private void mousePressed(MouseEvent event) {
        hideTooltip();
        grid.requestFocus();
        if (event.getButton() != MouseButton.PRIMARY) {
            return;
        }
        int index = cellAt(event);
        if (index < 0) {
            return;
        }
        if (event.isShiftDown()) {
            viewModel.extendSelection(index);
        } else {
            viewModel.select(index);
        }
    }

    private void mouseDragged(MouseEvent event) {
        if (!event.isPrimaryButtonDown()) {
            return;
        }
        int index = cellAt(event);
        if (index >= 0 && index != viewModel.caretProperty().get()) {
            viewModel.extendSelection(index);
        }
    }

    private void mouseClicked(MouseEvent event) {
        if (event.getButton() != MouseButton.PRIMARY || event.getClickCount() != 2) {
            return;
        }
        int index = cellAt(event);
        if (index >= 0) {
            viewModel.activate(index); // a block zooms in, an address goes to the view model's activate handler
        }
    }

    private void wheel(ScrollEvent event) {
        if (!scrollBar.isVisible() || event.getDeltaY() == 0) {
            return;
        }
        scrollBar.setValue(GridGeometry.clamp(scrollBar.getValue() - event.getDeltaY(), 0, scrollBar.getMax()));
        event.consume();
    }

    private void keyPressed(KeyEvent event) {
        boolean shift = event.isShiftDown();
        int page = Math.max(1, (int) (canvas.getHeight() / skin.geometry().pitchY) - 1);
        switch (event.getCode()) {
            case LEFT, KP_LEFT -> viewModel.moveSelection(-1, 0, shift);
            case RIGHT, KP_RIGHT -> viewModel.moveSelection(1, 0, shift);
            case UP, KP_UP -> viewModel.moveSelection(0, -1, shift);
            case DOWN, KP_DOWN -> viewModel.moveSelection(0, 1, shift);
            case PAGE_UP -> viewModel.moveSelection(0, -page, shift);
            case PAGE_DOWN -> viewModel.moveSelection(0, page, shift);
            case HOME -> viewModel.moveToEdge(event.isShortcutDown() ? Edge.FIRST : Edge.ROW_START, shift);
            case END -> viewModel.moveToEdge(event.isShortcutDown() ? Edge.LAST : Edge.ROW_END, shift);
            case ESCAPE -> viewModel.clearSelection();
            case ENTER -> {
                if (viewModel.caretProperty().get() >= 0) {
                    viewModel.activate(viewModel.caretProperty().get());
                }
            }
            case BACK_SPACE -> viewModel.zoomOut();
            case A -> {
                if (!event.isShortcutDown()) {
                    return;
                }
                viewModel.selectAll();
            }
            default -> {
                return;
            }
        }
        event.consume();
    }
}
