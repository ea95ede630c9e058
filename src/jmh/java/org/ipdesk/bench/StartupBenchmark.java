package org.ipdesk.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Start-up of the real application, as a user starts it, on the sample database: the time from starting the
 * process to a usable window (the networks in the tree and the totals in the status bar, laid out in a frame).
 * Each invocation starts a new process with {@code -Dipdesk.exitWhenUsable=true}, which makes the window print
 * {@code ipdesk: usable after N ms} at that moment and quit ({@code org.ipdesk.ui.StartupProbe}); the benchmark
 * times from {@code ProcessBuilder.start()} to that line, so the JVM's own start is included and the window's
 * shutdown is not.
 *
 * <p>{@code launcher}:
 * <ul>
 *   <li>{@code jar}: {@code java -jar target/ipdesk.jar}, with the java on the PATH;</li>
 *   <li>{@code app-image}: jpackage's launcher {@code target/installer/app-image/ipdesk/bin/ipdesk}, with the
 *       trimmed runtime of the packages (class-data archive of the JDK's classes, none of the application's);</li>
 *   <li>{@code installed}: {@code /usr/bin/ipdesk} from the installed .deb, whose postinst recorded the
 *       class-data archive of the window's classes.</li>
 * </ul>
 * Build them first ({@code mvn -Pinstaller package -DskipTests}, {@code sudo dpkg -i target/installer/*.deb}); a
 * launcher that is missing fails its trial with what to do. It needs a display: run it under {@code xvfb-run} on a
 * machine without one.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 10)
@Fork(1)
public class StartupBenchmark {

    @Param({"jar", "app-image", "installed"})
    public String launcher;

    private Path folder;
    private Path sample;
    private Path settings;
    private Process process;

    @Setup(Level.Trial)
    public void sampleDatabase() throws Exception {
        if (System.getenv("DISPLAY") == null || System.getenv("DISPLAY").isBlank()) {
            throw new IllegalStateException("the start-up benchmark opens the window: run it with a display "
                    + "(xvfb-run -s '-screen 0 1600x1000x24' java -jar target/bench/benchmarks.jar Startup)");
        }
        if (!Files.isRegularFile(Path.of("target/ipdesk.jar")) || !Files.isRegularFile(launcherFile())) {
            throw new IllegalStateException("target/ipdesk.jar or " + launcherFile() + " is missing: run `mvn -Pinstaller "
                    + "package -DskipTests` first, and for launcher=installed `sudo dpkg -i target/installer/*.deb`");
        }
        folder = Files.createTempDirectory("ipdesk-bench-startup-");
        sample = folder.resolve("sample.db");
        settings = folder.resolve("settings.json");
        Process writer = new ProcessBuilder("java", "-jar", "target/ipdesk.jar", "--db", sample.toString(), "dev", "sample")
                .inheritIO().start();
        if (writer.waitFor() != 0) {
            throw new IllegalStateException("ipdesk dev sample failed");
        }
    }

    private Path launcherFile() {
        return switch (launcher) {
            case "jar" -> Path.of("target/ipdesk.jar");
            case "app-image" -> Path.of("target/installer/app-image/ipdesk/bin/ipdesk");
            case "installed" -> Path.of("/usr/bin/ipdesk");
            default -> throw new IllegalArgumentException("launcher " + launcher);
        };
    }

    /** The window quits by itself after reporting; its shutdown is not timed. */
    @TearDown(Level.Invocation)
    public void waitForExit() throws Exception {
        if (process != null) {
            process.getInputStream().transferTo(OutputStream.nullOutputStream());
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("the window did not quit");
            }
            process = null;
        }
    }

    @Benchmark
    public String startToUsableWindow() throws Exception {
        String properties = "-Dipdesk.exitWhenUsable=true -Dipdesk.settings=" + settings;
        List<String> command = new ArrayList<>();
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (launcher.equals("jar")) {
            command.addAll(List.of("java", "-Dipdesk.exitWhenUsable=true", "-Dipdesk.settings=" + settings,
                    "-jar", "target/ipdesk.jar"));
        } else {
            command.add(launcherFile().toString());
            builder.environment().put("JAVA_TOOL_OPTIONS", properties);
        }
        command.addAll(List.of("--db", sample.toString()));
        process = builder.start();
        List<String> output = new ArrayList<>();
        BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            output.add(line);
            if (line.startsWith("ipdesk: usable after ")) {
                return line;
            }
        }
        throw new IllegalStateException("the window did not report itself usable:\n" + String.join("\n", output));
    }
}
