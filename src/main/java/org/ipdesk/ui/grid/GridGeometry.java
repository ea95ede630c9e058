package org.ipdesk.ui.grid;

import org.ipdesk.settings.CellSize;

/**
 * Where the cells of the {@link AddressGrid} go: cells per row, cell pitch and size, and the left edge of the
 * cells after the row labels, chosen by {@link #measure} in each layout pass; and the hit-testing from a point
 * on the canvas to a cell. Canvas coordinates, with the scroll offset passed in.
 */
final class GridGeometry {

    private static final int[] COLUMN_CHOICES = {256, 64, 32, 16};
    private static final double MIN_BLOCK = 20;
    private static final double MAX_BLOCK = 110;
    /** Space above the first row and below the last, and right of the last column, in px. */
    static final double PAD = 8;
    /** Space between the row labels and the cells, in px. */
    private static final double LABEL_GAP = 10;
    private static final double LABEL_LEFT = 6;

    // the layout of the cells, from the last layout pass
    int columns = 16;
    int rows;
    double pitchX = AddressGrid.MIN_CELL + 1;
    double pitchY = AddressGrid.MIN_CELL + 1;
    double cellW = AddressGrid.MIN_CELL;
    double cellH = AddressGrid.MIN_CELL;
    double gridLeft;
    double labelRight;

    /**
     * Chooses columns and cell sizes for a canvas {@code width} wide, with labels of {@code charWidth} px a
     * character; returns the height of all rows.
     */
    double measure(GridContent content, CellSize cellSize, double charWidth, double width) {
        int longest = content == null ? 15 : content.longestLabel();
        labelRight = Math.ceil(LABEL_LEFT + longest * charWidth);
        gridLeft = labelRight + LABEL_GAP;
        double available = Math.max(0, width - gridLeft - PAD);
        int size = content == null ? 0 : content.size();
        if (content instanceof GridContent.Blocks) {
            columns = AddressGrid.BLOCK_COLUMNS;
            pitchX = clamp(Math.floor(available / columns), MIN_BLOCK, MAX_BLOCK);
            pitchY = clamp(Math.round(pitchX * 0.5), MIN_BLOCK, 48);
        } else {
            CellSize sizing = cellSize == null ? CellSize.MEDIUM : cellSize;
            // the most cells a row that fit at the chosen size; more width never makes them smaller
            columns = COLUMN_CHOICES[COLUMN_CHOICES.length - 1];
            for (int choice : COLUMN_CHOICES) {
                if (choice * sizing.pitch() <= available && choice <= Math.max(16, size)) {
                    columns = choice;
                    break;
                }
            }
            // only a grid too narrow for 16 at that size draws them smaller
            pitchX = clamp(Math.floor(available / columns), 5, sizing.pitch());
            pitchY = pitchX;
        }
        double gap = pitchX >= 20 ? 2 : 1;
        cellW = pitchX - gap;
        cellH = pitchY - gap;
        rows = (size + columns - 1) / columns;
        return rows == 0 ? 0 : PAD + rows * pitchY + PAD;
    }

    /**
     * The cell at canvas point ({@code x}, {@code y}) with the rows scrolled by {@code offset}, or -1; a point
     * in the gap counts. {@code canvasWidth} bounds it on the right.
     */
    int cellAt(GridContent content, double x, double y, double offset, double canvasWidth) {
        if (content == null) {
            return -1;
        }
        double cx = x - gridLeft;
        double cy = y + offset - PAD;
        if (cx < 0 || cy < 0 || x >= canvasWidth) {
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

    /** The left edge of cell {@code index} on the canvas. */
    double x(int index) {
        return gridLeft + (index % columns) * pitchX;
    }

    /** The top edge of cell {@code index} on the canvas, with the rows scrolled by {@code offset}. */
    double y(int index, double offset) {
        return PAD + (index / columns) * pitchY - offset;
    }

    static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(max, value));
    }
}
