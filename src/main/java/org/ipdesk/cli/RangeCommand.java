package org.ipdesk.cli;

import org.ipdesk.address.Cidr;
import org.ipdesk.address.Ip;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.allocator.AllocatorException;
import org.ipdesk.model.AddressRange;
import org.ipdesk.model.RangeKind;
import org.ipdesk.model.Subnet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ipdesk range add} and {@code ipdesk range edit}. */
@Command(name = "range", mixinStandardHelpOptions = true,
        description = "DHCP pools and reserved ranges of a subnet; automatic allocation never picks from them.",
        subcommands = {RangeCommand.Add.class, RangeCommand.Edit.class})
final class RangeCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "choose a range command: add, edit");
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

    @Command(name = "edit", mixinStandardHelpOptions = true,
            description = {"Changes the start, end, kind or description of a subnet's range, found by any address "
                    + "inside it.", "The changed range follows the rules of range add; what is not given stays."})
    static final class Edit extends CliCommand {
        @Parameters(index = "0", paramLabel = "SUBNET", description = "The subnet's CIDR, e.g. 10.0.0.0/24.")
        String subnet;

        @Parameters(index = "1", paramLabel = "ADDRESS", description = "Any address of the range, e.g. its start.")
        String address;

        @Option(names = "--start", paramLabel = "IP", description = "The new first address.")
        String start;

        @Option(names = "--end", paramLabel = "IP", description = "The new last address.")
        String end;

        @Option(names = "--kind", paramLabel = "dhcp|reserved", description = "The new kind of range.")
        String kind;

        @Option(names = "--description", paramLabel = "TEXT", description = "The new description (\"\" clears it).")
        String description;

        @Option(names = "--network", paramLabel = "NAME",
                description = "The network of SUBNET, when that CIDR exists in more than one.")
        String network;

        @Override
        void execute() {
            Cidr cidr = Cidr.parse(subnet);
            Ip inside = Ip.parse(address);
            try (Allocator allocator = openAllocator()) {
                Subnet target = subnet(allocator, cidr, network);
                AddressRange range = allocator.ranges(target.id()).stream().filter(r -> r.range().contains(inside))
                        .findFirst().orElseThrow(() -> new AllocatorException.NotFound(
                                inside + " is in no DHCP pool or reserved range of " + target.label()));
                AddressRange changed = allocator.updateRange(range.id(),
                        start == null ? range.range().start() : Ip.parse(start),
                        end == null ? range.range().end() : Ip.parse(end),
                        kind == null ? range.kind() : RangeKind.parse(kind),
                        description == null ? range.description() : description);
                say("Changed " + range.kind().label() + " range " + range.range() + " of " + target.label() + " to "
                        + changed.kind().label() + " range " + changed.range()
                        + (changed.description().isEmpty() ? "" : " (" + changed.description() + ")"));
            }
        }
    }
}
