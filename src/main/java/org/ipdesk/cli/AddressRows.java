package org.ipdesk.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.ipdesk.address.Mac;
import org.ipdesk.model.Address;
import org.ipdesk.model.AddressDetails;
import org.ipdesk.model.Subnet;

/** How {@code ip list} and {@code find} show addresses: one JSON object or table row each. */
final class AddressRows {
    private AddressRows() {
    }

    /** An address as JSON: {@code mac} is null when none is recorded, times are ISO-8601 instants to the second. */
    record AddressJson(String ip, String subnet, String network, String status, String hostname, String mac,
                       String owner, String description, String createdAt, String updatedAt) {

        static AddressJson of(Address address, Subnet subnet) {
            AddressDetails d = address.details();
            return new AddressJson(address.ip().toString(), subnet.cidr().toString(), subnet.networkName(),
                    d.status().label(), d.hostname(), d.mac().map(Mac::toString).orElse(null), d.owner(),
                    d.description(), address.createdAt().truncatedTo(ChronoUnit.SECONDS).toString(),
                    address.updatedAt().truncatedTo(ChronoUnit.SECONDS).toString());
        }
    }

    /** A table; the network and subnet columns only when the rows come from several subnets. */
    static void print(PrintWriter out, List<AddressJson> rows, boolean withSubnet) {
        Table table = withSubnet
                ? new Table("NETWORK", "SUBNET", "IP", "STATUS", "HOSTNAME", "MAC", "OWNER", "DESCRIPTION", "UPDATED")
                : new Table("IP", "STATUS", "HOSTNAME", "MAC", "OWNER", "DESCRIPTION", "UPDATED");
        for (AddressJson r : rows) {
            String mac = r.mac() == null ? "" : r.mac();
            if (withSubnet) {
                table.row(r.network(), r.subnet(), r.ip(), r.status(), r.hostname(), mac, r.owner(), r.description(),
                        seconds(r.updatedAt()));
            } else {
                table.row(r.ip(), r.status(), r.hostname(), mac, r.owner(), r.description(), seconds(r.updatedAt()));
            }
        }
        table.print(out);
    }

    private static String seconds(String instant) {
        return Instant.parse(instant).truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
