package org.ipdesk.cli;

import java.util.List;
import org.ipdesk.allocator.Allocator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ipdesk find QUERY [--json]}. */
@Command(name = "find", mixinStandardHelpOptions = true,
        description = {"Finds held addresses across all networks: by IP, by CIDR (every address inside), by MAC, or "
                + "by text in the host name, owner, MAC or description.",
                "At most " + Allocator.SEARCH_LIMIT + " addresses are shown."})
final class FindCommand extends CliCommand {
    @Parameters(paramLabel = "QUERY", description = "An IP, a CIDR, a MAC or some text.")
    String query;

    @Option(names = "--json", description = "Print a JSON array of {ip, subnet, network, status, hostname, mac, "
            + "owner, description, created_at, updated_at}.")
    boolean json;

    @Override
    void execute() {
        List<AddressRows.AddressJson> rows;
        try (Allocator allocator = openAllocator()) {
            rows = allocator.find(query).stream()
                    .map(v -> AddressRows.AddressJson.of(v.address(), v.subnet())).toList();
        }
        if (json) {
            printJson(rows);
        } else if (rows.isEmpty()) {
            out().println("No address matches " + TerminalText.quoted(query.strip()) + ".");
        } else {
            AddressRows.print(out(), rows, true);
        }
    }
}
