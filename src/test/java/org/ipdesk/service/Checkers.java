package org.ipdesk.service;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The servers' own configuration checkers (kea-dhcp4 -t, dhcpd -t, dnsmasq --test, named-checkzone). A checker is
 * looked for on PATH and in the sbin folders; when it is missing the test is skipped with a message naming the
 * Debian package that has it, except under {@code CI=true}, where a missing checker fails the test.
 */
final class Checkers {
    private static final List<String> SBIN = List.of("/usr/sbin", "/sbin", "/usr/local/sbin");

    private Checkers() {
    }

    /** What a checker said. */
    record Result(int exitCode, String output) {
    }

    /** The checker's path; skips (or, under CI=true, fails) the test when it is not installed. */
    static Path find(String program, String debianPackage) {
        Set<String> folders = new LinkedHashSet<>();
        String path = System.getenv("PATH");
        if (path != null) {
            folders.addAll(List.of(path.split(java.io.File.pathSeparator)));
        }
        folders.addAll(SBIN);
        for (String folder : folders) {
            if (folder.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(folder, program);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        String message = program + " is not installed (Debian package " + debianPackage + ")";
        if ("true".equals(System.getenv("CI"))) {
            fail(message + "; CI needs it to check the generated configuration");
        }
        Assumptions.abort(message + ": test skipped");
        throw new AssertionError("unreachable");
    }

    /** Runs a checker with extra environment variables, in {@code workDir}, for at most 60 seconds. */
    static Result run(Path workDir, Map<String, String> environment, String... command)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(List.of(command)))
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().putAll(environment);
        Path log = Files.createTempFile(workDir, "checker", ".log");
        builder.redirectOutput(log.toFile());
        Process process = builder.start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail(String.join(" ", command) + " did not finish within 60 s");
        }
        return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }
}
