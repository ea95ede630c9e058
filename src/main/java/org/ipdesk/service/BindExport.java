package org.ipdesk.service;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.store.OutputTargets;
import org.xbill.DNS.Master;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;

/**
 * BIND zone files for a scope: {@link #prepare} builds them with their SOA serials, {@link #storeSerials} keeps the
 * serials once the files are written ({@link ServiceExports#write(Allocator, ServiceOutput, Path)} does both).
 *
 * <p>A zone's serial is YYYYMMDDnn of the day, or one more than the serial stored for the zone in the database, or
 * one more than the serial in the zone file already at its place in the folder, whichever is newest in RFC 1982
 * arithmetic ({@link Serial#next}): two exports on one day count up, and a database restored from an older backup
 * never makes a zone go backwards.
 */
public final class BindExport {
    private BindExport() {
    }

    /** The rules that turn host names into names of {@code zone}, for the export dialog (one sentence each). */
    public static List<String> rules(String zone) {
        return BindZones.rules(BindSettings.zoneName(zone));
    }

    /**
     * Reads the scope and builds the zone files that would go to {@code settings.folder()}. Refuses
     * (IllegalArgumentException) a zone file already there whose serial cannot be read, and serials that cannot go
     * forward; entries with problems are left out and listed.
     */
    public static ServiceOutput prepare(Allocator allocator, ServiceScope scope, BindSettings settings, Clock clock) {
        ServiceRecords records = ServiceRecords.read(allocator, scope, false, true);
        BindZones.Plan plan = BindZones.plan(records.names, records.problems(),
                ServiceRecords.subnetsOf(allocator, scope), settings);
        LocalDate today = LocalDate.now(clock);
        Map<Name, Serial> serials = new LinkedHashMap<>();
        for (BindZones.Zone zone : plan.zones()) {
            String key = zone.name().toString(true);
            Optional<Serial> stored = allocator.zoneSerial(key).stream().mapToObj(Serial::new).findFirst();
            Path file = settings.folder().resolve(zone.fileName());
            Optional<Serial> inFile = serialIn(file, zone.name());
            Serial next = Serial.next(today, stored, inFile).orElseThrow(() -> new IllegalArgumentException(
                    "the serial stored for zone " + key + " (" + stored.orElseThrow() + ") and the one in " + file
                            + " (" + inFile.orElseThrow() + ") are 2^31 apart, so no serial is newer than both: set"
                            + " the serial in the file by hand to the newer one and export again"));
            serials.put(zone.name(), next);
        }
        return new ServiceOutput(ServiceTarget.BIND, scope, BindZones.files(plan, settings, serials, scope),
                plan.problems());
    }

    /**
     * Refuses (IllegalArgumentException), before anything is written, a team database's viewer: the zones' serials
     * are kept in the database, which a viewer may not change, and zone files written without them would let the next
     * export's serials fall behind.
     */
    static void checkMayStoreSerials(Allocator allocator) {
        allocator.team().flatMap(org.ipdesk.store.Team::role)
                .filter(role -> role == org.ipdesk.store.Team.Role.VIEWER)
                .ifPresent(role -> {
                    throw new IllegalArgumentException("nothing written: BIND zone files keep their SOA serials in the"
                            + " database, and " + role.withArticle() + " of this team database may not change it;"
                            + " an editor or admin exports the zones");
                });
    }

    /** Remembers the serial of every zone file in {@code output} (after they were written). */
    public static void storeSerials(Allocator allocator, ServiceOutput output) {
        for (ServiceFile file : output.files()) {
            if (!file.name().endsWith(".zone")) {
                continue;
            }
            ZoneHead head = head(file.content());
            allocator.storeZoneSerial(head.zone().toString(true), head.serial().value());
        }
    }

    /** The origin and SOA serial of a zone file IPDesk wrote. */
    record ZoneHead(Name zone, Serial serial) {
    }

    static ZoneHead head(String content) {
        String origin = content.lines().filter(l -> l.startsWith("$ORIGIN ")).findFirst()
                .orElseThrow(() -> new IllegalStateException("a zone file without $ORIGIN"))
                .substring("$ORIGIN ".length()).strip();
        Name zone = Name.fromConstantString(origin);
        try (Master master = new Master(new java.io.ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)),
                zone)) {
            return new ZoneHead(zone, firstSerial(master).orElseThrow(
                    () -> new IllegalStateException("a zone file without SOA")));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read back the zone " + zone + ": " + e.getMessage(), e);
        }
    }

    /**
     * The SOA serial of the zone file at {@code file}, empty when there is none. A file whose serial cannot be read
     * (not a zone file, a damaged one, another zone) is refused with the reason, never overwritten blind; a folder,
     * a device or a database at that place is refused as every export refuses it.
     */
    static Optional<Serial> serialIn(Path file, Name zone) {
        if (file.getParent() != null && !Files.isDirectory(file.getParent())) {
            return Optional.empty(); // no folder yet: no file, and writing will say so
        }
        Path real = OutputTargets.check(file);
        if (!Files.exists(real)) {
            return Optional.empty();
        }
        try (InputStream in = Files.newInputStream(real); Master master = new Master(in, zone)) {
            master.disableIncludes();
            Optional<Serial> serial = firstSerial(master);
            if (serial.isEmpty()) {
                throw new IllegalArgumentException("cannot take the serial of " + file + " (no SOA record of " + zone
                        + " in it): move the file away or export to another folder");
            }
            return serial;
        } catch (IOException | RuntimeException e) {
            if (e instanceof IllegalArgumentException refused && refused.getMessage().startsWith("cannot take")) {
                throw refused;
            }
            throw new IllegalArgumentException("cannot take the serial of " + file + ", which is not a zone file"
                    + " IPDesk can read (" + firstLine(e.getMessage()) + "): move the file away or export to another"
                    + " folder", e);
        }
    }

    private static Optional<Serial> firstSerial(Master master) throws IOException {
        Record record;
        while ((record = master.nextRecord()) != null) {
            if (record instanceof SOARecord soa) {
                return Optional.of(new Serial(soa.getSerial()));
            }
        }
        return Optional.empty();
    }

    private static String firstLine(String message) {
        return message == null ? "unreadable" : message.lines().findFirst().orElse("unreadable");
    }
}
