package org.ipdesk.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.List;
import org.ipdesk.address.IpRange;
import org.ipdesk.address.IpVersion;

/**
 * Kea DHCPv4 and DHCPv6: each file is a JSON array of {@code subnet4} (or {@code subnet6}) entries, meant to be the
 * value of that key in the server's configuration: {@code "subnet4": <?include "/etc/kea/ipdesk-kea-dhcp4.json"?>}.
 * Each subnet's {@code id} is its IPDesk database id, so it stays the same from one export to the next (Kea keys its
 * leases by it); pools come from the DHCP ranges, the gateway becomes the {@code routers} option (IPv4), and
 * reservations carry {@code hw-address}, {@code ip-address} (IPv4) or {@code ip-addresses} (IPv6) and
 * {@code hostname}.
 */
final class KeaWriter {
    static final String V4_FILE = "ipdesk-kea-dhcp4.json";
    static final String V6_FILE = "ipdesk-kea-dhcp6.json";

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ObjectWriter WRITER = MAPPER.writer(new DefaultPrettyPrinter(
            Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
            .withArrayIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n"))
            .withObjectIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n")));

    private KeaWriter() {
    }

    static List<ServiceFile> write(ServiceRecords records) {
        return List.of(new ServiceFile(V4_FILE, subnets(records, IpVersion.V4)),
                new ServiceFile(V6_FILE, subnets(records, IpVersion.V6)));
    }

    private static String subnets(ServiceRecords records, IpVersion version) {
        ArrayNode subnets = MAPPER.createArrayNode();
        for (ServiceRecords.Link link : records.links) {
            if (link.version() != version) {
                continue;
            }
            ObjectNode subnet = subnets.addObject();
            subnet.put("id", link.subnet().id());
            subnet.put("subnet", link.cidr().toString());
            if (!link.pools().isEmpty()) {
                ArrayNode pools = subnet.putArray("pools");
                for (IpRange pool : link.pools()) {
                    pools.addObject().put("pool", pool.start() + " - " + pool.end());
                }
            }
            if (version == IpVersion.V4 && link.subnet().gateway().isPresent()) {
                subnet.putArray("option-data").addObject()
                        .put("name", "routers")
                        .put("data", link.subnet().gateway().get().toString());
            }
            if (!link.reservations().isEmpty()) {
                ArrayNode reservations = subnet.putArray("reservations");
                for (ServiceRecords.Reservation r : link.reservations()) {
                    ObjectNode entry = reservations.addObject();
                    entry.put("hw-address", r.mac().toString());
                    if (version == IpVersion.V4) {
                        entry.put("ip-address", r.ip().toString());
                    } else {
                        entry.putArray("ip-addresses").add(r.ip().toString());
                    }
                    if (!r.name().isEmpty()) {
                        entry.put("hostname", r.name());
                    }
                }
            }
        }
        try {
            return WRITER.writeValueAsString(subnets) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
