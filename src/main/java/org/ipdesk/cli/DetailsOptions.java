package org.ipdesk.cli;

import java.util.Optional;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.model.AddressDetails;
import org.ipdesk.model.AddressStatus;
import picocli.CommandLine.Option;

/** What an admin records about an address, shared by the commands that take addresses. */
final class DetailsOptions {
    @Option(names = "--status", paramLabel = "S",
            description = "allocated, reserved, dhcp or deprecated (default: allocated).")
    String status;

    @Option(names = "--hostname", paramLabel = "H", description = "The host name (RFC 1123).")
    String hostname;

    @Option(names = "--mac", paramLabel = "M", description = "The MAC address, in any usual notation.")
    String mac;

    @Option(names = "--owner", paramLabel = "O", description = "Who the address belongs to.")
    String owner;

    @Option(names = "--description", paramLabel = "T", description = "A note about the address.")
    String description;

    /** The details, with status allocated unless --status says otherwise; a bad status or MAC is refused. */
    AddressDetails details() {
        AddressStatus parsed = status == null ? AddressStatus.ALLOCATED : AddressStatus.parse(status);
        return new AddressDetails(parsed, hostname,
                mac == null ? Optional.empty() : Optional.of(Allocator.parseMac(mac)), owner, description);
    }
}
