package org.ipdesk.ui;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.ipdesk.store.NativeLibrary;

/**
 * Starts the window from {@code java -jar ipdesk.jar} with a class-data archive of the classes the window loads,
 * which takes about a second off every start (the installed packages record one when installed; a plain jar has
 * nobody to do that). Java 19's {@code -XX:+AutoCreateSharedArchive} does this by itself; on Java 17 the launcher
 * does it: the first start runs the window in a child JVM with {@code -XX:ArchiveClassesAtExit}, which writes the
 * archive into the user's cache folder when the window closes; later starts run the child with
 * {@code -XX:SharedArchiveFile}. The archive's name holds the jar's path, size and time and the Java runtime, so a
 * new jar or a new Java records a new one; an archive the JVM cannot use is ignored by it ({@code -Xshare:auto}).
 * On Linux the child also finds the jar through a link in a folder that holds the native libraries of JavaFX and
 * of the SQLite driver, copied once per jar ({@link #nativesFolder}), instead of unpacking and checking them again at
 * every start.
 *
 * <p>The parent JVM loads only this class and its small helpers and waits for the child, passing on its exit
 * status. Until the child is started, this class uses no lambdas, streams or string concatenation with {@code +}:
 * each of those costs a cold JVM method handles to spin (some 30 ms here), all of it before the window's JVM even
 * starts. Nothing of this
 * happens when the window does not start from a single jar (under Maven, in tests), when the JVM already has an
 * archive or sharing is off, when the runtime has no {@code bin/java} (jpackage's trimmed runtime), or with
 * {@code -Dipdesk.classArchive=off}. Any failure to relaunch falls back to starting in this JVM.
 */
final class SharedClassArchive {

    /**
     * {@code off} starts the window in this JVM, without an archive; {@code nonatives} keeps the archive but runs
     * the jar itself, with the libraries that JavaFX and SQLite unpack at every start.
     */
    static final String PROPERTY = "ipdesk.classArchive";

    /**
     * The installed packages' compiler thresholds (pom.xml, jpackage's java options): the optimising compiler only
     * for code that stays hot, so that on two cores it does not take the processor from the window while it starts.
     */
    static final List<String> LATE_OPTIMISING = List.of("-XX:Tier4InvocationThreshold=100000",
            "-XX:Tier4MinInvocationThreshold=50000", "-XX:Tier4CompileThreshold=100000",
            "-XX:Tier4BackEdgeThreshold=1000000");

    private static final List<String> SHARING_OPTIONS = List.of("-XX:SharedArchiveFile", "-XX:ArchiveClassesAtExit",
            "-Xshare:off", "-XX:-UseSharedSpaces", "-XX:+AutoCreateSharedArchive");

    private SharedClassArchive() {
    }

    /**
     * Runs the window in a child JVM with the archive (or recording it) and returns the child's exit status; empty
     * when the window should start in this JVM instead.
     */
    static OptionalInt relaunch(String[] args) {
        try {
            Optional<Plan> plan = plan(System.getProperty(PROPERTY, ""), System.getProperty("java.class.path", ""),
                    Path.of(System.getProperty("java.home")), jvmOptions(),
                    cacheFolder(System.getProperty("os.name", ""), System.getenv(), Path.of(System.getProperty("user.home"))),
                    System.getProperty("java.vm.version", ""));
            if (plan.isEmpty()) {
                return OptionalInt.empty();
            }
            return OptionalInt.of(run(plan.get(), args));
        } catch (IOException | RuntimeException e) {
            return OptionalInt.empty();
        }
    }

    /**
     * What to run: the child's JVM options and where its archive goes. {@code recording} is the temporary file the
     * child writes at exit, moved to {@code archive} only when the child ended well; {@code natives} is the folder
     * of {@link #nativesFolder}, when there is one.
     */
    record Plan(Path java, Path jar, Path archive, Optional<Path> recording, List<String> jvmOptions,
                Optional<Path> natives) {
        /**
         * The jar as the child finds it: through the link in the natives folder when there is one, so that JavaFX
         * loads its libraries from beside it.
         */
        Path classPath() {
            return natives.isPresent() ? natives.get().resolve(jar.getFileName()) : jar;
        }

        List<String> command(String mainClass, String[] args) {
            List<String> command = new ArrayList<>();
            command.add(java.toString());
            command.add(recording.isPresent() ? "-XX:ArchiveClassesAtExit=".concat(recording.get().toString())
                    : "-XX:SharedArchiveFile=".concat(archive.toString()));
            command.add("-Xshare:auto");
            // the JVM's notes about classes it leaves out of the archive are for JDK developers, not for admins
            command.add("-Xlog:cds=off");
            command.add("-Xlog:cds+dynamic=off");
            if (!anyStartsWith(jvmOptions, List.of("-XX:Tier4"))) {
                command.addAll(LATE_OPTIMISING);
            }
            if (natives.isPresent()) {
                Path sqlite = natives.get().resolve(NativeLibraries.SQLITE_LIBRARY);
                if (Files.isRegularFile(sqlite)) {
                    command.addAll(NativeLibrary.loadFrom(sqlite));
                }
            }
            command.addAll(jvmOptions);
            command.add("-cp");
            command.add(classPath().toString());
            command.add(mainClass);
            command.addAll(List.of(args));
            return command;
        }
    }

