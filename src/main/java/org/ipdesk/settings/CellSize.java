package org.ipdesk.settings;

import java.util.Locale;
import java.util.Optional;

/**
 * How big the address grid draws its cells (Edit → Preferences). Each size is one cell pitch (a cell and its gap):
 * the grid draws its cells at that size at every window width, and puts as many in a row (256, 64, 32 or 16) as
 * fit at that size, so more width shows more per row, never smaller cells. Only a grid too narrow for 16 cells at
 * that size draws them smaller, to keep whole rows in view.
 */
public enum CellSize {
    /** Dense: more addresses per row, for a wide /22 or a small screen. */
    SMALL("Small", 12),
    /** The default: readable and easy to click. */
    MEDIUM("Medium", 20),
    /** Fewer, bigger cells: easier to read and to click. */
    LARGE("Large", 30);

    private final String label;
    private final double pitch;

    CellSize(String label, double pitch) {
        this.label = label;
        this.pitch = pitch;
    }

    /** "Small", "Medium", "Large". */
    public String label() {
        return label;
    }

    /** The width of a cell with its gap, in px: how far apart the cells of a row are drawn. */
    public double pitch() {
        return pitch;
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
