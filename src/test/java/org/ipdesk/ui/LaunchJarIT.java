package org.ipdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java -jar target/ipdesk.jar} as a user starts it, with no display: the window starts in a child JVM with
 * a class-data archive ({@link SharedClassArchive}) and its failure reaches the user as one line and the exit
 * status, exactly as when it starts in the first JVM. Runs after {@code package}, in {@code mvn verify}.
 */
class LaunchJarIT {
    private static final Path JAR = Path.of("target", "ipdesk.jar");

    @TempDir
    Path dir;

    private record Run(int status, String out, String err) {
    }

    private Run launch(String... jvmOptions) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(jvmOptions));
        command.add("-Dipdesk.settings=" + dir.resolve("settings.json"));
        command.addAll(List.of("-jar", JAR.toString(), "--db", dir.resolve("ipdesk.db").toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(
                Path.of("/dev/null").toFile()));
        builder.environment().remove("DISPLAY");
        builder.environment().remove("WAYLAND_DISPLAY");
        builder.environment().put("XDG_CACHE_HOME", dir.resolve("cache").toString());
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the launch ends by itself").isTrue();
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private List<Path> cacheFiles() throws IOException {
        Path cache = dir.resolve("cache");
        if (!Files.exists(cache)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(cache)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    @Test
    void withoutADisplayTheChildsMessageAndStatusReachTheUserOnce() throws Exception {
        Run run = launch();

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).containsOnlyOnce("ipdesk: cannot open the window").doesNotContain("Exception")
                .doesNotContain("[cds]").doesNotContain("Unsupported JavaFX configuration");
        assertThat(Files.exists(dir.resolve("cache/ipdesk"))).as("the launcher prepared its cache folder").isTrue();
        assertThat(cacheFiles()).as("a failed start keeps no recording and no archive")
                .noneMatch(file -> file.getFileName().toString().startsWith("classes-"));
        // what a failed start leaves is good for the next: the natives folder, made once for this jar
        Path natives;
        try (Stream<Path> folders = Files.list(dir.resolve("cache/ipdesk"))) {
            natives = folders.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        assertThat(natives.getFileName().toString()).startsWith("natives-");
        assertThat(natives.resolve("libglass.so")).isNotEmptyFile();
        assertThat(natives.resolve("libprism_sw.so")).isNotEmptyFile();
        assertThat(natives.resolve("libsqlitejdbc.so")).isNotEmptyFile();
        assertThat(Files.readSymbolicLink(natives.resolve("ipdesk.jar"))).isEqualTo(JAR.toAbsolutePath());
        assertThat(Files.exists(dir.resolve("ipdesk.db"))).as("nothing was created").isFalse();
    }

    @Test
    void switchedOffTheWindowStartsInTheSameJvmWithTheSameMessage() throws Exception {
        Run run = launch("-Dipdesk.classArchive=off");

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).containsOnlyOnce("ipdesk: cannot open the window").doesNotContain("Exception");
        assertThat(Files.exists(dir.resolve("cache"))).isFalse();
    }
}
