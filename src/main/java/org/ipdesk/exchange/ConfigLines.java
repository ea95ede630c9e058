package org.ipdesk.exchange;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The lines of a server's configuration file, read one at a time: never more than {@link #MAX_LINE} characters of a
 * line are kept (the rest is skipped, and {@link #truncated()} says so), a NUL character refuses the file as binary,
 * and bytes that are not UTF-8 refuse it naming the line. A byte-order mark on the first line is dropped.
 */
final class ConfigLines implements Closeable {
    /** The most characters of one line that are read; configuration lines are far shorter. */
    static final int MAX_LINE = 65_536;

    private final String name;
    private final InputStream in;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private int number;
    private boolean truncated;
    private boolean ended;

    private ConfigLines(String name, InputStream in) {
        this.name = name;
        this.in = in.markSupported() ? in : new BufferedInputStream(in, 16_384);
    }

    static ConfigLines of(String name, InputStream in) {
        return new ConfigLines(name, in);
    }

    static ConfigLines of(String name, String text) {
        return new ConfigLines(name, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** The next line without its end, or null at the end of the file. */
    String next() throws IOException {
        if (ended) {
            return null;
        }
        bytes.reset();
        truncated = false;
        number++;
        boolean any = false;
        while (true) {
            int b = in.read();
            if (b < 0) {
                ended = true;
                if (!any) {
                    return null;
                }
                break;
            }
            any = true;
            if (b == '\n') {
                break;
            }
            if (b == 0) {
                throw new IllegalArgumentException(name + " is not a text file: line " + number
                        + " holds a NUL byte (a binary file?)");
            }
            // a UTF-8 character is at most 4 bytes: keep enough bytes for MAX_LINE characters
            if (bytes.size() < 4 * MAX_LINE) {
                bytes.write(b);
            } else {
                truncated = true;
            }
        }
        String line;
        try {
            line = decoder.reset().decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            if (truncated) {
                line = ""; // cut inside a character: the line is refused as too long anyway
            } else {
                throw new IllegalArgumentException(name + " is not UTF-8 text: line " + number
                        + " holds bytes that are not UTF-8");
            }
        }
        if (line.length() > MAX_LINE) {
            truncated = true;
            line = line.substring(0, MAX_LINE);
        }
        if (number == 1 && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
            line = line.substring(1);
        }
        if (!line.isEmpty() && line.charAt(line.length() - 1) == '\r') {
            line = line.substring(0, line.length() - 1);
        }
        return line;
    }

    /** The number of the line {@link #next} returned last (the first line is 1). */
    int number() {
        return number;
    }

    /** Whether the last line was longer than {@link #MAX_LINE} characters and only its start was kept. */
    boolean truncated() {
        return truncated;
    }

    /** "the line is longer than 65,536 characters; it was not read". */
    static String tooLong() {
        return String.format(Locale.ROOT, "the line is longer than %,d characters; it was not read", MAX_LINE);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
