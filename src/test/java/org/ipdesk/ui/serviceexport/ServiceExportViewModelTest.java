package org.ipdesk.ui.serviceexport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ipdesk.address.Cidr;
import org.ipdesk.address.Ip;
import org.ipdesk.address.Mac;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.model.AddressDetails;
import org.ipdesk.model.AddressStatus;
import org.ipdesk.model.Subnet;
import org.ipdesk.service.ServiceScope;
import org.ipdesk.service.ServiceTarget;
import org.ipdesk.store.Location;
import org.ipdesk.ui.CurrentThreadTaskExecutor;
import org.ipdesk.ui.QueuedTaskExecutor;
import org.ipdesk.ui.SampleDatabase;
import org.ipdesk.ui.ScriptedDialogs;
import org.ipdesk.ui.TaskExecutor;
import org.ipdesk.ui.serviceexport.ServiceExportViewModel.DiffRow;
import org.ipdesk.ui.serviceexport.ServiceExportViewModel.ScopeChoice;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * File → Export to DHCP/DNS… without a window, on the sample database whose database servers (10.10.2.0/24) have
 * MACs and whose web tier (10.10.1.0/24) has none: the scopes offered from the selection, a check that lists problems
 * and the changes per file, Write refused while problems are listed unless "write anyway" is ticked, the files
 * written with what was shown, and refusals of a bad path as messages.
 */
class ServiceExportViewModelTest {
    private static final Mac DB1 = Mac.parse("52:54:00:00:02:01");

    @TempDir
    Path dir;

    private Allocator allocator;
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private final List<String> reported = new ArrayList<>();

    @BeforeEach
    void seed() {
        Path file = dir.resolve("sample.db");
        SampleDatabase.seed(file);
        allocator = Allocator.open(Location.of(file));
        Subnet databases = allocator.findSubnet(Cidr.parse("10.10.2.0/24"), Optional.of("dc1"));
        for (int i = 1; i <= 4; i++) {
            Ip ip = Ip.parse("10.10.2." + (i + 1));
            String host = allocator.address(databases.id(), ip).orElseThrow().details().hostname();
            allocator.update(databases.id(), ip, new AddressDetails(AddressStatus.ALLOCATED, host,
                    Optional.of(Mac.parse("52:54:00:00:02:0" + i)), "", ""));
        }
    }

    @AfterEach
    void close() {
        allocator.close();
    }

    private ServiceExportViewModel export(TaskExecutor tasks, String network, String cidr) {
        List<ScopeChoice> choices = ServiceExportViewModel.choices(Optional.ofNullable(network),
                Optional.ofNullable(cidr).map(Cidr::parse));
        return new ServiceExportViewModel(() -> allocator, tasks, dialogs, choices, choices.get(choices.size() - 1),
                () -> dir, reported::add);
    }

    private Path folder(String name) throws Exception {
        return Files.createDirectories(dir.resolve(name));
    }

    @Test
    void offersEverythingTheNetworkAndTheSubnetOfTheSelectionWithTheSelectionChosen() {
        ServiceExportViewModel export = export(new CurrentThreadTaskExecutor(), "dc1", "10.10.2.0/24");
        assertThat(export.scopes()).extracting(ScopeChoice::label).containsExactly("Everything (every network)",
                "Network dc1", "Subnet 10.10.2.0/24 in dc1");
        assertThat(export.scopeProperty().get().scope()).isEqualTo(ServiceScope.subnet("dc1",
                Cidr.parse("10.10.2.0/24")));
        assertThat(ServiceExportViewModel.choices(Optional.of("dc1"), Optional.empty()))
                .extracting(ScopeChoice::scope).containsExactly(ServiceScope.everything(), ServiceScope.network("dc1"));
        assertThat(export.targets()).containsExactly(ServiceTarget.values());
    }

