package org.ipdesk.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import org.ipdesk.model.TextFields;

/**
 * The one JSON writer of the command line: snake_case keys, nulls kept, pretty-printed. Values are exact; every
 * character a terminal could act on (see {@link TerminalText}) is written as a JSON {@code \}{@code uXXXX} escape, so
 * the output holds none of them raw and a JSON reader still gets the value back unchanged.
 */
final class Json {
    private static final ObjectWriter WRITER;

    static {
        ObjectMapper mapper = new ObjectMapper()
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .configure(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN, true);
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                .withArrayIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE);
        WRITER = mapper.writer(printer).with(new TerminalSafe());
    }

    private Json() {
    }

    /**
     * Jackson's standard escapes (C0 controls, quote, backslash), plus DEL and every other character no field takes
     * (C1 controls, text-direction controls, line separators, noncharacters).
     */
    private static final class TerminalSafe extends CharacterEscapes {
        private final int[] ascii;

        TerminalSafe() {
            ascii = standardAsciiEscapesForJSON();
            ascii[0x7f] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            // a surrogate comes here one half at a time: pairs (emoji) stay as they are
            return !Character.isSurrogate((char) ch) && TextFields.isRefused(ch)
                    ? new SerializedString(String.format("\\u%04x", ch)) : null;
        }
    }

    static String write(Object value) {
        try {
            return WRITER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
        }
    }
}
