package org.ipdesk.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ipdesk.observe.Read.seen;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.ipdesk.model.SourceKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NmapXmlReaderTest {
    private static final SourceKind NMAP = SourceKind.NMAP;
    private static final String SECRET = "TOP-SECRET-4711";

    @TempDir
    Path folder;

    @Test
    void hostsThatAreUpWithTheirMacFirstHostnameAndEndTime() {
        Read read = Read.fixture(new NmapXmlReader(), "nmap-scan.xml");

        assertThat(read.observations()).containsExactly(
                seen("10.0.0.1", "00:1a:2b:3c:4d:5e", "gw.example.lan", "2026-11-25T10:00:30Z", NMAP, "nmap-scan.xml"),
                seen("2001:db8::10", null, "files.example.lan", "2026-11-25T10:00:50Z", NMAP, "nmap-scan.xml"),
                seen("10.0.0.10", null, "files.example.lan", "2026-11-25T10:00:50Z", NMAP, "nmap-scan.xml"));
        assertThat(read.problems()).containsExactly("line 32: '10.0.0.300' is not an IP address");
        assertThat(read.summary()).isEqualTo(new ReadSummary(NMAP, "nmap-scan.xml", 3, 1, 45));
    }

    @Test
    void aPingSweepWithoutHostTimesIsSeenAtTheScansStart() {
        Read read = Read.fixture(new NmapXmlReader(), "nmap-ping-sweep.xml");

        assertThat(read.observations()).containsExactly(
                seen("192.168.1.20", "52:54:00:12:34:56", null, "2026-11-25T10:00:00Z", NMAP, "nmap-ping-sweep.xml"),
                seen("192.168.1.5", null, "desk.example.lan", "2026-11-25T10:00:00Z", NMAP, "nmap-ping-sweep.xml"));
        assertThat(read.problems()).isEmpty();
    }

    @Test
    void anExternalEntityIsNeverRead() throws IOException {
        Path secret = Files.writeString(folder.resolve("secret.txt"), SECRET);
        Path scan = Files.writeString(folder.resolve("evil.xml"), """
                <?xml version="1.0"?>
                <!DOCTYPE nmaprun [ <!ENTITY xxe SYSTEM "%s"> ]>
                <nmaprun start="1795600800">
                <host><status state="up"/><address addr="10.9.0.1" addrtype="ipv4"/>
                <hostnames><hostname name="&xxe;"/></hostnames><comment>&xxe;</comment></host>
                </nmaprun>
                """.formatted(secret.toUri()));

        Read read = Read.with(new NmapXmlReader(), scan, Optional.empty());

        assertThat(read.observations().toString()).doesNotContain(SECRET);
        assertThat(String.join("\n", read.problems())).doesNotContain(SECRET);
        assertThat(read.problems()).isNotEmpty().allMatch(problem -> problem.startsWith("line 5: "));
    }

    @Test
    void anExternalDtdOrParameterEntityIsNeverRead() throws IOException {
        // were either read, &name; would expand to the secret in the host name
        Path dtd = Files.writeString(folder.resolve("secret.dtd"), "<!ENTITY name \"" + SECRET + "\">");
        String hosts = """
                <nmaprun start="1795600800">
                <host><status state="up"/><address addr="10.9.0.2" addrtype="ipv4"/>
                <hostnames><hostname name="&name;"/></hostnames></host>
                </nmaprun>
                """;
        Path external = Files.writeString(folder.resolve("evil-dtd.xml"),
                "<?xml version=\"1.0\"?>\n<!DOCTYPE nmaprun SYSTEM \"" + dtd.toUri() + "\">\n" + hosts);
        Path parameter = Files.writeString(folder.resolve("evil-parameter.xml"), "<?xml version=\"1.0\"?>\n"
                + "<!DOCTYPE nmaprun [ <!ENTITY % ext SYSTEM \"" + dtd.toUri() + "\"> %ext; ]>\n" + hosts);

        Read viaDtd = Read.with(new NmapXmlReader(), external, Optional.empty());
        Read viaParameter = Read.with(new NmapXmlReader(), parameter, Optional.empty());

        assertThat(viaDtd.observations()).containsExactly(
                seen("10.9.0.2", null, null, "2026-11-25T10:00:00Z", NMAP, "evil-dtd.xml"));
        assertThat(viaDtd.problems()).isEmpty();
        assertThat(viaParameter.observations().toString()).doesNotContain(SECRET);
        assertThat(viaParameter.problems()).singleElement().asString().startsWith("line 5: ").doesNotContain(SECRET);
    }

    @Test
    void aCutOffScanKeepsTheHostsBeforeTheBreakAndSaysWhere() throws IOException {
        Path scan = Files.writeString(folder.resolve("cut.xml"), """
                <?xml version="1.0"?>
                <nmaprun start="1795600800">
                <host endtime="1795600810"><status state="up"/><address addr="10.9.0.4" addrtype="ipv4"/></host>
                <host><status state="up"/><address addr="10.9.0.5" addr""");

        Read read = Read.with(new NmapXmlReader(), scan, Optional.empty());

        assertThat(read.observations()).containsExactly(
                seen("10.9.0.4", null, null, "2026-11-25T10:00:10Z", NMAP, "cut.xml"));
        assertThat(read.problems()).singleElement().asString()
                .startsWith("line 4: the XML breaks off here").endsWith("the hosts after it are not read");
    }

    @Test
    void xmlThatIsNotAScanIsNamed() throws IOException {
        Path file = Files.writeString(folder.resolve("pom.xml"), "<?xml version=\"1.0\"?>\n<project/>\n");

        Read read = Read.with(new NmapXmlReader(), file, Optional.empty());

        assertThat(read.observations()).isEmpty();
        assertThat(read.problems()).containsExactly(
                "this is XML but not an nmap scan: it starts with <project>, where nmap -oX writes <nmaprun>");
    }
}
