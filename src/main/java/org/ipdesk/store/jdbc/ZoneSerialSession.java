package org.ipdesk.store.jdbc;

import java.time.Instant;
import java.util.OptionalLong;
import org.ipdesk.store.Session;

/** The zone-serial statements of a session, the same SQL on both engines: an engine names its {@link ZoneSerialTable}. */
public interface ZoneSerialSession extends Session {

    /** The dns_zone table on this transaction's connection. */
    ZoneSerialTable zoneSerialTable();

    @Override
    default OptionalLong zoneSerial(String zone) {
        return zoneSerialTable().serial(zone);
    }

    @Override
    default void storeZoneSerial(String zone, long serial, Instant writtenAt) {
        zoneSerialTable().store(zone, serial, writtenAt);
    }

    @Override
    default java.util.List<ZoneSerial> zoneSerials() {
        return zoneSerialTable().all();
    }
}
