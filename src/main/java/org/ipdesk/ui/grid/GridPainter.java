package org.ipdesk.ui.grid;

import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.ipdesk.model.CellState;
import org.ipdesk.ui.TextWidth;

/**
 * Draws the {@link AddressGrid} on its canvas for the {@link AddressGridSkin}: the row labels, the visible cells
 * or blocks (sorted by state so each colour is set once per frame), the selection outline, the caret (heavier
 * while the grid has the focus) and the hover outline. It keeps no state between frames but its scratch arrays;
 * where the cells go comes from the {@link GridGeometry}.
 */
final class GridPainter {

    private final Font labelFont = Font.font("Monospaced", 11);
    private final Font blockFont = Font.font("Monospaced", 11);
    private final double charWidth;
    private final double blockCharWidth;

    private GridGeometry geo;
    private int caret;
    private int anchor;
    private boolean focused;

    /** Scratch for drawing: visible cell indexes sorted by state (counting sort), reused between frames. */
    private int[] order = new int[0];
    private final int[] starts = new int[Math.max(CellState.values().length, BlockLevel.values().length) + 1];

    GridPainter() {
        charWidth = textWidth("0123456789", labelFont) / 10;
        blockCharWidth = textWidth("0123456789", blockFont) / 10;
    }

    /** The width of one character of the row labels, in px. */
    double charWidth() {
        return charWidth;
    }

    /**
     * Draws the rows in view of {@code content}, scrolled by {@code offset}, laid out by {@code geometry}; while
     * the grid has the keyboard focus ({@code focused}) the caret cell gets a heavier ring.
     */
    void draw(Canvas canvas, GridPalette palette, GridContent content, GridGeometry geometry, double offset,
              int caret, int anchor, int hoverIndex, boolean focused) {
        this.geo = geometry;
        this.caret = caret;
        this.anchor = anchor;
        this.focused = focused;
        GraphicsContext g = canvas.getGraphicsContext2D();
        GridPalette p = palette;
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.setFill(p.background());
        g.fillRect(0, 0, w, h);
        if (content == null || geo.rows == 0) {
            return;
        }
        int firstRow = Math.max(0, (int) Math.floor((offset - GridGeometry.PAD) / geo.pitchY));
        int lastRow = Math.min(geo.rows - 1, (int) Math.floor((offset + h - GridGeometry.PAD) / geo.pitchY));
        if (lastRow < firstRow) {
            return;
        }
        int from = firstRow * geo.columns;
        int to = Math.min(content.size(), (lastRow + 1) * geo.columns);

        g.setFont(labelFont);
        g.setFill(p.labelText());
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        for (int row = firstRow; row <= lastRow; row++) {
            g.fillText(content.rowLabel(row * geo.columns), geo.labelRight,
                    GridGeometry.PAD + row * geo.pitchY - offset + geo.cellH / 2);
        }

        if (content instanceof GridContent.Addresses cells) {
            drawAddresses(g, p, cells.states().codes(), from, to, offset);
            drawSeen(g, p, cells.seen(), from, to, offset);
        } else {
            drawBlocks(g, p, (GridContent.Blocks) content, from, to, offset);
        }
        drawSelection(g, p, from, to, offset);
        if (hoverIndex >= from && hoverIndex < to) {
            g.setStroke(p.hover());
            g.setLineWidth(1);
            g.strokeRect(x(hoverIndex) - 0.5, y(hoverIndex, offset) - 0.5, geo.cellW + 1, geo.cellH + 1);
        }
    }
    private double x(int index) {
        return geo.x(index);
    }

