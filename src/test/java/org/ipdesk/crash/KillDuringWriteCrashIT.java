package org.ipdesk.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.ipdesk.address.Cidr;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.model.AddressDetails;
import org.ipdesk.model.SubnetSpec;
import org.ipdesk.store.ContentSnapshot;
import org.ipdesk.store.Location;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The crash suite: a real JVM ({@link CrashDriver}) runs an operation on a database file and is killed with
 * SIGKILL ({@link Process#destroyForcibly()}) at several moments: after seeded random delays from the moment the
 * operation starts, and once at a chosen moment inside it (when the write-ahead log has grown, so the write
 * transaction is under way; for a backup, when its temporary copy is being written). After every kill the file
 * passes {@code PRAGMA integrity_check} and holds exactly the content from before the operation or from after it,
 * never something between. "After" is the same operation run to completion on a copy of the same file.
 *
 * <p>Slow (dozens of JVMs), so it is an integration test: failsafe runs it in {@code mvn verify}.
 */
class KillDuringWriteCrashIT {
    /** Kills at random moments per operation; one more comes at the chosen moment inside the operation. */
    private static final int RANDOM_KILLS = 3;
    private static final String LAB = "lab";
    private static final Cidr NEXT = Cidr.parse("10.0.0.0/15");
    private static final Cidr BLOCK = Cidr.parse("10.2.0.0/15");
    private static final Cidr HELD = Cidr.parse("10.4.0.0/15");
    private static final Cidr IMPORTED = Cidr.parse("10.6.0.0/16");
    private static final int IMPORT_ROWS = 30_000;

    @TempDir
    static Path dir;

    /** A network with empty subnets: what allocation and import start from. */
    static Path small;
    /** {@link #small} with {@link Allocator#MAX_ADDRESSES_PER_COMMAND} addresses held in {@link #HELD}. */
    static Path held;
    static Path csv;

    @BeforeAll
    static void createDatabases() throws IOException {
        small = dir.resolve("small.db");
        try (Allocator allocator = Allocator.open(Location.of(small))) {
            allocator.createNetwork(LAB, "crash suite");
            for (Cidr cidr : List.of(NEXT, BLOCK, HELD, IMPORTED)) {
                allocator.createSubnet(LAB, SubnetSpec.of(cidr));
            }
        }
        held = dir.resolve("held.db");
        Files.copy(small, held);
        try (Allocator allocator = Allocator.open(Location.of(held))) {
            long subnet = allocator.findSubnet(HELD, java.util.Optional.empty()).id();
            allocator.allocateBlock(subnet, Allocator.MAX_ADDRESSES_PER_COMMAND, AddressDetails.allocated("held"));
        }
        StringBuilder rows = new StringBuilder("ip,subnet,network,status,hostname\n");
        for (int i = 0; i < IMPORT_ROWS; i++) {
            rows.append(IMPORTED.first().plus(i + 1L)).append(',').append(IMPORTED).append(',').append(LAB)
                    .append(",allocated,imp-").append(i).append('\n');
        }
        csv = dir.resolve("addresses.csv");
        Files.writeString(csv, rows, StandardCharsets.UTF_8);
        // closing the last connection checkpointed the WAL into the file: each run starts from a copy of the file alone
        assertThat(dir.resolve("small.db-wal")).doesNotExist();
        assertThat(dir.resolve("held.db-wal")).doesNotExist();
    }

    // ================================================================= the operations

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void importIsAllOrNothing() throws Exception {
        suite("import", small, true, db -> List.of("cli", "--db", db.toString(), "import", csv.toString()));
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void nextWithALargeCountIsAllOrNothing() throws Exception {
        suite("next", small, true, db -> List.of("cli", "--db", db.toString(), "ip", "next", NEXT.toString(), "--count",
                Integer.toString(Allocator.MAX_ADDRESSES_PER_COMMAND), "--hostname", "bulk"));
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void blockIsAllOrNothing() throws Exception {
        suite("block", small, true, db -> List.of("cli", "--db", db.toString(), "ip", "block", BLOCK.toString(), "--count",
                Integer.toString(Allocator.MAX_ADDRESSES_PER_COMMAND), "--hostname", "rack"));
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void releaseAllIsAllOrNothing() throws Exception {
        suite("release-all", held, true, db -> List.of("release-all", db.toString(), HELD.toString()));
    }

    /**
     * The window's File → Restore opens a backup as its database: a kill while it opens and reads the backup
     * leaves the backup intact and as it was (and the database open until then is not touched at all).
     */
    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void openingABackupLeavesItIntact() throws Exception {
        suite("restore", held, false, db -> List.of("restore", db.toString()));
    }

    /**
     * A backup killed at any moment leaves the source as it was, and the target absent (or the older file of that
     * name, as it was) or a complete, intact copy; never a partial file under the target's name.
     */
    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void aKilledBackupLeavesTheSourceAndAnOldTargetIntact() throws Exception {
        Path work = Files.createDirectories(dir.resolve("backup"));
        String source = content(held);
        String old = content(small);
        Function<Path, List<String>> backup = db -> List.of("cli", "--db", db.toString(), "backup",
                db.resolveSibling("copy.db").toString());

        Path completeDir = Files.createDirectories(work.resolve("complete"));
        Path complete = copyOf(held, completeDir);
        Run full = Run.start(completeDir, backup.apply(complete));
        long duration = full.awaitExit();
        assertThat(full.exitCode).as(full.describe()).isZero();
        assertThat(content(completeDir.resolve("copy.db"))).isEqualTo(source);

        Random random = new Random(20_261_126L);
        List<String> outcomes = new ArrayList<>();
        boolean killedWhileCopying = false;
        for (int i = 0; i <= RANDOM_KILLS; i++) {
            Path runDir = Files.createDirectories(work.resolve("kill-" + i));
            Path db = copyOf(held, runDir);
            Path target = runDir.resolve("copy.db");
            boolean chosen = i == RANDOM_KILLS;
            boolean withOld = !chosen && i % 2 == 1;
            if (withOld) {
                Files.copy(small, target);
            }
            Run run = Run.start(runDir, backup.apply(db));
            run.awaitMarker();
            if (chosen) {
                // inside the copy: the temporary file beside the target is being written
                killedWhileCopying = run.killWhen(() -> temporaryFiles(runDir).stream().anyMatch(p -> size(p) > 0));
            } else {
                run.killAfter(random.nextInt((int) Math.max(1, duration)));
            }
            assertThat(integrity(db)).as("integrity of the source after kill %d", i).isEqualTo("ok");
            assertThat(content(db)).as("the source after kill %d is unchanged", i).isEqualTo(source);
            String outcome;
            if (!Files.exists(target)) {
                outcome = "absent";
            } else {
                assertThat(integrity(target)).as("integrity of the target after kill %d", i).isEqualTo("ok");
                String now = content(target);
                if (now.equals(source)) {
                    outcome = "complete copy";
                } else {
                    assertThat(withOld).as("the target after kill %d is the old file or a whole copy", i).isTrue();
                    assertThat(now).as("the old target after kill %d", i).isEqualTo(old);
                    outcome = "old file";
                }
            }
            outcomes.add(run.describeKill() + " -> " + outcome + (withOld ? " (old target)" : "")
                    + ", files left beside it: " + temporaryFiles(runDir).stream().map(p -> p.getFileName().toString())
                    .toList());
        }
        report("backup", duration, outcomes);
        assertThat(killedWhileCopying).as("one kill came while the temporary copy was being written: %s", outcomes)
                .isTrue();
    }

    // ================================================================= one suite: complete run, then kills

    /**
     * Runs the operation to completion on a copy of {@code base} ("after"), then kills it on fresh copies at random
     * moments and (when {@code killInWrite}) once when the WAL has grown, checking each file against "before" and
     * "after".
     */
    private static void suite(String name, Path base, boolean killInWrite, Function<Path, List<String>> operation)
            throws Exception {
        Path work = Files.createDirectories(dir.resolve(name));
        String before = content(base);

        Path completeDir = Files.createDirectories(work.resolve("complete"));
        Path complete = copyOf(base, completeDir);
        Run full = Run.start(completeDir, operation.apply(complete));
        long duration = full.awaitExit();
        assertThat(full.exitCode).as(full.describe()).isZero();
        assertThat(integrity(complete)).isEqualTo("ok");
        String after = content(complete);
        boolean writes = !after.equals(before);

        Random random = new Random(name.hashCode() * 31L + 11);
        List<String> outcomes = new ArrayList<>();
        int interruptedWrites = 0;
        for (int i = 0; i <= RANDOM_KILLS; i++) {
            Path runDir = Files.createDirectories(work.resolve("kill-" + i));
            Path db = copyOf(base, runDir);
            Path wal = db.resolveSibling(db.getFileName() + "-wal");
            Run run = Run.start(runDir, operation.apply(db));
            run.awaitMarker();
            if (killInWrite && i == RANDOM_KILLS) {
                // inside the write transaction: pages spilled to the WAL before the commit
                run.killWhen(() -> size(wal) > 64 * 1024);
            } else {
                run.killAfter(random.nextInt((int) Math.max(1, duration)));
            }
            long walAtKill = run.walBytesAtKill(wal);
            assertThat(integrity(db)).as("integrity after kill %d of %s (%s)", i, name, run.describeKill())
                    .isEqualTo("ok");
            String now = content(db);
            String outcome = now.equals(before) ? "before" : now.equals(after) ? "after" : null;
            assertThat(outcome).as("content after kill %d of %s (%s) is that from before or after the operation, "
                    + "but it differs from both; first difference from before: %s", i, name, run.describeKill(),
                    firstDifference(before, now)).isNotNull();
            if ("before".equals(outcome) && walAtKill > 0) {
                interruptedWrites++; // frames were in the WAL but none was committed
            }
            // and IPDesk opens it again as its database
            try (Allocator allocator = Allocator.open(Location.of(db))) {
                assertThat(allocator.networks()).hasSize(1);
            }
            outcomes.add(run.describeKill() + ", WAL " + walAtKill + " bytes -> " + outcome);
        }
        report(name, duration, outcomes);
        if (writes) {
            assertThat(interruptedWrites).as("kills that interrupted a write under way (%s): %s", name, outcomes)
                    .isPositive();
        }
    }

    // ================================================================= one child JVM

    /** One run of {@link CrashDriver}, its output going to files in its folder. */
    private static final class Run {
        final Path folder;
        final Path marker;
        final Process process;
        long markedAt;
        int exitCode = -1;
        String killNote = "not killed";
        boolean aliveAtKill;

        private Run(Path folder, Path marker, Process process) {
            this.folder = folder;
            this.marker = marker;
            this.process = process;
        }

        static Run start(Path folder, List<String> arguments) throws IOException {
            Path marker = folder.resolve("started");
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-Xmx512m",
                    "-cp", System.getProperty("java.class.path"), CrashDriver.class.getName(), marker.toString()));
            command.addAll(arguments);
            Process process = new ProcessBuilder(command)
                    .redirectOutput(folder.resolve("stdout").toFile())
                    .redirectError(folder.resolve("stderr").toFile())
                    .start();
            return new Run(folder, marker, process);
        }

        void awaitMarker() throws Exception {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (!Files.exists(marker)) {
                if (!process.isAlive()) {
                    throw new AssertionError("the child ended before it began (exit " + process.exitValue() + ")\n"
                            + describe());
                }
                if (System.nanoTime() > deadline) {
                    process.destroyForcibly();
                    throw new AssertionError("the child did not begin within 120 s\n" + describe());
                }
                Thread.sleep(1);
            }
            markedAt = System.nanoTime();
        }

        /** Waits for the end of a run that is not killed; returns milliseconds from its marker to its exit. */
        long awaitExit() throws Exception {
            awaitMarker();
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("the child did not finish within 5 minutes\n" + describe());
            }
            exitCode = process.exitValue();
            return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - markedAt);
        }

        void killAfter(long millis) throws Exception {
            process.waitFor(millis, TimeUnit.MILLISECONDS);
            kill("after " + millis + " ms");
        }

        /** Kills when {@code condition} holds (polled every millisecond); false when the child ended first. */
        boolean killWhen(java.util.function.BooleanSupplier condition) throws Exception {
            while (process.isAlive() && !condition.getAsBoolean()) {
                Thread.sleep(1);
            }
            boolean met = process.isAlive();
            kill(met ? "at the chosen moment, " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - markedAt)
                    + " ms in" : "at the chosen moment, which never came");
            return met && aliveAtKill;
        }

        private void kill(String when) throws Exception {
            aliveAtKill = process.isAlive();
            process.destroyForcibly();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                throw new AssertionError("the child did not die within 60 s of SIGKILL\n" + describe());
            }
            exitCode = process.exitValue();
            killNote = "killed " + when + (aliveAtKill ? "" : " (it had already ended, exit " + exitCode + ")");
        }

        /**
         * The size of the WAL when the child died (read right after: a dead process writes nothing more), or 0 when
         * the child had ended by itself.
         */
        long walBytesAtKill(Path wal) {
            return aliveAtKill ? size(wal) : 0;
        }

        String describeKill() {
            return killNote;
        }

        String describe() {
            return "exit " + exitCode + "\n--- stdout (start)\n" + head(folder.resolve("stdout")) + "\n--- stderr\n"
                    + head(folder.resolve("stderr"));
        }
    }

    // ================================================================= checks

    /**
     * The content of every table, with the times of day and the row versions (which start from the clock) taken out:
     * the run to completion happens at another time.
     */
    private static String content(Path file) {
        return ContentSnapshot.masking(file, Set.of("row_version")).replaceAll("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z", "<time>");
    }

    private static String integrity(Path file) {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
            List<String> lines = new ArrayList<>();
            while (rs.next()) {
                lines.add(rs.getString(1));
            }
            return String.join("; ", lines);
        } catch (SQLException e) {
            return "cannot check: " + e.getMessage();
        }
    }

    private static String firstDifference(String expected, String actual) {
        List<String> a = expected.lines().toList();
        List<String> b = actual.lines().toList();
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            if (!a.get(i).equals(b.get(i))) {
                return "line " + (i + 1) + ": expected [" + a.get(i) + "] but found [" + b.get(i) + "]";
            }
        }
        return a.size() == b.size() ? "none" : "lines: " + a.size() + " before, " + b.size() + " now";
    }

    // ================================================================= files

    private static Path copyOf(Path base, Path folder) throws IOException {
        Path copy = folder.resolve("ipdesk.db");
        Files.copy(base, copy);
        return copy;
    }

    /**
     * The files a backup writes beside its target before it moves the copy into place (today
     * {@code .copy.db.<random>.tmp}): anything in the run's folder but the source, the target and the run's own files.
     */
    private static List<Path> temporaryFiles(Path folder) {
        List<String> known = List.of("ipdesk.db", "ipdesk.db-wal", "ipdesk.db-shm", "copy.db", "started", "stdout",
                "stderr");
        Predicate<Path> temporary = p -> !known.contains(p.getFileName().toString());
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(temporary).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    private static String head(Path file) {
        try {
            String text = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "(none)";
            return text.length() > 4000 ? text.substring(0, 4000) + "..." : text;
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    private static void report(String name, long duration, List<String> outcomes) {
        System.out.println("crash suite, " + name + ": a complete run took " + duration + " ms; "
                + String.join("; ", outcomes));
    }
}
