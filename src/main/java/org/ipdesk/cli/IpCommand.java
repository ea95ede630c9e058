package org.ipdesk.cli;

import java.util.List;
import org.ipdesk.address.Cidr;
import org.ipdesk.address.Ip;
import org.ipdesk.address.IpVersion;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.allocator.GroupRequest;
import org.ipdesk.allocator.Strategy;
import org.ipdesk.model.Address;
import org.ipdesk.model.AddressDetails;
import org.ipdesk.model.Subnet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ipdesk ip reserve|next|block|pair|release|list}. */
@Command(name = "ip", mixinStandardHelpOptions = true,
        description = "Addresses of a subnet: take a specific one, let the allocator pick, give back, list.",
        subcommands = {IpCommand.Reserve.class, IpCommand.Next.class, IpCommand.Block.class, IpCommand.Pair.class,
                IpCommand.Release.class, IpCommand.ListAddresses.class})
final class IpCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(),
                "choose an ip command: reserve, next, block, pair, release, list");
    }

    /** The SUBNET parameter and the --network option that picks among equal CIDRs of several networks. */
    abstract static class SubnetCommandBase extends CliCommand {
        @Option(names = "--network", paramLabel = "NAME",
                description = "The network of the subnet, when that CIDR exists in more than one.")
        String network;

        Subnet find(Allocator allocator, Cidr cidr) {
            return subnet(allocator, cidr, network);
        }

        void printAddresses(List<Address> addresses) {
            addresses.forEach(a -> out().println(a.ip()));
        }
    }

    @Command(name = "reserve", mixinStandardHelpOptions = true,
            description = {"Takes a specific address of a subnet.",
                    "Its status is allocated unless --status says otherwise (reserve claims the address; "
                            + "--status reserved only records it as set aside)."})
    static final class Reserve extends SubnetCommandBase {
        @Parameters(index = "0", paramLabel = "SUBNET", description = "The subnet's CIDR, e.g. 10.0.0.0/24.")
        String subnet;

        @Parameters(index = "1", paramLabel = "IP", description = "The address to take.")
        String ip;

        @Mixin
        DetailsOptions details;

        @Override
        void execute() {
            Cidr cidr = Cidr.parse(subnet);
            Ip address = Ip.parse(ip);
            AddressDetails recorded = details.details();
            try (Allocator allocator = openAllocator()) {
                Subnet target = find(allocator, cidr);
                Address taken = allocator.reserve(target.id(), address, recorded);
                say(taken.ip() + " is now " + taken.status().label()
                        + (taken.details().hostname().isEmpty() && taken.details().owner().isEmpty()
                                ? "" : " to " + taken.holder())
                        + " in " + target.label());
            }
        }
    }

    @Command(name = "next", mixinStandardHelpOptions = true,
            description = {"Allocates the next free address(es) of a subnet and prints each on its own line.",
                    "Never the gateway, an unusable address, one in a DHCP or reserved range, or one already held. "
                            + "Several addresses are all or nothing."})
    static final class Next extends SubnetCommandBase {
        @Parameters(paramLabel = "SUBNET", description = "The subnet's CIDR, e.g. 10.0.0.0/24.")
        String subnet;

        @Option(names = "--count", paramLabel = "N", defaultValue = "1", description = "How many addresses (default: 1; "
                + "at most " + Allocator.MAX_ADDRESSES_PER_COMMAND + " in one command, and never more than are free).")
        int count;

        @Option(names = "--strategy", paramLabel = "first|random", defaultValue = "first",
                description = "The lowest free addresses, or uniformly random ones (default: first).")
        String strategy;

        @Mixin
        DetailsOptions details;

        @Override
        void execute() {
            Cidr cidr = Cidr.parse(subnet);
            Strategy how = Strategy.parse(strategy);
            AddressDetails recorded = details.details();
            try (Allocator allocator = openAllocator()) {
                Subnet target = find(allocator, cidr);
                printAddresses(allocator.allocateNext(target.id(), count, how, recorded));
            }
        }
    }

    @Command(name = "block", mixinStandardHelpOptions = true,
            description = "Allocates a run of contiguous free addresses (the lowest that fits) and prints each address "
                    + "on its own line.")
    static final class Block extends SubnetCommandBase {
        @Parameters(paramLabel = "SUBNET", description = "The subnet's CIDR, e.g. 10.0.0.0/24.")
        String subnet;

        @Option(names = "--count", required = true, paramLabel = "N", description = "How many contiguous addresses "
                + "(at most " + Allocator.MAX_ADDRESSES_PER_COMMAND + " in one command).")
        int count;

        @Mixin
        DetailsOptions details;

        @Override
        void execute() {
            Cidr cidr = Cidr.parse(subnet);
            AddressDetails recorded = details.details();
            try (Allocator allocator = openAllocator()) {
                Subnet target = find(allocator, cidr);
                printAddresses(allocator.allocateBlock(target.id(), count, recorded));
            }
        }
    }

    @Command(name = "pair", mixinStandardHelpOptions = true,
            description = {"Allocates one IPv4 and one IPv6 address for a dual-stack host, both or neither, and "
                    + "prints them (IPv4 first).",
                    "--hostname is required; --network applies to both subnets."})
    static final class Pair extends SubnetCommandBase {
        @Parameters(index = "0", paramLabel = "V4_SUBNET", description = "The IPv4 subnet's CIDR.")
        String v4;

        @Parameters(index = "1", paramLabel = "V6_SUBNET", description = "The IPv6 subnet's CIDR.")
        String v6;

        @Mixin
        DetailsOptions details;

        @Override
        void execute() {
            if (details.hostname == null || details.hostname.isBlank()) {
                throw new ParameterException(spec.commandLine(), "Missing required option: '--hostname=H'");
            }
            Cidr v4Cidr = Cidr.parse(v4);
            Cidr v6Cidr = Cidr.parse(v6);
            if (v4Cidr.version() != IpVersion.V4) {
                throw new IllegalArgumentException(v4Cidr + " is not an IPv4 subnet (V4_SUBNET comes first)");
            }
            if (v6Cidr.version() != IpVersion.V6) {
                throw new IllegalArgumentException(v6Cidr + " is not an IPv6 subnet (V6_SUBNET comes second)");
            }
            AddressDetails recorded = details.details();
            try (Allocator allocator = openAllocator()) {
                Subnet four = find(allocator, v4Cidr);
                Subnet six = find(allocator, v6Cidr);
                printAddresses(allocator.allocateGroup(List.of(GroupRequest.next(four.id(), recorded),
                        GroupRequest.next(six.id(), recorded))));
            }
        }
    }

    @Command(name = "release", mixinStandardHelpOptions = true,
            description = "Gives a held address back to its subnet's free space.")
    static final class Release extends SubnetCommandBase {
        @Parameters(index = "0", paramLabel = "SUBNET", description = "The subnet's CIDR, e.g. 10.0.0.0/24.")
        String subnet;

        @Parameters(index = "1", paramLabel = "IP", description = "The address to release.")
        String ip;

        @Override
        void execute() {
            Cidr cidr = Cidr.parse(subnet);
            Ip address = Ip.parse(ip);
            try (Allocator allocator = openAllocator()) {
                Subnet target = find(allocator, cidr);
                Address released = allocator.release(target.id(), address);
                say("Released " + released.ip() + " in " + target.label() + " (was "
                        + released.status().label() + " to " + released.holder() + ")");
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the held addresses of a subnet.")
    static final class ListAddresses extends SubnetCommandBase {
        @Parameters(paramLabel = "SUBNET", description = "The subnet's CIDR, e.g. 10.0.0.0/24.")
        String subnet;

        @Option(names = "--json", description = "Print a JSON array of {ip, subnet, network, status, hostname, mac, "
                + "owner, description, created_at, updated_at}.")
        boolean json;

        @Override
        void execute() {
            Cidr cidr = Cidr.parse(subnet);
            List<AddressRows.AddressJson> rows;
            try (Allocator allocator = openAllocator()) {
                Subnet target = find(allocator, cidr);
                rows = allocator.addresses(target.id()).stream().map(a -> AddressRows.AddressJson.of(a, target)).toList();
            }
            if (json) {
                printJson(rows);
            } else if (rows.isEmpty()) {
                out().println("No addresses held in " + cidr + ".");
            } else {
                AddressRows.print(out(), rows, false);
            }
        }
    }
}
