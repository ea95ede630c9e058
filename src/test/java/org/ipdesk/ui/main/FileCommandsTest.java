package org.ipdesk.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.store.ContentSnapshot;
import org.ipdesk.store.Database;
import org.ipdesk.store.Location;
import org.ipdesk.store.OpenMode;
import org.ipdesk.store.WithoutBackup;
import org.ipdesk.ui.CancellingDialogs;
import org.ipdesk.ui.CurrentThreadTaskExecutor;
import org.ipdesk.ui.SampleDatabase;
import org.ipdesk.ui.ScriptedDialogs;
import org.ipdesk.ui.copy.CopyDatabaseViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The File commands on their own: exports report in the status line; cancelled choosers do nothing; back up and restore
 * ask the engine whether it has a backup before they ask for a file, and a database without one is backed up by a copy.
 */
class FileCommandsTest {

    @TempDir
    Path dir;

    private Allocator allocator;

    @AfterEach
    void close() {
        if (allocator != null) {
            allocator.close();
        }
    }

    @Test
    void exportsWriteTheFileAndSaySoAndCancelledChoosersDoNothing() {
        Path file = dir.resolve("sample.db");
        SampleDatabase.seed(file);
        allocator = Allocator.open(Location.of(file));
        StatusLine status = new StatusLine();
        List<Path> opened = new ArrayList<>();
        FileCommands files = new FileCommands(() -> allocator, new CurrentThreadTaskExecutor(),
                new CancellingDialogs(), new SelectionState(), status, () -> Location.of(file), () -> dir, opened::add);

        Path addresses = dir.resolve("addresses.csv");
        files.exportAddresses(addresses);
        assertThat(addresses).exists();
        assertThat(status.lastOperationProperty().get()).isEqualTo("Exported 45 addresses to " + addresses);

        Path database = dir.resolve("database.csv");
        files.exportDatabase(database);
        assertThat(database).exists();
        assertThat(status.lastOperationProperty().get()).startsWith("Exported the database (").endsWith(") to " + database);

        files.backUp();
        files.restore();
        assertThat(opened).isEmpty();
        assertThat(status.lastOperationFailedProperty().get()).isFalse();
    }

    @Test
    void exportAddressesSaysWhatItExportsAndProposesANameAfterIt() {
        Path file = dir.resolve("sample.db");
        SampleDatabase.seed(file);
        allocator = Allocator.open(Location.of(file));
        SelectionState selection = new SelectionState();
        FileCommands files = new FileCommands(() -> allocator, new CurrentThreadTaskExecutor(),
                new CancellingDialogs(), selection, new StatusLine(), () -> Location.of(file), () -> dir, path -> { });

        assertThat(files.exportAddressesTitle()).isEqualTo("Export the addresses of every network");
        assertThat(files.exportAddressesFileName()).isEqualTo("addresses.csv");

        org.ipdesk.model.Subnet subnet = allocator.subnets().stream()
                .filter(s -> s.cidr().version() == org.ipdesk.address.IpVersion.V4)
                .filter(s -> s.parentId().isEmpty()).findFirst().orElseThrow();
        org.ipdesk.model.Network network = allocator.network(subnet.networkName());
        selection.set(new TreeRow(TreeRow.Kind.SUBNET, subnet.cidr().toString(), subnet.name(), "", "", "", 0,
                network, java.util.Optional.of(subnet), List.of()));
        assertThat(files.exportAddressesTitle()).startsWith("Export the addresses of " + subnet.cidr())
                .contains(" in " + network.name());
        assertThat(files.exportAddressesFileName())
                .isEqualTo(subnet.cidr().toString().replace('/', '_') + "-addresses.csv");

        selection.set(new TreeRow(TreeRow.Kind.NETWORK, network.name(), "", "", "", "", 0, network,
                java.util.Optional.empty(), List.of()));
        assertThat(files.exportAddressesTitle()).isEqualTo("Export the addresses of network " + network.name());
        assertThat(files.exportAddressesFileName()).isEqualTo(network.name() + "-addresses.csv");

        org.ipdesk.model.Subnet v6 = allocator.subnets().stream()
                .filter(s -> s.cidr().version() == org.ipdesk.address.IpVersion.V6).findFirst().orElseThrow();
        selection.set(new TreeRow(TreeRow.Kind.SUBNET, v6.cidr().toString(), v6.name(), "", "", "", 0,
                allocator.network(v6.networkName()), java.util.Optional.of(v6), List.of()));
        assertThat(files.exportAddressesFileName()).doesNotContain(":", "/").endsWith("-addresses.csv");
    }