    @Test
    void checksThenWritesTheFilesItShowedAndTheNextCheckFindsThemUnchanged() throws Exception {
        ServiceExportViewModel export = export(new CurrentThreadTaskExecutor(), "dc1", "10.10.2.0/24");
        Path kea = folder("kea");
        export.pathProperty().set(kea.toString());
        assertThat(export.canWriteProperty().get()).as("Write before a check").isFalse();

        export.check();

        assertThat(export.failedProperty().get()).as(export.messageProperty().get()).isFalse();
        assertThat(export.problems()).isEmpty();
        assertThat(export.problemSummaryProperty().get()).startsWith("No problems");
        List<DiffRow> files = export.diff().stream().filter(r -> r.kind() == DiffRow.Kind.FILE).toList();
        assertThat(files).hasSize(2);
        assertThat(files.get(0).text()).startsWith(kea.resolve("ipdesk-kea-dhcp4.json") + " \u2014 new file, ");
        assertThat(export.diff()).anyMatch(r -> r.kind() == DiffRow.Kind.ADDED && r.text().contains(DB1.toString()));
        assertThat(export.diff()).noneMatch(r -> r.kind() == DiffRow.Kind.REMOVED);
        assertThat(export.canWriteProperty().get()).isTrue();
        assertThat(kea.toFile().list()).as("nothing written by a check").isEmpty();

        export.write();

        String v4 = Files.readString(kea.resolve("ipdesk-kea-dhcp4.json"));
        assertThat(v4).contains(DB1.toString()).contains("10.10.2.2").doesNotContain("10.10.1.");
        assertThat(export.messageProperty().get()).startsWith("Wrote 2 files to " + kea + ": ipdesk-kea-dhcp4.json");
        assertThat(reported).containsExactly(export.messageProperty().get());
        assertThat(export.canWriteProperty().get()).as("Write again without a new check").isFalse();

        export.check();
        assertThat(export.diffSummaryProperty().get()).isEqualTo("Every file is the same as the one there now.");
        assertThat(export.diff()).allMatch(r -> r.kind() == DiffRow.Kind.FILE && r.text().endsWith("unchanged"));
    }

    @Test
    void theLinesShownAsAddedAreTheLinesWritten() throws Exception {
        ServiceExportViewModel export = export(new CurrentThreadTaskExecutor(), "dc1", "10.10.2.0/24");
        export.targetProperty().set(ServiceTarget.HOSTS);
        Path hosts = dir.resolve("hosts.ipdesk");
        export.pathProperty().set(hosts.toString());
        export.check();
        assertThat(export.diffSummaryProperty().get()).startsWith("1 file of 1 would change: hosts.ipdesk new file, ");
        List<String> added = export.diff().stream().filter(r -> r.kind() == DiffRow.Kind.ADDED)
                .map(r -> r.text().replaceFirst("^\\+ +[0-9]+  ", "")).toList();
        export.write();
        assertThat(Files.readAllLines(hosts)).containsExactlyElementsOf(added);
        assertThat(added).anyMatch(line -> line.startsWith("10.10.2.2") && line.contains("db-01"));
    }

    @Test
    void problemsRefuseTheWriteUntilWriteAnywayIsTickedThenTheRestIsWritten() throws Exception {
        ServiceExportViewModel export = export(new CurrentThreadTaskExecutor(), "dc1", "10.10.1.0/24");
        Path kea = folder("kea");
        export.pathProperty().set(kea.toString());
        export.check();

        assertThat(export.problems()).hasSize(12);
        assertThat(export.problems().get(0).kind()).isEqualTo("no MAC");
        assertThat(export.problems().get(0).address()).isEqualTo("10.10.1.2");
        assertThat(export.problems().get(0).message()).contains("10.10.1.2");
        assertThat(export.problemSummaryProperty().get()).startsWith("12 problems");

        export.write();
        assertThat(export.failedProperty().get()).isTrue();
        assertThat(export.messageProperty().get()).isEqualTo("Nothing was written: 12 problems listed. Fix them and "
                + "check again, or tick \u201cWrite anyway, leaving those entries out\u201d.");
        assertThat(kea.toFile().list()).isEmpty();
        assertThat(reported).isEmpty();

        export.writeAnywayProperty().set(true);
        export.write();
        assertThat(export.failedProperty().get()).as(export.messageProperty().get()).isFalse();
        assertThat(export.messageProperty().get()).endsWith("; the entries of 12 problems left out");
        assertThat(Files.readString(kea.resolve("ipdesk-kea-dhcp4.json"))).contains("10.10.1.0/24")
                .doesNotContain("10.10.1.2\"");
    }

    @Test
    void changingTheTargetScopeOrPathThrowsTheCheckAway() throws Exception {
        ServiceExportViewModel export = export(new CurrentThreadTaskExecutor(), "dc1", "10.10.2.0/24");
        export.pathProperty().set(folder("out").toString());
        export.check();
        assertThat(export.checkedProperty().get()).isTrue();
        export.targetProperty().set(ServiceTarget.DNSMASQ);
        assertThat(export.checkedProperty().get()).isFalse();
        assertThat(export.diff()).isEmpty();
        assertThat(export.canWriteProperty().get()).isFalse();

        export.check();
        assertThat(export.checkedProperty().get()).isTrue();
        export.scopeProperty().set(export.scopes().get(1));
        assertThat(export.canWriteProperty().get()).isFalse();

        export.check();
        export.pathProperty().set(folder("elsewhere").toString());
        assertThat(export.canWriteProperty().get()).isFalse();
        export.write();
        assertThat(dir.resolve("elsewhere").toFile().list()).isEmpty();
    }

