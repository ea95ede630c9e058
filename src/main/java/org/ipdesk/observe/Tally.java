package org.ipdesk.observe;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.BufferedReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import org.ipdesk.model.Observation;
import org.ipdesk.model.SourceKind;

/** What the readers share: counting what they hand on, the file's name and time, and opening text leniently. */
final class Tally {
    /** How much of a line a message quotes before cutting it short. */
    private static final int QUOTE_LIMIT = 80;

    private final SourceKind kind;
    private final Path file;
    private final Consumer<Observation> observations;
    private final Consumer<Problem> problems;
    private long observed;
    private long problemCount;

    Tally(SourceKind kind, Path file, Consumer<Observation> observations, Consumer<Problem> problems) {
        this.kind = kind;
        this.file = file;
        this.observations = observations;
        this.problems = problems;
    }

    /** The name observations carry ("nmap-scan-0612.xml"). */
    String fileName() {
        Path name = file.getFileName();
        return name == null ? file.toString() : name.toString();
    }

    void observe(Observation observation) {
        observed++;
        observations.accept(observation);
    }

    void problem(long line, String message) {
        problemCount++;
        problems.accept(new Problem(line, message));
    }

    ReadSummary summary(long lines) {
        return new ReadSummary(kind, fileName(), observed, problemCount, lines);
    }

    /** The given time, else the file's modification time. */
    static Instant fileTime(Path file, Optional<Instant> seenAt) throws IOException {
        return seenAt.isPresent() ? seenAt.get() : Files.getLastModifiedTime(file).toInstant();
    }

    /** A UTF-8 reader that replaces bytes that are not UTF-8 rather than failing on them. */
    static BufferedReader text(InputStream in) {
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE)), 1 << 16);
    }

    static BufferedReader text(Path file) throws IOException {
        return text(Files.newInputStream(file));
    }

    /** A line or value quoted in a message, cut short when long: 'lease 10.0.0.300 {'. */
    static String quote(String text) {
        String shown = text.strip();
        if (shown.length() > QUOTE_LIMIT) {
            shown = shown.substring(0, QUOTE_LIMIT) + "…";
        }
        return "'" + shown + "'";
    }
}