    @Test
    void backUpAndRestoreAskTheEngineFirst() {
        Path file = dir.resolve("sample.db");
        SampleDatabase.seed(file);
        allocator = Allocator.open(Location.of(file));
        StatusLine status = new StatusLine();
        ScriptedDialogs dialogs = new ScriptedDialogs();
        List<Path> opened = new ArrayList<>();
        FileCommands files = new FileCommands(() -> allocator, new CurrentThreadTaskExecutor(), dialogs,
                new SelectionState(), status, () -> Location.of(file), () -> dir, opened::add);

        Path copy = dir.resolve("copy.db");
        dialogs.files.add(copy);
        files.backUp();
        assertThat(status.lastOperationProperty().get()).isEqualTo("Backed up " + file + " to " + copy);
        try (Allocator restored = Allocator.open(Location.of(copy), OpenMode.EXISTING)) {
            assertThat(restored.addressCount()).isEqualTo(allocator.addressCount());
        }

        dialogs.files.add(copy);
        dialogs.answer = true;
        files.restore();
        assertThat(opened).containsExactly(copy);
    }

    @Test
    void anEngineWithoutBackupIsBackedUpThroughACopyThatOpensAsADatabaseFile() {
        Path file = dir.resolve("sample.db");
        SampleDatabase.seed(file);
        allocator = new Allocator(new WithoutBackup(Database.open(Location.of(file), OpenMode.EXISTING)),
                Clock.systemUTC(), "tester", new Random(1));
        assertThat(allocator.backup()).isEmpty();
        StatusLine status = new StatusLine();
        ScriptedDialogs dialogs = new ScriptedDialogs();
        dialogs.answer = true;
        Path copy = dir.resolve("team-backup.db");
        dialogs.files.add(copy);
        List<Path> opened = new ArrayList<>();
        FileCommands files = new FileCommands(() -> allocator, new CurrentThreadTaskExecutor(), dialogs,
                new SelectionState(), status, () -> Location.of(file), () -> dir, opened::add);
        List<CopyDatabaseViewModel> shown = new ArrayList<>();
        files.setOnCopyWindow(shown::add);

        files.backUp();
        assertThat(dialogs.files).as("the file was asked for").isEmpty();
        assertThat(shown).as("the copy window shows the copy").hasSize(1);
        CopyDatabaseViewModel window = shown.get(0);
        assertThat(window.title()).isEqualTo("Back up to a database file");
        assertThat(window.summaryProperty().get()).startsWith("Copied 2 networks, 7 subnets, 1 range, 45 addresses and ")
                .endsWith(" changes to " + copy);
        assertThat(status.lastOperationFailedProperty().get()).isFalse();
        assertThat(status.lastOperationProperty().get()).isEqualTo("Backed up " + file + " to " + copy
                + " (a copy of the whole database)");
        assertThat(ContentSnapshot.records(copy)).isEqualTo(ContentSnapshot.records(file));
        try (Allocator backup = Allocator.open(Location.of(copy), OpenMode.EXISTING)) {
            assertThat(backup.addressCount()).isEqualTo(45);
            assertThat(backup.backup()).as("the backup is a plain database file").isPresent();
        }

        dialogs.files.add(copy);
        files.backUp();
        assertThat(status.lastOperationFailedProperty().get()).isTrue();
        assertThat(status.lastOperationProperty().get()).startsWith("Cannot back up to " + copy
                + ": Nothing was copied: cannot copy to " + copy + ": it already holds 2 networks");

        dialogs.files.add(copy);
        files.restore();
        assertThat(status.lastOperationProperty().get()).isEqualTo("Cannot restore a backup: IPDesk has no backup for "
                + file + ": this kind of database cannot be copied to a file");
        assertThat(dialogs.files).containsExactly(copy);
        assertThat(dialogs.asked).isEmpty();
        assertThat(opened).isEmpty();
    }
}

