package org.ipdesk.report;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.Instant;
import java.util.OptionalInt;

/** How the reports spell figures for people (PDF, HTML); the data formats write exact decimal strings. */
final class Figures {
    /** Up to this many digits a count is written out in full; beyond it as ≈1.21e24. */
    private static final BigInteger LONGEST = BigInteger.TEN.pow(15);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'");

    private Figures() {
    }

    /** 16,777,214 or, for counts of 16 digits and more, ≈1.21e24. */
    static String count(BigInteger value) {
        if (value.abs().compareTo(LONGEST) < 0) {
            return String.format(java.util.Locale.ROOT, "%,d", value);
        }
        BigDecimal rounded = new BigDecimal(value).round(new MathContext(3));
        int exponent = rounded.precision() - rounded.scale() - 1;
        BigDecimal mantissa = rounded.movePointLeft(exponent);
        return "\u2248" + mantissa.toPlainString() + "e" + exponent;
    }

    static String percent(BigDecimal percent) {
        return percent.toPlainString() + "%";
    }

    /** Free space in /64s for a column headed "Free /64s": 65,536.00. */
    static String free64s(BigDecimal free64s) {
        return String.format(java.util.Locale.ROOT, "%,.2f", free64s);
    }

    static String vlan(OptionalInt vlan) {
        return vlan.isPresent() ? Integer.toString(vlan.getAsInt()) : "";
    }

    /** The report's date, in UTC so that every reader sees the same text. */
    static String date(Instant instant) {
        return DATE.format(instant.atZone(ZoneOffset.UTC));
    }

    static String version(int ipVersion) {
        return "IPv" + ipVersion;
    }
}
