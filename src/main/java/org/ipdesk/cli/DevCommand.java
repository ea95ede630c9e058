package org.ipdesk.cli;

import java.io.File;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.allocator.AllocatorException;
import org.ipdesk.allocator.SampleData;
import org.ipdesk.dev.DatasetGenerator;
import org.ipdesk.store.Location;
import org.ipdesk.store.OpenMode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/**
 * Developer tools: {@code ipdesk --db FILE dev generate --subnets N --addresses M} (bulk test data) and
 * {@code ipdesk --db FILE dev sample} (a small company's realistic database, for demos and screenshots).
 */
@Command(name = "dev", description = "Developer tools (test data).", mixinStandardHelpOptions = true,
        subcommands = {DevCommand.Generate.class, DevCommand.Sample.class})
public final class DevCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "choose a dev command: generate, sample");
    }

    @Command(name = "generate", mixinStandardHelpOptions = true,
            description = {"Fills an empty database with realistic test data: networks, /24 and /16 subnets, "
                    + "IPv6 /64s, DHCP and reserved ranges, and addresses with a mix of statuses.",
                    "Needs an explicit --db; the database must not have networks yet."})
    static final class Generate implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--subnets", required = true, paramLabel = "N", description = "How many subnets in all.")
        int subnets;

        @Option(names = "--addresses", required = true, paramLabel = "M", description = "How many held addresses.")
        long addresses;

        @Option(names = "--v6-subnets", paramLabel = "K",
                description = "How many of the subnets are IPv6 /64s (default: one in twenty).")
        Integer v6Subnets;

        @Option(names = "--seed", defaultValue = "1", paramLabel = "SEED",
                description = "Seed of the random layout (default: ${DEFAULT-VALUE}).")
        long seed;

        @Override
        public Integer call() {
            Location db = explicitDatabase(spec);
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            try {
                DatasetGenerator.Plan plan = new DatasetGenerator.Plan(subnets, addresses,
                        v6Subnets == null ? subnets / 20 : v6Subnets, seed);
                DatasetGenerator.Summary made;
                try (DatasetGenerator generator = DatasetGenerator.open(db)) {
                    made = generator.generate(plan, line -> {
                        err.println("  " + line);
                        err.flush();
                    });
                }
                out.printf("Generated %s in %.1f s: %,d networks, %,d subnets (%,d /24, %,d /16, %,d IPv6 /64), "
                                + "%,d ranges, %,d addresses%n", db, made.millis() / 1000.0, made.networks(),
                        made.subnets(), made.slash24(), made.slash16(), made.slash64(), made.ranges(), made.addresses());
                out.flush();
                return 0;
            } catch (AllocatorException e) {
                err.println("ipdesk: " + e.getMessage());
                err.flush();
                return 1;
            }
        }
    }

    @Command(name = "sample", mixinStandardHelpOptions = true,
            description = {"Fills an empty database with the sample data: three sites, IPv4 and IPv6 subnets, "
                    + "DHCP pools, a few thousand addresses in every status and some change history.",
                    "Needs an explicit --db; the database must not have networks yet."})
    static final class Sample extends CliCommand {
        @Override
        void execute() {
            Location db = explicitDatabase(spec);
            try (Allocator allocator = Allocator.open(db, OpenMode.CREATE, credentials())) {
                int addresses = SampleData.create(allocator);
                out().printf("Wrote the sample data to %s: %d networks, %d subnets, %,d addresses%n", db,
                        allocator.networks().size(), allocator.subnets().size(), addresses);
            }
        }
    }

    /**
     * The CLI's global {@code --db} FILE, which this command requires to be given explicitly (test data never
     * goes to the default database). The option is looked up on this command and its parents, so it works
     * whether {@code --db} is declared on the top-level command only or inherited by subcommands.
     */
    static Location explicitDatabase(CommandSpec spec) {
        for (CommandSpec level = spec; level != null; level = level.parent()) {
            OptionSpec option = level.findOption("--db");
            ParseResult parsed = level.commandLine() == null ? null : level.commandLine().getParseResult();
            if (option != null && parsed != null && parsed.hasMatchedOption("--db")) {
                Object value = parsed.matchedOptionValue("--db", null);
                if (value instanceof Location location) {
                    return location;
                }
                if (value instanceof Path path) {
                    return Location.of(path);
                }
                if (value instanceof File file) {
                    return Location.of(file.toPath());
                }
                if (value != null && !value.toString().isBlank()) {
                    return IpDeskCli.location(value.toString());
                }
            }
        }
        throw new ParameterException(spec.commandLine(),
                "dev " + spec.name() + " needs an explicit --db FILE (it never writes to the default database)");
    }
}
