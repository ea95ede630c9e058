package org.ipdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.ipdesk.store.NativeLibrary;

class SharedClassArchiveTest {
    private static final Path JAVA_HOME = Path.of(System.getProperty("java.home"));

    @TempDir
    Path dir;
    private Path jar;
    private Path cache;

    @BeforeEach
    void aJar() throws IOException {
        jar = Files.writeString(dir.resolve("ipdesk.jar"), "not really a jar, only its name and size matter");
        cache = dir.resolve("cache");
    }

    private Optional<SharedClassArchive.Plan> plan(String setting, String classPath, List<String> options)
            throws IOException {
        return SharedClassArchive.plan(setting, classPath, JAVA_HOME, options, Optional.of(cache), "17.0.15+6");
    }

    @Test
    void theJvmOptionsAreWhatStandsBeforeJarOnTheCommandLine() {
        byte[] cmdline = "/usr/bin/java\0-Xmx2g\0-Dipdesk.settings=/home/a b/s.json\0-jar\0ipdesk.jar\0--db\0x.db\0"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(SharedClassArchive.optionsBeforeJar(cmdline, java.nio.charset.StandardCharsets.UTF_8))
                .contains(List.of("-Xmx2g", "-Dipdesk.settings=/home/a b/s.json"));
        assertThat(SharedClassArchive.optionsBeforeJar("java\0-jar\0ipdesk.jar\0".getBytes(
                java.nio.charset.StandardCharsets.UTF_8), java.nio.charset.StandardCharsets.UTF_8)).contains(List.of());
        // started with -cp, not -jar: nothing to pass on from here
        assertThat(SharedClassArchive.optionsBeforeJar("java\0-cp\0ipdesk.jar\0org.ipdesk.ui.Launcher\0"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8), java.nio.charset.StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void theFirstStartRecordsAnArchiveThatLaterStartsUse() throws IOException {
        SharedClassArchive.Plan first = plan("", jar.toString(), List.of("-Xmx1g", "-Dipdesk.settings=/tmp/s.json"))
                .orElseThrow();

        assertThat(first.recording()).isPresent();
        assertThat(first.recording().get().getParent()).isEqualTo(cache);
        assertThat(first.command("org.ipdesk.ui.Launcher", new String[] {"--db", "team.db"})).containsSubsequence(
                JAVA_HOME.resolve("bin").resolve("java").toString(),
                "-XX:ArchiveClassesAtExit=" + first.recording().get(), "-Xshare:auto", "-Xmx1g",
                "-Dipdesk.settings=/tmp/s.json", "-cp", jar.toString(), "org.ipdesk.ui.Launcher", "--db", "team.db");

        Files.writeString(first.archive(), "recorded");
        SharedClassArchive.Plan later = plan("", jar.toString(), List.of()).orElseThrow();

        assertThat(later.recording()).isEmpty();
        assertThat(later.archive()).isEqualTo(first.archive());
        assertThat(later.command("org.ipdesk.ui.Launcher", new String[0]))
                .contains("-XX:SharedArchiveFile=" + first.archive())
                .noneMatch(part -> part.startsWith("-XX:ArchiveClassesAtExit"));
    }

    @Test
    void aNewJarOrANewJavaGetsItsOwnArchive() throws IOException {
        Path before = plan("", jar.toString(), List.of()).orElseThrow().archive();
        Path otherJava = SharedClassArchive.plan("", jar.toString(), JAVA_HOME, List.of(), Optional.of(cache),
                "17.0.16+8").orElseThrow().archive();
        Files.writeString(jar, "a rebuilt jar, of another size");
        Path rebuilt = plan("", jar.toString(), List.of()).orElseThrow().archive();

        assertThat(List.of(before, otherJava, rebuilt)).doesNotHaveDuplicates();
    }

    @Test
    void startsInThisJvmWhenTheArchiveCannotHelp() throws IOException {
        assertThat(plan("off", jar.toString(), List.of())).as("switched off").isEmpty();
        assertThat(plan("", jar + java.io.File.pathSeparator + dir, List.of())).as("a class path, not a jar")
                .isEmpty();
        assertThat(plan("", dir.toString(), List.of())).as("classes in a folder (Maven, tests)").isEmpty();
        assertThat(plan("", dir.resolve("missing.jar").toString(), List.of())).as("no such jar").isEmpty();
        assertThat(plan("", jar.toString(), List.of("-XX:SharedArchiveFile=/opt/ipdesk/lib/ipdesk.jsa")))
                .as("the installed package's own archive").isEmpty();
        assertThat(plan("", jar.toString(), List.of("-Xshare:off"))).as("sharing off").isEmpty();
        assertThat(SharedClassArchive.plan("", jar.toString(), dir, List.of(), Optional.of(cache), "17"))
                .as("a runtime without bin/java, as jpackage trims it").isEmpty();
        assertThat(SharedClassArchive.plan("", jar.toString(), JAVA_HOME, List.of(), Optional.empty(), "17"))
                .as("no cache folder").isEmpty();
    }

    @Test
    void keepsTheArchiveInTheUsersCacheFolder() {
        Path home = Path.of("/home/alice");

        assertThat(SharedClassArchive.cacheFolder("Linux", Map.of(), home)).contains(home.resolve(".cache/ipdesk"));
        assertThat(SharedClassArchive.cacheFolder("Linux", Map.of("XDG_CACHE_HOME", "/var/cache/alice"), home))
                .contains(Path.of("/var/cache/alice/ipdesk"));
        assertThat(SharedClassArchive.cacheFolder("Linux", Map.of("XDG_CACHE_HOME", "relative"), home))
                .as("a relative XDG path is ignored, as the specification says")
                .contains(home.resolve(".cache/ipdesk"));
        assertThat(SharedClassArchive.cacheFolder("Mac OS X", Map.of(), home))
                .contains(home.resolve("Library/Caches/IPDesk"));
        assertThat(SharedClassArchive.cacheFolder("Windows 11", Map.of("LOCALAPPDATA", "C:\\Users\\alice\\AppData\\Local"),
                home)).isPresent();
        assertThat(SharedClassArchive.cacheFolder("Windows 11", Map.of(), home)).isEmpty();
    }

    @Test
    void keepsTheNewestArchivesAndNoLeftoverRecordings() throws IOException {
        Files.createDirectories(cache);
        List<Path> archives = new java.util.ArrayList<>();
        for (int age = 5; age >= 1; age--) {
            Path archive = Files.writeString(cache.resolve("classes-" + age + ".jsa"), "old");
            Files.setLastModifiedTime(archive, java.nio.file.attribute.FileTime.fromMillis(1_000_000L * (10 - age)));
            archives.add(archive);
        }
        Path killed = Files.writeString(cache.resolve("classes-abc-999999999.recording"), "half");
        Path running = Files.writeString(cache.resolve("classes-abc-" + ProcessHandle.current().pid()
                + ".recording"), "being written");
        Path current = Files.writeString(cache.resolve("classes-new.jsa"), "new");
        Files.setLastModifiedTime(current, java.nio.file.attribute.FileTime.fromMillis(0));
        Path unrelated = Files.writeString(cache.resolve("notes.txt"), "not ours");

        SharedClassArchive.forgetOldArchives(cache, current);

        try (var left = Files.list(cache)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("classes-new.jsa",
                    "classes-1.jsa", "classes-2.jsa", running.getFileName().toString(), "notes.txt");
        }
        assertThat(killed).doesNotExist();
        assertThat(unrelated).exists();
    }

    /** A jar as the build makes it: JavaFX's libraries at the top, SQLite's for this machine under org/sqlite. */
    private Path jarWithLibraries() throws IOException {
        Path built = dir.resolve("build").resolve("ipdesk.jar");
        Files.createDirectories(built.getParent());
        try (var zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(built))) {
            for (String name : List.of("libglass.so", "libprism_sw.so", "osxkeychain.so", "org/ipdesk/libnot.so",
                    NativeLibrary.resource().orElseThrow())) {
                zip.putNextEntry(new java.util.zip.ZipEntry(name));
                zip.write(("bytes of " + name).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return built;
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void theWindowsJvmFindsTheNativeLibrariesBesideALinkToTheJar() throws IOException {
        Path built = jarWithLibraries();

        SharedClassArchive.Plan first = plan("", built.toString(), List.of()).orElseThrow();

        Path natives = first.natives().orElseThrow();
        assertThat(natives.getParent()).isEqualTo(cache);
        try (var files = Files.list(natives)) {
            assertThat(files.map(file -> file.getFileName().toString())).as("JavaFX's, SQLite's and the link")
                    .containsExactlyInAnyOrder("libglass.so", "libprism_sw.so", "libsqlitejdbc.so", "ipdesk.jar");
        }
        assertThat(natives.resolve("libglass.so")).hasContent("bytes of libglass.so");
        assertThat(natives.resolve("libsqlitejdbc.so")).hasContent("bytes of " + NativeLibrary.resource().get());
        assertThat(Files.readSymbolicLink(natives.resolve("ipdesk.jar"))).isEqualTo(built.toAbsolutePath());
        assertThat(first.command("org.ipdesk.ui.Launcher", new String[0])).containsSubsequence(
                "-Dorg.sqlite.lib.path=" + natives, "-Dorg.sqlite.lib.name=libsqlitejdbc.so",
                "-cp", natives.resolve("ipdesk.jar").toString(), "org.ipdesk.ui.Launcher");

        Files.writeString(first.archive(), "recorded");
        SharedClassArchive.Plan later = plan("", built.toString(), List.of()).orElseThrow();
        assertThat(later.natives()).contains(natives);
        assertThat(later.archive()).isEqualTo(first.archive());
        assertThat(later.recording()).isEmpty();
        try (var files = Files.list(cache)) {
            assertThat(files.map(file -> file.getFileName().toString())).as("no partial folder left")
                    .noneMatch(name -> name.endsWith(".partial"));
        }
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void twoStartsOfANewJarAtOnceBothUseTheFolderTheFasterOneMade() throws IOException {
        Path built = jarWithLibraries();
        Path natives = cache.resolve("natives-samekey");
        // the other start's folder is in place by the time this one moves its own
        assertThat(NativeLibraries.unpack(built, cache, natives)).contains(natives);

        assertThat(NativeLibraries.unpack(built, cache, natives)).as("the slower start").contains(natives);

        assertThat(NativeLibraries.marker(natives)).as("no marker that would turn the folder off").doesNotExist();
        try (var files = Files.list(cache)) {
            assertThat(files.map(file -> file.getFileName().toString())).containsExactly("natives-samekey");
        }
        assertThat(natives.resolve("libglass.so")).hasContent("bytes of libglass.so");
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void withoutTheNativesFolderTheChildRunsTheJarWithItsOwnArchive() throws IOException {
        Path built = jarWithLibraries();
        SharedClassArchive.Plan linked = plan("", built.toString(), List.of()).orElseThrow();

        SharedClassArchive.Plan switchedOff = plan("nonatives", built.toString(), List.of()).orElseThrow();
        assertThat(switchedOff.natives()).isEmpty();
        assertThat(switchedOff.command("org.ipdesk.ui.Launcher", new String[0]))
                .containsSubsequence("-cp", built.toAbsolutePath().toString())
                .noneMatch(part -> part.startsWith("-Dorg.sqlite"));
        assertThat(switchedOff.archive()).as("an archive records its class path").isNotEqualTo(linked.archive());

        Files.delete(linked.natives().orElseThrow().resolve("ipdesk.jar"));
        assertThat(plan("", built.toString(), List.of()).orElseThrow().natives()).as("a folder without its link")
                .isEmpty();
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void aJarWithoutJavaFxLibrariesIsRunAsItIsAndNotUnpackedAgain() throws IOException {
        SharedClassArchive.Plan first = plan("", jar.toString(), List.of()).orElseThrow();

        assertThat(first.natives()).isEmpty();
        assertThat(first.command("org.ipdesk.ui.Launcher", new String[0])).containsSubsequence("-cp", jar.toString());
        try (var files = Files.list(cache)) {
            assertThat(files.map(file -> file.getFileName().toString()))
                    .as("no folder, only the marker that spares later starts the attempt")
                    .singleElement().satisfies(name -> assertThat(name).startsWith("natives-").endsWith(".none"));
        }
    }

    @Test
    void keepsTheNewestNativesFoldersAndNoLeftovers() throws IOException {
        Files.createDirectories(cache);
        Path outside = Files.writeString(dir.resolve("outside.jar"), "the jar a link points to");
        for (int age = 4; age >= 1; age--) {
            Path folder = Files.createDirectories(cache.resolve("natives-" + age));
            Files.writeString(folder.resolve("libglass.so"), "old");
            Files.createSymbolicLink(folder.resolve("ipdesk.jar"), outside);
            Files.setLastModifiedTime(folder, java.nio.file.attribute.FileTime.fromMillis(1_000_000L * (10 - age)));
        }
        Path current = Files.createDirectories(cache.resolve("natives-new"));
        Files.setLastModifiedTime(current, java.nio.file.attribute.FileTime.fromMillis(0));
        Path killed = Files.createDirectories(cache.resolve("natives-x-999999999.partial"));
        Files.writeString(killed.resolve("libglass.so"), "half");
        Path running = Files.createDirectories(cache.resolve("natives-x-" + ProcessHandle.current().pid()
                + ".partial"));
        Files.writeString(cache.resolve("natives-old.none"), "no libraries");
        Files.writeString(cache.resolve("classes-1.jsa"), "not a natives folder");

        NativeLibraries.forgetOld(cache, current, 3);

        try (var left = Files.list(cache)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("natives-new",
                    "natives-1", "natives-2", running.getFileName().toString(), "classes-1.jsa");
        }
        assertThat(outside).as("a link is removed, not followed").hasContent("the jar a link points to");
    }
}
