package org.ipdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.ipdesk.address.Cidr;
import org.ipdesk.address.Ip;
import org.ipdesk.address.Mac;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.model.AddressDetails;
import org.ipdesk.model.AddressStatus;
import org.ipdesk.model.RangeKind;
import org.ipdesk.model.Subnet;
import org.ipdesk.model.SubnetSpec;
import org.ipdesk.store.Location;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ipdesk export kea|dhcpd|dnsmasq|hosts|bind}: problems, exit codes, what is written where. */
class ServiceExportCommandTest {
    @TempDir
    Path dir;

    private Cli cli;

    @BeforeEach
    void data() {
        Path db = dir.resolve("lab.db");
        try (Allocator allocator = Allocator.open(Location.of(db))) {
            allocator.createNetwork("lab", "");
            Subnet v4 = allocator.createSubnet("lab", SubnetSpec.of(Cidr.parse("10.1.0.0/24")));
            allocator.addRange(v4.id(), Ip.parse("10.1.0.100"), Ip.parse("10.1.0.199"), RangeKind.DHCP, "");
            allocator.reserve(v4.id(), Ip.parse("10.1.0.10"), new AddressDetails(AddressStatus.ALLOCATED, "web-01",
                    Optional.of(Mac.parse("02:00:00:00:00:10")), "", ""));
            allocator.createNetwork("other", "");
            Subnet other = allocator.createSubnet("other", SubnetSpec.of(Cidr.parse("10.9.0.0/24")));
            allocator.reserve(other.id(), Ip.parse("10.9.0.5"), AddressDetails.allocated("printer"));
        }
        cli = new Cli(db);
    }

    @Test
    void problemsStopTheWriteWithExitOne() {
        Path folder = dir.resolve("kea");
        assertThat(folder.toFile().mkdir()).isTrue();
        Cli.Result result = cli.run("export", "kea", "-o", folder.toString());
        assertThat(result.code()).as(result.toString()).isEqualTo(1);
        assertThat(result.out()).contains("1 problem in everything:",
                "10.9.0.5 (printer) in 10.9.0.0/24 in other has no MAC, so it gets no DHCP reservation");
        assertThat(result.err()).contains("nothing written: 1 problem (listed above); fix them, or give "
                + "--allow-problems");
        assertThat(folder.toFile().list()).isEmpty();
    }

