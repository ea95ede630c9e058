package org.ipdesk.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.model.AddressStatus;
import org.ipdesk.model.Subnet;
import org.ipdesk.store.Location;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the files go, what the diff against the last export says, and what is never replaced. */
class ServiceFilesTest {
    @TempDir
    Path dir;

    private Path db;

    @BeforeEach
    void data() throws Exception {
        db = ServiceTestData.create(dir.resolve("lab.db"));
    }

    private ServiceOutput prepare(ServiceTarget target) {
        try (Allocator allocator = Allocator.open(Location.of(db))) {
            return ServiceExports.prepare(allocator, target, ServiceScope.network("lab"), ServiceOptions.defaults());
        }
    }

    @Test
    void hostsIsOneFileAtThePathGiven() throws Exception {
        ServiceOutput hosts = prepare(ServiceTarget.HOSTS);
        Path file = dir.resolve("hosts.ipdesk");
        assertThat(ServiceExports.write(hosts, file)).containsExactly(file);
        assertThat(Files.readString(file)).isEqualTo(hosts.files().get(0).content())
                .startsWith("# Host names of network lab, written by IPDesk.\n10.1.0.10\tweb-01\n");
        assertThat(Files.list(dir).filter(p -> p.getFileName().toString().endsWith(".part"))).isEmpty();
    }