    static Optional<Plan> plan(String setting, String classPath, Path javaHome, List<String> jvmOptions,
                               Optional<Path> cacheFolder, String vmVersion) throws IOException {
        if (setting.equalsIgnoreCase("off") || cacheFolder.isEmpty() || classPath.isEmpty()
                || classPath.contains(java.io.File.pathSeparator)) {
            return Optional.empty();
        }
        if (anyStartsWith(jvmOptions, SHARING_OPTIONS)) {
            return Optional.empty();
        }
        Path jar = Path.of(classPath).toAbsolutePath().normalize();
        if (!jar.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".jar") || !Files.isRegularFile(jar)) {
            return Optional.empty();
        }
        Path java = javaHome.resolve("bin").resolve(osIs("windows") ? "java.exe" : "java");
        if (!Files.isExecutable(java)) {
            return Optional.empty();
        }
        FileTime modified = Files.getLastModifiedTime(jar);
        String jarKey = digest(new StringBuilder().append(jar).append('\n').append(Files.size(jar)).append('\n')
                .append(modified.toMillis()).toString());
        Path folder = cacheFolder.get();
        Optional<Path> natives = nativesFolder(setting, folder, jarKey, jar);
        // the archive holds the class path it was recorded with: one with the natives folder's link is not one
        // without it
        String key = digest(new StringBuilder().append(jarKey).append('\n').append(javaHome).append('\n')
                .append(vmVersion).append(natives.isPresent() ? "\nnatives" : "").toString());
        Path archive = folder.resolve("classes-".concat(key).concat(".jsa"));
        if (Files.isRegularFile(archive)) {
            return Optional.of(new Plan(java, jar, archive, Optional.empty(), List.copyOf(jvmOptions), natives));
        }
        Files.createDirectories(folder);
        Path recording = folder.resolve("classes-".concat(key).concat("-")
                .concat(Long.toString(ProcessHandle.current().pid())).concat(".recording"));
        return Optional.of(new Plan(java, jar, archive, Optional.of(recording), List.copyOf(jvmOptions), natives));
    }

    /**
     * The folder that holds JavaFX's and SQLite's native libraries, copied once out of this jar, and a link to the
     * jar: {@code natives-KEY/}. JavaFX looks for its libraries beside the jar it runs from before it unpacks them
     * into {@code ~/.openjfx/cache} and MD5-checks both copies; SQLite's driver unpacks its library into the
     * temporary folder at every start and reads it back byte by byte. Starting the window through the link skips
     * both, some 100 ms of processor time of every start. Linux only (elsewhere JavaFX looks in another folder,
     * and a link may need rights the user lacks); empty there, with {@code -Dipdesk.classArchive=nonatives}, or
     * when the folder cannot be made, and the child then runs the jar itself.
     */
    static Optional<Path> nativesFolder(String setting, Path cache, String jarKey, Path jar) {
        if (setting.equalsIgnoreCase("nonatives") || !osIs("linux")) {
            return Optional.empty();
        }
        Path natives = cache.resolve("natives-".concat(jarKey));
        if (Files.isDirectory(natives)) {
            // made whole or not at all (moved into place when complete): only the link's target can have gone
            return Files.isRegularFile(natives.resolve(jar.getFileName())) ? Optional.of(natives) : Optional.empty();
        }
        if (Files.exists(NativeLibraries.marker(natives))) {
            return Optional.empty();
        }
        return NativeLibraries.unpack(jar, cache, natives);
    }

    /** Whether any of {@code options} starts with any of {@code prefixes} (a loop: see the class comment). */
    private static boolean anyStartsWith(List<String> options, List<String> prefixes) {
        for (String option : options) {
            for (String prefix : prefixes) {
                if (option.startsWith(prefix)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static int run(Plan plan, String[] args) throws IOException {
        Process child = new ProcessBuilder(plan.command(Launcher.class.getName(), args)).inheritIO().start();
        Thread stopChild = new Thread(child::destroy, "ipdesk-stop-window");
        Runtime.getRuntime().addShutdownHook(stopChild);
        int status;
        try {
            status = child.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            child.destroy();
            status = 130;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(stopChild);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs anyway
        }
        if (plan.recording().isPresent()) {
            keep(plan.recording().get(), plan.archive(), status == 0);
            if (plan.natives().isPresent()) {
                try {
                    NativeLibraries.forgetOld(plan.archive().getParent(), plan.natives().get(), ARCHIVES_KEPT);
                } catch (IOException e) {
                    // the next recording tidies up
                }
            }
        }
        return status;
    }

    /** Moves a recorded archive into place when the child ended well; a failed child's recording is removed. */
    private static void keep(Path recording, Path archive, boolean ok) {
        try {
            if (ok && Files.isRegularFile(recording) && Files.size(recording) > 0) {
                try {
                    Files.move(recording, archive, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(recording, archive, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            forgetOldArchives(archive.getParent(), archive);
        } catch (IOException e) {
            // the next start records again
        } finally {
            try {
                Files.deleteIfExists(recording);
            } catch (IOException e) {
                // left for the next recording to replace
            }
        }
    }

    /** How many archives stay in the cache folder (each about 30 MB): one per jar and Java, the newest ones. */
    static final int ARCHIVES_KEPT = 3;

    /**
     * Removes all but the {@link #ARCHIVES_KEPT} newest archives (older jars, older Javas) and recordings left by
     * starts that were killed; {@code keep} stays whatever its age.
     */
    static void forgetOldArchives(Path folder, Path keep) throws IOException {
        List<Path> archives = new ArrayList<>();
        try (var files = Files.list(folder)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String name = file.getFileName().toString();
                if (name.startsWith("classes-") && name.endsWith(".jsa") && !file.equals(keep)) {
                    archives.add(file);
                } else if (name.startsWith("classes-") && name.endsWith(".recording")
                        && !CacheFiles.startAlive(name, ".recording")) {
                    Files.deleteIfExists(file);
                }
            }
        }
        CacheFiles.keepNewest(archives, ARCHIVES_KEPT - 1);
    }

    /**
     * The user's cache folder for IPDesk: {@code $XDG_CACHE_HOME/ipdesk} or {@code ~/.cache/ipdesk} on Linux,
     * {@code %LOCALAPPDATA%\IPDesk\Cache} on Windows, {@code ~/Library/Caches/IPDesk} on macOS.
     */
    static Optional<Path> cacheFolder(String osName, Map<String, String> env, Path home) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String local = env.get("LOCALAPPDATA");
            return local == null || local.isBlank() ? Optional.empty()
                    : Optional.of(Path.of(local, "IPDesk", "Cache"));
        }
        if (os.startsWith("mac")) {
            return Optional.of(home.resolve("Library").resolve("Caches").resolve("IPDesk"));
        }
        String xdg = env.get("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Optional.of(Path.of(xdg, "ipdesk"));
        }
        return Optional.of(home.resolve(".cache").resolve("ipdesk"));
    }

    /** Whether this JVM runs on the system whose {@code os.name} starts with {@code name} (lower case). */
    private static boolean osIs(String name) {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith(name);
    }

    /**
     * This JVM's options, to give the child the same: what stands before {@code -jar} on the command line. On Linux
     * read from {@code /proc/self/cmdline} (the process handle's way costs 15-20 ms of a cold start before the
     * window's JVM is started), elsewhere from the process; the management interface's list (some 30 ms more at
     * start) where the OS does not tell.
     */
    private static List<String> jvmOptions() {
        if (osIs("linux")) {
            try {
                Optional<List<String>> options = optionsBeforeJar(Files.readAllBytes(Path.of("/proc/self/cmdline")),
                        Charset.forName(System.getProperty("sun.jnu.encoding", "UTF-8")));
                if (options.isPresent()) {
                    return options.get();
                }
            } catch (IOException | RuntimeException e) {
                // the process handle's way below
            }
        }
        Optional<String[]> arguments = ProcessHandle.current().info().arguments();
        if (arguments.isPresent()) {
            List<String> all = List.of(arguments.get());
            int jar = all.indexOf("-jar");
            if (jar >= 0) {
                return all.subList(0, jar);
            }
        }
        return ManagementFactory.getRuntimeMXBean().getInputArguments();
    }

    /**
     * The options before {@code -jar} in a Linux command line ({@code /proc/PID/cmdline}: the program, then each
     * argument, each ended by a zero byte); empty when it has no {@code -jar}.
     */
    static Optional<List<String>> optionsBeforeJar(byte[] cmdline, Charset charset) {
        List<String> arguments = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < cmdline.length; i++) {
            if (cmdline[i] == 0) {
                arguments.add(new String(cmdline, start, i - start, charset));
                start = i + 1;
            }
        }
        int jar = arguments.indexOf("-jar");
        return jar < 1 ? Optional.empty() : Optional.of(List.copyOf(arguments.subList(1, jar)));
    }

    /** A 64-bit FNV-1a hash, in hex: names an archive, protects nothing (a crypto digest costs 20 ms at start). */
    static String digest(String text) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        return HexFormat.of().toHexDigits(hash);
    }
}