    @Test
    void allowProblemsWritesTheRest() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("kea"));
        Cli.Result result = cli.run("export", "kea", "-o", folder.toString(), "--allow-problems");
        assertThat(result.code()).as(result.toString()).isZero();
        assertThat(result.out()).contains("Wrote " + folder.resolve("ipdesk-kea-dhcp4.json") + " (new file, ",
                "1 entry was left out of what its problem concerns (--allow-problems)");
        assertThat(Files.readString(folder.resolve("ipdesk-kea-dhcp4.json")))
                .contains("\"ip-address\": \"10.1.0.10\"", "\"pool\": \"10.1.0.100 - 10.1.0.199\"")
                .doesNotContain("10.9.0.5");
        Cli.Result again = cli.run("export", "kea", "-o", folder.toString(), "--allow-problems");
        assertThat(again.out()).contains("Wrote " + folder.resolve("ipdesk-kea-dhcp4.json") + " (unchanged)");
    }

    @Test
    void aNetworkOrACidrNamesTheScope() throws Exception {
        Path hosts = dir.resolve("hosts");
        Cli.Result network = cli.run("export", "hosts", "lab", "-o", hosts.toString());
        assertThat(network.code()).as(network.toString()).isZero();
        assertThat(Files.readString(hosts)).isEqualTo("# Host names of network lab, written by IPDesk.\n"
                + "10.1.0.10\tweb-01\n");
        Cli.Result subnet = cli.run("export", "hosts", "10.9.0.0/24", "-o", "-");
        assertThat(subnet.out()).isEqualTo("# Host names of subnet 10.9.0.0/24, written by IPDesk.\n10.9.0.5\tprinter\n");
        assertThat(subnet.err()).contains("Wrote the hosts file to standard output");
    }

    @Test
    void jsonListsTheProblems() {
        Path folder = dir.resolve("d");
        assertThat(folder.toFile().mkdir()).isTrue();
        Cli.Result result = cli.run("export", "dnsmasq", "-o", folder.toString(), "--json");
        assertThat(result.code()).isEqualTo(1);
        JsonNode problems = result.json();
        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).get("kind").asText()).isEqualTo("no-mac");
        assertThat(problems.get(0).get("address").asText()).isEqualTo("10.9.0.5");
        assertThat(problems.get(0).get("message").asText()).contains("has no MAC");
        Cli.Result clean = cli.run("export", "dnsmasq", "lab", "-o", folder.toString(), "--json");
        assertThat(clean.code()).as(clean.toString()).isZero();
        assertThat(clean.json()).isEmpty();
        assertThat(clean.err()).contains("ipdesk-dhcp-hosts (new file, 1 line)");
    }

    @Test
    void pathsThatCannotTakeTheFilesAreRefusedBeforeAnythingIsRead() throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "keep");
        Cli.Result notAFolder = cli.run("export", "dhcpd", "lab", "-o", file.toString());
        assertThat(notAFolder.code()).isEqualTo(1);
        assertThat(notAFolder.err()).contains("dhcpd writes several files, so -o names a folder, and this is not one");
        assertThat(cli.run("export", "dhcpd", "lab", "-o", dir.resolve("missing").toString()).err())
                .contains("it does not exist; create it first");
        assertThat(cli.run("export", "hosts", "lab", "-o", dir.toString()).err()).contains("it is a folder");
        assertThat(cli.run("export", "hosts", "lab", "-o", "/dev/null").err()).contains("not a regular file");
        assertThat(cli.run("export", "kea", "lab", "-o", "-").err())
                .contains("kea writes several files: give a folder with -o, not -");
        assertThat(Files.readString(file)).isEqualTo("keep");
    }

    @Test
    void hostileScopesAreNamedEscaped() {
        Cli.Result result = cli.run("export", "hosts", "lab\u001b[2J", "-o", dir.resolve("h").toString());
        assertThat(result.code()).isEqualTo(1);
        assertThat(result.err()).contains("lab\\u001b[2J").doesNotContain("\u001b");
        assertThat(cli.run("export", "hosts", "10.1.0.5/24", "-o", dir.resolve("h").toString()).err())
                .contains("host bits set");
        assertThat(cli.run("export", "hosts", "lab", "--network", "lab", "-o", dir.resolve("h").toString()).err())
                .contains("--network picks the network of a CIDR");
    }

    @Test
    void bindWritesTheZonesAndCountsTheSerialUpOnTheNextExport() throws Exception {
        Path folder = dir.resolve("zones");
        assertThat(folder.toFile().mkdir()).isTrue();
        Cli.Result first = cli.run("export", "bind", "-o", folder.toString(), "--zone", "lab.example");
        assertThat(first.code()).as(first.toString()).isZero();
        assertThat(first.out()).contains("Wrote " + folder.resolve("lab.example.zone"),
                "Wrote " + folder.resolve("0.1.10.in-addr.arpa.zone"), "Wrote " + folder.resolve("ipdesk-zones.conf"));
        assertThat(Files.readString(folder.resolve("lab.example.zone")))
                .contains("web-01\tIN\tA\t10.1.0.10\n", "printer\tIN\tA\t10.9.0.5\n", "; change me");
        String serial = serial(folder.resolve("lab.example.zone"));
        assertThat(serial).matches("\\d{8}00");

        Cli.Result second = cli.run("export", "bind", "lab", "-o", folder.toString(), "--zone", "lab.example",
                "--ns", "ns1.example.net", "--hostmaster", "dns@example.net", "--ttl", "600");
        assertThat(second.code()).as(second.toString()).isZero();
        String zone = Files.readString(folder.resolve("lab.example.zone"));
        assertThat(serial(folder.resolve("lab.example.zone"))).isEqualTo(serial.substring(0, 8) + "01");
        assertThat(zone).contains("$TTL 600\n", "ns1.example.net. dns.example.net.").doesNotContain("change me")
                .doesNotContain("printer");
    }

    private static String serial(Path zone) throws Exception {
        return Files.readAllLines(zone).stream().filter(l -> l.endsWith("; serial")).findFirst().orElseThrow()
                .strip().split("\\s+")[0];
    }

    @Test
    void bindWithoutAZoneOrWithABadOneIsRefusedAndNothingIsWritten() {
        Path folder = dir.resolve("zones");
        assertThat(folder.toFile().mkdir()).isTrue();
        Cli.Result missing = cli.run("export", "bind", "lab", "-o", folder.toString());
        assertThat(missing.code()).isNotZero();
        assertThat(missing.err()).contains("--zone");
        Cli.Result bad = cli.run("export", "bind", "lab", "-o", folder.toString(), "--zone", "lab_example");
        assertThat(bad.code()).isEqualTo(1);
        assertThat(bad.err()).contains("--zone 'lab_example' is not a DNS name");
        Cli.Result ttl = cli.run("export", "bind", "lab", "-o", folder.toString(), "--zone", "lab.example",
                "--ttl", "-5");
        assertThat(ttl.err()).contains("--ttl -5 is not a TTL");
        assertThat(folder.toFile().list()).isEmpty();
    }

    @Test
    void bindProblemsStopTheWriteAndListAsJson() throws Exception {
        try (Allocator allocator = Allocator.open(Location.of(dir.resolve("lab.db")))) {
            Subnet v4 = allocator.findSubnet(Cidr.parse("10.1.0.0/24"), Optional.of("lab"));
            allocator.reserve(v4.id(), Ip.parse("10.1.0.11"), AddressDetails.allocated("db.elsewhere.example"));
        }
        Path folder = dir.resolve("zones");
        assertThat(folder.toFile().mkdir()).isTrue();
        Cli.Result result = cli.run("export", "bind", "lab", "-o", folder.toString(), "--zone", "lab.example",
                "--json");
        assertThat(result.code()).isEqualTo(1);
        JsonNode problems = new com.fasterxml.jackson.databind.ObjectMapper().readTree(result.out());
        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).get("kind").asText()).isEqualTo("outside-zone");
        assertThat(problems.get(0).get("address").asText()).isEqualTo("10.1.0.11");
        assertThat(folder.toFile().list()).isEmpty();

        Cli.Result allowed = cli.run("export", "bind", "lab", "-o", folder.toString(), "--zone", "lab.example",
                "--allow-problems");
        assertThat(allowed.code()).as(allowed.toString()).isZero();
        assertThat(Files.readString(folder.resolve("lab.example.zone"))).contains("web-01").doesNotContain("db");
    }
}
