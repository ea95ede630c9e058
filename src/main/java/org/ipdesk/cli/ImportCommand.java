package org.ipdesk.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ipdesk.model.AddressCounts;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.allocator.ImportPlan;
import org.ipdesk.allocator.ImportPlan.Result;
import org.ipdesk.exchange.CsvImport;
import org.ipdesk.exchange.ImportLayout;
import org.ipdesk.store.FileLocation;
import org.ipdesk.store.Location;
import org.ipdesk.store.OpenMode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ipdesk import FILE [--layout L] [--dry-run]}: preview, then apply as one transaction. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Imports networks, subnets, ranges and addresses from a CSV file: IPDesk's own columns, "
                + "NetBox's prefix or IP address export, or phpIPAM's subnet or address export. The delimiter "
                + "(comma, semicolon, tab or |) and the layout are detected from the header row.",
                "First prints a preview: how many rows are new, unchanged, a conflict or an error, and the row "
                        + "number and reason of every conflict and error (the header is row 1).",
                "Then applies the import as one transaction, all rows or none, recorded in the change log as one "
                        + "import. If any row is a conflict or an error, nothing is written and the exit code is 1.",
                "Missing networks are created for subnet rows; address and range rows need their subnet in the "
                        + "database or in the file. See docs/import.md for the columns of every layout."})
final class ImportCommand extends CliCommand {
    /** How many conflict and error rows the preview lists before it sums up the rest. */
    static final int LISTED = 50;

    @Parameters(index = "0", paramLabel = "FILE", description = "The CSV file to import (UTF-8).")
    Path file;

    @Option(names = "--layout", paramLabel = "LAYOUT",
            description = "The file layout, when detection from the header is not wanted: ipdesk, netbox-prefixes, "
                    + "netbox-addresses or phpipam.")
    String layout;

    @Option(names = "--dry-run", description = "Only print the preview; write nothing (exit 1 when the import "
            + "would be refused).")
    boolean dryRun;

    @Override
    void execute() {
        Optional<ImportLayout> chosen = Optional.ofNullable(layout).map(ImportLayout::parse);
        // a folder, a missing or unreadable file: "cannot read FILE: REASON"
        CsvImport.ParsedFile parsed = CsvImport.read(file, chosen);
        if (parsed.items().isEmpty()) {
            say("Nothing to import: " + parsed.name() + " has no data rows; nothing was written.");
            return;
        }
        if (dryRun && database() instanceof FileLocation db && !Files.exists(db.file())) {
            previewOnScratch(parsed);
            return;
        }
        try (Allocator allocator = dryRun ? openAllocator() : createOrOpenAllocator()) {
            ImportPlan plan = CsvImport.preview(allocator, parsed);
            print(parsed, plan);
            if (dryRun) {
                finishDryRun(plan);
                return;
            }
            if (!plan.canApply()) {
                throw refusal(plan);
            }
            if (plan.counts().get(Result.NEW) == 0) {
                say(String.format("Nothing to import: all %,d rows of %s are in the database as they are; nothing "
                        + "was written.", plan.rows().size(), parsed.name()));
                return;
            }
            ImportPlan.Applied applied = allocator.applyImport(plan);
            out().printf("Imported %s: %s, %s, %s, %s (%,d unchanged rows left as they were) in %.1f s%n",
                    TerminalText.escape(applied.source()), AddressCounts.counted(applied.networks(), "network"),
                    AddressCounts.counted(applied.subnets(), "subnet"), AddressCounts.counted(applied.ranges(), "range"),
                    AddressCounts.counted(applied.addresses(), "address"), applied.unchanged(),
                    applied.millis() / 1000.0);
        }
    }

    /** A dry run against a database that does not exist yet: an empty scratch database, deleted afterwards. */
    private void previewOnScratch(CsvImport.ParsedFile parsed) {
        Path scratch = null;
        try {
            scratch = Files.createTempDirectory("ipdesk-dry-run");
            try (Allocator allocator = Allocator.open(Location.of(scratch.resolve("scratch.db")), OpenMode.CREATE)) {
                ImportPlan plan = CsvImport.preview(allocator, parsed);
                print(parsed, plan);
                finishDryRun(plan);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } finally {
            if (scratch != null) {
                try (var files = Files.walk(scratch)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                } catch (java.io.IOException ignored) {
                    // a temporary folder
                }
            }
        }
    }

    private void finishDryRun(ImportPlan plan) {
        out().println("Dry run: nothing was written.");
        if (!plan.canApply()) {
            throw refusal(plan);
        }
    }

    private static IllegalArgumentException refusal(ImportPlan plan) {
        List<ImportPlan.Row> problems = plan.problems();
        return new IllegalArgumentException("the import of " + plan.source() + " is refused and nothing was written: "
                + problems.size() + (problems.size() == 1 ? " row is" : " rows are") + " a conflict or an error; "
                + "the first is " + problems.get(0).describe());
    }

    private void print(CsvImport.ParsedFile parsed, ImportPlan plan) {
        Map<Result, Long> counts = plan.counts();
        out().printf("Preview of %s (layout %s, delimiter %s): %s: %,d new, %,d unchanged, %s, %s%n",
                TerminalText.escape(parsed.name()), parsed.layout().label(), parsed.delimiterName(),
                AddressCounts.counted(plan.rows().size(), "row"), counts.get(Result.NEW), counts.get(Result.UNCHANGED),
                AddressCounts.counted(counts.get(Result.CONFLICT), "conflict"),
                AddressCounts.counted(counts.get(Result.ERROR), "error"));
        List<ImportPlan.Row> problems = plan.problems();
        problems.stream().limit(LISTED).forEach(r -> out().println("  " + TerminalText.message(r.describe())));
        if (problems.size() > LISTED) {
            out().printf("  ... and %,d more conflict or error rows%n", problems.size() - LISTED);
        }
    }
}
