package org.ipdesk.ui.grid;

import java.util.Objects;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.Orientation;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.SkinBase;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Border;
import javafx.scene.layout.BorderStroke;
import javafx.scene.layout.BorderStrokeStyle;
import javafx.scene.layout.BorderWidths;
import javafx.scene.layout.CornerRadii;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.text.TextAlignment;
import org.ipdesk.address.Cidr;

/**
 * The default skin of the {@link AddressGrid}: it owns what the grid is made of and how it is drawn. It draws on
 * one {@link Canvas} the size of the viewport and only the rows in view, so a /16 (65,536 cells) costs no more
 * than a /24; a vertical {@link ScrollBar} moves over the rows. Where the cells go is chosen by
 * {@link GridGeometry} in each layout pass, the canvas is painted by {@link GridPainter}, and the mouse and keys
 * are handled by {@link GridInput}, which forwards them to the view model. While the grid has the keyboard focus a
 * ring in the theme's accent runs around it and the caret cell gets a heavier outline.
 *
 * <p>The canvas, scroll bar and placeholder sit in one inner region whose layout pass is marked dirty on its own
 * after a change (hover, scroll, caret), so a repaint never lays out the window around the grid.
 */
public class AddressGridSkin extends SkinBase<AddressGrid> {

    private static final double PAD = GridGeometry.PAD;

    private final AddressGridViewModel viewModel;
    private final Surface surface = new Surface();
    private final Canvas canvas = new Canvas();
    private final ScrollBar scrollBar = new ScrollBar();
    private final Label placeholder = new Label();
    private final Tooltip tooltip = new Tooltip();
    private final Region focusRing = new Region();

    private final GridGeometry geometry = new GridGeometry();
    private final GridPainter painter = new GridPainter();
    private final GridInput input;

    private boolean dirty = true;
    private boolean inLayout;
    private boolean resetScroll;
    private boolean revealCaret;
    private Cidr shownView;

    public AddressGridSkin(AddressGrid grid) {
        super(grid);
        this.viewModel = Objects.requireNonNull(grid.getViewModel(), "viewModel");

        scrollBar.setOrientation(Orientation.VERTICAL);
        placeholder.getStyleClass().add("grid-placeholder");
        placeholder.setWrapText(true);
        placeholder.setTextAlignment(TextAlignment.CENTER);
        placeholder.textProperty().bind(viewModel.messageProperty());
        placeholder.visibleProperty().bind(viewModel.contentProperty().isNull());
        placeholder.setMouseTransparent(true);
        surface.getChildren().addAll(canvas, scrollBar, placeholder);
        focusRing.getStyleClass().add("focus-ring");
        focusRing.setMouseTransparent(true);
        focusRing.setManaged(false);
        getChildren().addAll(surface, focusRing);
        showFocus();

        tooltip.textProperty().bind(viewModel.hoverTextProperty());
        tooltip.setWrapText(false);
        input = new GridInput(this, viewModel, canvas, scrollBar, tooltip);

        registerChangeListener(scrollBar.valueProperty(), value -> scrolled());
        registerChangeListener(grid.paletteProperty(), value -> {
            showFocus();
            changed();
        });
        registerChangeListener(grid.focusedProperty(), value -> {
            showFocus();
            changed();
        });
        registerChangeListener(grid.cellSizeProperty(), value -> {
            revealCaret = true;
            changed();
            grid.requestLayout();
        });
        registerChangeListener(viewModel.contentProperty(), value -> {
            contentChanged();
            grid.requestLayout(); // another view asks for another height
        });
        registerChangeListener(viewModel.caretProperty(), value -> {
            revealCaret = true;
            changed();
        });
        registerChangeListener(viewModel.anchorProperty(), value -> changed());

        input.install();
        contentChanged();
    }

    @Override
    public void dispose() {
        if (getSkinnable() == null) {
            return;
        }
        input.uninstall();
        input.hideTooltip();
        placeholder.textProperty().unbind();
        placeholder.visibleProperty().unbind();
        tooltip.textProperty().unbind();
        getChildren().removeAll(surface, focusRing);
        super.dispose();
    }

