package org.ipdesk.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ipdesk.observe.Read.seen;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.ipdesk.model.SourceKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ip neigh, ip -j neigh and arp -an output: reachable neighbours with a MAC, nothing incomplete or failed. */
class NeighbourTableReaderTest {
    private static final SourceKind NEIGHBOURS = SourceKind.NEIGHBOURS;
    private static final Optional<Instant> AT = Optional.of(Instant.parse("2026-11-25T14:00:00Z"));

    @TempDir
    Path folder;

    @Test
    void ipNeighShowKeepsEntriesWithAMacAndIgnoresIncompleteFailedAndMulticast() {
        Read read = Read.with(new NeighbourTableReader(), Read.fixture("ip-neigh.txt"), AT);

        assertThat(read.observations()).containsExactly(
                seen("10.2.0.1", "00:1a:2b:3c:4d:01", null, "2026-11-25T14:00:00Z", NEIGHBOURS, "ip-neigh.txt"),
                seen("10.2.0.5", "52:54:00:44:00:05", null, "2026-11-25T14:00:00Z", NEIGHBOURS, "ip-neigh.txt"),
                seen("fe80::5054:ff:fe44:5", "52:54:00:44:00:05", null, "2026-11-25T14:00:00Z", NEIGHBOURS,
                        "ip-neigh.txt"),
                seen("2001:db8:2::9", "52:54:00:44:00:09", null, "2026-11-25T14:00:00Z", NEIGHBOURS, "ip-neigh.txt"));
        assertThat(read.problems()).containsExactly("line 9: '10.2.0.300' is not an IP address; the entry is skipped");
        assertThat(read.summary()).isEqualTo(new ReadSummary(NEIGHBOURS, "ip-neigh.txt", 4, 1, 9));
    }

    @Test
    void ipJsonNeigh() {
        Read read = Read.with(new NeighbourTableReader(), Read.fixture("ip-neigh.json"), AT);

        assertThat(read.observations()).containsExactly(
                seen("10.2.0.1", "00:1a:2b:3c:4d:01", null, "2026-11-25T14:00:00Z", NEIGHBOURS, "ip-neigh.json"),
                seen("2001:db8:2::9", "52:54:00:44:00:09", null, "2026-11-25T14:00:00Z", NEIGHBOURS, "ip-neigh.json"));
        assertThat(read.problems()).containsExactly("line 1: an entry has no \"dst\" address; it is skipped");
    }

    @Test
    void prettyPrintedJsonNamesTheLineOfABadEntry() throws IOException {
        Path file = Files.writeString(folder.resolve("neigh-pretty.json"), """
                [ {
                        "dst": "10.2.0.20",
                        "lladdr": "52:54:00:44:00:20",
                        "state": [ "PERMANENT" ]
                    },{
                        "dst": "10.2.0.21",
                        "lladdr": "not-a-mac",
                        "state": [ "STALE" ]
                    } ]
                """);

        Read read = Read.with(new NeighbourTableReader(), file, AT);

        assertThat(read.observations()).containsExactly(
                seen("10.2.0.20", "52:54:00:44:00:20", null, "2026-11-25T14:00:00Z", NEIGHBOURS, "neigh-pretty.json"));
        assertThat(read.problems()).containsExactly("line 5: 'not-a-mac' is not a MAC address; the entry is skipped");
    }

    @Test
    void arpKeepsNamesAndIgnoresIncompleteAndBroadcast() {
        Read read = Read.with(new NeighbourTableReader(), Read.fixture("arp.txt"), AT);

        assertThat(read.observations()).containsExactly(
                seen("10.3.0.1", "00:1a:2b:3c:4d:21", null, "2026-11-25T14:00:00Z", NEIGHBOURS, "arp.txt"),
                seen("10.3.0.7", "52:54:00:55:00:07", "printer.example.lan", "2026-11-25T14:00:00Z", NEIGHBOURS,
                        "arp.txt"),
                seen("10.3.0.9", "52:54:00:55:00:09", null, "2026-11-25T14:00:00Z", NEIGHBOURS, "arp.txt"));
        assertThat(read.problems()).containsExactly(
                "line 6: 'garbage here' is neither an 'ip neigh' line nor an 'arp -an' line; it is skipped");
    }
}
