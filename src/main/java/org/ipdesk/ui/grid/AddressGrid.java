package org.ipdesk.ui.grid;

import java.util.Objects;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.AccessibleRole;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;
import org.ipdesk.address.Cidr;
import org.ipdesk.model.CellState;
import org.ipdesk.settings.CellSize;

/**
 * The address grid: one cell per address of a subnet, coloured by state, or for a large subnet a block map
 * of its child blocks coloured by how full they are. It draws on one {@link Canvas} the size of the viewport
 * and only the rows in view, so a /16 (65,536 cells) costs no more than a /24; a vertical {@link ScrollBar}
 * moves over the rows. Cells per row fit the width: 256, 64, 32 or 16 (the most that stay at least as wide as
 * the {@link CellSize} chosen in the preferences allows, {@value #MIN_CELL} px for the default), so rows start on
 * nibble or octet boundaries; each row is labelled with its first address.
 *
 * <p>All state lives in the {@link AddressGridViewModel}; the grid binds to it and forwards events: click
 * selects, Shift+click and Shift+arrows select a range, arrows move (Up and Down by a row), Page Up/Down,
 * Home/End (Ctrl: whole grid), Ctrl+A, Escape clears; in a block map double-click or Enter opens a block and
 * Backspace goes back up. Hovering shows a tooltip naming the address, its state and its host name.
 */
public class AddressGrid extends Region {

    /** The narrowest cell for choosing how many fit a row at the default size ({@link CellSize#MEDIUM}), in px. */
    public static final double MIN_CELL = 14;
    /** A block map is a 16 x 16 square of blocks. */
    static final int BLOCK_COLUMNS = 16;
    private static final double PAD = GridGeometry.PAD;

    private static final String STYLE_CLASS = "address-grid";

    private final AddressGridViewModel viewModel;
    private final Canvas canvas = new Canvas();
    private final ScrollBar scrollBar = new ScrollBar();
    private final Label placeholder = new Label();
    private final Tooltip tooltip = new Tooltip();
    private final BooleanProperty dark = new SimpleBooleanProperty(this, "dark", false);
    private final ObjectProperty<CellSize> cellSize = new SimpleObjectProperty<>(this, "cellSize", CellSize.MEDIUM);
    private final ReadOnlyObjectWrapper<GridPalette> palette = new ReadOnlyObjectWrapper<>(this, "palette",
            GridPalette.LIGHT);

    private final GridGeometry geometry = new GridGeometry();
    private final GridPainter painter = new GridPainter();
    private final GridInput input;

    private boolean dirty = true;
    private boolean inLayout;
    private boolean resetScroll;
    private boolean revealCaret;
    private Cidr shownView;

    public AddressGrid(AddressGridViewModel viewModel) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
        getStyleClass().add(STYLE_CLASS);
        setFocusTraversable(true);
        setAccessibleRole(AccessibleRole.NODE);
        accessibleTextProperty().bind(viewModel.selectionTextProperty());

        scrollBar.setOrientation(Orientation.VERTICAL);
        scrollBar.valueProperty().addListener(this::scrolled);
        placeholder.getStyleClass().add("grid-placeholder");
        placeholder.setWrapText(true);
        placeholder.setTextAlignment(TextAlignment.CENTER);
        placeholder.textProperty().bind(viewModel.messageProperty());
        placeholder.visibleProperty().bind(viewModel.contentProperty().isNull());
        placeholder.setMouseTransparent(true);
        getChildren().addAll(canvas, scrollBar, placeholder);

        tooltip.textProperty().bind(viewModel.hoverTextProperty());
        tooltip.setWrapText(false);
        input = new GridInput(this, viewModel, canvas, scrollBar, tooltip);

        dark.addListener((property, before, now) -> palette.set(GridPalette.of(now)));
        palette.addListener(this::changed);
        cellSize.addListener((property, before, now) -> {
            revealCaret = true;
            changed(property);
        });
        viewModel.contentProperty().addListener((property, before, now) -> contentChanged());
        viewModel.caretProperty().addListener((property, before, now) -> {
            revealCaret = true;
            changed(property);
        });
        viewModel.anchorProperty().addListener(this::changed);