    // ================================================================= what the control asks

    /** The cell at a point of the grid (the control's coordinates), or -1; a point in the gap counts. */
    int cellAt(double x, double y) {
        return cellAtCanvas(x - canvasX(), y - canvasY());
    }

    /** The cell at a point of the canvas, or -1. */
    int cellAtCanvas(double x, double y) {
        return geometry.cellAt(viewModel.getContent(), x, y, scrollOffset(), canvas.getWidth());
    }

    /** Where cell {@code index} is drawn, in the control's coordinates (possibly scrolled out of view). */
    Bounds cellBounds(int index) {
        double x = canvasX() + geometry.gridLeft + (index % geometry.columns) * geometry.pitchX;
        double y = canvasY() + PAD + (index / geometry.columns) * geometry.pitchY - scrollOffset();
        return new BoundingBox(x, y, geometry.cellW, geometry.cellH);
    }

    int columns() {
        return geometry.columns;
    }

    Canvas canvas() {
        return canvas;
    }

    ScrollBar scrollBar() {
        return scrollBar;
    }

    Tooltip tooltip() {
        return tooltip;
    }

    /** Scrolls so that cell {@code index} is in view. */
    void reveal(int index) {
        if (index < 0 || geometry.rows == 0) {
            return;
        }
        double top = PAD + (index / geometry.columns) * geometry.pitchY;
        double bottom = top + geometry.pitchY + PAD;
        double value = scrollBar.getValue();
        double height = canvas.getHeight();
        if (top - PAD < value) {
            scrollBar.setValue(Math.max(0, top - PAD));
        } else if (bottom > value + height) {
            scrollBar.setValue(Math.min(scrollBar.getMax(), bottom - height));
        }
    }

    /** Draws the visible cells now. */
    void redraw() {
        dirty = false;
        draw();
    }

    /** Marks the canvas for drawing again in the next layout pass. */
    void repaint() {
        changed();
    }

    /** Where the cells go, from the last layout pass. */
    GridGeometry geometry() {
        return geometry;
    }

    // ================================================================= layout

    @Override
    protected double computePrefWidth(double height, double topInset, double rightInset, double bottomInset,
                                      double leftInset) {
        return leftInset + rightInset + 140 + 32 * (AddressGrid.MIN_CELL + 4);
    }

    /**
     * The height of all rows of addresses at {@code width} (so a /24 asks for its rows and the legend can sit right
     * under them); 480 for a block map, a placeholder, or when the width is not known.
     */
    @Override
    protected double computePrefHeight(double width, double topInset, double rightInset, double bottomInset,
                                       double leftInset) {
        GridContent content = viewModel.getContent();
        if (width < 0 || !(content instanceof GridContent.Addresses)) {
            return topInset + bottomInset + 480;
        }
        double rows = new GridGeometry().measure(content, getSkinnable().cellSizeProperty().get(), painter.charWidth(),
                width - leftInset - rightInset);
        return topInset + bottomInset + Math.max(computeMinHeight(width, topInset, rightInset, bottomInset, leftInset),
                rows);
    }

    @Override
    protected double computeMinWidth(double height, double topInset, double rightInset, double bottomInset,
                                     double leftInset) {
        return 200;
    }

    @Override
    protected double computeMinHeight(double width, double topInset, double rightInset, double bottomInset,
                                      double leftInset) {
        return 100;
    }

    @Override
    protected void layoutChildren(double x, double y, double w, double h) {
        surface.resizeRelocate(x, y, w, h);
        AddressGrid grid = getSkinnable();
        focusRing.resizeRelocate(0, 0, grid.getWidth(), grid.getHeight());
    }

    /**
     * The focus ring: a 2 px line in the theme's accent around the whole grid while it has the keyboard focus
     * (AtlantaFX marks a focused control the same way), drawn over the edge so nothing moves when it comes and goes.
     */
    private void showFocus() {
        AddressGrid grid = getSkinnable();
        focusRing.setVisible(grid.isFocused());
        focusRing.setBorder(new Border(new BorderStroke(grid.getPalette().focusRing(), BorderStrokeStyle.SOLID,
                new CornerRadii(2), new BorderWidths(2))));
    }

