package org.ipdesk.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.model.Observation;
import org.ipdesk.model.ObservationTally;
import org.ipdesk.model.SourceKind;
import org.ipdesk.observe.ObservationFormats;
import org.ipdesk.observe.ReadSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ipdesk observe FILE... [--format F] [--seen-at TIME]}: records what the files say is in use. */
@Command(name = "observe", mixinStandardHelpOptions = true,
        description = {"Records what scans, lease files and neighbour tables say is in use: when each address was "
                + "seen, by which file, with which MAC and host name. Nothing in the records changes; "
                + "'ipdesk reconcile' then lists where they disagree.",
                "Formats (told by their first lines, or named with --format): nmap XML (nmap -sn -oX FILE), ISC "
                        + "dhcpd.leases, Kea lease CSV, dnsmasq.leases, and 'ip neigh show', 'ip -j neigh' or "
                        + "'arp -an' saved to a file. A line that cannot be read is named on standard error and "
                        + "skipped; the rest of the file is kept."})
final class ObserveCommand extends CliCommand {
    /** Observations recorded per transaction: a 100 MB file never sits in memory whole. */
    static final int BATCH = 10_000;
    /** Unreadable lines named per file; the rest are counted. */
    static final int PROBLEMS_SHOWN = 20;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "The files to read.")
    List<Path> files = new ArrayList<>();

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "nmap, dhcpd, kea, dnsmasq or neighbours; told by the content when left out (or auto).")
    String format;

    @Option(names = "--seen-at", paramLabel = "TIME",
            description = "When the file's addresses were seen (ISO 8601: 2026-11-27T10:42:00Z, or local time "
                    + "2026-11-27T10:42), for files that carry no time of their own (dnsmasq, neighbour tables: "
                    + "else the file's time) or entries without one.")
    String seenAt;

    @Override
    void execute() {
        Optional<SourceKind> kind = format == null || format.isBlank() || format.strip().equalsIgnoreCase("auto")
                ? Optional.empty() : Optional.of(SourceKind.parse(format));
        Optional<Instant> at = Optional.ofNullable(seenAt).map(ObserveCommand::time);
        // every file is checked, and its kind told, before anything is recorded
        Map<Path, SourceKind> kinds = new LinkedHashMap<>();
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException(Files.isDirectory(file) ? file + " is a folder, not a file"
                        : Files.exists(file) ? file + " is not a regular file" : "there is no file " + file);
            }
            if (!Files.isReadable(file)) {
                throw new IllegalArgumentException(file + " cannot be read (permissions)");
            }
            try {
                kinds.put(file, kind.isPresent() ? kind.get() : ObservationFormats.detect(file));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
            }
        }
        PrintWriter err = spec.commandLine().getErr();
        try (Allocator allocator = openAllocator()) {
            for (Map.Entry<Path, SourceKind> entry : kinds.entrySet()) {
                observe(allocator, entry.getKey(), entry.getValue(), at, err);
            }
        }
    }

    private void observe(Allocator allocator, Path file, SourceKind kind, Optional<Instant> at, PrintWriter err) {
        List<Observation> batch = new ArrayList<>(BATCH);
        ObservationTally[] tally = {new ObservationTally(0, 0, 0)};
        long[] problems = {0};
        ReadSummary summary;
        try {
            summary = ObservationFormats.read(file, Optional.of(kind), at, observation -> {
                batch.add(observation);
                if (batch.size() >= BATCH) {
                    tally[0] = tally[0].plus(allocator.observe(List.copyOf(batch)));
                    batch.clear();
                }
            }, problem -> {
                if (problems[0]++ < PROBLEMS_SHOWN) {
                    err.println("ipdesk: " + TerminalText.escape(file + " " + problem));
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (!batch.isEmpty()) {
            tally[0] = tally[0].plus(allocator.observe(List.copyOf(batch)));
        }
        if (problems[0] > PROBLEMS_SHOWN) {
            err.println("ipdesk: " + TerminalText.escape(file + ": " + (problems[0] - PROBLEMS_SHOWN)
                    + " more lines could not be read"));
        }
        err.flush();
        ObservationTally t = tally[0];
        say(file.getFileName() + " (" + kind.words() + "): " + count(summary.observations(), "address seen",
                "addresses seen") + "; " + number(t.added()) + " new, " + number(t.updated())
                + " newer than what was recorded, " + number(t.older()) + " older (kept as recorded)"
                + (summary.problems() == 0 ? "" : "; " + count(summary.problems(), "line", "lines") + " not read"));
    }

    private static String count(long n, String one, String many) {
        return number(n) + " " + (n == 1 ? one : many);
    }

    private static String number(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** ISO 8601 with a zone or offset, or a local date and time (this computer's zone); never later than now. */
    static Instant time(String text) {
        String t = text.strip();
        Instant instant;
        try {
            instant = OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            try {
                instant = LocalDateTime.parse(t).atZone(ZoneId.systemDefault()).toInstant();
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("--seen-at '" + t + "' is not a time; write it as "
                        + "2026-11-27T10:42:00Z or 2026-11-27T10:42 (local time)");
            }
        }
        if (instant.isAfter(Instant.now().plusSeconds(300))) {
            throw new IllegalArgumentException("--seen-at " + t + " is in the future");
        }
        return instant;
    }
}
