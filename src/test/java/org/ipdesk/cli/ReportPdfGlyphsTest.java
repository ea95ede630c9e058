package org.ipdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code report usage --format pdf} draws CJK and emoji names and warns about a character it cannot draw. */
class ReportPdfGlyphsTest {
    @TempDir
    Path dir;

    private Cli cli;

    @BeforeEach
    void database() {
        cli = new Cli(dir.resolve("lab.db"));
        cli.ok("network", "add", "东京");
        cli.ok("subnet", "add", "东京", "10.0.0.0/24", "--name", "服务器");
        cli.ok("subnet", "add", "东京", "10.0.1.0/24", "--name", "web 🔥");
    }

    private static String text(Path pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(Files.readAllBytes(pdf))) {
            return new PDFTextStripper().getText(document);
        }
    }

    @Test
    void cjkAndEmojiNamesAreInThePdfAndNothingIsWarned() throws IOException {
        Path pdf = dir.resolve("usage.pdf");
        Cli.Result result = cli.run("report", "usage", "东京", "--format", "pdf", "-o", pdf.toString());
        assertThat(result.code()).isZero();
        assertThat(result.err()).isEmpty();
        assertThat(text(pdf)).contains("IPDesk usage report - 东京", "服务器", "web 🔥");
    }

    @Test
    void aCharacterWithoutGlyphIsReplacedAndWarnedOnStderrAndTheReportIsStillWritten() throws IOException {
        cli.ok("subnet", "add", "东京", "10.0.2.0/24", "--name", "amulet \uD83E\uDDFF");
        Path pdf = dir.resolve("usage.pdf");
        Cli.Result result = cli.run("report", "usage", "--format", "pdf", "-o", pdf.toString());
        assertThat(result.code()).isZero();
        assertThat(result.out()).contains("Wrote the usage report (pdf, 3 subnets) to " + pdf);
        assertThat(result.err().lines().toList()).containsExactly("ipdesk: warning: 1 character has no glyph in the "
                + "PDF's fonts and is shown as U+FFFD: U+1F9FF");
        assertThat(text(pdf)).contains("amulet \uFFFD", "服务器");

        // the other formats carry the text as it is and warn about nothing
        Cli.Result csv = cli.run("report", "usage", "--format", "csv", "-o", dir.resolve("usage.csv").toString());
        assertThat(csv.code()).isZero();
        assertThat(csv.err()).isEmpty();
        assertThat(Files.readString(dir.resolve("usage.csv"))).contains("amulet \uD83E\uDDFF");
    }
}
