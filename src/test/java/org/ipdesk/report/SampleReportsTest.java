package org.ipdesk.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.Test;

/**
 * Writes the five sample reports of the sample database to target/reports/ and renders the PDF's pages to
 * target/reports/usage-pdf-pageN.png, for a human look (and for docs/samples and docs/screenshots).
 */
class SampleReportsTest {
    @Test
    void writesTheSampleReportsAndRendersThePdfsFirstPage() throws IOException {
        Path folder = Files.createDirectories(Path.of("target", "reports"));
        UsageReport report = SampleReport.report();
        for (ReportFormat format : ReportFormat.values()) {
            Path file = folder.resolve("usage." + format.label());
            ReportFiles.write(file, (out, monitor) -> format.exporter().write(report, out, monitor),
                    ExportMonitor.NONE);
            assertThat(Files.size(file)).as(file.toString()).isPositive();
        }
        try (PDDocument pdf = Loader.loadPDF(folder.resolve("usage.pdf").toFile())) {
            for (int i = 0; i < pdf.getNumberOfPages(); i++) {
                BufferedImage page = new PDFRenderer(pdf).renderImageWithDPI(i, 100);
                assertThat(page.getWidth()).isGreaterThan(page.getHeight());
                ImageIO.write(page, "png", folder.resolve("usage-pdf-page" + (i + 1) + ".png").toFile());
            }
        }
    }
}