    /** The ring drawn around the grid while it has the keyboard focus (style class {@code focus-ring}). */
    Region focusRing() {
        return focusRing;
    }

    /** The layout pass of the cells, in a surface {@code w} by {@code h}. */
    private void layoutCells(double w, double h) {
        inLayout = true;
        try {
            double barWidth = scrollBar.prefWidth(-1);
            double contentHeight = measure(w);
            boolean needBar = contentHeight > h;
            if (needBar) {
                contentHeight = measure(w - barWidth);
            }
            double canvasWidth = Math.max(0, needBar ? w - barWidth : w);
            scrollBar.setVisible(needBar);
            scrollBar.resizeRelocate(canvasWidth, 0, barWidth, h);
            if (canvas.getWidth() != canvasWidth || canvas.getHeight() != h) {
                canvas.setWidth(canvasWidth);
                canvas.setHeight(h);
                dirty = true;
            }
            canvas.relocate(0, 0);
            placeholder.resizeRelocate(24, 0, Math.max(0, w - 48), h);

            double max = Math.max(0, contentHeight - h);
            scrollBar.setMin(0);
            scrollBar.setMax(max);
            // the thumb's share of the track is the share of the rows in view
            scrollBar.setVisibleAmount(max <= 0 ? 1 : h * max / contentHeight);
            scrollBar.setUnitIncrement(geometry.pitchY);
            scrollBar.setBlockIncrement(Math.max(geometry.pitchY, h - geometry.pitchY));
            if (resetScroll) {
                resetScroll = false;
                scrollBar.setValue(0);
            }
            if (scrollBar.getValue() > max) {
                scrollBar.setValue(max);
            }
            if (revealCaret) {
                revealCaret = false;
                reveal(viewModel.caretProperty().get());
            }
            if (viewModel.columnsProperty().get() != geometry.columns) {
                viewModel.columnsProperty().set(geometry.columns);
            }
            if (dirty) {
                dirty = false;
                draw();
            }
        } finally {
            inLayout = false;
        }
    }

    /** Chooses columns and cell sizes for a canvas {@code width} wide; returns the height of all rows. */
    private double measure(double width) {
        return geometry.measure(viewModel.getContent(), getSkinnable().cellSizeProperty().get(), painter.charWidth(),
                width);
    }

    private void draw() {
        painter.draw(canvas, getSkinnable().getPalette(), viewModel.getContent(), geometry, scrollOffset(),
                viewModel.caretProperty().get(), viewModel.anchorProperty().get(), input.hoverIndex(),
                getSkinnable().isFocused());
    }

    private double scrollOffset() {
        return scrollBar.isVisible() ? Math.round(scrollBar.getValue()) : 0;
    }

    /** The canvas's left edge in the control's coordinates. */
    private double canvasX() {
        return surface.getLayoutX() + canvas.getLayoutX();
    }

    private double canvasY() {
        return surface.getLayoutY() + canvas.getLayoutY();
    }

    private void contentChanged() {
        GridContent content = viewModel.getContent();
        Cidr view = content == null ? null : content.view();
        if (!Objects.equals(view, shownView)) {
            shownView = view;
            resetScroll = true;
            revealCaret = true;
            input.forgetHover();
            input.hideTooltip();
        }
        changed();
    }

    private void scrolled() {
        input.hideTooltip();
        changed();
    }

    private void changed() {
        dirty = true;
        if (!inLayout) {
            surface.invalidate();
        }
    }

    /** The region that holds the canvas, the scroll bar and the placeholder, and runs their layout pass. */
    private final class Surface extends Pane {

        @Override
        protected void layoutChildren() {
            layoutCells(getWidth(), getHeight());
        }

        /** Lays the cells out again in the next pulse, without laying out the grid's parents. */
        void invalidate() {
            setNeedsLayout(true);
        }
    }
}
