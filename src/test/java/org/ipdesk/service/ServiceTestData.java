package org.ipdesk.service;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Optional;
import org.ipdesk.address.Cidr;
import org.ipdesk.address.Ip;
import org.ipdesk.address.Mac;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.model.AddressDetails;
import org.ipdesk.model.AddressStatus;
import org.ipdesk.model.RangeKind;
import org.ipdesk.model.Subnet;
import org.ipdesk.model.SubnetSpec;
import org.ipdesk.store.Location;

/**
 * A hand-made database for the service exports: network "lab" with an IPv4 and an IPv6 subnet (gateways, DHCP
 * ranges, hosts with MACs and names) holding one case of every problem, and a parent subnet with a child.
 */
final class ServiceTestData {
    static final String NETWORK = "lab";
    static final Cidr V4 = Cidr.parse("10.1.0.0/24");
    static final Cidr V6 = Cidr.parse("2001:db8:1::/64");
    static final Cidr PARENT = Cidr.parse("10.2.0.0/16");
    static final Cidr CHILD = Cidr.parse("10.2.1.0/24");
    static final String EDGE = "edge";
    static final Cidr TWIN = Cidr.parse("10.6.0.0/24");
    static final Cidr WIDE_V6 = Cidr.parse("2001:db8:3::/56");

    private ServiceTestData() {
    }

    /** Creates the database at {@code file}; the host name of 10.1.0.13 is then broken past IPDesk's rules. */
    static Path create(Path file) throws SQLException {
        try (Allocator allocator = Allocator.open(Location.of(file))) {
            allocator.createNetwork(NETWORK, "");
            Subnet v4 = allocator.createSubnet(NETWORK, SubnetSpec.of(V4).withGateway(ip("10.1.0.1")));
            allocator.addRange(v4.id(), ip("10.1.0.100"), ip("10.1.0.199"), RangeKind.DHCP, "pool");
            allocator.addRange(v4.id(), ip("10.1.0.240"), ip("10.1.0.250"), RangeKind.RESERVED, "not a pool");
            hold(allocator, v4, "10.1.0.10", AddressStatus.ALLOCATED, "web-01", "02:00:00:00:01:10");
            hold(allocator, v4, "10.1.0.11", AddressStatus.RESERVED, "db-01.lab.example.", "02:00:00:00:01:11");
            hold(allocator, v4, "10.1.0.12", AddressStatus.ALLOCATED, "", "02:00:00:00:01:12");
            hold(allocator, v4, "10.1.0.13", AddressStatus.ALLOCATED, "to-be-broken", "02:00:00:00:01:13");
            hold(allocator, v4, "10.1.0.20", AddressStatus.ALLOCATED, "printer", null);
            hold(allocator, v4, "10.1.0.21", AddressStatus.ALLOCATED, "WEB-01", "02:00:00:00:01:21");
            hold(allocator, v4, "10.1.0.22", AddressStatus.ALLOCATED, "dup-mac", "02:00:00:00:01:10");
            hold(allocator, v4, "10.1.0.30", AddressStatus.DEPRECATED, "old-01", "02:00:00:00:01:30");
            hold(allocator, v4, "10.1.0.150", AddressStatus.DHCP, "", "02:00:00:00:01:50");
            Subnet v6 = allocator.createSubnet(NETWORK, SubnetSpec.of(V6).withGateway(ip("2001:db8:1::1")));
            allocator.addRange(v6.id(), ip("2001:db8:1::100"), ip("2001:db8:1::1ff"), RangeKind.DHCP, "pool");
            hold(allocator, v6, "2001:db8:1::10", AddressStatus.ALLOCATED, "web-01", "02:00:00:00:01:10");
            hold(allocator, v6, "2001:db8:1::11", AddressStatus.RESERVED, "db6-01", "02:00:00:00:06:11");
            Subnet parent = allocator.createSubnet(NETWORK, SubnetSpec.of(PARENT));
            Subnet child = allocator.createSubnet(NETWORK, SubnetSpec.of(CHILD).withGateway(ip("10.2.1.1")));
            allocator.addRange(child.id(), ip("10.2.1.50"), ip("10.2.1.60"), RangeKind.DHCP, "");
            hold(allocator, child, "10.2.1.5", AddressStatus.ALLOCATED, "child-01", "02:00:00:00:02:05");
            allocator.addRange(parent.id(), ip("10.2.200.100"), ip("10.2.200.150"), RangeKind.DHCP, "");
            hold(allocator, parent, "10.2.200.5", AddressStatus.ALLOCATED, "outer-01", "02:00:00:00:02:99");
            edges(allocator);
        }
        setHostnamePastTheRules(file, "to-be-broken", "bad_name");
        return file;
    }