    @Test
    void aBadPathIsRefusedWithAMessageNamingIt() throws Exception {
        ServiceExportViewModel export = export(new CurrentThreadTaskExecutor(), "dc1", "10.10.2.0/24");
        export.check();
        assertThat(export.failedProperty().get()).isTrue();
        assertThat(export.messageProperty().get()).isEqualTo("Give the folder to write, or choose it.");

        export.pathProperty().set("kea");
        export.check();
        assertThat(export.messageProperty().get()).isEqualTo("'kea' is not a whole path; give one that starts at the "
                + "top of the disk, or choose it.");

        Path missing = dir.resolve("missing");
        export.pathProperty().set(missing.toString());
        export.check();
        assertThat(export.failedProperty().get()).isTrue();
        assertThat(export.messageProperty().get()).startsWith("Cannot check: ").contains(missing.toString())
                .contains("does not exist");
        assertThat(export.checkedProperty().get()).isFalse();
        assertThat(missing).doesNotExist();

        export.targetProperty().set(ServiceTarget.HOSTS);
        export.pathProperty().set(folder("a-folder").toString());
        export.check();
        assertThat(export.failedProperty().get()).isTrue();
        assertThat(export.messageProperty().get()).startsWith("Cannot check: cannot write " + dir.resolve("a-folder"));
    }

    @Test
    void theOpenDatabaseAndADeviceAreNeverWrittenOver() throws Exception {
        ServiceExportViewModel export = export(new CurrentThreadTaskExecutor(), "dc1", "10.10.2.0/24");
        export.targetProperty().set(ServiceTarget.HOSTS);
        Path database = dir.resolve("sample.db");
        long size = Files.size(database);
        export.pathProperty().set(database.toString());
        export.check();
        assertThat(export.failedProperty().get()).isTrue();
        assertThat(export.messageProperty().get()).startsWith("Cannot check: cannot write " + database + ": ");
        assertThat(export.canWriteProperty().get()).isFalse();
        assertThat(Files.size(database)).isEqualTo(size);

        export.pathProperty().set("/dev/null");
        export.check();
        assertThat(export.failedProperty().get()).isTrue();
        assertThat(export.messageProperty().get()).startsWith("Cannot check: cannot write /dev/null: ");
    }

    @Test
    void theWorkRunsOnTheExecutorAndALateResultForOldChoicesIsDropped() throws Exception {
        QueuedTaskExecutor tasks = new QueuedTaskExecutor();
        ServiceExportViewModel export = export(tasks, "dc1", "10.10.2.0/24");
        export.pathProperty().set(folder("kea").toString());
        export.check();
        assertThat(export.busyProperty().get()).isTrue();
        assertThat(export.canCheckProperty().get()).isFalse();
        assertThat(export.messageProperty().get()).startsWith("Checking Kea DHCP");
        assertThat(tasks.pending()).isEqualTo(1);
        tasks.runAll();
        assertThat(export.busyProperty().get()).isFalse();
        assertThat(export.checkedProperty().get()).isTrue();

        export.check();
        export.targetProperty().set(ServiceTarget.HOSTS);
        tasks.runAll();
        assertThat(export.checkedProperty().get()).as("a check for Kea finished after HOSTS was chosen").isFalse();
        assertThat(export.diff()).isEmpty();
    }

