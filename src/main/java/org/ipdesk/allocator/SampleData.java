package org.ipdesk.allocator;

import java.util.Optional;
import java.util.Random;
import org.ipdesk.address.Cidr;
import org.ipdesk.address.Ip;
import org.ipdesk.address.Mac;
import org.ipdesk.model.AddressDetails;
import org.ipdesk.model.AddressStatus;
import org.ipdesk.model.RangeKind;
import org.ipdesk.model.Subnet;
import org.ipdesk.model.SubnetSpec;

/**
 * A sample database that looks like a small company's: three sites, nested IPv4 subnets and IPv6 prefixes,
 * DHCP pools and reserved ranges, a few thousand addresses in every status, subnets from nearly empty to
 * nearly full, and some change history. Everything goes through the allocator, so the data obeys every
 * rule and the change log records it. The layout is fixed; host details come from a seeded random source,
 * so two sample databases are alike.
 */
public final class SampleData {

    private final Allocator allocator;
    private final Random random = new Random(20261126);
    private int made;

    private SampleData(Allocator allocator) {
        this.allocator = allocator;
    }

    /** Fills {@code allocator}'s database, which must have no networks yet; returns how many addresses it holds. */
    public static int create(Allocator allocator) {
        if (!allocator.networks().isEmpty()) {
            throw new AllocatorException.Conflict("the sample data goes only into an empty database; "
                    + "this one already has " + allocator.networks().size() + " network(s)");
        }
        SampleData sample = new SampleData(allocator);
        sample.frankfurt();
        sample.berlin();
        sample.lyon();
        sample.history();
        return sample.made;
    }

    private void frankfurt() {
        allocator.createNetwork("dc-frankfurt", "Data centre Frankfurt, hall 2");
        subnet("dc-frankfurt", "10.20.0.0/16", "DC Frankfurt", 0, null, "All of the Frankfurt data centre");
        Subnet web = subnet("dc-frankfurt", "10.20.1.0/24", "Web tier", 110, "10.20.1.1", "Load-balanced web servers");
        allocator.addRange(web.id(), ip("10.20.1.240"), ip("10.20.1.254"), RangeKind.RESERVED, "Load balancer VIPs");
        hosts(web, 168, "web", "web-team", AddressStatus.ALLOCATED);
        Subnet app = subnet("dc-frankfurt", "10.20.2.0/24", "Application tier", 120, "10.20.2.1", "");
        hosts(app, 96, "app", "app-team", AddressStatus.ALLOCATED);
        Subnet db = subnet("dc-frankfurt", "10.20.3.0/24", "Databases", 130, "10.20.3.1", "PostgreSQL and Redis");
        hosts(db, 24, "pg", "dba", AddressStatus.ALLOCATED);
        hosts(db, 6, "redis", "dba", AddressStatus.ALLOCATED);
        hosts(db, 4, "pg-old", "dba", AddressStatus.DEPRECATED);
        Subnet pods = subnet("dc-frankfurt", "10.20.8.0/22", "Kubernetes nodes", 140, "10.20.8.1", "");
        made += allocator.allocateBlock(pods.id(), 900, AddressDetails.allocated("k8s-node")).size();
        Subnet mgmt = subnet("dc-frankfurt", "10.20.100.0/24", "Management", 900, "10.20.100.1", "iLO, iDRAC, switches");
        hosts(mgmt, 40, "ilo", "ops", AddressStatus.RESERVED);
        hosts(mgmt, 12, "sw", "network", AddressStatus.ALLOCATED);
        hosts(mgmt, 8, "old-sw", "network", AddressStatus.DEPRECATED);

        subnet("dc-frankfurt", "2001:db8:20::/48", "DC Frankfurt v6", 0, null, "");
        Subnet web6 = subnet("dc-frankfurt", "2001:db8:20:1::/64", "Web tier v6", 110, "2001:db8:20:1::1", "");
        hosts(web6, 168, "web", "web-team", AddressStatus.ALLOCATED);
        Subnet app6 = subnet("dc-frankfurt", "2001:db8:20:2::/64", "Application tier v6", 120, "2001:db8:20:2::1", "");
        hosts(app6, 96, "app", "app-team", AddressStatus.ALLOCATED);
    }

    private void berlin() {
        allocator.createNetwork("hq-berlin", "Head office Berlin");
        subnet("hq-berlin", "10.10.0.0/16", "HQ Berlin", 0, null, "");
        Subnet staff = subnet("hq-berlin", "10.10.10.0/23", "Staff", 10, "10.10.10.1", "Desks, laptops, docking stations");
        allocator.addRange(staff.id(), ip("10.10.10.50"), ip("10.10.11.200"), RangeKind.DHCP, "Staff DHCP pool");
        hosts(staff, 30, "desk", "it-support", AddressStatus.ALLOCATED);
        leases(staff, "10.10.10.50", "10.10.11.200", 220);
        Subnet voice = subnet("hq-berlin", "10.10.20.0/24", "Voice", 20, "10.10.20.1", "Desk phones");
        allocator.addRange(voice.id(), ip("10.10.20.20"), ip("10.10.20.220"), RangeKind.DHCP, "Phones");
        leases(voice, "10.10.20.20", "10.10.20.220", 150);
        Subnet printers = subnet("hq-berlin", "10.10.30.0/24", "Printers", 30, "10.10.30.1", "");
        hosts(printers, 18, "printer", "it-support", AddressStatus.RESERVED);
        Subnet guests = subnet("hq-berlin", "10.10.40.0/24", "Guest Wi-Fi", 40, "10.10.40.1", "Internet only");
        allocator.addRange(guests.id(), ip("10.10.40.10"), ip("10.10.40.250"), RangeKind.DHCP, "Guest pool");
        leases(guests, "10.10.40.10", "10.10.40.250", 180);
        Subnet vpn = subnet("hq-berlin", "10.10.99.0/27", "VPN concentrators", 99, "10.10.99.1", "");
        hosts(vpn, 29, "vpn", "network", AddressStatus.ALLOCATED);

        subnet("hq-berlin", "2001:db8:10::/48", "HQ Berlin v6", 0, null, "");
        Subnet staff6 = subnet("hq-berlin", "2001:db8:10:10::/64", "Staff v6", 10, null, "SLAAC; servers reserved");
        hosts(staff6, 12, "desk", "it-support", AddressStatus.RESERVED);
    }

