package org.ipdesk.cli;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.ipdesk.address.Cidr;
import org.ipdesk.address.Ip;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.model.Subnet;
import org.ipdesk.model.SubnetSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ipdesk subnet add|edit|list|next-free}. */
@Command(name = "subnet", mixinStandardHelpOptions = true,
        description = "Subnets of a network. A subnet inside another becomes its child; the tree follows containment.",
        subcommands = {SubnetCommand.Add.class, SubnetCommand.Edit.class, SubnetCommand.ListSubnets.class,
                SubnetCommand.NextFree.class})
final class SubnetCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "choose a subnet command: add, edit, list, next-free");
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = {"Creates a subnet in a network.",
                    "Inside an existing subnet it becomes that subnet's child (and takes over the addresses held "
                            + "in it); subnets it contains become its children."})
    static final class Add extends CliCommand {
        @Parameters(index = "0", paramLabel = "NETWORK", description = "The network's name.")
        String network;

        @Parameters(index = "1", paramLabel = "CIDR", description = "The block, e.g. 10.0.0.0/24 (no host bits set).")
        String cidr;

        @Option(names = "--name", paramLabel = "TEXT", description = "A name for the subnet.")
        String name;

        @Option(names = "--gateway", paramLabel = "IP", description = "The gateway address (a usable address of the subnet).")
        String gateway;

        @Option(names = "--vlan", paramLabel = "N", description = "The VLAN id (1-4094).")
        Integer vlan;

        @Option(names = "--description", paramLabel = "TEXT", description = "What the subnet is for.")
        String description;

        @Option(names = "--stale-days", paramLabel = "N", description = "After how many days without being seen a "
                + "held address of this subnet is stale (ipdesk reconcile, the grid's seen mark); 1-3650, default "
                + Subnet.DEFAULT_STALE_DAYS + ".")
        Integer staleDays;

        @Override
        void execute() {
            SubnetSpec subnetSpec = new SubnetSpec(Cidr.parse(cidr), name, description,
                    vlan == null ? OptionalInt.empty() : OptionalInt.of(vlan),
                    gateway == null ? Optional.empty() : Optional.of(Ip.parse(gateway)),
                    staleDays == null ? OptionalInt.empty() : OptionalInt.of(staleDays));
            try (Allocator allocator = openAllocator()) {
                Subnet created = allocator.createSubnet(network, subnetSpec);
                String inside = created.parentId().isPresent()
                        ? " inside " + allocator.subnet(created.parentId().getAsLong()).cidr()
                        : "";
                say("Created subnet " + created.label() + inside);
            }
        }
    }

    @Command(name = "edit", mixinStandardHelpOptions = true,
            description = {"Changes a subnet's name, description, VLAN, gateway or stale days; what is not given "
                    + "stays as it is. The CIDR of a subnet never changes.",
                    "Example: ipdesk subnet edit 10.0.0.0/24 --stale-days 7"})
    static final class Edit extends CliCommand {
        @Parameters(index = "0", paramLabel = "CIDR", description = "The subnet, e.g. 10.0.0.0/24.")
        String cidr;

        @Option(names = "--network", paramLabel = "NAME",
                description = "The subnet's network, needed only when the CIDR is in several networks.")
        String network;

        @Option(names = "--name", paramLabel = "TEXT", description = "A new name.")
        String name;

        @Option(names = "--description", paramLabel = "TEXT", description = "A new description.")
        String description;

        @Option(names = "--vlan", paramLabel = "N|none", description = "A new VLAN id (1-4094), or none.")
        String vlan;

        @Option(names = "--gateway", paramLabel = "IP|none", description = "A new gateway address, or none.")
        String gateway;

        @Option(names = "--stale-days", paramLabel = "N|default", description = "After how many days without being "
                + "seen a held address is stale (1-3650), or default (" + Subnet.DEFAULT_STALE_DAYS + ").")
        String staleDays;

        @Override
        void execute() {
            if (name == null && description == null && vlan == null && gateway == null && staleDays == null) {
                throw new IllegalArgumentException("say what to change: --name, --description, --vlan, --gateway "
                        + "or --stale-days");
            }
            try (Allocator allocator = openAllocator()) {
                Subnet subnet = allocator.findSubnet(Cidr.parse(cidr), Optional.ofNullable(network));
                SubnetSpec changed = new SubnetSpec(subnet.cidr(), name == null ? subnet.name() : name,
                        description == null ? subnet.description() : description,
                        vlan == null ? subnet.vlan() : number(vlan, "none", "--vlan"),
                        gateway == null ? subnet.gateway()
                                : "none".equalsIgnoreCase(gateway.strip()) ? Optional.empty()
                                : Optional.of(Ip.parse(gateway)),
                        staleDays == null ? subnet.staleDays() : number(staleDays, "default", "--stale-days"));
                Subnet after = allocator.updateSubnet(subnet, changed);
                say("Changed subnet " + after.label() + (after.staleDays().equals(subnet.staleDays()) ? ""
                        : "; held addresses are stale after " + after.staleDaysOrDefault() + " days unseen"));
            }
        }

        /** A number given as text, or {@code none} (the word that empties the field). */
        private static OptionalInt number(String text, String none, String option) {
            String t = text.strip();
            if (t.equalsIgnoreCase(none)) {
                return OptionalInt.empty();
            }
            if (!t.matches("[0-9]{1,9}")) {
                throw new IllegalArgumentException(option + " '" + text + "' is not a number or '"
                        + none + "'");
            }
            return OptionalInt.of(Integer.parseInt(t));
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Lists the subnets of one network, or of all; child subnets are indented under their parent.")
    static final class ListSubnets extends CliCommand {
        @Parameters(paramLabel = "NETWORK", arity = "0..1", description = "Only this network's subnets.")
        String network;

        @Option(names = "--json", description = "Print a JSON array of {network, cidr, name, vlan, gateway, parent}.")
        boolean json;

        record SubnetJson(String network, String cidr, String name, Integer vlan, String gateway, String parent) {
        }

        @Override
        void execute() {
            List<Subnet> subnets;
            try (Allocator allocator = openAllocator()) {
                subnets = network == null ? allocator.subnets() : allocator.subnets(network);
            }
            Map<Long, Subnet> byId = new HashMap<>();
            subnets.forEach(s -> byId.put(s.id(), s));
            if (json) {
                printJson(subnets.stream().map(s -> new SubnetJson(s.networkName(), s.cidr().toString(), s.name(),
                        s.vlan().isPresent() ? s.vlan().getAsInt() : null,
                        s.gateway().map(Ip::toString).orElse(null),
                        s.parentId().isPresent() ? byId.get(s.parentId().getAsLong()).cidr().toString() : null))
                        .toList());
                return;
            }
            if (subnets.isEmpty()) {
                out().println("No subnets.");
                return;
            }
            Table table = new Table("NETWORK", "CIDR", "NAME", "VLAN", "GATEWAY", "PARENT", "DESCRIPTION").alignRight(3);
            for (Subnet s : subnets) {
                table.row(s.networkName(), "  ".repeat(depth(s, byId)) + s.cidr(), s.name(),
                        s.vlan().isPresent() ? s.vlan().getAsInt() : "", s.gateway().map(Ip::toString).orElse(""),
                        s.parentId().isPresent() ? byId.get(s.parentId().getAsLong()).cidr() : "", s.description());
            }
            table.print(out());
        }
    }

    /** How many ancestors a subnet has. */
    static int depth(Subnet subnet, Map<Long, Subnet> byId) {
        int depth = 0;
        for (Subnet s = subnet; s.parentId().isPresent() && byId.containsKey(s.parentId().getAsLong()); ) {
            s = byId.get(s.parentId().getAsLong());
            depth++;
        }
        return depth;
    }

    @Command(name = "next-free", mixinStandardHelpOptions = true,
            description = {"Carves the next free block of the given prefix length out of a subnet and creates it "
                    + "as a child. Prints the new CIDR.",
                    "Among the free gaps of the parent (space not taken by child subnets, ranges, the gateway or "
                            + "held addresses) the smallest that fits wins, and its lowest block is taken."})
    static final class NextFree extends CliCommand {
        @Parameters(index = "0", paramLabel = "NETWORK", description = "The network's name.")
        String network;

        @Parameters(index = "1", paramLabel = "PARENT_CIDR", description = "The subnet to carve from, e.g. 10.0.0.0/16.")
        String parent;

        @Option(names = "--prefix", required = true, paramLabel = "N", description = "The new block's prefix length, e.g. 24.")
        int prefix;

        @Option(names = "--name", paramLabel = "TEXT", description = "A name for the new subnet.")
        String name;

        @Override
        void execute() {
            Cidr parentCidr = Cidr.parse(parent);
            try (Allocator allocator = openAllocator()) {
                Subnet created = allocator.createNextFreeChild(network, parentCidr, prefix, name);
                out().println(created.cidr());
            }
        }
    }
}
