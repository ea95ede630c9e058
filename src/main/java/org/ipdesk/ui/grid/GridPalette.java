package org.ipdesk.ui.grid;

import java.util.EnumMap;
import java.util.Map;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import org.ipdesk.model.CellState;

/**
 * The colours of the address grid, in one place, for a light and a dark theme. The cell colours are the
 * Okabe-Ito palette, which stays distinguishable with the common forms of colour blindness; states never
 * rely on colour alone (the tooltip names them, free cells have a border, unusable ones a cross). The block
 * map uses a sequential blue scale, empty blocks looking like free cells.
 */
public final class GridPalette {

    public static final GridPalette LIGHT = new GridPalette(false,
            cells("#F3F4F6", "#0072B2", "#E69F00", "#009E73", "#D55E00", "#B3E2D5", "#F0E442", "#CC79A7",
                    "#4D4D4D", "#56B4E9"),
            levels("#F3F4F6", "#C6DBEF", "#84BCDB", "#4292C6", "#1764AB", "#08306B"),
            levelText("#1F2328", "#1F2328", "#1F2328", "#FFFFFF", "#FFFFFF", "#FFFFFF"),
            Color.web("#FFFFFF"), Color.web("#B8BEC6"), Color.web("#C4C4C4"), Color.web("#57606A"),
            Color.web("#1F2328"), Color.web("#FFFFFF"), Color.web("#1F2328", 0.55), Color.web("#0969DA"));

    public static final GridPalette DARK = new GridPalette(true,
            cells("#262C35", "#1B86C8", "#E69F00", "#009E73", "#D55E00", "#0E5746", "#F0E442", "#CC79A7",
                    "#5A616B", "#56B4E9"),
            levels("#262C35", "#1B3A5C", "#1F5F99", "#2F86D0", "#6CB4EE", "#C6E2FA"),
            levelText("#E6EDF3", "#E6EDF3", "#E6EDF3", "#0D1117", "#0D1117", "#0D1117"),
            Color.web("#0D1117"), Color.web("#434B56"), Color.web("#14171C"), Color.web("#9198A1"),
            Color.web("#F0F6FC"), Color.web("#0D1117"), Color.web("#F0F6FC", 0.6), Color.web("#1F6FEB"));

    private final boolean dark;
    private final Color[] cells;
    private final Color[] levels;
    private final Color[] levelText;
    private final Color background;
    private final Color freeBorder;
    private final Color unusableMark;
    private final Color labelText;
    private final Color selection;
    private final Color selectionInner;
    private final Color hover;
    private final Color focusRing;

    private GridPalette(boolean dark, Color[] cells, Color[] levels, Color[] levelText, Color background,
                        Color freeBorder, Color unusableMark, Color labelText, Color selection, Color selectionInner,
                        Color hover, Color focusRing) {
        this.dark = dark;
        this.cells = cells;
        this.levels = levels;
        this.levelText = levelText;
        this.background = background;
        this.freeBorder = freeBorder;
        this.unusableMark = unusableMark;
        this.labelText = labelText;
        this.selection = selection;
        this.selectionInner = selectionInner;
        this.hover = hover;
        this.focusRing = focusRing;
    }

    public static GridPalette of(boolean dark) {
        return dark ? DARK : LIGHT;
    }

    public boolean isDark() {
        return dark;
    }

    /** The fill of a cell in this state (a free cell also gets a border, an unusable one a cross). */
    public Color colorOf(CellState state) {
        return cells[state.ordinal()];
    }

    /** The fill of a block of the block map. */
    public Color colorOf(BlockLevel level) {
        return levels[level.ordinal()];
    }

    /** Text drawn on a block of this level. */
    public Color textOn(BlockLevel level) {
        return levelText[level.ordinal()];
    }

    /** Every state with its colour, in legend order. */
    public Map<CellState, Color> cellColors() {
        Map<CellState, Color> all = new EnumMap<>(CellState.class);
        for (CellState state : CellState.values()) {
            all.put(state, colorOf(state));
        }
        return all;
    }

    public Color background() {
        return background;
    }

    /** The thin border of free cells (and empty blocks). */
    public Color freeBorder() {
        return freeBorder;
    }

    /** The cross on unusable (network, broadcast) cells. */
    public Color unusableMark() {
        return unusableMark;
    }

