package org.ipdesk.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.ipdesk.address.Cidr;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.model.SubnetSpec;
import org.ipdesk.store.Location;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PDF draws every character of the names it shows: Latin in Helvetica as before, other scripts and emoji in the
 * bundled fonts (embedded), and a character no bundled font has as a visible U+FFFD with a warning naming it.
 */
class PdfGlyphsTest {
    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

    @TempDir
    Path dir;

    /** A database with the given networks, each holding one subnet named as given (network, subnet name pairs). */
    private UsageReport report(String databaseName, String... networkAndSubnetName) {
        try (Allocator allocator = Allocator.open(Location.of(dir.resolve("glyphs.db")))) {
            for (int i = 0; i < networkAndSubnetName.length; i += 2) {
                allocator.createNetwork(networkAndSubnetName[i], "");
                allocator.createSubnet(networkAndSubnetName[i], SubnetSpec.of(Cidr.parse("10." + i + ".0.0/24"))
                        .withName(networkAndSubnetName[i + 1]));
            }
            return UsageReport.build(allocator, Optional.empty(), Thresholds.DEFAULT, NOW, databaseName);
        }
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    /** The fonts of the first page: "name embedded|not embedded". */
    private static List<String> fonts(byte[] pdf) throws IOException {
        List<String> fonts = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDPage page = document.getPage(0);
            PDResources resources = page.getResources();
            for (var name : resources.getFontNames()) {
                PDFont font = resources.getFont(name);
                fonts.add(font.getName().replaceFirst("^[A-Z]{6}\\+", "") + " "
                        + (font.isEmbedded() ? "embedded" : "not embedded"));
            }
        }
        return fonts;
    }

    @Test
    void cjkCyrillicHebrewArabicAndEmojiNamesAreDrawnNotDropped() throws IOException {
        UsageReport report = report("东京.db", "东京", "服务器", "Москва", "Ελλάδα ≈", "ops", "web 🔥🚀",
                "서울", "サーバー", "שלום", "مرحبا بالعالم");
        byte[] pdf = SampleReport.bytes(new PdfReport(), report);

        String text = text(pdf);
        assertThat(text).contains("IPDesk usage report", "东京", "服务器", "东京.db", "Москва", "Ελλάδα ≈",
                "web 🔥🚀", "서울", "サーバー", "10.0.0.0/24");
        // right to left, Arabic letters joined (the text is read back in logical order)
        assertThat(text).contains("שלום", "مرحبا بالعالم");
        assertThat(text).doesNotContain("\uFFFD");
        assertThat(new PdfReport().warnings(report)).isEmpty();

        List<String> fonts = fonts(pdf);
        // Latin keeps the standard Helvetica (not embedded); the bundled fonts are embedded (as subsets)
        assertThat(fonts).contains("Helvetica not embedded", "Helvetica-Bold not embedded");
        assertThat(fonts).anyMatch(f -> f.startsWith("DejaVuSans") && f.endsWith(" embedded")
                && !f.endsWith("not embedded"));
        assertThat(fonts).anyMatch(f -> f.startsWith("DroidSansFallback") && f.endsWith(" embedded")
                && !f.endsWith("not embedded"));
        assertThat(fonts).anyMatch(f -> f.startsWith("Symbola") && f.endsWith(" embedded")
                && !f.endsWith("not embedded"));
    }

    @Test
    void aCharacterNoBundledFontHasIsShownAsAReplacementAndNamedInAWarning() throws IOException {
        // U+1F9FF (nazar amulet, Unicode 11) and U+E000 (private use) are in none of the bundled fonts
        UsageReport report = report("lab.db", "lab\uD83E\uDDFF", "pool \uE000 \uE000", "plain", "ok");
        byte[] pdf = SampleReport.bytes(new PdfReport(), report);

        String text = text(pdf);
        assertThat(text).contains("lab\uFFFD", "pool \uFFFD \uFFFD", "plain").doesNotContain("\uD83E\uDDFF");
        assertThat(new PdfReport().warnings(report)).containsExactly(
                "2 characters have no glyph in the PDF's fonts and are shown as U+FFFD: U+1F9FF, U+E000");
    }

    @Test
    void joinersAndVariationSelectorsNeedNoWarning() {
        // a red heart with VS16, a family joined by ZWJ: the joiners have no look of their own
        UsageReport report = report("lab.db", "lab", "\u2764\uFE0F team \uD83D\uDC68\u200D\uD83D\uDC69");
        assertThat(new PdfReport().warnings(report)).isEmpty();
        assertThat(new CsvReport().warnings(report)).isEmpty();
    }
}
