package org.ipdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.ipdesk.address.Ip;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.model.Address;
import org.ipdesk.model.Subnet;
import org.ipdesk.store.Location;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 16's round trip: the sample database exported as Kea, dhcpd, dnsmasq and BIND files, each file imported into
 * a database with the same networks, subnets and ranges but no address, gives the same reservations: every imported
 * address is the sample's (same MAC where the file carries one, same host name), as many as the file holds, and the
 * imported database exports the same file again.
 */
class ServiceRoundTripTest {
    @TempDir
    Path dir;

    private Path sample;
    private Path emptySubnets;

    @BeforeEach
    void setUp() throws IOException {
        sample = dir.resolve("sample.db");
        new Cli(sample).ok("dev", "sample");
        Path everything = dir.resolve("everything.csv");
        new Cli(sample).ok("export", "database", "-o", everything.toString());
        // the same networks, subnets and ranges, without a single address
        Path withoutAddresses = dir.resolve("subnets.csv");
        Files.write(withoutAddresses, Files.readAllLines(everything).stream()
                .filter(line -> !line.startsWith("address,")).toList());
        emptySubnets = dir.resolve("subnets.db");
        new Cli(emptySubnets).ok("import", withoutAddresses.toString());
        assertThat(held(emptySubnets)).isEmpty();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
            "kea, ipdesk-kea-dhcp4.json, true",
            "kea, ipdesk-kea-dhcp6.json, true",
            "dhcpd, ipdesk-dhcpd.conf, true",
            "dhcpd, ipdesk-dhcpd6.conf, true",
            "dnsmasq, ipdesk-dhcp-hosts, true",
            "bind, example.lan.zone, false"})
    void exportedFromTheSampleAndImportedIntoItsEmptySubnetsGivesTheSameReservations(String target, String file,
                                                                                     boolean withMac)
            throws IOException {
        Path out = Files.createDirectories(dir.resolve(target + "-a"));
        export(sample, target, out);
        Path exported = out.resolve(file);
        assertThat(exported).exists();

        Path imported = dir.resolve(target + "-" + file + ".db");
        Files.copy(emptySubnets, imported);
        Cli.Result result = new Cli(imported).ok("import", exported.toString());
        assertThat(result.out()).contains("0 conflicts, 0 errors");

        Map<Ip, Address> original = held(sample);
        Map<Ip, Address> back = held(imported);
        assertThat(back).as("reservations read back from %s", file).hasSizeGreaterThan(10);
        for (Address a : back.values()) {
            Address was = original.get(a.ip());
            assertThat(was).as("%s came from the sample", a.ip()).isNotNull();
            assertThat(a.details().hostname()).as("host name of %s", a.ip()).isEqualTo(was.details().hostname());
            if (withMac) {
                assertThat(a.details().mac()).as("MAC of %s", a.ip()).isEqualTo(was.details().mac());
            }
        }

        // as many as the file holds: the imported database writes the same file again
        Path again = Files.createDirectories(dir.resolve(target + "-b"));
        export(imported, target, again);
        assertThat(comparable(again.resolve(file))).isEqualTo(comparable(exported));
    }

    private static void export(Path db, String target, Path folder) {
        List<String> args = new java.util.ArrayList<>(List.of("export", target, "-o", folder.toString(),
                "--allow-problems"));
        if (target.equals("bind")) {
            args.addAll(List.of("--zone", "example.lan"));
        }
        new Cli(db).ok(args.toArray(String[]::new));
    }

    /**
     * The file's lines without what differs by design between two databases: the SOA serial, and Kea's subnet ids
     * (each database's own subnet ids, stable from one export of it to the next).
     */
    private static List<String> comparable(Path file) throws IOException {
        return Files.readAllLines(file).stream().filter(line -> !line.contains("; serial"))
                .map(line -> line.replaceFirst("^(\\s*\"id\": )\\d+", "$1<id>")).toList();
    }

    private static Map<Ip, Address> held(Path db) {
        try (Allocator a = Allocator.open(Location.of(db))) {
            Map<Ip, Address> all = new TreeMap<>();
            for (Subnet s : a.subnets()) {
                all.putAll(a.addresses(s.id()).stream().collect(Collectors.toMap(Address::ip, x -> x)));
            }
            return all;
        }
    }
}
