package org.ipdesk.cli;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.report.ReportFormat;
import org.ipdesk.report.Thresholds;
import org.ipdesk.report.UsageReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ipdesk report usage [NETWORK] --format FORMAT -o FILE [--warn P] [--critical P]}. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Reports written to a file.",
        subcommands = {ReportCommand.Usage.class})
final class ReportCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "choose a report: usage");
    }

    @Command(name = "usage", mixinStandardHelpOptions = true,
            description = {"Writes the usage report to a file: per subnet and per network the size, usable, "
                    + "allocated, reserved, DHCP, deprecated and free addresses and the percentage used; the ten "
                    + "fullest subnets; the subnets over the warning and critical thresholds; totals per IP version.",
                    "A subnet's figures include its child subnets; a network's are the sum of its top-level subnets, "
                            + "IPv4 and IPv6 apart. IPv6 subnets of /64 and larger also show their free space in /64s.",
                    "csv: one table, a line per subnet, network total and grand total (column 'kind'). "
                            + "xlsx: one sheet each for subnets, networks, totals, fullest, over threshold, about. "
                            + "pdf: landscape A4 with utilisation bars. html: one self-contained file. "
                            + "json: counts as decimal strings, keys in snake_case.",
                    "The file is written completely or not at all; an existing file is replaced only when the new "
                            + "one is complete. The open database, another database, a folder, a device or a pipe "
                            + "is never replaced. -o - writes to standard output (XLSX and PDF only when it is not a "
                            + "terminal); the summary then goes to standard error."})
    static final class Usage extends CliCommand {
        @Parameters(paramLabel = "NETWORK", arity = "0..1", description = "Only this network (default: all).")
        String network;

        @Option(names = "--format", required = true, paramLabel = "FORMAT",
                description = "csv, xlsx, pdf, html or json.")
        String format;

        @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE",
                description = "The file to write, or - for standard output; its folder must exist. "
                        + "An existing file is replaced, a database never.")
        Path output;

        @Option(names = "--warn", paramLabel = "PERCENT", defaultValue = "80",
                description = "A subnet at or over this percentage used is a warning (default: ${DEFAULT-VALUE}).")
        BigDecimal warn;

        @Option(names = "--critical", paramLabel = "PERCENT", defaultValue = "95",
                description = "A subnet at or over this percentage used is critical (default: ${DEFAULT-VALUE}).")
        BigDecimal critical;

        @Override
        void execute() {
            ReportFormat chosen = ReportFormat.parse(format);
            Thresholds thresholds = new Thresholds(warn, critical);
            Output.check(this, output, chosen.name(), chosen == ReportFormat.XLSX || chosen == ReportFormat.PDF);
            UsageReport report;
            try (Allocator allocator = openAllocator()) {
                report = UsageReport.build(allocator, Optional.ofNullable(network), thresholds, Instant.now(),
                        database().name());
                // written while the database is open, so that the guard knows it and never writes over it
                Output.write(this, output, (out, monitor) -> chosen.exporter().write(report, out, monitor));
            }
            Output.summary(this, output).println(TerminalText.escape("Wrote the usage report (" + chosen.label() + ", "
                    + report.subnets().size() + (report.subnets().size() == 1 ? " subnet" : " subnets") + ") to "
                    + Output.name(output)));
            for (String warning : chosen.exporter().warnings(report)) {
                spec.commandLine().getErr().println("ipdesk: warning: " + TerminalText.message(warning));
            }
            spec.commandLine().getErr().flush();
        }
    }
}
