package org.ipdesk.report;

import com.lowagie.text.Chunk;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Font;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import java.awt.Color;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The PDF report's fonts, chosen per character. Latin-1 text stays in the standard Helvetica (not embedded, as
 * before); any other character is drawn in the first bundled font that has it: DejaVu Sans (Latin extensions, Greek,
 * Cyrillic, Hebrew, Arabic, many symbols), Droid Sans Fallback (Chinese, Japanese, Korean), Symbola (emoji and
 * symbols, in outline). Only the glyphs used are embedded. A character none of them has is drawn as U+FFFD, never
 * dropped, and {@link #missing} names it so the caller can warn. The fonts and their licences are in
 * {@code src/main/resources/org/ipdesk/fonts/}.
 */
final class PdfGlyphs {
    /** What is drawn for a character no font has. */
    static final int REPLACEMENT = 0xFFFD;

    private static final String FOLDER = "/org/ipdesk/fonts/";
    private static final List<String> BUNDLED = List.of("DejaVuSans.ttf", "DroidSansFallback.ttf", "Symbola.ttf");

    private PdfGlyphs() {
    }

    /**
     * The fonts, each read once, on first use: a report in Latin-1 reads none of the bundled files (Droid Sans
     * Fallback alone is 3.4 MB).
     */
    private static final class Fonts {
        static final BaseFont HELVETICA = standard(BaseFont.HELVETICA);
        static final BaseFont HELVETICA_BOLD = standard(BaseFont.HELVETICA_BOLD);
        private static final BaseFont[] FALLBACK = new BaseFont[BUNDLED.size()];

        static synchronized BaseFont fallback(int index) {
            if (FALLBACK[index] == null) {
                FALLBACK[index] = bundled(BUNDLED.get(index));
            }
            return FALLBACK[index];
        }

        private static BaseFont standard(String name) {
            try {
                return BaseFont.createFont(name, BaseFont.WINANSI, BaseFont.NOT_EMBEDDED);
            } catch (DocumentException | IOException e) {
                throw new IllegalStateException("Helvetica is built into every PDF reader", e);
            }
        }

        private static BaseFont bundled(String file) {
            try (InputStream in = PdfGlyphs.class.getResourceAsStream(FOLDER + file)) {
                if (in == null) {
                    throw new IllegalStateException("the font " + file + " is missing from IPDesk's resources");
                }
                return BaseFont.createFont(file, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, in.readAllBytes(),
                        null);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the font " + file + ": " + e.getMessage(), e);
            } catch (DocumentException e) {
                throw new IllegalStateException("cannot read the font " + file + ": " + e.getMessage(), e);
            }
        }
    }

    /** A text style of the report: size, bold or not, colour (null: black). */
    record Style(float size, boolean bold, Color colour) {
        Style(float size, boolean bold) {
            this(size, bold, null);
        }

        /** The standard font of this style, for Latin-1 text: Helvetica or Helvetica-Bold. */
        Font latin() {
            return new Font(bold ? Fonts.HELVETICA_BOLD : Fonts.HELVETICA, size, Font.NORMAL, colour);
        }

        /** A bundled font in this style; bold is simulated (outline stroke), as the bundled fonts are regular only. */
        Font fallback(BaseFont font) {
            return new Font(font, size, bold ? Font.BOLD : Font.NORMAL, colour);
        }
    }

    /**
     * {@code text} as a phrase in {@code style}: runs of characters, each in the first font that has them; a
     * character none has becomes U+FFFD. Text in canonical composed form (NFC), so "e" + combining acute is "é".
     */
    static Phrase phrase(String text, Style style) {
        Font latin = style.latin();
        String composed = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFC);
        Phrase phrase = new Phrase("", latin);
        StringBuilder run = new StringBuilder();
        int runFont = -1;
        for (int i = 0; i < composed.length(); ) {
            int c = composed.codePointAt(i);
            i += Character.charCount(c);
            int font = fontOf(c);
            if (font == NONE) {
                if (ignorable(c)) {
                    continue;
                }
                c = REPLACEMENT;
                font = fontOf(c);
            }
            if (font != runFont && run.length() > 0) {
                phrase.add(new Chunk(run.toString(), font(runFont, style)));
                run.setLength(0);
            }
            runFont = font;
            run.appendCodePoint(c);
        }
        if (run.length() > 0) {
            phrase.add(new Chunk(run.toString(), font(runFont, style)));
        }
        return phrase;
    }

    /**
     * The characters of {@code texts} that no font has and that {@link #phrase} draws as U+FFFD, each once, in the
     * order first met.
     */
    static Set<Integer> missing(Iterable<String> texts) {
        Set<Integer> missing = new LinkedHashSet<>();
        for (String text : texts) {
            if (text == null) {
                continue;
            }
            Normalizer.normalize(text, Normalizer.Form.NFC).codePoints()
                    .filter(c -> fontOf(c) == NONE && !ignorable(c))
                    .forEach(missing::add);
        }
        return missing;
    }

    /** "2 characters have no glyph in the PDF's fonts and are shown as U+FFFD: U+1F9FF, U+E000"; empty if none. */
    static List<String> warnings(Iterable<String> texts) {
        Set<Integer> missing = missing(texts);
        if (missing.isEmpty()) {
            return List.of();
        }
        int shown = 10;
        String list = missing.stream().limit(shown).map(PdfGlyphs::codePoint).collect(Collectors.joining(", "))
                + (missing.size() > shown ? " and " + (missing.size() - shown) + " more" : "");
        return List.of(missing.size() == 1
                ? "1 character has no glyph in the PDF's fonts and is shown as U+FFFD: " + list
                : missing.size() + " characters have no glyph in the PDF's fonts and are shown as U+FFFD: " + list);
    }

    /** "U+1F9FF". */
    static String codePoint(int c) {
        return String.format(Locale.ROOT, "U+%04X", c);
    }

    private static final int NONE = -2;
    private static final int LATIN = -1;

    /** {@link #LATIN}, the index of the bundled font that has {@code c}, or {@link #NONE}. */
    private static int fontOf(int c) {
        if (c <= 0xFFFF && Fonts.HELVETICA.charExists(c) && Fonts.HELVETICA_BOLD.charExists(c)) {
            return LATIN;
        }
        for (int i = 0; i < BUNDLED.size(); i++) {
            if (Fonts.fallback(i).charExists(c)) {
                return i;
            }
        }
        return NONE;
    }

    private static Font font(int index, Style style) {
        return index == LATIN ? style.latin() : style.fallback(Fonts.fallback(index));
    }

    /**
     * Characters that have no look of their own and only join or select the look of their neighbours: zero-width
     * (non-)joiners and variation selectors (the U+FE0F after an emoji). Left out without a warning where no font
     * has them.
     */
    private static boolean ignorable(int c) {
        return c == 0x200C || c == 0x200D || (c >= 0xFE00 && c <= 0xFE0F) || (c >= 0xE0100 && c <= 0xE01EF);
    }
}
