package org.ipdesk.ui.usage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.ipdesk.address.Cidr;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.model.SubnetSpec;
import org.ipdesk.report.ReportFormat;
import org.ipdesk.store.Location;
import org.ipdesk.ui.CurrentThreadTaskExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dashboard's export says when the PDF shows a character as U+FFFD, as the command line does. */
class UsageExportWarningTest {
    @TempDir
    Path dir;

    Allocator allocator;
    UsageDashboardViewModel vm;

    @BeforeEach
    void setUp() {
        allocator = Allocator.open(Location.of(dir.resolve("lab.db")));
        allocator.createNetwork("东京", "");
        allocator.createSubnet("东京", SubnetSpec.of(Cidr.parse("10.0.0.0/24")).withName("amulet \uD83E\uDDFF"));
        vm = new UsageDashboardViewModel(() -> allocator, new CurrentThreadTaskExecutor(), () -> "lab.db");
        vm.load();
    }

    @AfterEach
    void tearDown() {
        allocator.close();
    }

    @Test
    void aPdfExportNamesTheCharactersItCouldNotDraw() throws Exception {
        Path pdf = dir.resolve("usage.pdf");
        vm.export(pdf, ReportFormat.PDF);
        assertThat(vm.exportMessageProperty().get()).isEqualTo("Wrote " + pdf + "; warning: 1 character has no "
                + "glyph in the PDF's fonts and is shown as U+FFFD: U+1F9FF");
        assertThat(vm.exportFailedProperty().get()).isFalse();
        assertThat(Files.size(pdf)).isPositive();

        Path csv = dir.resolve("usage.csv");
        vm.export(csv, ReportFormat.CSV);
        assertThat(vm.exportMessageProperty().get()).isEqualTo("Wrote " + csv);
    }
}
