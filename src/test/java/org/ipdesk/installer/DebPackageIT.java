package org.ipdesk.installer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.ipdesk.ui.App;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Debian package that {@code mvn verify} builds with jpackage (profile {@code deb-check} in pom.xml): what it
 * holds, and that it installs with {@code dpkg -i}, gives a working {@code ipdesk} command, keeps its data in the
 * user's data folder and not in the installation, and goes away again with {@code dpkg -r}.
 *
 * <p>The install needs root (as CI has). Elsewhere, or where the package's dependencies are not installed, that
 * test is skipped with the reason, except under {@code CI=true}, where it fails instead.
 */
class DebPackageIT {

    private static final Path INSTALL = Path.of("/opt/ipdesk");
    private static final Path COMMAND = Path.of("/usr/bin/ipdesk");
    private static final Path MENU_ENTRY = Path.of("/usr/share/applications/ipdesk-ipdesk.desktop");

    @TempDir
    static Path work;

    private static Path deb;
    private static boolean installedHere;

    @BeforeAll
    static void findThePackage() throws IOException {
        Path dir = Path.of(System.getProperty("ipdesk.installer.dir", "target/installer"));
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> debs = files.filter(f -> f.getFileName().toString().matches("ipdesk_.*_amd64\\.deb")).toList();
            assertThat(debs).as("the .deb jpackage built in %s", dir).hasSize(1);
            deb = debs.get(0);
        }
    }

    @AfterAll
    static void removeIfStillInstalled() throws Exception {
        if (installedHere && isInstalled()) {
            run(List.of("dpkg", "-r", "ipdesk"), Map.of());
        }
    }

    @Test
    void thePackageHoldsTheLauncherTheMenuEntryTheIconAndItsOwnRuntime() throws Exception {
        Map<String, String> control = fields(run(List.of("dpkg-deb", "--field", deb.toString()), Map.of()).output);
        assertThat(control).containsEntry("Package", "ipdesk").containsEntry("Section", "net")
                .containsEntry("Architecture", "amd64").containsEntry("Recommends", "libgtk-3-0");
        assertThat(control.get("Version")).startsWith(System.getProperty("ipdesk.version.numeric", "") + "-1");
        assertThat(control.get("Description")).contains("IP address manager");
        assertThat(control.get("Depends")).contains("xdg-utils").contains("libc6").doesNotContain("openjdk");

        String contents = run(List.of("dpkg-deb", "--contents", deb.toString()), Map.of()).output;
        assertThat(contents).containsPattern("-rwxr-xr-x .* \\./opt/ipdesk/bin/ipdesk\\n")
                .contains("./opt/ipdesk/lib/ipdesk-ipdesk.desktop", "./opt/ipdesk/lib/ipdesk.png",
                        "./opt/ipdesk/lib/app/ipdesk.jar", "./opt/ipdesk/lib/app/monocle.jar",
                        "./opt/ipdesk/lib/runtime/lib/server/libjvm.so", "./opt/ipdesk/lib/runtime/lib/server/classes.jsa",
                        "./opt/ipdesk/lib/runtime/lib/modules");

        Path root = work.resolve("extracted");
        run(List.of("dpkg-deb", "--extract", deb.toString(), root.toString()), Map.of());
        Map<String, String> desktop = fields(Files.readString(root.resolve("opt/ipdesk/lib/ipdesk-ipdesk.desktop")));
        assertThat(desktop).containsEntry("Type", "Application").containsEntry("Name", "IPDesk")
                .containsEntry("Exec", "/opt/ipdesk/bin/ipdesk").containsEntry("Icon", "/opt/ipdesk/lib/ipdesk.png")
                .containsEntry("Terminal", "false").containsEntry("StartupWMClass", App.class.getName());
        assertThat(desktop.get("Categories").split(";")).contains("Network");
        assertThat(root.resolve("opt/ipdesk/lib/ipdesk.png")).as("the menu icon is the application icon")
                .hasSameBinaryContentAs(Path.of(System.getProperty("ipdesk.icon", "icons/ipdesk-256.png")));

        // the runtime is Java 17 with the modules the application needs, not a whole JDK
        Map<String, String> release = fields(Files.readString(root.resolve("opt/ipdesk/lib/runtime/release")));
        assertThat(release.get("JAVA_VERSION")).startsWith("\"17.");
        assertThat(release.get("MODULES")).contains("java.sql", "java.desktop", "jdk.unsupported", "jdk.localedata")
                .doesNotContain("jdk.compiler", "java.rmi");

        Path scripts = work.resolve("control");
        run(List.of("dpkg-deb", "--control", deb.toString(), scripts.toString()), Map.of());
        assertThat(Files.readString(scripts.resolve("postinst")))
                .contains("xdg-desktop-menu install /opt/ipdesk/lib/ipdesk-ipdesk.desktop")
                .contains("ln -sf /opt/ipdesk/bin/ipdesk /usr/bin/ipdesk")
                .contains("-XX:ArchiveClassesAtExit=\"$app/ipdesk.jsa\"");
        assertThat(Files.readString(scripts.resolve("prerm")))
                .contains("xdg-desktop-menu uninstall /opt/ipdesk/lib/ipdesk-ipdesk.desktop")
                .contains("rm -f /usr/bin/ipdesk").contains("rm -f /opt/ipdesk/lib/app/ipdesk.jsa");
    }

    @Test
    void installsWithDpkgRunsTheCommandLineKeepsDataInTheUsersFolderAndRemovesCleanly() throws Exception {
        requireForInstall("root (dpkg -i installs into /opt and /usr)", "0".equals(run(List.of("id", "-u"), Map.of()).output.trim()));
        requireForInstall("no ipdesk package installed before the test (it would be replaced and removed)", !isInstalled());
        List<String> missing = missingDependencies();
        requireForInstall("the package's dependencies installed (missing: " + missing + ")", missing.isEmpty());

        // 1. this machine as it is: on a server without a desktop menu the program still installs
        Result install = run(List.of("dpkg", "-i", deb.toString()), Map.of());
        installedHere = true;
        assertThat(install.code).as("dpkg -i:\n%s", install.output).isZero();
        assertThat(isInstalled()).isTrue();
        if (hasDesktopMenu(Path.of("/usr/share")) || hasDesktopMenu(Path.of("/usr/local/share"))) {
            assertThat(MENU_ENTRY).as("the menu entry xdg-desktop-menu installed").exists();
        } else {
            assertThat(install.output).contains("this system has no desktop menu; installed without a menu entry");
        }
        // the class-data archive postinst records by starting the window once, headless
        assertThat(install.output).doesNotContain("could not record the start-up archive");
        assertThat(INSTALL.resolve("lib/app/ipdesk.jsa")).as("the start-up archive").isRegularFile();
        assertThat(Files.readString(INSTALL.resolve("lib/app/ipdesk.cfg")))
                .containsOnlyOnce("java-options=-XX:SharedArchiveFile=$APPDIR/ipdesk.jsa");
        Result mapped = run(List.of("ipdesk", "calc", "10.0.0.0/30"), Map.of("JAVA_TOOL_OPTIONS", "-Xlog:cds=info"));
        assertThat(mapped.output).as("the launcher maps the archive").contains("Mapped dynamic region");
        assertThat(COMMAND).as("the command for shells and scripts").isSymbolicLink();
        assertThat(Files.readSymbolicLink(COMMAND)).isEqualTo(INSTALL.resolve("bin/ipdesk"));

        Result calc = run(List.of("ipdesk", "calc", "10.0.0.0/24"), Map.of());
        assertThat(calc.code).as(calc.output).isZero();
        assertThat(calc.output).containsPattern("Netmask:\\s+255\\.255\\.255\\.0")
                .containsPattern("Broadcast:\\s+10\\.0\\.0\\.255").containsPattern("Usable:\\s+254");
        Result refused = run(List.of("ipdesk", "calc", "10.0.0.0/33"), Map.of());
        assertThat(refused.code).as("a refused command's exit code reaches the shell").isEqualTo(1);
        assertThat(refused.output).contains("prefix length must be at most 32");

        // the installed application writes into the user's data folder, never into /opt/ipdesk
        Map<Path, String> before = listing(INSTALL);
        Path dataHome = Files.createDirectories(work.resolve("home/.local/share"));
        Map<String, String> user = Map.of("XDG_DATA_HOME", dataHome.toString());
        Result add = run(List.of("ipdesk", "network", "add", "lab"), user);
        assertThat(add.code).as(add.output).isZero();
        Path database = dataHome.resolve("ipdesk/ipdesk.db");
        assertThat(database).as("the default database in the user's data folder").isRegularFile();
        Result list = run(List.of("ipdesk", "network", "list"), user);
        assertThat(list.output).contains("lab");
        assertThat(listing(INSTALL)).as("nothing in the installation changed").isEqualTo(before);

        Result remove = run(List.of("dpkg", "-r", "ipdesk"), Map.of());
        assertThat(remove.code).as("dpkg -r:\n%s", remove.output).isZero();
        assertThat(isInstalled()).isFalse();
        assertThat(INSTALL).doesNotExist();
        assertThat(COMMAND).doesNotExist();
        assertThat(MENU_ENTRY).doesNotExist();
        assertThat(database).as("removing the program keeps the user's data").isRegularFile();

        // 2. a desktop system (menu folders under XDG_DATA_DIRS, which dpkg passes to the package's scripts):
        // the entry appears in its applications folder and goes away with the package
        Path share = work.resolve("desktop/share");
        Files.createDirectories(share.resolve("applications"));
        Files.createDirectories(share.resolve("desktop-directories"));
        Map<String, String> desktop = Map.of("XDG_DATA_DIRS", share.toString());
        Result desktopInstall = run(List.of("dpkg", "-i", deb.toString()), desktop);
        assertThat(desktopInstall.code).as("dpkg -i:\n%s", desktopInstall.output).isZero();
        Path entry = share.resolve("applications/ipdesk-ipdesk.desktop");
        assertThat(entry).as("the menu entry").exists();
        assertThat(fields(Files.readString(entry))).containsEntry("Name", "IPDesk")
                .containsEntry("Exec", "/opt/ipdesk/bin/ipdesk");
        Result desktopRemove = run(List.of("dpkg", "--purge", "ipdesk"), desktop);
        assertThat(desktopRemove.code).as("dpkg -r:\n%s", desktopRemove.output).isZero();
        assertThat(entry).as("the menu entry after dpkg -r").doesNotExist();
        assertThat(INSTALL).doesNotExist();
    }

    private static boolean hasDesktopMenu(Path share) {
        return Files.isWritable(share.resolve("desktop-directories")) && Files.isWritable(share.resolve("applications"));
    }

    // ================================================================= helpers

    /** Skips the install test for a reason outside the project, except on CI, where it must run. */
    private static void requireForInstall(String what, boolean holds) {
        if (holds) {
            return;
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail("the .deb install check needs " + what + "; .ci/run prepares that on CI");
        }
        Assumptions.abort("install check skipped: it needs " + what);
    }

    private static boolean isInstalled() throws Exception {
        Result status = run(List.of("dpkg-query", "--show", "--showformat=${Status}", "ipdesk"), Map.of());
        return status.code == 0 && status.output.contains("install ok installed");
    }

    /** The packages of the .deb's Depends line that this machine does not have. */
    private static List<String> missingDependencies() throws Exception {
        String depends = run(List.of("dpkg-deb", "--field", deb.toString(), "Depends"), Map.of()).output;
        List<String> missing = new ArrayList<>();
        for (String dependency : depends.split(",")) {
            String name = dependency.trim().split("[ (]")[0];
            if (!name.isEmpty()) {
                Result status = run(List.of("dpkg-query", "--show", "--showformat=${Status}", name), Map.of());
                if (status.code != 0 || !status.output.contains("install ok installed")) {
                    missing.add(name);
                }
            }
        }
        return missing;
    }

    /** Every file below {@code dir} with its size and modification time. */
    private static Map<Path, String> listing(Path dir) throws IOException {
        Map<Path, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path file : walk.toList()) {
                files.put(dir.relativize(file), Files.isDirectory(file) ? "dir"
                        : Files.size(file) + " " + Files.getLastModifiedTime(file));
            }
        }
        return files;
    }

    /** {@code Key: value} or {@code Key=value} lines (a control file, a .desktop file, a release file). */
    private static Map<String, String> fields(String text) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            int colon = line.indexOf(':');
            int equals = line.indexOf('=');
            int at = colon < 0 ? equals : equals < 0 ? colon : Math.min(colon, equals);
            if (at > 0 && !line.startsWith(" ") && !line.startsWith("[")) {
                fields.putIfAbsent(line.substring(0, at).trim(), line.substring(at + 1).trim());
            }
        }
        return fields;
    }

    private record Result(int code, String output) {
    }

    /** Runs a command (standard error merged into the output) and waits for it, at most two minutes. */
    private static Result run(List<String> command, Map<String, String> environment) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        builder.environment().putAll(environment);
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            fail("timed out: " + String.join(" ", command));
        }
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }
}
