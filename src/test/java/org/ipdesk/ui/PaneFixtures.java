package org.ipdesk.ui;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Random;
import org.ipdesk.address.Cidr;
import org.ipdesk.address.Ip;
import org.ipdesk.address.Mac;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.model.AddressDetails;
import org.ipdesk.model.AddressStatus;
import org.ipdesk.model.RangeKind;
import org.ipdesk.model.Subnet;
import org.ipdesk.model.SubnetSpec;
import org.ipdesk.store.Database;
import org.ipdesk.store.Location;
import org.ipdesk.store.OpenMode;

/**
 * A small database for the subnet header and details pane tests, written by user "alice" with a clock that
 * moves one minute per change from 2026-11-26 12:00 UTC: an IPv4 /24 with gateway, VLAN, description, a DHCP
 * range and four allocated addresses (one with every field, one allocated, updated and released), an IPv4 /31
 * and an IPv6 /64.
 */
public final class PaneFixtures {

    public static final Instant START = Instant.parse("2026-11-26T12:00:00Z");

    public final Subnet lan;
    public final Subnet p2p;
    public final Subnet v6;

    private PaneFixtures(Subnet lan, Subnet p2p, Subnet v6) {
        this.lan = lan;
        this.p2p = p2p;
        this.v6 = v6;
    }

    /** An allocator as "alice", its clock one minute further at every reading. */
    public static Allocator open(Path file) {
        return new Allocator(Database.open(file), new SteppingClock(START), "alice", new Random(7));
    }

    /** The same on a new database at {@code location} (a file, or a team database; see {@code store.Engine}). */
    public static Allocator open(Location location) {
        return new Allocator(Database.open(location, OpenMode.CREATE), new SteppingClock(START), "alice",
                new Random(7));
    }

    /** Writes the subnets and addresses described above. */
    public static PaneFixtures seed(Allocator allocator) {
        allocator.createNetwork("lab", "Test lab");
        Subnet lan = allocator.createSubnet("lab", SubnetSpec.of(Cidr.parse("10.0.0.0/24")).withName("Office LAN")
                .withVlan(20).withGateway(Ip.parse("10.0.0.1")).withDescription("Second floor, wired desks"));
        allocator.addRange(lan.id(), Ip.parse("10.0.0.100"), Ip.parse("10.0.0.199"), RangeKind.DHCP, "desk pool");
        allocator.reserve(lan.id(), Ip.parse("10.0.0.2"), new AddressDetails(AddressStatus.ALLOCATED, "web-01",
                Optional.of(Mac.parse("00:1A:2B:3C:4D:5E")), "alice", "Front web server"));
        allocator.reserve(lan.id(), Ip.parse("10.0.0.3"), AddressDetails.allocated("web-02"));
        allocator.reserve(lan.id(), Ip.parse("10.0.0.4"), AddressDetails.allocated("web-03"));
        allocator.reserve(lan.id(), Ip.parse("10.0.0.5"), AddressDetails.allocated("db-01"));
        Ip app = Ip.parse("10.0.0.20");
        allocator.reserve(lan.id(), app, AddressDetails.allocated("app-01"));
        allocator.update(lan.id(), app, AddressDetails.allocated("app-01b"));
        allocator.release(lan.id(), app);
        Subnet p2p = allocator.createSubnet("lab", SubnetSpec.of(Cidr.parse("10.0.1.0/31")).withName("Uplink"));
        Subnet v6 = allocator.createSubnet("lab", SubnetSpec.of(Cidr.parse("2001:db8::/64")).withName("Servers v6")
                .withVlan(60));
        allocator.reserve(v6.id(), Ip.parse("2001:db8::10"), AddressDetails.allocated("v6-web"));
        return new PaneFixtures(lan, p2p, v6);
    }

    /** A clock one minute further at every reading, so each change has its own time. */
    private static final class SteppingClock extends Clock {
        private Instant next;

        SteppingClock(Instant start) {
            this.next = start;
        }

        @Override
        public synchronized Instant instant() {
            Instant now = next;
            next = next.plus(Duration.ofMinutes(1));
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
