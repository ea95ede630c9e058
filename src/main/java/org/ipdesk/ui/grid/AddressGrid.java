package org.ipdesk.ui.grid;

import java.util.Objects;
import javafx.animation.PauseTransition;
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
import javafx.geometry.VPos;
import javafx.scene.AccessibleRole;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import javafx.util.Duration;
import org.ipdesk.address.Cidr;
import org.ipdesk.model.CellState;
import org.ipdesk.ui.grid.AddressGridViewModel.Edge;

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
    private static final int[] COLUMN_CHOICES = {256, 64, 32, 16};
    /** A block map is a 16 x 16 square of blocks. */
    static final int BLOCK_COLUMNS = 16;
    private static final double MIN_BLOCK = 20;
    private static final double MAX_BLOCK = 110;
    /** Space above the first row and below the last, and right of the last column, in px. */
    private static final double PAD = 8;
    /** Space between the row labels and the cells, in px. */
    private static final double LABEL_GAP = 10;
    private static final double LABEL_LEFT = 6;

    private static final String STYLE_CLASS = "address-grid";

    private final AddressGridViewModel viewModel;
    private final Canvas canvas = new Canvas();
    private final ScrollBar scrollBar = new ScrollBar();
    private final Label placeholder = new Label();
    private final Tooltip tooltip = new Tooltip();
    private final PauseTransition tooltipDelay = new PauseTransition(Duration.millis(450));
    private final BooleanProperty dark = new SimpleBooleanProperty(this, "dark", false);
    private final ObjectProperty<CellSize> cellSize = new SimpleObjectProperty<>(this, "cellSize", CellSize.MEDIUM);
    private final ReadOnlyObjectWrapper<GridPalette> palette = new ReadOnlyObjectWrapper<>(this, "palette",
            GridPalette.LIGHT);

    private final Font labelFont = Font.font("Monospaced", 11);
    private final Font blockFont = Font.font("Monospaced", 11);
    private final double charWidth;
    private final double blockCharWidth;

    // the layout of the cells, from the last layout pass
    private int columns = 16;
    private int rows;
    private double pitchX = MIN_CELL + 1;
    private double pitchY = MIN_CELL + 1;
    private double cellW = MIN_CELL;
    private double cellH = MIN_CELL;
    private double gridLeft;
    private double labelRight;

    private boolean dirty = true;
    private boolean inLayout;
    private boolean resetScroll;
    private boolean revealCaret;
    private Cidr shownView;
    private int hoverIndex = -1;
    private double mouseScreenX;
    private double mouseScreenY;

    /** Scratch for drawing: visible cell indexes sorted by state (counting sort), reused between frames. */
    private int[] order = new int[0];
    private final int[] starts = new int[Math.max(CellState.values().length, BlockLevel.values().length) + 1];

    public AddressGrid(AddressGridViewModel viewModel) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
        getStyleClass().add(STYLE_CLASS);
        setFocusTraversable(true);
        setAccessibleRole(AccessibleRole.NODE);
        accessibleTextProperty().bind(viewModel.selectionTextProperty());

        charWidth = textWidth("0123456789", labelFont) / 10;
        blockCharWidth = textWidth("0123456789", blockFont) / 10;

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
        tooltipDelay.setOnFinished(event -> showTooltip());

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

        canvas.addEventHandler(MouseEvent.MOUSE_MOVED, this::mouseMoved);
        canvas.addEventHandler(MouseEvent.MOUSE_EXITED, event -> unhover());
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, this::mousePressed);
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::mouseDragged);
        canvas.addEventHandler(MouseEvent.MOUSE_CLICKED, this::mouseClicked);
        addEventHandler(ScrollEvent.SCROLL, this::wheel);
        addEventHandler(KeyEvent.KEY_PRESSED, this::keyPressed);
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
        GridContent content = viewModel.getContent();
        if (content == null) {
            return -1;
        }
        double cx = x - canvas.getLayoutX() - gridLeft;
        double cy = y - canvas.getLayoutY() + scrollOffset() - PAD;
        if (cx < 0 || cy < 0 || x - canvas.getLayoutX() >= canvas.getWidth()) {
            return -1;
        }
        int col = (int) (cx / pitchX);
        int row = (int) (cy / pitchY);
        if (col >= columns || row >= rows) {
            return -1;
        }
        int index = row * columns + col;
        return index < content.size() ? index : -1;
    }

    /** Where cell {@code index} is drawn, in this grid's coordinates (possibly scrolled out of view). */
    public Bounds cellBounds(int index) {
        double x = canvas.getLayoutX() + gridLeft + (index % columns) * pitchX;
        double y = canvas.getLayoutY() + PAD + (index / columns) * pitchY - scrollOffset();
        return new BoundingBox(x, y, cellW, cellH);
    }

    /** Cells per row, as laid out. */
    public int getColumns() {
        return columns;
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
        if (index < 0 || rows == 0) {
            return;
        }
        double top = PAD + (index / columns) * pitchY;
        double bottom = top + pitchY + PAD;
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
            scrollBar.setUnitIncrement(pitchY);
            scrollBar.setBlockIncrement(Math.max(pitchY, h - pitchY));
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
            if (viewModel.columnsProperty().get() != columns) {
                viewModel.columnsProperty().set(columns);
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
        GridContent content = viewModel.getContent();
        int longest = content == null ? 15 : content.longestLabel();
        labelRight = Math.ceil(LABEL_LEFT + longest * charWidth);
        gridLeft = labelRight + LABEL_GAP;
        double available = Math.max(0, width - gridLeft - PAD);
        int size = content == null ? 0 : content.size();
        if (content instanceof GridContent.Blocks) {
            columns = BLOCK_COLUMNS;
            pitchX = clamp(Math.floor(available / columns), MIN_BLOCK, MAX_BLOCK);
            pitchY = clamp(Math.round(pitchX * 0.5), MIN_BLOCK, 48);
        } else {
            CellSize sizing = cellSize.get() == null ? CellSize.MEDIUM : cellSize.get();
            columns = COLUMN_CHOICES[COLUMN_CHOICES.length - 1];
            for (int choice : COLUMN_CHOICES) {
                if (choice * sizing.minPitch() <= available && choice <= Math.max(16, size)) {
                    columns = choice;
                    break;
                }
            }
            pitchX = clamp(Math.floor(available / columns), 5, sizing.maxPitch());
            pitchY = pitchX;
        }
        double gap = pitchX >= 20 ? 2 : 1;
        cellW = pitchX - gap;
        cellH = pitchY - gap;
        rows = (size + columns - 1) / columns;
        return rows == 0 ? 0 : PAD + rows * pitchY + PAD;
    }

    private static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(max, value));
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
            hoverIndex = -1;
            hideTooltip();
        }
        changed(null);
    }

    private void scrolled(Observable ignored) {
        hideTooltip();
        changed(null);
    }

    private void changed(Observable ignored) {
        dirty = true;
        if (!inLayout) {
            setNeedsLayout(true);
        }
    }

    // ================================================================= drawing

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        GridPalette p = palette.get();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.setFill(p.background());
        g.fillRect(0, 0, w, h);
        GridContent content = viewModel.getContent();
        if (content == null || rows == 0) {
            return;
        }
        double offset = scrollOffset();
        int firstRow = Math.max(0, (int) Math.floor((offset - PAD) / pitchY));
        int lastRow = Math.min(rows - 1, (int) Math.floor((offset + h - PAD) / pitchY));
        if (lastRow < firstRow) {
            return;
        }
        int from = firstRow * columns;
        int to = Math.min(content.size(), (lastRow + 1) * columns);

        g.setFont(labelFont);
        g.setFill(p.labelText());
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        for (int row = firstRow; row <= lastRow; row++) {
            g.fillText(content.rowLabel(row * columns), labelRight, PAD + row * pitchY - offset + cellH / 2);
        }

        if (content instanceof GridContent.Addresses cells) {
            drawAddresses(g, p, cells.states().codes(), from, to, offset);
        } else {
            drawBlocks(g, p, (GridContent.Blocks) content, from, to, offset);
        }
        drawSelection(g, p, from, to, offset);
        if (hoverIndex >= from && hoverIndex < to) {
            g.setStroke(p.hover());
            g.setLineWidth(1);
            g.strokeRect(x(hoverIndex) - 0.5, y(hoverIndex, offset) - 0.5, cellW + 1, cellH + 1);
        }
    }

    private double x(int index) {
        return gridLeft + (index % columns) * pitchX;
    }

    private double y(int index, double offset) {
        return PAD + (index / columns) * pitchY - offset;
    }

    /**
     * Sorts the visible cells by code (a counting sort into reused arrays), so each colour is set once per
     * frame and no object is made per cell.
     */
    private int sortByCode(byte[] codes, int from, int to, int kinds) {
        int count = to - from;
        if (order.length < count) {
            order = new int[Math.max(count, 4096)];
        }
        java.util.Arrays.fill(starts, 0);
        for (int i = from; i < to; i++) {
            starts[codes[i] + 1]++;
        }
        for (int k = 0; k < kinds; k++) {
            starts[k + 1] += starts[k];
        }
        // starts[k] is now where kind k begins; fill, moving each start up, then shift back
        for (int i = from; i < to; i++) {
            order[starts[codes[i]]++] = i;
        }
        for (int k = kinds; k > 0; k--) {
            starts[k] = starts[k - 1];
        }
        starts[0] = 0;
        return count;
    }

    private void drawAddresses(GraphicsContext g, GridPalette p, byte[] codes, int from, int to, double offset) {
        int kinds = CellState.values().length;
        sortByCode(codes, from, to, kinds);
        for (int k = 0; k < kinds; k++) {
            int begin = starts[k];
            int end = starts[k + 1];
            if (begin == end) {
                continue;
            }
            CellState state = CellState.ofCode((byte) k);
            if (state == CellState.FREE) {
                g.setFill(p.freeBorder());
                for (int j = begin; j < end; j++) {
                    int i = order[j];
                    g.fillRect(x(i), y(i, offset), cellW, cellH);
                }
                g.setFill(p.colorOf(state));
                for (int j = begin; j < end; j++) {
                    int i = order[j];
                    g.fillRect(x(i) + 1, y(i, offset) + 1, cellW - 2, cellH - 2);
                }
                continue;
            }
            g.setFill(p.colorOf(state));
            for (int j = begin; j < end; j++) {
                int i = order[j];
                g.fillRect(x(i), y(i, offset), cellW, cellH);
            }
            if (state == CellState.UNUSABLE) {
                for (int j = begin; j < end; j++) {
                    int i = order[j];
                    p.cross(g, x(i), y(i, offset), cellW, cellH);
                }
            }
        }
    }

    private void drawBlocks(GraphicsContext g, GridPalette p, GridContent.Blocks blocks, int from, int to,
                            double offset) {
        int kinds = BlockLevel.values().length;
        byte[] levels = blocks.levels();
        sortByCode(levels, from, to, kinds);
        for (int k = 0; k < kinds; k++) {
            int begin = starts[k];
            int end = starts[k + 1];
            if (begin == end) {
                continue;
            }
            BlockLevel level = BlockLevel.ofCode((byte) k);
            if (level == BlockLevel.EMPTY) {
                g.setFill(p.freeBorder());
                for (int j = begin; j < end; j++) {
                    int i = order[j];
                    g.fillRect(x(i), y(i, offset), cellW, cellH);
                }
                g.setFill(p.colorOf(level));
                for (int j = begin; j < end; j++) {
                    int i = order[j];
                    g.fillRect(x(i) + 1, y(i, offset) + 1, cellW - 2, cellH - 2);
                }
                continue;
            }
            g.setFill(p.colorOf(level));
            for (int j = begin; j < end; j++) {
                int i = order[j];
                g.fillRect(x(i), y(i, offset), cellW, cellH);
            }
        }
        // the share used, and the block's CIDR where it fits
        if (cellW < 5 * blockCharWidth) {
            return;
        }
        g.setFont(blockFont);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        boolean twoLines = cellH >= 30;
        // empty blocks stay blank, so the used ones stand out
        for (int k = BlockLevel.EMPTY.ordinal() + 1; k < kinds; k++) {
            int begin = starts[k];
            int end = starts[k + 1];
            if (begin == end) {
                continue;
            }
            g.setFill(p.textOn(BlockLevel.ofCode((byte) k)));
            for (int j = begin; j < end; j++) {
                int i = order[j];
                double cx = x(i) + cellW / 2;
                double top = y(i, offset);
                String percent = blocks.percent(i);
                String name = blocks.name(i);
                boolean nameFits = twoLines && name.length() * blockCharWidth <= cellW - 6;
                if (nameFits) {
                    g.fillText(name, cx, top + cellH * 0.32);
                    g.fillText(percent, cx, top + cellH * 0.72);
                } else if (percent.length() * blockCharWidth <= cellW - 4) {
                    g.fillText(percent, cx, top + cellH / 2);
                }
            }
        }
    }

    /** The outline around the selected cells (a 2 px edge where a selected cell meets an unselected one). */
    private void drawSelection(GraphicsContext g, GridPalette p, int from, int to, double offset) {
        int caret = viewModel.caretProperty().get();
        if (caret < 0) {
            return;
        }
        int anchor = viewModel.anchorProperty().get();
        int lo = Math.min(anchor, caret);
        int hi = Math.max(anchor, caret);
        int first = Math.max(lo, from);
        int last = Math.min(hi, to - 1);
        double t = 2;
        g.setFill(p.selection());
        for (int i = first; i <= last; i++) {
            int col = i % columns;
            double x0 = x(i) - 1.5;
            double y0 = y(i, offset) - 1.5;
            double x1 = x(i) + cellW + 1.5;
            double y1 = y(i, offset) + cellH + 1.5;
            if (i - columns < lo) {
                g.fillRect(x0, y0, x1 - x0, t);
            }
            if (i + columns > hi) {
                g.fillRect(x0, y1 - t, x1 - x0, t);
            }
            if (col == 0 || i - 1 < lo) {
                g.fillRect(x0, y0, t, y1 - y0);
            }
            if (col == columns - 1 || i + 1 > hi) {
                g.fillRect(x1 - t, y0, t, y1 - y0);
            }
        }
        if (caret >= from && caret < to) {
            double x = x(caret);
            double y = y(caret, offset);
            g.setStroke(p.selection());
            g.setLineWidth(2);
            g.strokeRect(x - 0.5, y - 0.5, cellW + 1, cellH + 1);
            g.setStroke(p.selectionInner());
            g.setLineWidth(1);
            g.strokeRect(x + 1, y + 1, cellW - 2, cellH - 2);
        }
    }

    // ================================================================= events

    private void mouseMoved(MouseEvent event) {
        mouseScreenX = event.getScreenX();
        mouseScreenY = event.getScreenY();
        int index = cellAt(event.getX() + canvas.getLayoutX(), event.getY() + canvas.getLayoutY());
        if (index != hoverIndex) {
            hoverIndex = index;
            hideTooltip();
            if (index >= 0) {
                tooltipDelay.playFromStart();
            }
            changed(null);
        }
    }

    private void unhover() {
        tooltipDelay.stop();
        hideTooltip();
        if (hoverIndex >= 0) {
            hoverIndex = -1;
            changed(null);
        }
    }

    private void showTooltip() {
        if (hoverIndex < 0 || getScene() == null || getScene().getWindow() == null) {
            return;
        }
        viewModel.hover(hoverIndex);
        if (!viewModel.hoverTextProperty().get().isEmpty()) {
            tooltip.show(canvas, mouseScreenX + 14, mouseScreenY + 18);
        }
    }

    private void hideTooltip() {
        tooltipDelay.stop();
        if (tooltip.isShowing()) {
            tooltip.hide();
        }
    }

    private void mousePressed(MouseEvent event) {
        hideTooltip();
        requestFocus();
        if (event.getButton() != MouseButton.PRIMARY) {
            return;
        }
        int index = cellAt(event.getX() + canvas.getLayoutX(), event.getY() + canvas.getLayoutY());
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
        int index = cellAt(event.getX() + canvas.getLayoutX(), event.getY() + canvas.getLayoutY());
        if (index >= 0 && index != viewModel.caretProperty().get()) {
            viewModel.extendSelection(index);
        }
    }

    private void mouseClicked(MouseEvent event) {
        if (event.getButton() != MouseButton.PRIMARY || event.getClickCount() != 2) {
            return;
        }
        int index = cellAt(event.getX() + canvas.getLayoutX(), event.getY() + canvas.getLayoutY());
        if (index >= 0) {
            viewModel.activate(index); // a block zooms in, an address goes to the view model's activate handler
        }
    }

    private void wheel(ScrollEvent event) {
        if (!scrollBar.isVisible() || event.getDeltaY() == 0) {
            return;
        }
        scrollBar.setValue(clamp(scrollBar.getValue() - event.getDeltaY(), 0, scrollBar.getMax()));
        event.consume();
    }

    private void keyPressed(KeyEvent event) {
        boolean shift = event.isShiftDown();
        int page = Math.max(1, (int) (canvas.getHeight() / pitchY) - 1);
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

    private static double textWidth(String text, Font font) {
        Text probe = new Text(text);
        probe.setFont(font);
        return probe.getLayoutBounds().getWidth();
    }
}
