package org.ipdesk.cli;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.model.Network;
import org.ipdesk.model.Subnet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ipdesk network add|list}. */
@Command(name = "network", mixinStandardHelpOptions = true,
        description = "Networks: named containers of subnets (a site or a VRF); subnets of different networks may overlap.",
        subcommands = {NetworkCommand.Add.class, NetworkCommand.ListNetworks.class})
final class NetworkCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "choose a network command: add, list");
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Creates a network.")
    static final class Add extends CliCommand {
        @Parameters(paramLabel = "NAME", description = "The network's name (unique, at most 100 characters).")
        String name;

        @Option(names = "--description", paramLabel = "TEXT", description = "What the network is.")
        String description;

        @Override
        void execute() {
            try (Allocator allocator = createOrOpenAllocator()) {
                Network network = allocator.createNetwork(name, description);
                say("Created network '" + network.name() + "'");
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the networks with their subnet counts.")
    static final class ListNetworks extends CliCommand {
        @Option(names = "--json", description = "Print a JSON array of {name, description, subnets}.")
        boolean json;

        record NetworkJson(String name, String description, int subnets) {
        }

        @Override
        void execute() {
            List<NetworkJson> rows;
            try (Allocator allocator = openAllocator()) {
                Map<Long, Integer> counts = new HashMap<>();
                for (Subnet subnet : allocator.subnets()) {
                    counts.merge(subnet.networkId(), 1, Integer::sum);
                }
                rows = allocator.networks().stream()
                        .map(n -> new NetworkJson(n.name(), n.description(), counts.getOrDefault(n.id(), 0)))
                        .toList();
            }
            if (json) {
                printJson(rows);
                return;
            }
            if (rows.isEmpty()) {
                out().println("No networks.");
                return;
            }
            Table table = new Table("NAME", "SUBNETS", "DESCRIPTION").alignRight(1);
            rows.forEach(r -> table.row(r.name(), r.subnets(), r.description()));
            table.print(out());
        }
    }
}
