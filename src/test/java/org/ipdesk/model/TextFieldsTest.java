package org.ipdesk.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ipdesk.model.TextFields.Field;
import org.junit.jupiter.api.Test;

/** The one rule of the free-text fields: which characters, how many. */
class TextFieldsTest {

    /** Every code point the rule refuses, by family. */
    static List<Integer> refused() {
        List<Integer> all = new ArrayList<>();
        for (int c = 0; c < 0x20; c++) {
            all.add(c);
        }
        for (int c = 0x7f; c <= 0x9f; c++) {
            all.add(c);
        }
        for (int c = 0x202a; c <= 0x202e; c++) {
            all.add(c);
        }
        for (int c = 0x2066; c <= 0x2069; c++) {
            all.add(c);
        }
        all.addAll(List.of(0x2028, 0x2029, 0xd800, 0xdbff, 0xdc00, 0xdfff, 0xfdd0, 0xfdef, 0xfffe, 0xffff, 0x1fffe,
                0x10ffff));
        return all;
    }

    @Test
    void aLongTextIsQuotedBackCutAtWholeCharactersWithItsLength() {
        assertThat(TextFields.shortened("web-01", 60)).isEqualTo("web-01");
        assertThat(TextFields.shortened("a".repeat(60), 60)).isEqualTo("a".repeat(60));
        assertThat(TextFields.shortened("a".repeat(61), 60)).isEqualTo("a".repeat(60) + "\u2026 (61 characters)");
        // a character outside the BMP is one character, never cut in half
        String faces = "\uD83D\uDE00".repeat(3_000);
        assertThat(TextFields.shortened(faces, 2)).isEqualTo("\uD83D\uDE00\uD83D\uDE00\u2026 (3,000 characters)");
    }

    @Test
    void everyRefusedCharacterIsNamedWithItsPositionInEveryField() {
        for (Field field : Field.values()) {
            for (int c : refused()) {
                String value = "ab" + new String(Character.toChars(c)) + "cd";
                Optional<String> problem = TextFields.problem(field, value);
                assertThat(problem).as("%s U+%04X", field, c).isPresent();
                assertThat(problem.get()).startsWith(field.label() + " contains ")
                        .contains(String.format("(U+%04X", c)).endsWith(" at position 3; remove it");
            }
        }
    }

    @Test
    void theMessageNamesTheCharacter() {
        assertThat(TextFields.problem(Field.OWNER, "ops\u001b[31m")).contains(
                "owner contains a control character (U+001B ESC) at position 4; remove it");
        assertThat(TextFields.problem(Field.DESCRIPTION, "a\u202etxt.exe")).contains(
                "description contains a text-direction control (U+202E RIGHT-TO-LEFT OVERRIDE) at position 2; remove it");
        assertThat(TextFields.problem(Field.SUBNET_NAME, "x\u0000")).contains(
                "subnet name contains a control character (U+0000 NUL) at position 2; remove it");
        assertThat(TextFields.problem(Field.NETWORK_NAME, "\uD83D\uDE80\u2029x")).as("position counts characters")
                .contains("network name contains a line break (U+2029 PARAGRAPH SEPARATOR) at position 2; remove it");
        assertThat(TextFields.problem(Field.HOSTNAME, "web-01\u0007")).contains(
                "host name contains a control character (U+0007 BEL) at position 7; remove it");
    }

    @Test
    void printableTextOfAnyScriptIsTaken() {
        for (String ok : List.of("Head office", "東京 サーバー", "Café — 3rd floor", "شبكة المكتب", "rack 🚀",
                "family 👨\u200d👩\u200d👧", "O'Brien & Co. <ops@example.com>", "C:\\share\\ipam", "50% \"quoted\"",
                "\u200fmark", "  padded  ")) {
            for (Field field : Field.values()) {
                if (field != Field.HOSTNAME) {
                    assertThat(TextFields.problem(field, ok)).as("%s %s", field, ok).isEmpty();
                }
            }
        }
        assertThat(TextFields.problem(Field.OWNER, null)).isEmpty();
        assertThat(TextFields.problem(Field.OWNER, "")).isEmpty();
    }

    @Test
    void limitsCountCharactersNotCodeUnits() {
        assertThat(TextFields.problem(Field.DESCRIPTION, "d".repeat(1_000))).isEmpty();
        assertThat(TextFields.problem(Field.DESCRIPTION, "d".repeat(100_001)))
                .contains("description is 100,001 characters; the limit is 1,000");
        assertThat(TextFields.problem(Field.OWNER, "🚀".repeat(254))).isEmpty();
        assertThat(TextFields.problem(Field.OWNER, "🚀".repeat(255))).contains("owner is 255 characters; the limit is 254");
        assertThat(TextFields.problem(Field.NETWORK_NAME, " " + "n".repeat(100) + " ")).as("stripped first").isEmpty();
        assertThat(TextFields.problem(Field.HOSTNAME, "h".repeat(254))).contains("host name is 254 characters; the limit is 253");
        assertThat(TextFields.problem(Field.HOSTNAME, "a".repeat(63) + "." + "b".repeat(63) + "." + "c".repeat(63)
                + "." + "d".repeat(61) + ".")).as("253 and the final dot").isEmpty();
    }

    @Test
    void aHostNameFollowsTheDnsRulesAfterTheCharacterRule() {
        assertThat(TextFields.problem(Field.HOSTNAME, "web_01")).get().asString().contains("RFC 1123");
        assertThat(TextFields.problem(Field.HOSTNAME, "web-01.example.com")).isEmpty();
    }

    @Test
    void aMessageNeverQuotesTheValue() {
        String huge = "x".repeat(50_000) + "\u001b";
        assertThat(TextFields.problem(Field.DESCRIPTION, huge).orElseThrow()).hasSizeLessThan(120);
        assertThat(TextFields.problem(Field.HOSTNAME, "h".repeat(100_000)).orElseThrow()).hasSizeLessThan(120);
    }
}
