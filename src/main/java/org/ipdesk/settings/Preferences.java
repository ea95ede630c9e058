package org.ipdesk.settings;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What Edit → Preferences sets: the theme, the size of the grid's cells, the usage thresholds the window and the
 * Usage dashboard start from, and the database to open at start when no {@code --db} is given.
 *
 * @param darkTheme       AtlantaFX Primer dark rather than light (the toolbar's theme button sets it too)
 * @param cellSize        how big the address grid draws its cells
 * @param warningPercent  a subnet this full (in whole percent) or fuller is nearly full
 * @param criticalPercent a subnet this full or fuller is critical; above {@code warningPercent}
 * @param startupFile     empty: open the last database used; a file: always open that one
 */
public record Preferences(boolean darkTheme, CellSize cellSize, int warningPercent, int criticalPercent,
                          Optional<Path> startupFile) {

    public static final int DEFAULT_WARNING = 80;
    public static final int DEFAULT_CRITICAL = 95;

    public static final Preferences DEFAULTS = new Preferences(false, CellSize.MEDIUM, DEFAULT_WARNING,
            DEFAULT_CRITICAL, Optional.empty());

    public Preferences {
        Objects.requireNonNull(cellSize, "cellSize");
        Objects.requireNonNull(startupFile, "startupFile");
        if (!thresholdsValid(warningPercent, criticalPercent)) {
            throw new IllegalArgumentException("thresholds must be whole percentages with 1 <= warning < critical"
                    + " <= 100, not " + warningPercent + " and " + criticalPercent);
        }
        startupFile = startupFile.map(file -> file.toAbsolutePath().normalize());
    }

    /** True when {@code warning} and {@code critical} are each 1 to 100 and warning is below critical. */
    public static boolean thresholdsValid(int warning, int critical) {
        return warning >= 1 && critical <= 100 && warning < critical;
    }

    public Preferences withDarkTheme(boolean dark) {
        return new Preferences(dark, cellSize, warningPercent, criticalPercent, startupFile);
    }
}
