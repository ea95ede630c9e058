package org.ipdesk.allocator;

import java.time.Clock;
import java.util.Locale;
import java.util.OptionalLong;
import org.ipdesk.allocator.AllocatorException.InvalidInput;
import org.ipdesk.store.Database;

/**
 * The SOA serial last written for each DNS zone, kept in the database so that a zone written again gets a higher
 * serial. Zone names are kept in lower case without the final dot, so "Example.COM." and "example.com" are one zone.
 */
final class ZoneSerials {
    /** The largest serial: serials are unsigned 32-bit numbers (RFC 1982). */
    static final long MAX = 0xFFFF_FFFFL;

    private final Database database;
    private final Clock clock;

    ZoneSerials(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    OptionalLong serial(String zone) {
        String key = key(zone);
        return database.read(s -> s.zoneSerial(key));
    }

    void store(String zone, long serial) {
        String key = key(zone);
        if (serial < 0 || serial > MAX) {
            throw new InvalidInput("SOA serial " + serial + " of zone " + key + " is outside 0 to " + MAX);
        }
        database.write(s -> {
            s.storeZoneSerial(key, serial, clock.instant());
            return null;
        });
    }

    static String key(String zone) {
        String name = zone == null ? "" : zone.strip().toLowerCase(Locale.ROOT);
        if (name.endsWith(".")) {
            name = name.substring(0, name.length() - 1);
        }
        if (name.isEmpty()) {
            throw new InvalidInput("a zone needs a name");
        }
        return name;
    }
}