    private void lyon() {
        allocator.createNetwork("branch-lyon", "Branch office Lyon");
        Subnet office = subnet("branch-lyon", "192.168.50.0/24", "Office LAN", 50, "192.168.50.1", "");
        allocator.addRange(office.id(), ip("192.168.50.100"), ip("192.168.50.199"), RangeKind.DHCP, "Office pool");
        hosts(office, 94, "ly-pc", "it-support", AddressStatus.ALLOCATED);
        leases(office, "192.168.50.100", "192.168.50.199", 40);
        hosts(office, 50, "ly-dev", "it-support", AddressStatus.ALLOCATED);
        Subnet servers = subnet("branch-lyon", "192.168.51.0/26", "Branch servers", 51, "192.168.51.1", "");
        hosts(servers, 9, "ly-srv", "ops", AddressStatus.ALLOCATED);
        Subnet wan = subnet("branch-lyon", "192.168.52.0/30", "WAN link to Frankfurt", 0, null, "Point-to-point");
        allocator.reserve(wan.id(), ip("192.168.52.1"), new AddressDetails(AddressStatus.ALLOCATED, "ly-rtr-01",
                Optional.empty(), "network", "Lyon side"));
        allocator.reserve(wan.id(), ip("192.168.52.2"), new AddressDetails(AddressStatus.ALLOCATED, "fra-rtr-07",
                Optional.empty(), "network", "Frankfurt side"));
        made += 2;
        Subnet v6 = subnet("branch-lyon", "2001:db8:50::/64", "Office LAN v6", 50, "2001:db8:50::1", "");
        hosts(v6, 8, "ly-srv", "ops", AddressStatus.ALLOCATED);
    }

    /** Some everyday changes, so the history of an address has more than its first allocation. */
    private void history() {
        Subnet web = allocator.findSubnet(Cidr.parse("10.20.1.0/24"), Optional.of("dc-frankfurt"));
        for (int n = 5; n <= 9; n++) {
            Ip ip = ip("10.20.1." + (n + 1));
            AddressDetails now = allocator.address(web.id(), ip).orElseThrow().details();
            allocator.update(web.id(), ip, new AddressDetails(now.status(), now.hostname(), now.mac(), now.owner(),
                    "Patched to kernel 6.8"));
        }
        allocator.release(web.id(), ip("10.20.1.40"));
        allocator.release(web.id(), ip("10.20.1.41"));
        made -= 2;
        Subnet db = allocator.findSubnet(Cidr.parse("10.20.3.0/24"), Optional.of("dc-frankfurt"));
        Ip pg = ip("10.20.3.2");
        AddressDetails before = allocator.address(db.id(), pg).orElseThrow().details();
        allocator.update(db.id(), pg, new AddressDetails(before.status(), "pg-primary-01", before.mac(), "dba",
                "Primary since the November failover"));
    }

    private Subnet subnet(String network, String cidr, String name, int vlan, String gateway, String description) {
        SubnetSpec spec = SubnetSpec.of(Cidr.parse(cidr)).withName(name).withDescription(description);
        if (vlan > 0) {
            spec = spec.withVlan(vlan);
        }
        if (gateway != null) {
            spec = spec.withGateway(ip(gateway));
        }
        return allocator.createSubnet(network, spec);
    }

    /** {@code count} hosts named {@code prefix-001}... with MACs, from the lowest free addresses. */
    private void hosts(Subnet subnet, int count, String prefix, String owner, AddressStatus status) {
        for (int i = 1; i <= count; i++) {
            String hostname = String.format("%s-%03d", prefix, i);
            allocator.allocateNext(subnet.id(), 1, Strategy.FIRST,
                    new AddressDetails(status, hostname, Optional.of(mac()), owner, ""));
            made++;
        }
    }

    /** Up to {@code count} DHCP leases recorded from {@code first} to {@code last}, skipping one now and then. */
    private void leases(Subnet subnet, String first, String last, int count) {
        Ip ip = ip(first);
        Ip end = ip(last);
        for (int i = 0; i < count && ip.compareTo(end) <= 0; i++) {
            allocator.reserve(subnet.id(), ip, new AddressDetails(AddressStatus.DHCP, "", Optional.of(mac()), "",
                    "Lease seen by the DHCP server"));
            made++;
            ip = ip.plus(random.nextInt(4) == 0 ? 2 : 1);
        }
    }

    private Mac mac() {
        return new Mac(String.format("52:54:00:%02x:%02x:%02x", random.nextInt(256), random.nextInt(256),
                random.nextInt(256)));
    }

    private static Ip ip(String text) {
        return Ip.parse(text);
    }
}
