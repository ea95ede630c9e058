package org.ipdesk.ui.grid;

import java.util.Objects;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Bounds;
import javafx.scene.AccessibleRole;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Control;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.Skin;
import javafx.scene.control.Tooltip;
import javafx.scene.paint.Color;
import org.ipdesk.model.CellState;
import org.ipdesk.settings.CellSize;

/**
 * The address grid: one cell per address of a subnet, coloured by state, or for a large subnet a block map
 * of its child blocks coloured by how full they are. Cells per row fit the width: 256, 64, 32 or 16 (the most
 * that fit beside the row labels at the {@link CellSize} chosen in the preferences), so rows start on nibble or
 * octet boundaries; each row is labelled with its first address. The cells keep that size at every width: more
 * width shows more per row, never smaller cells.
 *
 * <p>A {@link Control} in the AtlantaFX manner: this class holds the public properties (the view model, the
 * theme, the cell size, the palette) and the public API; its {@link AddressGridSkin} owns the canvas, the layout
 * pass, the painting and the mouse and keyboard. All state lives in the {@link AddressGridViewModel}; the grid
 * binds to it and forwards events: click selects, Shift+click and Shift+arrows select a range, arrows move (Up
 * and Down by a row), Page Up/Down, Home/End (Ctrl: whole grid), Ctrl+A, Escape clears; in a block map
 * double-click or Enter opens a block and Backspace goes back up. Hovering shows a tooltip naming the address,
 * its state and its host name.
 */
public class AddressGrid extends Control {

    /** The cell width the grid's preferred width is reckoned with, in px (the cells follow {@link CellSize}). */
    public static final double MIN_CELL = 14;
    /** A block map is a 16 x 16 square of blocks. */
    static final int BLOCK_COLUMNS = 16;

    private static final String STYLE_CLASS = "address-grid";

    private final AddressGridViewModel viewModel;
    private final BooleanProperty dark = new SimpleBooleanProperty(this, "dark", false);
    private final ObjectProperty<CellSize> cellSize = new SimpleObjectProperty<>(this, "cellSize", CellSize.MEDIUM);
    private final ReadOnlyObjectWrapper<GridPalette> palette = new ReadOnlyObjectWrapper<>(this, "palette",
            GridPalette.LIGHT);

    public AddressGrid(AddressGridViewModel viewModel) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
        getStyleClass().add(STYLE_CLASS);
        setFocusTraversable(true);
        setAccessibleRole(AccessibleRole.NODE);
        accessibleTextProperty().bind(viewModel.selectionTextProperty());
        dark.addListener((property, before, now) -> palette.set(GridPalette.of(now)));
    }

    /** Its height depends on its width: the narrower, the more rows of addresses. */
    @Override
    public javafx.geometry.Orientation getContentBias() {
        return javafx.geometry.Orientation.HORIZONTAL;
    }

    @Override
    protected Skin<?> createDefaultSkin() {
        return new AddressGridSkin(this);
    }

    // ================================================================= properties

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

    // ================================================================= what the skin shows

    /** The cell at a point of this grid (its own coordinates), or -1; a point in the gap counts. */
    public int cellAt(double x, double y) {
        return gridSkin().cellAt(x, y);
    }

    /** Where cell {@code index} is drawn, in this grid's coordinates (possibly scrolled out of view). */
    public Bounds cellBounds(int index) {
        return gridSkin().cellBounds(index);
    }

    /** Cells per row, as laid out. */
    public int getColumns() {
        return gridSkin().columns();
    }

    /** The canvas the cells are drawn on (for snapshots in tests and screenshots). */
    public Canvas getCanvas() {
        return gridSkin().canvas();
    }

    /** The vertical scroll bar. */
    public ScrollBar getScrollBar() {
        return gridSkin().scrollBar();
    }

    /**
     * The tooltip of the hovered cell, shown by the skin after a short rest of the mouse (not the control's own
     * {@link #tooltipProperty() tooltip}, which stays unset).
     */
    public Tooltip getCellTooltip() {
        return gridSkin().tooltip();
    }

    /** Scrolls so that cell {@code index} is in view. */
    public void reveal(int index) {
        gridSkin().reveal(index);
    }

    /** Draws the visible cells now (normally done once per pulse after a change). */
    public void redraw() {
        gridSkin().redraw();
    }

    /** The skin, made now if CSS has not made it yet (so the API above works before the grid is shown). */
    private AddressGridSkin gridSkin() {
        if (getSkin() == null) {
            setSkin(createDefaultSkin());
        }
        if (getSkin() instanceof AddressGridSkin skin) {
            return skin;
        }
        throw new IllegalStateException("the address grid's skin is " + getSkin().getClass().getName()
                + ", not an AddressGridSkin: the canvas, cells and scroll bar belong to AddressGridSkin");
    }
}