    @Test
    void bindTakesTheZoneNameServerAndHostmasterShowsTheRulesAndCountsTheSerialUp() throws Exception {
        ServiceExportViewModel export = export(new CurrentThreadTaskExecutor(), "dc1", "10.10.2.0/24");
        Path zones = folder("zones");
        export.pathProperty().set(zones.toString());
        assertThat(export.bindProperty().get()).isFalse();
        export.targetProperty().set(ServiceTarget.BIND);
        assertThat(export.bindProperty().get()).isTrue();
        assertThat(export.zoneRulesProperty().get()).isEqualTo("Give the zone name to see how host names become "
                + "names in it.");

        export.check();
        assertThat(export.failedProperty().get()).isTrue();
        assertThat(export.messageProperty().get()).isEqualTo("Give the zone name (such as example.com) that the host "
                + "names go into.");

        export.zoneProperty().set("dc1.example.com");
        assertThat(export.zoneRulesProperty().get()).startsWith("\u2022 A host name without a dot is a name in the "
                + "zone: web-01 becomes web-01.dc1.example.com.");
        export.nameServerProperty().set("ns 1");
        export.check();
        assertThat(export.failedProperty().get()).isTrue();
        assertThat(export.messageProperty().get()).startsWith("Name server 'ns 1' is not a DNS name");

        export.nameServerProperty().set("ns1.example.com");
        export.hostmasterProperty().set("dns-admin@example.com");
        export.check();
        assertThat(export.failedProperty().get()).as(export.messageProperty().get()).isFalse();
        assertThat(export.problems()).isEmpty();
        assertThat(export.diff()).filteredOn(r -> r.kind() == DiffRow.Kind.FILE).extracting(DiffRow::text)
                .anyMatch(t -> t.startsWith(zones.resolve("dc1.example.com.zone") + " \u2014 new file"));
        export.write();
        String forward = Files.readString(zones.resolve("dc1.example.com.zone"));
        assertThat(forward).contains("ns1.example.com.").contains("dns-admin.example.com.").contains("db-01")
                .contains("10.10.2.2");

        // a second export of the same records: only the serials move on
        export.check();
        assertThat(export.diff()).filteredOn(r -> r.kind() == DiffRow.Kind.ADDED).isNotEmpty()
                .allMatch(r -> r.text().toLowerCase(java.util.Locale.ROOT).contains("serial")
                        || r.text().matches(".*\\b20[0-9]{8}\\b.*"));
    }

    @Test
    void theNextDialogStartsFromTheServerPathAndZoneWrittenLast() throws Exception {
        ServiceExportMemory memory = new ServiceExportMemory();
        List<ScopeChoice> choices = ServiceExportViewModel.choices(Optional.of("dc1"),
                Optional.of(Cidr.parse("10.10.2.0/24")));
        ServiceExportViewModel first = new ServiceExportViewModel(() -> allocator, new CurrentThreadTaskExecutor(),
                dialogs, choices, choices.get(2), () -> dir, reported::add, memory);
        Path hosts = dir.resolve("hosts.ipdesk");
        first.targetProperty().set(ServiceTarget.HOSTS);
        first.pathProperty().set(hosts.toString());
        first.check();
        ServiceExportViewModel unwritten = new ServiceExportViewModel(() -> allocator,
                new CurrentThreadTaskExecutor(), dialogs, choices, choices.get(2), () -> dir, reported::add, memory);
        assertThat(unwritten.targetProperty().get()).as("a check alone is not remembered").isEqualTo(ServiceTarget.KEA);
        assertThat(unwritten.pathProperty().get()).isEmpty();
        first.write();
        assertThat(first.messageProperty().get()).startsWith("Wrote 1 file to ");

        ServiceExportViewModel next = new ServiceExportViewModel(() -> allocator, new CurrentThreadTaskExecutor(),
                dialogs, choices, choices.get(2), () -> dir, reported::add, memory);
        assertThat(next.targetProperty().get()).isEqualTo(ServiceTarget.HOSTS);
        assertThat(next.pathProperty().get()).isEqualTo(hosts.toString());
        next.check();
        assertThat(next.diffSummaryProperty().get()).isEqualTo("Every file is the same as the one there now.");
        // another server: its own last path (none yet), and back again
        next.targetProperty().set(ServiceTarget.KEA);
        assertThat(next.pathProperty().get()).isEmpty();
        next.targetProperty().set(ServiceTarget.HOSTS);
        assertThat(next.pathProperty().get()).isEqualTo(hosts.toString());
        // a path the user typed stays when the server changes
        next.pathProperty().set(dir.resolve("mine").toString());
        next.targetProperty().set(ServiceTarget.DNSMASQ);
        assertThat(next.pathProperty().get()).isEqualTo(dir.resolve("mine").toString());
    }

    @Test
    void theChooserAsksForAFolderOrForTheHostsFile() {
        ServiceExportViewModel export = export(new CurrentThreadTaskExecutor(), null, null);
        dialogs.files.add(dir.resolve("kea-out"));
        export.choosePath();
        assertThat(export.pathProperty().get()).isEqualTo(dir.resolve("kea-out").toString());
        export.targetProperty().set(ServiceTarget.HOSTS);
        dialogs.files.add(dir.resolve("hosts.ipdesk"));
        export.choosePath();
        assertThat(export.pathProperty().get()).isEqualTo(dir.resolve("hosts.ipdesk").toString());
        assertThat(dialogs.asked).containsExactly("Folder for the Kea DHCP (DHCPv4 and DHCPv6) files",
                "File to write the /etc/hosts lines to");
    }
}
