package org.ipdesk.settings;

import java.util.Locale;
import java.util.Optional;

/**
 * How big the address grid draws its cells (Edit → Preferences). Each size is a range of cell widths: the grid puts
 * as many cells in a row (256, 64, 32 or 16) as fit at the narrowest, then widens them to fill the row, up to the
 * widest. The ranges do not overlap, so a larger size always draws larger cells in the same window.
 */
public enum CellSize {
    /** Dense: more addresses per row, for a wide /22 or a small screen. */
    SMALL("Small", 9, 13),
    /** The grid as it always was. */
    MEDIUM("Medium", 14, 30),
    /** Fewer, bigger cells: easier to read and to click. */
    LARGE("Large", 30, 44);

    private final String label;
    private final double min;
    private final double max;

    CellSize(String label, double min, double max) {
        this.label = label;
        this.min = min;
        this.max = max;
    }

    /** "Small", "Medium", "Large". */
    public String label() {
        return label;
    }

    /** The narrowest cell (with its gap) used to choose how many cells fit a row, in px. */
    public double minPitch() {
        return min;
    }

    /** The widest a cell (with its gap) grows to fill a row, in px. */
    public double maxPitch() {
        return max;
    }

    /** "small", "medium", "large": how the settings file spells it. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The size spelled {@code key} (any case), or empty for anything else. */
    public static Optional<CellSize> ofKey(String key) {
        if (key == null) {
            return Optional.empty();
        }
        for (CellSize size : values()) {
            if (size.key().equalsIgnoreCase(key.strip())) {
                return Optional.of(size);
            }
        }
        return Optional.empty();
    }
}