    /**
     * Network "edge": what servers take differently: an IPv4 /31 and /32, an EUI-64 MAC, a DHCP range in an IPv6
     * /56 (which dnsmasq does not take) and in an IPv6 /112; and network "twin" with edge's 10.6.0.0/24 once more
     * (Kea refuses a subnet twice).
     */
    static void edges(Allocator allocator) {
        allocator.createNetwork(EDGE, "");
        Subnet p2p = allocator.createSubnet(EDGE, SubnetSpec.of(Cidr.parse("10.3.0.0/31")));
        hold(allocator, p2p, "10.3.0.0", AddressStatus.ALLOCATED, "p2p-a", "02:00:00:00:03:00");
        Subnet single = allocator.createSubnet(EDGE, SubnetSpec.of(Cidr.parse("10.3.1.7/32")));
        hold(allocator, single, "10.3.1.7", AddressStatus.RESERVED, "eui64-host", "02:00:00:ff:fe:00:03:07");
        Subnet wide = allocator.createSubnet(EDGE, SubnetSpec.of(WIDE_V6));
        allocator.addRange(wide.id(), ip("2001:db8:3::100"), ip("2001:db8:3::1ff"), RangeKind.DHCP, "");
        hold(allocator, wide, "2001:db8:3::5", AddressStatus.ALLOCATED, "wide-01", "02:00:00:00:03:05");
        Subnet narrow = allocator.createSubnet(EDGE, SubnetSpec.of(Cidr.parse("2001:db8:4::/112")));
        allocator.addRange(narrow.id(), ip("2001:db8:4::10"), ip("2001:db8:4::20"), RangeKind.DHCP, "");
        Subnet twin = allocator.createSubnet(EDGE, SubnetSpec.of(TWIN));
        hold(allocator, twin, "10.6.0.10", AddressStatus.ALLOCATED, "edge-twin", "02:00:00:00:06:10");
        allocator.createNetwork("twin", "");
        Subnet again = allocator.createSubnet("twin", SubnetSpec.of(TWIN));
        allocator.addRange(again.id(), ip("10.6.0.100"), ip("10.6.0.110"), RangeKind.DHCP, "");
        hold(allocator, again, "10.6.0.11", AddressStatus.ALLOCATED, "twin-01", "02:00:00:00:06:11");
    }

    /** Writes a host name the allocator would refuse, as another program or SQL by hand could. */
    static void setHostnamePastTheRules(Path file, String from, String to) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             PreparedStatement s = c.prepareStatement("UPDATE address SET hostname = ? WHERE hostname = ?")) {
            s.setString(1, to);
            s.setString(2, from);
            if (s.executeUpdate() != 1) {
                throw new IllegalStateException("no address named " + from);
            }
        }
    }

    static void hold(Allocator allocator, Subnet subnet, String ip, AddressStatus status, String name, String mac) {
        allocator.reserve(subnet.id(), ip(ip), new AddressDetails(status, name,
                Optional.ofNullable(mac).map(Mac::parse), "", ""));
    }

    static Ip ip(String text) {
        return Ip.parse(text);
    }
}
