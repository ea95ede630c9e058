package org.ipdesk.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.allocator.ImportPlan;
import org.ipdesk.exchange.CsvImport;
import org.ipdesk.store.ContentSnapshot;
import org.ipdesk.store.Location;
import org.ipdesk.ui.CurrentThreadTaskExecutor;
import org.ipdesk.ui.SampleDatabase;
import org.ipdesk.ui.ScriptedDialogs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** File → Export database… in the main view model (plain JUnit, jobs on the test thread). */
class ExportDatabaseViewModelTest {
    @TempDir
    Path dir;

    @Test
    void exportDatabaseWritesEverythingWhateverIsSelected() throws Exception {
        Path db = dir.resolve("sample.db");
        SampleDatabase.seed(db);
        MainViewModel vm = new MainViewModel(db, new CurrentThreadTaskExecutor(), null, new ScriptedDialogs());
        vm.fileSwitch().load();
        vm.navigation().select(vm.tree().networks().stream().filter(r -> r.label().equals("dc1")).findFirst().orElseThrow());
        Path csv = dir.resolve("everything.csv");

        vm.files().exportDatabase(csv);

        assertThat(vm.status().lastOperationFailedProperty().get()).isFalse();
        assertThat(vm.status().lastOperationProperty().get())
                .isEqualTo("Exported the database (2 networks, 7 subnets, 1 range and 45 addresses) to " + csv);
        assertThat(Files.readAllLines(csv)).hasSize(1 + 2 + 7 + 1 + 45);
        vm.close();

        // the file imports into an empty database with nothing refused, and into its own as all unchanged
        try (Allocator fresh = Allocator.open(Location.of(dir.resolve("fresh.db")))) {
            ImportPlan plan = CsvImport.preview(fresh, CsvImport.read(csv, Optional.empty()));
            assertThat(plan.problems()).isEmpty();
            assertThat(plan.counts().get(ImportPlan.Result.NEW)).isEqualTo(55);
        }
        String before = ContentSnapshot.of(db);
        try (Allocator same = Allocator.open(Location.of(db))) {
            ImportPlan plan = CsvImport.preview(same, CsvImport.read(csv, Optional.empty()));
            assertThat(plan.counts().get(ImportPlan.Result.UNCHANGED)).isEqualTo(55);
        }
        assertThat(ContentSnapshot.of(db)).isEqualTo(before);
    }

    @Test
    void aTargetThatCannotBeWrittenIsReportedAndLeavesNoFile() {
        Path db = dir.resolve("sample.db");
        SampleDatabase.seed(db);
        MainViewModel vm = new MainViewModel(db, new CurrentThreadTaskExecutor(), null, new ScriptedDialogs());
        vm.fileSwitch().load();
        Path target = dir.resolve("missing-folder").resolve("x.csv");

        vm.files().exportDatabase(target);

        assertThat(vm.status().lastOperationFailedProperty().get()).isTrue();
        assertThat(vm.status().lastOperationProperty().get()).isEqualTo("Cannot export to " + target + ": the folder "
                + target.getParent() + " does not exist; create it first");
        assertThat(target.getParent()).doesNotExist();
        vm.close();
    }
}
