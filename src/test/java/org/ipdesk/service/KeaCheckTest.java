package org.ipdesk.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Kea files pass {@code kea-dhcp4 -t} and {@code kea-dhcp6 -t} when included into a server configuration as the
 * README says ({@code "subnet4": <?include "…"?>}). Lock, pid and lease files go to the test's folder; the lease
 * database is in memory, so nothing outside it is touched.
 */
class KeaCheckTest {
    @TempDir
    Path dir;

    @Test
    void sampleDatabasePassesKeaDhcp4AndKeaDhcp6() throws Exception {
        Path out = dir.resolve("sample-out");
        ServiceOutput output = CheckerTestSupport.export(CheckerTestSupport.sample(dir), ServiceTarget.KEA, out);
        assertThat(output.files().get(0).content()).contains("\"reservations\"", "\"pools\"");
        check(out, 4);
        check(out, 6);
    }

    @Test
    void labDatabaseWithEveryProblemPassesBoth() throws Exception {
        Path out = dir.resolve("lab-out");
        ServiceOutput output = CheckerTestSupport.export(ServiceTestData.create(dir.resolve("lab.db")),
                ServiceTarget.KEA, out);
        // everything: the edge network's odd subnets, and its 10.6.0.0/24 in twin again, which Kea would refuse
        assertThat(output.problems()).extracting(ServiceProblem::kind).contains(ServiceProblem.Kind.DUPLICATE_SUBNET);
        check(out, 4);
        check(out, 6);
    }

    /** A negative control: the checker does refuse a reservation outside its subnet, so a pass means something. */
    @Test
    void theCheckerRefusesABrokenFile() throws Exception {
        Path out = Files.createDirectories(dir.resolve("broken"));
        Files.writeString(out.resolve("ipdesk-kea-dhcp4.json"), "[ { \"id\": 1, \"subnet\": \"10.9.0.0/24\", "
                + "\"reservations\": [ { \"hw-address\": \"02:00:00:00:00:01\", \"ip-address\": \"10.8.0.5\" } ] } ]");
        assertThat(run(out, 4).exitCode()).isNotZero();
    }

    private void check(Path out, int family) throws Exception {
        Checkers.Result result = run(out, family);
        assertThat(result.exitCode()).as(result.output()).isZero();
    }

    private Checkers.Result run(Path out, int family) throws Exception {
        Path kea = Checkers.find("kea-dhcp" + family, "kea-dhcp" + family + "-server");
        Path run = Files.createTempDirectory(dir, "run" + family + "-");
        String space = "Dhcp" + family;
        Path included = out.resolve("ipdesk-kea-dhcp" + family + ".json").toAbsolutePath();
        Path config = run.resolve("kea-dhcp" + family + ".conf");
        Files.writeString(config, "{ \"" + space + "\": {\n"
                + "  \"interfaces-config\": { \"interfaces\": [] },\n"
                + "  \"lease-database\": { \"type\": \"memfile\", \"persist\": false },\n"
                + "  \"loggers\": [ { \"name\": \"kea-dhcp" + family + "\", \"output_options\": [ { \"output\": \"stdout\" } ],"
                + " \"severity\": \"WARN\" } ],\n"
                + "  \"subnet" + family + "\": <?include \"" + included + "\"?>\n"
                + "} }\n");
        return Checkers.run(run, Map.of("KEA_LOCKFILE_DIR", run.toString(), "KEA_PIDFILE_DIR", run.toString(),
                "KEA_LOGGER_DESTINATION", run.resolve("kea.log").toString()), kea.toString(), "-t", config.toString());
    }
}
