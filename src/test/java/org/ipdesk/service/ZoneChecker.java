package org.ipdesk.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * BIND's own zone checker, {@code named-checkzone -k fail} (Debian package bind9-utils), over the zone files of an
 * export. Missing, the test is skipped with a message naming the package, except under {@code CI=true}, where it
 * fails ({@link Checkers#find}).
 */
final class ZoneChecker {
    private ZoneChecker() {
    }

    /** Runs {@code named-checkzone -k fail ZONE FILE} and returns what it said. */
    static Checkers.Result check(String zone, Path file) throws Exception {
        Path checker = Checkers.find("named-checkzone", "bind9-utils");
        return Checkers.run(file.getParent(), Map.of(), checker.toString(), "-k", "fail", zone, file.toString());
    }

    /**
     * Checks every zone file of {@code output} written into {@code folder}, and every RFC 2317 delegation inside a
     * parent zone that $INCLUDEs it; asserts that each loads. Returns the zones checked.
     */
    static List<String> assertEveryZoneLoads(ServiceOutput output, Path folder) throws Exception {
        List<String> zones = new ArrayList<>();
        for (ServiceFile file : output.files()) {
            if (file.name().endsWith(".zone")) {
                String zone = BindExport.head(file.content()).zone().toString(true);
                Checkers.Result result = check(zone, folder.resolve(file.name()));
                assertThat(result.exitCode()).as(zone + ": " + result.output()).isZero();
                assertThat(result.output()).contains("zone " + zone + "/IN: loaded serial").contains("OK");
                zones.add(zone);
            } else if (file.name().endsWith(".delegation")) {
                String child = file.name().substring(0, file.name().length() - ".delegation".length());
                String parent = child.substring(child.indexOf('.') + 1);
                Path parentZone = folder.resolve("parent-of-" + child + ".test-zone");
                Files.writeString(parentZone, "$ORIGIN " + parent + ".\n$TTL 3600\n"
                        + "@ IN SOA localhost. hostmaster.example. ( 1 3600 900 1209600 300 )\n"
                        + "@ IN NS localhost.\n$INCLUDE " + folder.resolve(file.name()) + "\n");
                Checkers.Result result = check(parent, parentZone);
                assertThat(result.exitCode()).as(parent + " with " + file.name() + ": " + result.output()).isZero();
                zones.add(parent + " (with " + file.name() + ")");
            }
        }
        return zones;
    }
}
