package org.ipdesk.observe;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import org.ipdesk.model.Observation;
import org.ipdesk.model.SourceKind;

/**
 * Reads one kind of file that says what the network really uses. A reader streams: it never holds the whole file,
 * and keeps at most one entry per distinct address where the format says "the last entry for an address wins"
 * (lease files), so its memory grows with the number of addresses, never with the length of the file. It never
 * stops at the first bad line: each line it cannot read is handed to {@code problems} with its number, and reading
 * goes on (an XML or JSON file that is not well formed is the exception: what came before the break is kept).
 */
public interface ObservationReader {

    /** The kind of file this reader reads. */
    SourceKind kind();

    /**
     * Reads {@code file}, handing each address in use to {@code observations} and each line it cannot read to
     * {@code problems}.
     *
     * @param seenAt when the file was taken, for formats that do not say it themselves (dnsmasq, neighbour
     *               tables): without it, the file's modification time. Formats that carry their own times (nmap,
     *               dhcpd, Kea) use it only where an entry has none.
     * @throws IOException when the file cannot be opened or read at all
     */
    ReadSummary read(Path file, Optional<Instant> seenAt, Consumer<Observation> observations,
                     Consumer<Problem> problems) throws IOException;
}
