package org.ipdesk.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ipdesk.model.Observation;
import org.ipdesk.model.SourceKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ObservationFormatsTest {

    @TempDir
    Path folder;

    @ParameterizedTest
    @CsvSource({
            "nmap-scan.xml, NMAP", "nmap-ping-sweep.xml, NMAP",
            "dhcpd.leases, DHCPD", "dhcpd6.leases, DHCPD",
            "kea-leases4.csv, KEA", "kea-leases4-old.csv, KEA", "kea-leases6.csv, KEA",
            "dnsmasq.leases, DNSMASQ",
            "ip-neigh.txt, NEIGHBOURS", "ip-neigh.json, NEIGHBOURS", "arp.txt, NEIGHBOURS"})
    void everyFixtureIsToldApartByItsContent(String file, SourceKind kind) throws IOException {
        assertThat(ObservationFormats.detect(Read.fixture(file))).isEqualTo(kind);
    }

    @Test
    void aDnsmasqFileStartingWithItsDuidLineAndANmapFileWithoutDeclaration() throws IOException {
        Path dnsmasq = Files.writeString(folder.resolve("leases"), "\nduid 00:01:00:01:2c:fb:b2:0d:52:54:00:12:34:56\n");
        Path nmap = Files.writeString(folder.resolve("scan"), "<nmaprun start=\"1795600800\">\n</nmaprun>\n");

        assertThat(ObservationFormats.detect(dnsmasq)).isEqualTo(SourceKind.DNSMASQ);
        assertThat(ObservationFormats.detect(nmap)).isEqualTo(SourceKind.NMAP);
    }

    @Test
    void aFreshDhcpdLeaseFileWithOnlyItsHeaderComment() throws IOException {
        Path fresh = Files.writeString(folder.resolve("dhcpd.leases"), "# The format of this file is documented in"
                + " the dhcpd.leases(5) manual page.\n# This lease file was written by isc-dhcp-4.4.3\n\n");

        assertThat(ObservationFormats.detect(fresh)).isEqualTo(SourceKind.DHCPD);
        assertThat(Read.with(new DhcpdLeasesReader(), fresh, Optional.empty()).summary())
                .isEqualTo(new ReadSummary(SourceKind.DHCPD, "dhcpd.leases", 0, 0, 3));
    }

    @Test
    void aFileThatFitsNoKindSaysHowToNameIt() throws IOException {
        Path notes = Files.writeString(folder.resolve("x.txt"), "shopping list\neggs\n");
        Path empty = Files.writeString(folder.resolve("empty.leases"), "\n\n");

        assertThatThrownBy(() -> ObservationFormats.detect(notes)).isInstanceOf(UnknownFormatException.class)
                .hasMessage("cannot tell what kind of file x.txt is; name it with --format"
                        + " nmap|dhcpd|kea|dnsmasq|neighbours");
        assertThatThrownBy(() -> ObservationFormats.detect(empty))
                .hasMessage("cannot tell what kind of file empty.leases is (it is empty); name it with --format"
                        + " nmap|dhcpd|kea|dnsmasq|neighbours");
    }

    @Test
    void readingWithAutoDetectionAndWithANamedFormat() throws IOException {
        List<Observation> seen = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();

        ReadSummary auto = ObservationFormats.read(Read.fixture("kea-leases6.csv"), Optional.empty(), Optional.empty(),
                seen::add, problems::add);
        ReadSummary named = ObservationFormats.read(Read.fixture("arp.txt"), Optional.of(SourceKind.NEIGHBOURS),
                Optional.empty(), seen::add, problems::add);

        assertThat(auto).isEqualTo(new ReadSummary(SourceKind.KEA, "kea-leases6.csv", 2, 1, 6));
        assertThat(named).isEqualTo(new ReadSummary(SourceKind.NEIGHBOURS, "arp.txt", 3, 1, 6));
        assertThat(seen).hasSize(5);
        assertThat(problems).extracting(Problem::line).containsExactly(6L, 6L);
    }
}
