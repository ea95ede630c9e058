package org.ipdesk.settings;

import java.util.List;
import java.util.Objects;

/**
 * Where the main window was when it closed: its bounds when not maximised (in screen pixels), whether it was
 * maximised, and the positions of the dividers between its panes (each a share of the width, 0 to 1, ascending).
 *
 * @param x         left edge of the window
 * @param y         top edge of the window
 * @param width     outer width; above zero
 * @param height    outer height; above zero
 * @param maximized the window filled the screen (the bounds are those it returns to)
 * @param dividers  the divider positions, left to right
 */
public record WindowState(double x, double y, double width, double height, boolean maximized, List<Double> dividers) {

    public WindowState {
        if (!(Double.isFinite(x) && Double.isFinite(y) && Double.isFinite(width) && Double.isFinite(height))
                || width <= 0 || height <= 0) {
            throw new IllegalArgumentException("a window needs finite bounds and a size above zero, not " + x + ", "
                    + y + ", " + width + " x " + height);
        }
        dividers = List.copyOf(Objects.requireNonNull(dividers, "dividers"));
        double before = 0;
        for (double divider : dividers) {
            if (!(divider >= before && divider <= 1)) {
                throw new IllegalArgumentException("divider positions are ascending shares from 0 to 1, not "
                        + dividers);
            }
            before = divider;
        }
    }

    /** These bounds and maximised state with other divider positions. */
    public WindowState withDividers(List<Double> next) {
        return new WindowState(x, y, width, height, maximized, next);
    }
}
