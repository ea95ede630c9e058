package org.ipdesk.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.ipdesk.store.ContentSnapshot;
import org.ipdesk.store.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportFilesTest {
    @TempDir
    Path dir;

    private List<Path> files() throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.toList();
        }
    }

    @Test
    void aCompleteExportReplacesTheTargetAndReportsProgress() throws IOException {
        Path target = dir.resolve("usage.csv");
        Files.writeString(target, "old");
        List<Long> progress = new ArrayList<>();
        ReportFiles.write(target, (out, monitor) -> new CsvReport().write(SampleReport.report(), out, monitor),
                new ExportMonitor(Cancellation.NEVER, (done, total) -> progress.add(done)));
        assertThat(Files.readString(target)).startsWith("kind,network,");
        assertThat(files()).containsExactly(target);
        assertThat(progress).isNotEmpty().last().isEqualTo(SampleReport.report().rowCount());
    }

    @Test
    void aCancelledExportLeavesNoFileAndNoTemporaryFile() throws IOException {
        Path target = dir.resolve("usage.pdf");
        AtomicBoolean cancelled = new AtomicBoolean();
        // cancel after the fifth row, once the PDF writer has put bytes into the temporary file
        ExportMonitor monitor = new ExportMonitor(cancelled::get, (done, total) -> cancelled.set(done >= 5));
        assertThatThrownBy(() -> ReportFiles.write(target,
                (out, m) -> new PdfReport().write(SampleReport.report(), out, m), monitor))
                .isInstanceOf(CancellationException.class);
        assertThat(files()).isEmpty();
    }

    @Test
    void aCancelledOrFailedExportLeavesAnExistingTargetAsItWas() throws IOException {
        Path target = dir.resolve("usage.xlsx");
        Files.writeString(target, "the report of yesterday");
        AtomicBoolean cancelled = new AtomicBoolean();
        ExportMonitor monitor = new ExportMonitor(cancelled::get, (done, total) -> cancelled.set(done >= 3));
        assertThatThrownBy(() -> ReportFiles.write(target,
                (out, m) -> new XlsxReport().write(SampleReport.report(), out, m), monitor))
                .isInstanceOf(CancellationException.class);
        assertThatThrownBy(() -> ReportFiles.write(target, (out, m) -> {
            out.write("half".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full");
        }, ExportMonitor.NONE)).hasMessage("disk full");
        assertThat(Files.readString(target)).isEqualTo("the report of yesterday");
        assertThat(files()).containsExactly(target);
    }

    @Test
    void aMissingFolderOrAFolderAsTargetIsRefused() {
        assertThatThrownBy(() -> ReportFiles.write(dir.resolve("nope/usage.csv"), (out, m) -> { }, ExportMonitor.NONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not exist");
        assertThatThrownBy(() -> ReportFiles.write(dir, (out, m) -> { }, ExportMonitor.NONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("it is a folder");
    }

    @Test
    void theOpenDatabaseItsWalAndADeviceAreNeverReplaced() throws IOException {
        Path db = dir.resolve("open.db");
        try (Database open = Database.open(db)) {
            String before = ContentSnapshot.of(db);
            for (Path target : List.of(db, dir.resolve("open.db-wal"))) {
                assertThatThrownBy(() -> ReportFiles.write(target,
                        (out, m) -> new CsvReport().write(SampleReport.report(), out, m), ExportMonitor.NONE))
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageStartingWith("cannot write " + target + ": it is the ")
                        .hasMessageContaining("open database");
            }
            assertThat(ContentSnapshot.of(db)).isEqualTo(before);
        }
        Path link = Files.createSymbolicLink(dir.resolve("null.csv"), Path.of("/dev/null"));
        assertThatThrownBy(() -> ReportFiles.write(link, (out, m) -> out.write('x'), ExportMonitor.NONE))
                .hasMessageContaining("not a regular file");
        assertThat(Files.isSymbolicLink(link)).isTrue();
    }
}
