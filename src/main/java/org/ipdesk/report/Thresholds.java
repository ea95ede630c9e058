package org.ipdesk.report;

import java.math.BigDecimal;

/**
 * When a subnet counts as nearly full: at or above {@code warn} percent used it is a warning, at or above
 * {@code critical} percent it is critical. Both are percentages with {@code 0 < warn <= critical <= 100}.
 */
public record Thresholds(BigDecimal warn, BigDecimal critical) {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public static final Thresholds DEFAULT = new Thresholds(BigDecimal.valueOf(80), BigDecimal.valueOf(95));

    public Thresholds {
        if (warn == null || critical == null) {
            throw new IllegalArgumentException("both thresholds are needed (warning and critical, in percent)");
        }
        if (warn.signum() <= 0 || warn.compareTo(HUNDRED) > 0) {
            throw new IllegalArgumentException("the warning threshold must be above 0 and at most 100 percent, not "
                    + warn.toPlainString());
        }
        if (critical.compareTo(HUNDRED) > 0) {
            throw new IllegalArgumentException("the critical threshold must be at most 100 percent, not "
                    + critical.toPlainString());
        }
        if (critical.compareTo(warn) < 0) {
            throw new IllegalArgumentException("the critical threshold (" + critical.toPlainString()
                    + "%) must not be below the warning threshold (" + warn.toPlainString() + "%)");
        }
    }

    public static Thresholds of(double warn, double critical) {
        return new Thresholds(BigDecimal.valueOf(warn).stripTrailingZeros(),
                BigDecimal.valueOf(critical).stripTrailingZeros());
    }

    /** The level of a utilisation in percent. */
    public Level level(BigDecimal percent) {
        if (percent.compareTo(critical) >= 0) {
            return Level.CRITICAL;
        }
        return percent.compareTo(warn) >= 0 ? Level.WARNING : Level.OK;
    }

    /** How full a subnet is against the thresholds. */
    public enum Level {
        OK, WARNING, CRITICAL;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        /**
         * The colour of this level's usage bar, "#rrggbb", the one the window draws in its light theme (AtlantaFX
         * Primer's accent, warning and danger emphasis): blue below the warning threshold, amber, then red.
         */
        public String colour() {
            return switch (this) {
                case OK -> "#0969da";
                case WARNING -> "#bf8700";
                case CRITICAL -> "#cf222e";
            };
        }
    }
}
