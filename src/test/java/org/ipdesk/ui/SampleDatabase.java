package org.ipdesk.ui;

import java.nio.file.Path;
import org.ipdesk.address.Cidr;
import org.ipdesk.address.Ip;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.allocator.Strategy;
import org.ipdesk.model.AddressDetails;
import org.ipdesk.model.AddressStatus;
import org.ipdesk.model.RangeKind;
import org.ipdesk.model.Subnet;
import org.ipdesk.model.SubnetSpec;
import org.ipdesk.store.Engine;
import org.ipdesk.store.Location;

/**
 * A small database for UI tests and the README screenshot: two networks (one IPv4 only, one with IPv4 and IPv6 subnets, some nested),
 * a DHCP range and a few addresses. {@code main(FILE)} writes it to FILE.
 */
public final class SampleDatabase {

    private SampleDatabase() {
    }

    public static void main(String[] args) {
        seed(Path.of(args[0]));
    }

    public static void seed(Path file) {
        seed(Location.of(file));
    }

    /**
     * A new database of {@code engine} holding the sample: the file sample.db in {@code dir}, or a team database on
     * the tests' server (a copy of the sample written once per test run).
     */
    public static Location fresh(Engine engine, Path dir) {
        return engine.seeded(dir, "sample", SampleDatabase::seed);
    }

    /** The same records in the database at {@code location} (a file, or an empty team database). */
    public static void seed(Location location) {
        try (Allocator allocator = Allocator.open(location)) {
            allocator.createNetwork("dc1", "Main data centre");
            allocator.createNetwork("branch-office", "Branch office, 2nd floor");

            Subnet servers = subnet(allocator, "dc1", SubnetSpec.of(Cidr.parse("10.10.0.0/16")).withName("Servers"));
            Subnet web = subnet(allocator, "dc1", SubnetSpec.of(Cidr.parse("10.10.1.0/24")).withName("Web tier")
                    .withVlan(101).withGateway(Ip.parse("10.10.1.1")));
            Subnet db = subnet(allocator, "dc1", SubnetSpec.of(Cidr.parse("10.10.2.0/24")).withName("Databases")
                    .withVlan(102).withGateway(Ip.parse("10.10.2.1")));
            subnet(allocator, "dc1", SubnetSpec.of(Cidr.parse("2001:db8:10::/48")).withName("Servers v6"));
            Subnet web6 = subnet(allocator, "dc1", SubnetSpec.of(Cidr.parse("2001:db8:10:1::/64")).withName("Web tier v6")
                    .withVlan(101));
            Subnet office = subnet(allocator, "branch-office", SubnetSpec.of(Cidr.parse("192.168.20.0/24"))
                    .withName("Office LAN").withVlan(20).withGateway(Ip.parse("192.168.20.1")));
            Subnet printers = subnet(allocator, "branch-office", SubnetSpec.of(Cidr.parse("192.168.30.0/28"))
                    .withName("Printers").withVlan(30));

            for (int i = 1; i <= 12; i++) {
                allocator.allocateNext(web.id(), 1, Strategy.FIRST, AddressDetails.allocated("web-" + pad(i)));
            }
            for (int i = 1; i <= 4; i++) {
                allocator.allocateNext(db.id(), 1, Strategy.FIRST, AddressDetails.allocated("db-" + pad(i)));
            }
            allocator.reserve(servers.id(), Ip.parse("10.10.0.10"), AddressDetails.allocated("mgmt-01"));
            allocator.allocateNext(web6.id(), 3, Strategy.FIRST, AddressDetails.allocated("web-v6"));
            allocator.addRange(office.id(), Ip.parse("192.168.20.100"), Ip.parse("192.168.20.199"), RangeKind.DHCP,
                    "Office DHCP pool");
            for (int i = 1; i <= 20; i++) {
                allocator.allocateNext(office.id(), 1, Strategy.FIRST, AddressDetails.allocated("desk-" + pad(i)));
            }
            allocator.allocateNext(printers.id(), 5, Strategy.FIRST, AddressDetails.of(AddressStatus.RESERVED));
        }
    }

    private static Subnet subnet(Allocator allocator, String network, SubnetSpec spec) {
        return allocator.createSubnet(network, spec);
    }

    private static String pad(int i) {
        return String.format("%02d", i);
    }
}
