package org.ipdesk.cli;

import org.ipdesk.address.Cidr;
import org.ipdesk.address.Ip;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.model.AddressRange;
import org.ipdesk.model.RangeKind;
import org.ipdesk.model.Subnet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ipdesk range add}. */
@Command(name = "range", mixinStandardHelpOptions = true,
        description = "DHCP pools and reserved ranges of a subnet; automatic allocation never picks from them.",
        subcommands = RangeCommand.Add.class)
final class RangeCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "choose a range command: add");
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = {"Adds a DHCP pool or a reserved range to a subnet.",
                    "It must lie in the subnet's usable addresses and overlap no other range, child subnet or the "
                            + "gateway; a DHCP pool may only contain addresses of status dhcp."})
    static final class Add extends CliCommand {
        @Parameters(index = "0", paramLabel = "SUBNET", description = "The subnet's CIDR, e.g. 10.0.0.0/24.")
        String subnet;

        @Parameters(index = "1", paramLabel = "START", description = "The first address of the range.")
        String start;

        @Parameters(index = "2", paramLabel = "END", description = "The last address of the range.")
        String end;

        @Option(names = "--kind", required = true, paramLabel = "dhcp|reserved", description = "The kind of range.")
        String kind;

        @Option(names = "--description", paramLabel = "TEXT", description = "What the range is for.")
        String description;

        @Option(names = "--network", paramLabel = "NAME",
                description = "The network of SUBNET, when that CIDR exists in more than one.")
        String network;

        @Override
        void execute() {
            Cidr cidr = Cidr.parse(subnet);
            Ip first = Ip.parse(start);
            Ip last = Ip.parse(end);
            RangeKind rangeKind = RangeKind.parse(kind);
            try (Allocator allocator = openAllocator()) {
                Subnet target = subnet(allocator, cidr, network);
                AddressRange range = allocator.addRange(target.id(), first, last, rangeKind, description);
                say("Added " + range.kind().label() + " range " + range.range() + " to " + target.label());
            }
        }
    }
}