    @Test
    void aReplacedFileKeepsItsPermissionsAndANewOneIsReadableByTheServer() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("dnsmasq"));
        Path hosts = Files.writeString(folder.resolve("ipdesk-dhcp-hosts"), "old\n");
        Files.setPosixFilePermissions(hosts, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r-----"));
        ServiceExports.write(prepare(ServiceTarget.DNSMASQ), folder);
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(hosts)))
                .isEqualTo("rw-r-----");
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(folder.resolve("ipdesk-dnsmasq.conf")))).isEqualTo("rw-r--r--");
        assertThat(Files.readString(hosts)).contains("02:00:00:00:01:10,10.1.0.10,web-01");
    }

    /** Runs where the tests may hand a file to another group (as root): the server's group keeps reading it. */
    @Test
    void aReplacedFileKeepsItsGroup() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue("root".equals(System.getProperty("user.name")),
                "only root may give a file to a group it is not in");
        Path file = Files.writeString(dir.resolve("hosts.ipdesk"), "old\n");
        var groups = file.getFileSystem().getUserPrincipalLookupService();
        var daemon = groups.lookupPrincipalByGroupName("daemon");
        Files.getFileAttributeView(file, java.nio.file.attribute.PosixFileAttributeView.class).setGroup(daemon);
        ServiceExports.write(prepare(ServiceTarget.HOSTS), file);
        assertThat(Files.readAttributes(file, java.nio.file.attribute.PosixFileAttributes.class).group())
                .isEqualTo(daemon);
        assertThat(Files.readString(file)).contains("web-01");
    }

    @Test
    void keaWritesTwoFilesIntoAFolder() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("kea"));
        List<Path> written = ServiceExports.write(prepare(ServiceTarget.KEA), folder);
        assertThat(written).containsExactly(folder.resolve("ipdesk-kea-dhcp4.json"), folder.resolve("ipdesk-kea-dhcp6.json"));
        try (var files = Files.list(folder)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted())
                    .containsExactly("ipdesk-kea-dhcp4.json", "ipdesk-kea-dhcp6.json");
        }
    }

    @Test
    void aFolderTargetMustBeAnExistingFolder() throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        assertThatThrownBy(() -> ServiceExports.write(prepare(ServiceTarget.DHCPD), file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot write " + file + ": it is not a folder (dhcpd writes 2 files into a folder)");
        Path missing = dir.resolve("missing");
        assertThatThrownBy(() -> ServiceExports.write(prepare(ServiceTarget.DHCPD), missing))
                .hasMessageContaining("does not exist; create it first");
        assertThat(Files.readString(file)).isEqualTo("x");
    }

    @Test
    void aFileTargetIsNeverAFolderADeviceOrADatabase() throws Exception {
        ServiceOutput hosts = prepare(ServiceTarget.HOSTS);
        assertThatThrownBy(() -> ServiceExports.write(hosts, dir)).hasMessageContaining("it is a folder");
        assertThatThrownBy(() -> ServiceExports.write(hosts, Path.of("/dev/null")))
                .hasMessageContaining("not a regular file");
        assertThatThrownBy(() -> ServiceExports.write(hosts, db)).hasMessageContaining("SQLite database");
        assertThatThrownBy(() -> ServiceExports.diff(hosts, Path.of("/dev/zero")))
                .hasMessageContaining("not a regular file");
    }

    @Test
    void whenOneFileCannotBeReplacedNoneIs() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("kea"));
        Files.writeString(folder.resolve("ipdesk-kea-dhcp4.json"), "old v4\n");
        // the v6 file's place is taken by a folder: refused before anything is written
        Files.createDirectory(folder.resolve("ipdesk-kea-dhcp6.json"));
        assertThatThrownBy(() -> ServiceExports.write(prepare(ServiceTarget.KEA), folder))
                .hasMessageContaining("ipdesk-kea-dhcp6.json").hasMessageContaining("folder");
        assertThat(Files.readString(folder.resolve("ipdesk-kea-dhcp4.json"))).isEqualTo("old v4\n");
        try (var files = Files.list(folder)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("ipdesk-kea-dhcp4.json", "ipdesk-kea-dhcp6.json");
        }
    }

    @Test
    void aMoveThatFailsHalfWayPutsTheFilesAlreadyMovedBack() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("dhcpd"));
        Path v4 = Files.writeString(folder.resolve("ipdesk-dhcpd.conf"), "old v4\n");
        ServiceOutput output = prepare(ServiceTarget.DHCPD);
        IOException failure = new IOException("disk full");
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> ServiceExports.write(output, folder,
                (temporary, place) -> {
                    if (place.getFileName().toString().equals("ipdesk-dhcpd6.conf")) {
                        throw failure;
                    }
                    java.nio.file.Files.move(temporary, place, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }));
        assertThat(thrown).isSameAs(failure);
        assertThat(Files.readString(v4)).isEqualTo("old v4\n");
        try (var files = Files.list(folder)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("ipdesk-dhcpd.conf");
        }
        // and the other way round: a new first file is removed again
        Files.delete(v4);
        Files.writeString(folder.resolve("ipdesk-dhcpd6.conf"), "old v6\n");
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> ServiceExports.write(output, folder,
                (temporary, place) -> {
                    if (place.getFileName().toString().equals("ipdesk-dhcpd6.conf")) {
                        throw failure;
                    }
                    java.nio.file.Files.move(temporary, place);
                }))).isSameAs(failure);
        try (var files = Files.list(folder)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("ipdesk-dhcpd6.conf");
        }
        assertThat(Files.readString(folder.resolve("ipdesk-dhcpd6.conf"))).isEqualTo("old v6\n");
    }

    @Test
    void diffAgainstNothingIsAllAdded() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("dnsmasq"));
        ServiceOutput output = prepare(ServiceTarget.DNSMASQ);
        List<ServiceDiff> diffs = ServiceExports.diff(output, folder);
        assertThat(diffs).extracting(ServiceDiff::name).containsExactly("ipdesk-dhcp-hosts", "ipdesk-dnsmasq.conf");
        ServiceDiff hosts = diffs.get(0);
        int lines = output.files().get(0).content().split("\n").length;
        assertThat(hosts.exists()).isFalse();
        assertThat(hosts.added()).isEqualTo(lines);
        assertThat(hosts.describe()).isEqualTo("new file, " + lines + " lines");
    }

    @Test
    void diffAgainstTheLastExportCountsAddedRemovedAndChangedLines() throws Exception {
        Path file = dir.resolve("hosts.ipdesk");
        ServiceExports.write(prepare(ServiceTarget.HOSTS), file);
        assertThat(ServiceExports.diff(prepare(ServiceTarget.HOSTS), file).get(0).unchanged()).isTrue();
        try (Allocator allocator = Allocator.open(Location.of(db))) {
            Subnet v4 = allocator.findSubnet(ServiceTestData.V4, java.util.Optional.empty());
            ServiceTestData.hold(allocator, v4, "10.1.0.40", AddressStatus.ALLOCATED, "new-01", null);
            allocator.release(v4.id(), ServiceTestData.ip("10.1.0.20"));
            allocator.update(v4.id(), ServiceTestData.ip("10.1.0.11"), new org.ipdesk.model.AddressDetails(
                    AddressStatus.RESERVED, "db-02", java.util.Optional.empty(), "", ""));
        }
        ServiceDiff diff = ServiceExports.diff(prepare(ServiceTarget.HOSTS), file).get(0);
        assertThat(diff.exists()).isTrue();
        assertThat(diff.changed()).isEqualTo(1);
        assertThat(diff.added()).isEqualTo(1);
        assertThat(diff.removed()).isEqualTo(1);
        assertThat(diff.describe()).isEqualTo("1 line added, 1 removed, 1 changed");
        // as in a unified diff, a hunk lists its removed lines before its added ones
        assertThat(diff.lines()).extracting(ServiceDiff.Line::kind, ServiceDiff.Line::text).containsExactly(
                org.assertj.core.groups.Tuple.tuple(ServiceDiff.Kind.REMOVED, "10.1.0.11\tdb-01.lab.example"),
                org.assertj.core.groups.Tuple.tuple(ServiceDiff.Kind.REMOVED, "10.1.0.20\tprinter"),
                org.assertj.core.groups.Tuple.tuple(ServiceDiff.Kind.ADDED, "10.1.0.11\tdb-02"),
                org.assertj.core.groups.Tuple.tuple(ServiceDiff.Kind.ADDED, "10.1.0.40\tnew-01"));
    }

    @Test
    void aLargeMiddleIsStillCountedWhole() {
        List<String> before = java.util.stream.IntStream.range(0, 3000).mapToObj(i -> "a" + i).toList();
        List<String> after = java.util.stream.IntStream.range(0, 3500).mapToObj(i -> "b" + i).toList();
        ServiceDiff diff = LineDiff.diff("f", Path.of("f"), true, before, after);
        assertThat(diff.changed()).isEqualTo(3000);
        assertThat(diff.added()).isEqualTo(500);
        assertThat(diff.removed()).isZero();
    }
}
