package org.ipdesk.cli;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.model.AddressCounts;
import org.ipdesk.model.Network;
import org.ipdesk.model.Subnet;
import org.ipdesk.model.Usage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ipdesk usage [NETWORK] [--json]}. */
@Command(name = "usage", mixinStandardHelpOptions = true,
        description = {"Shows how full each subnet and network is.",
                "A subnet's figures include its child subnets; a network's are the sum of its top-level subnets. "
                        + "Unheld addresses in DHCP pools count as dhcp, those in reserved ranges and an unheld "
                        + "gateway as reserved. Used = usable - free."})
final class UsageCommand extends CliCommand {
    @Parameters(paramLabel = "NETWORK", arity = "0..1", description = "Only this network.")
    String network;

    @Option(names = "--json", description = "Print a JSON object {subnets: [...], networks: [...]}; counts are "
            + "decimal strings, percent a number with two decimals.")
    boolean json;

    record SubnetUsage(String network, String cidr, String usable, String allocated, String reserved, String dhcp,
                       String deprecated, String free, BigDecimal percent) {
    }

    record NetworkUsage(String network, String usable, String allocated, String reserved, String dhcp,
                        String deprecated, String free, BigDecimal percent) {
    }

    record UsageJson(List<SubnetUsage> subnets, List<NetworkUsage> networks) {
    }

    @Override
    void execute() {
        List<Subnet> subnets;
        List<SubnetUsage> subnetRows = new ArrayList<>();
        List<NetworkUsage> networkRows = new ArrayList<>();
        Map<Long, Subnet> byId = new HashMap<>();
        try (Allocator allocator = openAllocator()) {
            List<Network> networks = network == null ? allocator.networks() : List.of(allocator.network(network));
            subnets = network == null ? allocator.subnets() : allocator.subnets(network);
            Map<Long, Usage> usage = allocator.usageBySubnet();
            for (Subnet s : subnets) {
                byId.put(s.id(), s);
                Usage u = usage.getOrDefault(s.id(), Usage.ZERO);
                subnetRows.add(new SubnetUsage(s.networkName(), s.cidr().toString(), str(u.usable()),
                        str(u.allocated()), str(u.reserved()), str(u.dhcp()), str(u.deprecated()), str(u.free()),
                        u.percent()));
            }
            for (Network n : networks) {
                Usage u = allocator.networkUsage(n.name());
                networkRows.add(new NetworkUsage(n.name(), str(u.usable()), str(u.allocated()), str(u.reserved()),
                        str(u.dhcp()), str(u.deprecated()), str(u.free()), u.percent()));
            }
        }
        if (json) {
            printJson(new UsageJson(subnetRows, networkRows));
            return;
        }
        PrintWriter out = out();
        if (networkRows.isEmpty()) {
            out.println("No networks.");
            return;
        }
        if (subnetRows.isEmpty()) {
            out.println("No subnets.");
        } else {
            Table table = new Table("NETWORK", "SUBNET", "USABLE", "ALLOCATED", "RESERVED", "DHCP", "DEPRECATED",
                    "FREE", "USED").alignRight(2, 3, 4, 5, 6, 7, 8);
            for (int i = 0; i < subnets.size(); i++) {
                SubnetUsage r = subnetRows.get(i);
                table.row(r.network(), "  ".repeat(SubnetCommand.depth(subnets.get(i), byId)) + r.cidr(),
                        count(r.usable()), count(r.allocated()), count(r.reserved()), count(r.dhcp()),
                        count(r.deprecated()), count(r.free()), r.percent() + "%");
            }
            table.print(out);
        }
        out.println();
        out.println("Totals per network (sum of top-level subnets):");
        Table totals = new Table("NETWORK", "USABLE", "ALLOCATED", "RESERVED", "DHCP", "DEPRECATED", "FREE", "USED")
                .alignRight(1, 2, 3, 4, 5, 6, 7);
        for (NetworkUsage r : networkRows) {
            totals.row(r.network(), count(r.usable()), count(r.allocated()), count(r.reserved()), count(r.dhcp()),
                    count(r.deprecated()), count(r.free()), r.percent() + "%");
        }
        totals.print(out);
    }

    /** A count of the text table, written as the window writes it ("16,777,214", "2^64 − 1"). */
    private static String count(String exact) {
        return AddressCounts.compact(new java.math.BigInteger(exact));
    }

    private static String str(java.math.BigInteger value) {
        return value.toString();
    }
}
