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
                "Also adopts what DHCP and DNS servers hold: Kea's reservations (its JSON configuration or a file of "
                        + "subnet entries), ISC dhcpd's host blocks, dnsmasq's dhcp-host lines (configuration or "
                        + "hosts file) and a BIND zone's A, AAAA and PTR records, told apart by their content. Their "
                        + "addresses need a subnet in the database; problems are named by line.",
                "First prints a preview: how many rows are new, unchanged, a conflict or an error, and the row "
                        + "number and reason of every conflict and error (the header is row 1).",
                "Then applies the import as one transaction, all rows or none, recorded in the change log as one "
                        + "import. If any row is a conflict or an error, nothing is written and the exit code is 1.",
                "Missing networks are created for subnet rows; address and range rows need their subnet in the "
                        + "database or in the file. See docs/import.md for the columns of every layout."})
final class ImportCommand extends CliCommand {
    /** How many conflict and error rows the preview lists before it sums up the rest. */
    static final int LISTED = 50;

    @Parameters(index = "0", paramLabel = "FILE", description = "The CSV, Kea, dhcpd, dnsmasq or BIND file to "
            + "import (UTF-8).")
    Path file;

    @Option(names = "--layout", paramLabel = "LAYOUT",
            description = "The file layout, when detection from the header or content is not wanted: ipdesk, "
                    + "netbox-prefixes, netbox-addresses, phpipam, kea, dhcpd, dnsmasq or bind.")
    String layout;

    @Option(names = "--dry-run", description = "Only print the preview; write nothing (exit 1 when the import "
            + "would be refused).")
    boolean dryRun;

    @Override
    void execute() {
        Optional<ImportLayout> chosen = Optional.ofNullable(layout).map(ImportLayout::parse);
        // a folder, a missing or unreadable file: "cannot read FILE: REASON"
        CsvImport.ParsedFile parsed;
        try {
            parsed = CsvImport.read(file, chosen);
        } catch (CsvImport.UnknownLayout e) {
            throw new IllegalArgumentException(e.getMessage() + "; give one with --layout (" + ImportLayout.LABELS
                    + ")", e);
        }
        if (parsed.items().isEmpty()) {
            say(parsed.nothingToImport() + "; nothing was written.");
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
                finishDryRun(plan, unit(parsed));
                return;
            }
            if (!plan.canApply()) {
                throw refusal(plan, unit(parsed));
            }
            if (plan.counts().get(Result.NEW) == 0) {
                String unit = parsed.layout().csv() ? "row" : "entry";
                say(plan.rows().size() == 1
                        ? "Nothing to import: the one " + unit + " of " + parsed.name() + " is in the database as it "
                                + "is; nothing was written."
                        : String.format("Nothing to import: all %,d %s of %s are in the database as they are; "
                                + "nothing was written.", plan.rows().size(), parsed.layout().csv() ? "rows"
                                : "entries", parsed.name()));
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
                finishDryRun(plan, unit(parsed));
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

    private void finishDryRun(ImportPlan plan, String unit) {
        out().println("Dry run: nothing was written.");
        if (!plan.canApply()) {
            throw refusal(plan, unit);
        }
    }

    /** "row" for a CSV file (the header is row 1), "line" for a server's file. */
    private static String unit(CsvImport.ParsedFile parsed) {
        return parsed.layout().csv() ? "row" : "line";
    }

    private static IllegalArgumentException refusal(ImportPlan plan, String unit) {
        List<ImportPlan.Row> problems = plan.problems();
        return new IllegalArgumentException("the import of " + plan.source() + " is refused and nothing was written: "
                + problems.size() + (problems.size() == 1 ? " row is" : " rows are") + " a conflict or an error; "
                + "the first is " + problems.get(0).describe(unit));
    }

    private void print(CsvImport.ParsedFile parsed, ImportPlan plan) {
        Map<Result, Long> counts = plan.counts();
        String unit = unit(parsed);
        out().printf("Preview of %s (layout %s%s): %s: %,d new, %,d unchanged, %s, %s%n",
                TerminalText.escape(parsed.name()), parsed.layout().label(),
                parsed.layout().csv() ? ", delimiter " + parsed.delimiterName() : "",
                parsed.layout().csv() ? AddressCounts.counted(plan.rows().size(), "row")
                        : String.format("%,d %s", plan.rows().size(), plan.rows().size() == 1 ? "entry" : "entries"),
                counts.get(Result.NEW), counts.get(Result.UNCHANGED),
                AddressCounts.counted(counts.get(Result.CONFLICT), "conflict"),
                AddressCounts.counted(counts.get(Result.ERROR), "error"));
        List<ImportPlan.Row> problems = plan.problems();
        problems.stream().limit(LISTED).forEach(r -> out().println("  " + TerminalText.message(r.describe(unit))));
        if (problems.size() > LISTED) {
            out().printf("  ... and %,d more conflict or error %s%n", problems.size() - LISTED,
                    parsed.layout().csv() ? "rows" : "entries");
        }
    }
}
