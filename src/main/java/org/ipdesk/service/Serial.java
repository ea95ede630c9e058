package org.ipdesk.service;

import java.time.LocalDate;
import java.util.Optional;

/**
 * A DNS SOA serial: an unsigned 32-bit number compared with the serial number arithmetic of RFC 1982, so that after
 * 4294967295 comes 0, and 0 counts as newer. Two serials exactly 2^31 apart are neither newer nor older.
 */
public record Serial(long value) {
    /** The largest serial, 2^32 - 1. */
    public static final long MAX = 0xFFFF_FFFFL;
    private static final long HALF = 1L << 31;

    public Serial {
        if (value < 0 || value > MAX) {
            throw new IllegalArgumentException("SOA serial " + value + " is outside 0 to " + MAX);
        }
    }

    /** The serial of the first zone written on {@code day}: YYYYMMDD00. */
    public static Serial firstOf(LocalDate day) {
        if (day.getYear() < 1000 || day.getYear() > 4293) {
            throw new IllegalArgumentException("the year " + day.getYear() + " does not fit a YYYYMMDDnn serial");
        }
        return new Serial((day.getYear() * 10_000L + day.getMonthValue() * 100L + day.getDayOfMonth()) * 100L);
    }

    /** This serial plus {@code n} (1 to 2^31 - 1), wrapping past 2^32 - 1 as RFC 1982 says. */
    public Serial plus(long n) {
        if (n < 1 || n >= HALF) {
            throw new IllegalArgumentException("a serial may grow by 1 to " + (HALF - 1) + ", not " + n);
        }
        return new Serial((value + n) & MAX);
    }

    /** True when this serial is newer than {@code other} in RFC 1982 arithmetic (what a secondary checks). */
    public boolean isAfter(Serial other) {
        long i1 = value;
        long i2 = other.value;
        return (i1 < i2 && i2 - i1 > HALF) || (i1 > i2 && i1 - i2 < HALF);
    }

    /**
     * The serial to write next on {@code day}: YYYYMMDD00 when that is newer than every serial given, else the newest
     * of them plus one (two exports on one day give ...00 and ...01; a serial from another scheme, or one restored
     * from a backup behind the zone file already written, never makes the zone go backwards). Empty when the serials
     * given are exactly 2^31 apart, so that no serial is newer than both.
     */
    public static Optional<Serial> next(LocalDate day, Optional<Serial> stored, Optional<Serial> inFile) {
        Serial candidate = firstOf(day);
        for (int round = 0; round < 2; round++) {
            for (Optional<Serial> earlier : java.util.List.of(stored, inFile)) {
                if (earlier.isPresent() && !candidate.isAfter(earlier.get())) {
                    candidate = earlier.get().plus(1);
                }
            }
        }
        Serial chosen = candidate;
        boolean newer = stored.map(chosen::isAfter).orElse(true) && inFile.map(chosen::isAfter).orElse(true);
        return newer ? Optional.of(chosen) : Optional.empty();
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
