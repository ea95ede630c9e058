package org.ipdesk.report;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.Instant;
import java.util.OptionalInt;
import org.ipdesk.model.AddressCounts;

/** How the reports spell figures for people (PDF, HTML); the data formats write exact decimal strings. */
final class Figures {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'");

    private Figures() {
    }

    /** 16,777,214 or, past a trillion, the power-of-two form the window shows ("2^64 − 1", "~2^70"). */
    static String count(BigInteger value) {
        return AddressCounts.compact(value);
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
