package org.ipdesk.cli;

import java.io.PrintWriter;
import org.ipdesk.address.Cidr;
import org.ipdesk.address.Ip;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ipdesk calc CIDR [--json]}: the figures of a CIDR block. Needs no database. */
@Command(name = "calc", mixinStandardHelpOptions = true,
        description = {"Shows the netmask, broadcast, usable range and sizes of a CIDR block.",
                "Needs no database. Usable addresses: IPv4 /31 and /32 and IPv6 /127 and /128 are wholly usable; "
                        + "other IPv4 blocks lose the network and broadcast address, other IPv6 blocks the first "
                        + "(subnet-router anycast) address."})
final class CalcCommand extends CliCommand {
    @Parameters(paramLabel = "CIDR", description = "A block such as 10.0.0.0/24 or 2001:db8::/64.")
    String cidr;

    @Option(names = "--json", description = "Print a JSON object.")
    boolean json;

    /** The JSON form; {@code broadcast} is null for IPv6, sizes are decimal strings (an IPv6 /64 holds 2^64). */
    record CalcJson(int version, String network, int prefixLength, String netmask, String hostmask, String broadcast,
                    String firstUsable, String lastUsable, String total, String usable) {
    }

    @Override
    void execute() {
        Cidr block = Cidr.parse(cidr);
        CalcJson figures = new CalcJson(block.version().number(), block.network().toString(), block.prefixLength(),
                block.netmask().toString(), block.hostmask().toString(), block.broadcast().map(Ip::toString).orElse(null),
                block.firstUsable().toString(), block.lastUsable().toString(), block.total().toString(),
                block.usableCount().toString());
        if (json) {
            printJson(figures);
            return;
        }
        PrintWriter out = out();
        line(out, "CIDR", block.toString());
        line(out, "Version", "IPv" + figures.version());
        line(out, "Network", figures.network());
        line(out, "Prefix length", "/" + figures.prefixLength());
        line(out, "Netmask", figures.netmask());
        line(out, "Hostmask", figures.hostmask());
        line(out, "Broadcast", figures.broadcast() == null ? "none (IPv6)" : figures.broadcast());
        line(out, "First usable", figures.firstUsable());
        line(out, "Last usable", figures.lastUsable());
        line(out, "Total", figures.total());
        line(out, "Usable", figures.usable());
    }

    private static void line(PrintWriter out, String label, String value) {
        out.printf("%-15s%s%n", label + ":", value);
    }
}