        input.install();
        contentChanged();
    }

    // ================================================================= public API

    public AddressGridViewModel getViewModel() {
        return viewModel;
    }

    /** Dark theme colours; bind it to the application's theme. */
    public BooleanProperty darkProperty() {
        return dark;
    }

    /**
     * How big the cells are drawn (the preference); a change lays the grid out again at once, keeping the
     * selected cell in view. Null counts as {@link CellSize#MEDIUM}.
     */
    public ObjectProperty<CellSize> cellSizeProperty() {
        return cellSize;
    }

    public ReadOnlyObjectProperty<GridPalette> paletteProperty() {
        return palette.getReadOnlyProperty();
    }

    public GridPalette getPalette() {
        return palette.get();
    }

    /** The fill of a cell in this state, in the current palette. */
    public Color colorOf(CellState state) {
        return palette.get().colorOf(state);
    }

    /** The fill of a block of this level, in the current palette. */
    public Color colorOf(BlockLevel level) {
        return palette.get().colorOf(level);
    }

    /** The cell at a point of this grid (its own coordinates), or -1; a point in the gap counts. */
    public int cellAt(double x, double y) {
        return geometry.cellAt(viewModel.getContent(), x - canvas.getLayoutX(), y - canvas.getLayoutY(), scrollOffset(),
                canvas.getWidth());
    }

    /** Where cell {@code index} is drawn, in this grid's coordinates (possibly scrolled out of view). */
    public Bounds cellBounds(int index) {
        double x = canvas.getLayoutX() + geometry.gridLeft + (index % geometry.columns) * geometry.pitchX;
        double y = canvas.getLayoutY() + PAD + (index / geometry.columns) * geometry.pitchY - scrollOffset();
        return new BoundingBox(x, y, geometry.cellW, geometry.cellH);
    }

    /** Cells per row, as laid out. */
    public int getColumns() {
        return geometry.columns;
    }

    /** The canvas the cells are drawn on (for snapshots in tests and screenshots). */
    public Canvas getCanvas() {
        return canvas;
    }

    /** The vertical scroll bar. */
    public ScrollBar getScrollBar() {
        return scrollBar;
    }

    /** The tooltip of the hovered cell. */
    public Tooltip getTooltip() {
        return tooltip;
    }

    /** Scrolls so that cell {@code index} is in view. */
    public void reveal(int index) {
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

    /** Draws the visible cells now (normally done once per pulse after a change). */
    public void redraw() {
        dirty = false;
        draw();
    }

    // ================================================================= layout

    @Override
    protected double computePrefWidth(double height) {
        Insets in = getInsets();
        return in.getLeft() + in.getRight() + 140 + 32 * (MIN_CELL + 4);
    }

    @Override
    protected double computePrefHeight(double width) {
        Insets in = getInsets();
        return in.getTop() + in.getBottom() + 480;
    }

    @Override
    protected double computeMinWidth(double height) {
        return 200;
    }

    @Override
    protected double computeMinHeight(double width) {
        return 100;
    }

    @Override
    protected void layoutChildren() {
        inLayout = true;
        try {
            Insets in = getInsets();
            double x = in.getLeft();
            double y = in.getTop();
            double w = Math.max(0, getWidth() - in.getLeft() - in.getRight());
            double h = Math.max(0, getHeight() - in.getTop() - in.getBottom());
            double barWidth = scrollBar.prefWidth(-1);
            double contentHeight = measure(w);
            boolean needBar = contentHeight > h;
            if (needBar) {
                contentHeight = measure(w - barWidth);
            }
            double canvasWidth = Math.max(0, needBar ? w - barWidth : w);
            scrollBar.setVisible(needBar);
            scrollBar.resizeRelocate(x + canvasWidth, y, barWidth, h);
            if (canvas.getWidth() != canvasWidth || canvas.getHeight() != h) {
                canvas.setWidth(canvasWidth);
                canvas.setHeight(h);
                dirty = true;
            }
            canvas.relocate(x, y);
            placeholder.resizeRelocate(x + 24, y, Math.max(0, w - 48), h);

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
        return geometry.measure(viewModel.getContent(), cellSize.get(), painter.charWidth(), width);
    }

    private void draw() {
        painter.draw(canvas, palette.get(), viewModel.getContent(), geometry, scrollOffset(),
                viewModel.caretProperty().get(), viewModel.anchorProperty().get(), input.hoverIndex());
    }

    private double scrollOffset() {
        return scrollBar.isVisible() ? Math.round(scrollBar.getValue()) : 0;
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
        changed(null);
    }

    private void scrolled(Observable ignored) {
        input.hideTooltip();
        changed(null);
    }

    /** Marks the canvas for drawing again in the next layout pass. */
    void repaint() {
        changed(null);
    }

    /** Where the cells go, from the last layout pass. */
    GridGeometry geometry() {
        return geometry;
    }

    private void changed(Observable ignored) {
        dirty = true;
        if (!inLayout) {
            setNeedsLayout(true);
        }
    }
}
