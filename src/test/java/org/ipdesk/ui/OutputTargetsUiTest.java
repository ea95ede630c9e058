package org.ipdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.report.ReportFormat;
import org.ipdesk.store.ContentSnapshot;
import org.ipdesk.store.Location;
import org.ipdesk.ui.main.MainViewModel;
import org.ipdesk.ui.usage.UsageDashboardViewModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The window's exports, reports and backups go through the same guard as the command line: the open database (also
 * through a link) and anything that is not a regular file are never replaced; a backup replaces an older backup,
 * because the save dialog has asked.
 */
class OutputTargetsUiTest {
    @TempDir
    Path dir;

    private MainViewModel window(ScriptedDialogs dialogs) {
        Path file = dir.resolve("sample.db");
        SampleDatabase.seed(file);
        MainViewModel vm = new MainViewModel(file, new CurrentThreadTaskExecutor(), null, dialogs);
        vm.fileSwitch().load();
        return vm;
    }

    @Test
    void exportAddressesNeverReplacesTheOpenDatabase() throws IOException {
        MainViewModel vm = window(new ScriptedDialogs());
        Path db = vm.fileSwitch().databaseFile();
        String before = ContentSnapshot.of(db);
        Path link = Files.createSymbolicLink(dir.resolve("link.db"), db.getFileName());
        for (Path target : new Path[] {db, link, dir.resolve("sample.db-wal")}) {
            vm.files().exportAddresses(target);
            assertThat(vm.status().lastOperationFailedProperty().get()).as(target.toString()).isTrue();
            assertThat(vm.status().lastOperationProperty().get())
                    .startsWith("Cannot export to " + target + ": it ")
                    .contains("open database").endsWith("; IPDesk never replaces it");
        }
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(dir.resolve("sample.db-wal")).satisfiesAnyOf(
                wal -> assertThat(wal).doesNotExist(),
                wal -> assertThat(new String(Files.readAllBytes(wal), StandardCharsets.ISO_8859_1))
                        .doesNotStartWith("ip,"));
        vm.close();
        assertThat(ContentSnapshot.of(db)).isEqualTo(before);
    }

    @Test
    void backUpReplacesAnOlderBackupButNeverTheOpenDatabaseNorADevice() throws IOException {
        ScriptedDialogs dialogs = new ScriptedDialogs();
        MainViewModel vm = window(dialogs);
        Path copy = dir.resolve("copy.db");
        dialogs.files.add(copy);
        vm.files().backUp();
        assertThat(vm.status().lastOperationFailedProperty().get()).isFalse();
        // again onto the same file: the save dialog asked "replace?" already
        dialogs.files.add(copy);
        vm.files().backUp();
        assertThat(vm.status().lastOperationProperty().get()).isEqualTo("Backed up " + vm.fileSwitch().databaseFile() + " to " + copy);

        Path nul = Files.createSymbolicLink(dir.resolve("null.db"), Path.of("/dev/null"));
        dialogs.files.add(nul);
        vm.files().backUp();
        assertThat(vm.status().lastOperationFailedProperty().get()).isTrue();
        assertThat(vm.status().lastOperationProperty().get()).isEqualTo("Cannot back up to " + nul
                + ": it leads to /dev/null, which is a character device, not a regular file");
        assertThat(Files.isSymbolicLink(nul)).isTrue();
        vm.close();
    }

    @Test
    void theUsageDashboardNeverWritesItsReportOverTheOpenDatabase() throws IOException {
        Path db = dir.resolve("sample.db");
        SampleDatabase.seed(db);
        try (Allocator allocator = Allocator.open(Location.of(db))) {
            UsageDashboardViewModel vm = new UsageDashboardViewModel(() -> allocator, new CurrentThreadTaskExecutor(),
                    () -> "sample.db");
            vm.load();
            String before = ContentSnapshot.of(db);
            vm.export(db, ReportFormat.PDF);
            assertThat(vm.exportFailedProperty().get()).isTrue();
            assertThat(vm.exportMessageProperty().get())
                    .isEqualTo("Cannot write " + db + ": it is the open database; IPDesk never replaces it");
            assertThat(ContentSnapshot.of(db)).isEqualTo(before);
        }
    }
}
