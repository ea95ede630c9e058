package org.ipdesk.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.ui.CancellingDialogs;
import org.ipdesk.ui.CurrentThreadTaskExecutor;
import org.ipdesk.ui.SampleDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The File commands on their own: exports report in the status line; cancelled choosers do nothing. */
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
        allocator = Allocator.open(file);
        StatusLine status = new StatusLine();
        List<Path> opened = new ArrayList<>();
        FileCommands files = new FileCommands(() -> allocator, new CurrentThreadTaskExecutor(),
                new CancellingDialogs(), new SelectionState(), status, () -> file, () -> dir, opened::add);

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
        allocator = Allocator.open(file);
        SelectionState selection = new SelectionState();
        FileCommands files = new FileCommands(() -> allocator, new CurrentThreadTaskExecutor(),
                new CancellingDialogs(), selection, new StatusLine(), () -> file, () -> dir, path -> { });

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
}