    private double y(int index, double offset) {
        return geo.y(index, offset);
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
                    g.fillRect(x(i), y(i, offset), geo.cellW, geo.cellH);
                }
                g.setFill(p.colorOf(state));
                for (int j = begin; j < end; j++) {
                    int i = order[j];
                    g.fillRect(x(i) + 1, y(i, offset) + 1, geo.cellW - 2, geo.cellH - 2);
                }
                continue;
            }
            g.setFill(p.colorOf(state));
            for (int j = begin; j < end; j++) {
                int i = order[j];
                g.fillRect(x(i), y(i, offset), geo.cellW, geo.cellH);
            }
            if (state == CellState.UNUSABLE) {
                for (int j = begin; j < end; j++) {
                    int i = order[j];
                    p.cross(g, x(i), y(i, offset), geo.cellW, geo.cellH);
                }
            }
        }
    }

    /** The seen mark on the visible cells seen lately: two passes (ring, then dot), one fill colour each. */
    private void drawSeen(GraphicsContext g, GridPalette p, GridSeen seen, int from, int to, double offset) {
        if (seen.recentCount() == 0) {
            return;
        }
        double d = GridPalette.seenSize(geo.cellW, geo.cellH);
        double inset = GridPalette.seenInset(geo.cellW, geo.cellH);
        double dx = geo.cellW - inset - d;
        g.setFill(p.seenRing());
        for (int i = seen.nextRecent(from); i >= 0 && i < to; i = seen.nextRecent(i + 1)) {
            g.fillOval(x(i) + dx - 1, y(i, offset) + inset - 1, d + 2, d + 2);
        }
        g.setFill(p.seenDot());
        for (int i = seen.nextRecent(from); i >= 0 && i < to; i = seen.nextRecent(i + 1)) {
            g.fillOval(x(i) + dx, y(i, offset) + inset, d, d);
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
                    g.fillRect(x(i), y(i, offset), geo.cellW, geo.cellH);
                }
                g.setFill(p.colorOf(level));
                for (int j = begin; j < end; j++) {
                    int i = order[j];
                    g.fillRect(x(i) + 1, y(i, offset) + 1, geo.cellW - 2, geo.cellH - 2);
                }
                continue;
            }
            g.setFill(p.colorOf(level));
            for (int j = begin; j < end; j++) {
                int i = order[j];
                g.fillRect(x(i), y(i, offset), geo.cellW, geo.cellH);
            }
        }
        // the share used, and the block's CIDR where it fits
        if (geo.cellW < 5 * blockCharWidth) {
            return;
        }
        g.setFont(blockFont);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        boolean twoLines = geo.cellH >= 30;
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
                double cx = x(i) + geo.cellW / 2;
                double top = y(i, offset);
                String percent = blocks.percent(i);
                String name = blocks.name(i);
                boolean nameFits = twoLines && name.length() * blockCharWidth <= geo.cellW - 6;
                if (nameFits) {
                    g.fillText(name, cx, top + geo.cellH * 0.32);
                    g.fillText(percent, cx, top + geo.cellH * 0.72);
                } else if (percent.length() * blockCharWidth <= geo.cellW - 4) {
                    g.fillText(percent, cx, top + geo.cellH / 2);
                }
            }
        }
    }

    /** The outline around the selected cells (a 2 px edge where a selected cell meets an unselected one). */
    private void drawSelection(GraphicsContext g, GridPalette p, int from, int to, double offset) {
        if (caret < 0) {
            return;
        }
        int lo = Math.min(anchor, caret);
        int hi = Math.max(anchor, caret);
        int first = Math.max(lo, from);
        int last = Math.min(hi, to - 1);
        double t = 2;
        g.setFill(p.selection());
        for (int i = first; i <= last; i++) {
            int col = i % geo.columns;
            double x0 = x(i) - 1.5;
            double y0 = y(i, offset) - 1.5;
            double x1 = x(i) + geo.cellW + 1.5;
            double y1 = y(i, offset) + geo.cellH + 1.5;
            if (i - geo.columns < lo) {
                g.fillRect(x0, y0, x1 - x0, t);
            }
            if (i + geo.columns > hi) {
                g.fillRect(x0, y1 - t, x1 - x0, t);
            }
            if (col == 0 || i - 1 < lo) {
                g.fillRect(x0, y0, t, y1 - y0);
            }
            if (col == geo.columns - 1 || i + 1 > hi) {
                g.fillRect(x1 - t, y0, t, y1 - y0);
            }
        }
        if (caret >= from && caret < to) {
            double x = x(caret);
            double y = y(caret, offset);
            if (focused) {
                // where the keys act: a 3 px dark ring outside and a 2 px light ring inside the cell
                g.setStroke(p.selection());
                g.setLineWidth(3);
                g.strokeRect(x - 1.5, y - 1.5, geo.cellW + 3, geo.cellH + 3);
                g.setStroke(p.selectionInner());
                g.setLineWidth(2);
                g.strokeRect(x + 1, y + 1, geo.cellW - 2, geo.cellH - 2);
                return;
            }
            g.setStroke(p.selection());
            g.setLineWidth(2);
            g.strokeRect(x - 0.5, y - 0.5, geo.cellW + 1, geo.cellH + 1);
            g.setStroke(p.selectionInner());
            g.setLineWidth(1);
            g.strokeRect(x + 1, y + 1, geo.cellW - 2, geo.cellH - 2);
        }
    }

    private static double textWidth(String text, Font font) {
        return TextWidth.of(text, font);
    }
}
