package org.ipdesk.concurrency;

import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.Parameter;
import org.ipdesk.store.Engine;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.ipdesk.address.Cidr;
import org.ipdesk.address.Ip;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.model.Address;
import org.ipdesk.model.Subnet;
import org.ipdesk.model.SubnetSpec;
import org.ipdesk.store.Location;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two JVMs allocate from one subnet of one database at the same moment, on each engine. SQLite's {@code BEGIN
 * IMMEDIATE} with the busy timeout makes them take turns; PostgreSQL's per-subnet advisory lock does the same for
 * the one subnet. No address is handed out twice, none is lost, no command fails.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Engine.class)
class TwoProcessAllocationTest {
    @Parameter
    Engine engine;

    private static final int PER_PROCESS = 2000;
    private static final Cidr CIDR = Cidr.parse("10.20.0.0/16");

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void twoProcessesNeverHandOutTheSameAddress() throws Exception {
        Location db = engine.fresh(dir, "shared");
        long subnetId;
        try (Allocator allocator = Allocator.open(db)) {
            allocator.createNetwork("lab", "");
            Subnet subnet = allocator.createSubnet("lab", SubnetSpec.of(CIDR).withGateway(Ip.parse("10.20.0.1")));
            subnetId = subnet.id();
        }
        Path start = dir.resolve("start");
        List<Child> children = List.of(new Child("a"), new Child("b"));
        try {
            for (Child child : children) {
                child.start(db, subnetId, start);
            }
            for (Child child : children) {
                child.awaitReady();
            }
            Files.createFile(start);
            for (Child child : children) {
                child.awaitExit();
            }

            List<String> lines = new ArrayList<>();
            for (Child child : children) {
                assertThat(child.exitCode).as("exit code of child %s; its stderr:%n%s", child.name, child.stderr())
                        .isZero();
                assertThat(child.stdout()).as("lines of child %s; its stderr:%n%s", child.name, child.stderr())
                        .hasSize(PER_PROCESS);
                lines.addAll(child.stdout());
            }
            assertThat(lines).hasSize(2 * PER_PROCESS).doesNotHaveDuplicates();
            Set<Ip> handedOut = new HashSet<>();
            for (String line : lines) {
                Ip ip = Ip.parse(line);
                assertThat(CIDR.isUsable(ip)).as("%s is a usable address of %s", ip, CIDR).isTrue();
                handedOut.add(ip);
            }
            // both really contended: each began its loop before the other had finished. (How the turns
            // interleave is up to SQLite's busy handler or the server's lock queue; one child may well get most
            // turns first.)
            long[] a = children.get(0).times();
            long[] b = children.get(1).times();
            assertThat(a[0]).as("child a began before b ended").isLessThan(b[1]);
            assertThat(b[0]).as("child b began before a ended").isLessThan(a[1]);

            try (Allocator allocator = Allocator.open(db)) {
                Set<Ip> stored = new HashSet<>();
                for (Address held : allocator.addresses(subnetId)) {
                    stored.add(held.ip());
                }
                assertThat(stored).isEqualTo(handedOut);
                assertThat(allocator.history("address", "", 10 * PER_PROCESS)).hasSize(2 * PER_PROCESS);
            }
        } finally {
            for (Child child : children) {
                child.destroy();
            }
        }
    }

    /** One child JVM running {@link AllocateLoop}, its output going to files in the temporary folder. */
    private final class Child {
        final String name;
        final Path out;
        final Path err;
        final Path ready;
        final Path timesFile;
        Process process;
        int exitCode = -1;

        Child(String name) {
            this.name = name;
            this.out = dir.resolve(name + ".out");
            this.err = dir.resolve(name + ".err");
            this.ready = dir.resolve(name + ".ready");
            this.timesFile = dir.resolve(name + ".times");
        }

        void start(Location db, long subnetId, Path startFile) throws IOException {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            ProcessBuilder builder = new ProcessBuilder(java, "-Xshare:auto", "-XX:TieredStopAtLevel=1",
                    "-cp", System.getProperty("java.class.path"), AllocateLoop.class.getName(),
                    db.toString(), Long.toString(subnetId), Integer.toString(PER_PROCESS), ready.toString(),
                    startFile.toString(), "host-" + name, timesFile.toString());
            builder.redirectOutput(out.toFile()).redirectError(err.toFile());
            process = builder.start();
        }

        void awaitReady() throws Exception {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!Files.exists(ready)) {
                if (!process.isAlive()) {
                    throw new AssertionError("child " + name + " ended before it was ready (exit "
                            + process.exitValue() + "); its stderr:\n" + stderr());
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("child " + name + " was not ready within 60 s; its stderr:\n" + stderr());
                }
                Thread.sleep(5);
            }
        }

        void awaitExit() throws Exception {
            if (!process.waitFor(90, TimeUnit.SECONDS)) {
                throw new AssertionError("child " + name + " did not finish within 90 s; its stderr:\n" + stderr());
            }
            exitCode = process.exitValue();
        }

        List<String> stdout() throws IOException {
            return Files.readAllLines(out, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
        }

        /** When the child's loop began and ended, epoch milliseconds. */
        long[] times() throws IOException {
            String[] parts = Files.readString(timesFile, StandardCharsets.UTF_8).strip().split(" ");
            return new long[] {Long.parseLong(parts[0]), Long.parseLong(parts[1])};
        }

        String stderr() {
            try {
                return Files.exists(err) ? Files.readString(err, StandardCharsets.UTF_8) : "(none)";
            } catch (IOException e) {
                return "(unreadable: " + e.getMessage() + ")";
            }
        }

        void destroy() {
            if (process != null && process.isAlive()) {
                process.destroyForcibly();
            }
        }
    }
}