    /** Row labels and messages. */
    public Color labelText() {
        return labelText;
    }

    /** The outline of the selection. */
    public Color selection() {
        return selection;
    }

    /** The inner ring of the caret cell, contrasting with {@link #selection()}. */
    public Color selectionInner() {
        return selectionInner;
    }

    /** The outline of the hovered cell. */
    public Color hover() {
        return hover;
    }

    /** The ring around the grid while it has the keyboard focus: the theme's accent (AtlantaFX Primer's). */
    public Color focusRing() {
        return focusRing;
    }

    /** Paints one cell the way the grid does (border for free, cross for unusable): for legend swatches. */
    public void paint(GraphicsContext g, CellState state, double x, double y, double w, double h) {
        if (state == CellState.FREE) {
            g.setFill(freeBorder);
            g.fillRect(x, y, w, h);
            g.setFill(colorOf(state));
            g.fillRect(x + 1, y + 1, w - 2, h - 2);
            return;
        }
        g.setFill(colorOf(state));
        g.fillRect(x, y, w, h);
        if (state == CellState.UNUSABLE) {
            cross(g, x, y, w, h);
        }
    }

    /** Paints one block the way the block map does: for legend swatches. */
    public void paint(GraphicsContext g, BlockLevel level, double x, double y, double w, double h) {
        if (level == BlockLevel.EMPTY) {
            g.setFill(freeBorder);
            g.fillRect(x, y, w, h);
            g.setFill(colorOf(level));
            g.fillRect(x + 1, y + 1, w - 2, h - 2);
            return;
        }
        g.setFill(colorOf(level));
        g.fillRect(x, y, w, h);
    }

    private static final Color SEEN_DOT_LIGHT = Color.web("#1F2328");
    private static final Color SEEN_DOT_DARK = Color.web("#F0F6FC");
    private static final Color SEEN_RING_DARK = Color.web("#0D1117");

    /** The dot of a cell seen lately: dark on the light grid, light on the dark one. */
    public Color seenDot() {
        return dark ? SEEN_DOT_DARK : SEEN_DOT_LIGHT;
    }

    /** The ring around the dot, in the opposite tone, so the mark reads on every state colour. */
    public Color seenRing() {
        return dark ? SEEN_RING_DARK : Color.WHITE;
    }

    /** The diameter of the seen dot in a cell of {@code w} x {@code h}. */
    static double seenSize(double w, double h) {
        return Math.max(4, Math.floor(Math.min(w, h) * 0.42));
    }

    /** How far the seen dot sits from the cell's top and right edges. */
    static double seenInset(double w, double h) {
        return Math.max(1, Math.floor(Math.min(w, h) / 10));
    }

    /** Paints the seen mark (a ringed dot in the top-right corner) on one cell: for the legend swatch. */
    public void seenMark(GraphicsContext g, double x, double y, double w, double h) {
        double d = seenSize(w, h);
        double left = x + w - seenInset(w, h) - d;
        double top = y + seenInset(w, h);
        g.setFill(seenRing());
        g.fillOval(left - 1, top - 1, d + 2, d + 2);
        g.setFill(seenDot());
        g.fillOval(left, top, d, d);
    }

    /** The cross of an unusable cell. */
    void cross(GraphicsContext g, double x, double y, double w, double h) {
        double inset = Math.max(2, Math.floor(Math.min(w, h) / 5));
        g.setStroke(unusableMark);
        g.setLineWidth(1.25);
        g.strokeLine(x + inset, y + inset, x + w - inset, y + h - inset);
        g.strokeLine(x + w - inset, y + inset, x + inset, y + h - inset);
    }

    private static Color[] cells(String... web) {
        if (web.length != CellState.values().length) {
            throw new IllegalArgumentException("one colour per cell state");
        }
        return colors(web);
    }

    private static Color[] levels(String... web) {
        if (web.length != BlockLevel.values().length) {
            throw new IllegalArgumentException("one colour per block level");
        }
        return colors(web);
    }

    private static Color[] levelText(String... web) {
        return levels(web);
    }

    private static Color[] colors(String... web) {
        Color[] colors = new Color[web.length];
        for (int i = 0; i < web.length; i++) {
            colors[i] = Color.web(web[i]);
        }
        return colors;
    }
}
