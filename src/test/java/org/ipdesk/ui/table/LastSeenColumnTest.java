package org.ipdesk.ui.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.ipdesk.address.Cidr;
import org.ipdesk.address.Ip;
import org.ipdesk.address.Mac;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.model.Observation;
import org.ipdesk.model.SourceKind;
import org.ipdesk.model.Subnet;
import org.ipdesk.store.Location;
import org.ipdesk.ui.SampleDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The address table's Last seen column: when a scan or lease file last saw the address in use, held or free. */
class LastSeenColumnTest {
    @TempDir
    Path dir;

    @Test
    void heldAndFreeAddressesShowWhenTheyWereLastSeenAndByWhichFile() {
        Path file = dir.resolve("sample.db");
        SampleDatabase.seed(file);
        Instant at = Instant.parse("2026-11-27T09:30:00Z");
        try (Allocator allocator = Allocator.open(Location.of(file))) {
            Subnet web = allocator.findSubnet(Cidr.parse("10.10.1.0/24"), Optional.of("dc1"));
            allocator.observe(List.of(
                    new Observation(Ip.parse("10.10.1.2"), Optional.of(Mac.parse("52:54:00:12:34:56")),
                            Optional.of("web-01"), at, SourceKind.NMAP, "nmap-scan-0612.xml"),
                    new Observation(Ip.parse("10.10.1.200"), Optional.empty(), Optional.empty(), at,
                            SourceKind.NEIGHBOURS, "neigh.txt")));

            AddressTableRows rows = AddressTableRows.read(allocator, web.id(), true);

            String local = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault()).format(at);
            AddressRow held = rows.rows().stream().filter(r -> r.ipText().equals("10.10.1.2")).findFirst().orElseThrow();
            assertThat(held.lastSeenText()).isEqualTo(local);
            assertThat(held.lastSeenDetail())
                    .isEqualTo("seen by nmap-scan-0612.xml (nmap scan), MAC 52:54:00:12:34:56, host web-01");
            AddressRow unknown = rows.rows().stream().filter(r -> r.ipText().equals("10.10.1.200")).findFirst()
                    .orElseThrow();
            assertThat(unknown.isHeld()).isFalse();
            assertThat(unknown.lastSeenText()).isEqualTo(local);
            assertThat(unknown.matches(local.toLowerCase())).as("the filter finds it by that time").isTrue();
            assertThat(rows.rows()).filteredOn(r -> !r.ipText().equals("10.10.1.2") && !r.ipText().equals("10.10.1.200"))
                    .allSatisfy(r -> assertThat(r.lastSeenText()).isEmpty());
        }
    }
}
