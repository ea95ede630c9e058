package org.ipdesk.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.ipdesk.address.Cidr;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.exchange.AddressCsv;
import org.ipdesk.exchange.AddressList;
import org.ipdesk.exchange.AddressXlsx;
import org.ipdesk.exchange.DatabaseExport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ipdesk export addresses [NETWORK [SUBNET]] --format csv|xlsx -o FILE} and {@code ipdesk export database -o FILE}. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Exports data to a file.",
        subcommands = {ExportCommand.Addresses.class, ExportCommand.Database.class, ServiceExportCommand.Kea.class,
                ServiceExportCommand.Dhcpd.class, ServiceExportCommand.Dnsmasq.class, ServiceExportCommand.Hosts.class,
                ServiceExportCommand.Bind.class})
final class ExportCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "choose what to export: addresses, database, "
                + "kea, dhcpd, dnsmasq or hosts");
    }

    @Command(name = "addresses", mixinStandardHelpOptions = true,
            description = {"Writes the held addresses of every network, of one network, or of one subnet and its "
                    + "child subnets to a CSV or XLSX file, ordered by network and address.",
                    "Columns: ip, subnet, network, status, hostname, mac, owner, description, created_at, "
                            + "updated_at, last_seen, last_seen_by (times in UTC; when a scan, lease file or "
                            + "neighbour table last saw the address and that file's name, empty when never seen; "
                            + "'ipdesk import' ignores these two). A text cell starting with = + - @ ' tab or carriage return "
                            + "gets a leading ' so that a spreadsheet does not run it as a formula; 'ipdesk import' "
                            + "removes it again.",
                    "The file is written completely or not at all; an existing file is replaced only when the new "
                            + "one is complete. The open database, another database, a folder, a device or a pipe "
                            + "is never replaced. -o - writes to standard output (XLSX only when it is not a "
                            + "terminal); the summary then goes to standard error."})
    static final class Addresses extends CliCommand {
        @Parameters(index = "0", paramLabel = "NETWORK", arity = "0..1", description = "Only this network.")
        String network;

        @Parameters(index = "1", paramLabel = "SUBNET", arity = "0..1",
                description = "Only this subnet of NETWORK (a CIDR such as 10.0.0.0/24) and its child subnets.")
        String subnet;

        @Option(names = "--format", required = true, paramLabel = "FORMAT", description = "csv or xlsx.")
        String format;

        @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE",
                description = "The file to write, or - for standard output; its folder must exist. "
                        + "An existing file is replaced, a database never.")
        Path output;

        @Override
        void execute() {
            String chosen = format.strip().toLowerCase(Locale.ROOT);
            if (!chosen.equals("csv") && !chosen.equals("xlsx")) {
                throw new IllegalArgumentException("'" + format + "' is not an address export format (csv, xlsx)");
            }
            Optional<Cidr> cidr = Optional.ofNullable(subnet).map(Cidr::parse);
            Output.check(this, output, "XLSX", chosen.equals("xlsx"));
            AddressList list;
            try (Allocator allocator = openAllocator()) {
                list = AddressList.read(allocator, Optional.ofNullable(network), cidr);
                // written while the database is open, so that the guard knows it and never writes over it
                Output.write(this, output, (out, monitor) -> {
                    if (chosen.equals("csv")) {
                        new AddressCsv().write(list, out, monitor);
                    } else {
                        new AddressXlsx().write(list, out, monitor);
                    }
                });
            }
            int n = list.entries().size();
            Output.summary(this, output).println("Wrote " + n + (n == 1 ? " address" : " addresses") + " (" + chosen
                    + ") to " + Output.name(output));
        }
    }

    @Command(name = "database", mixinStandardHelpOptions = true,
            description = {"Writes the whole database (every network, subnet, range and held address) to one CSV file "
                    + "in IPDesk's own import layout, so that 'ipdesk import FILE' into an empty database gives the "
                    + "same content, and into this database finds every row unchanged.",
                    "Columns: kind, network, cidr, name, vlan, gateway, description, start, end, range_kind, ip, "
                            + "status, hostname, mac, owner. Not written: the change log and the times of the "
                            + "addresses (an import records its own). A text cell starting with = + - @ ' tab or "
                            + "carriage return gets a leading ', which 'ipdesk import' removes again.",
                    "The file is read in one transaction (one moment of the database) and written completely or not "
                            + "at all."})
    static final class Database extends CliCommand {
        @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE",
                description = "The CSV file to write, or - for standard output; its folder must exist. An existing "
                        + "file is replaced.")
        Path output;

        @Override
        void execute() {
            Output.check(this, output, "CSV", false);
            DatabaseExport.Counts[] counts = new DatabaseExport.Counts[1];
            try (Allocator allocator = openAllocator()) {
                Output.write(this, output, (out, monitor) -> counts[0] = DatabaseExport.write(allocator, out, monitor));
            }
            Output.summary(this, output).println(TerminalText.escape("Wrote " + counts[0].describe() + " to "
                    + Output.name(output)));
        }
    }
}
