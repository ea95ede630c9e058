package org.ipdesk.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ipdesk.exchange.ImportTestSupport.importFixture;
import static org.ipdesk.exchange.ImportTestSupport.open;
import static org.ipdesk.exchange.ImportTestSupport.read;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.ipdesk.address.Cidr;
import org.ipdesk.address.Ip;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.allocator.ImportItem;
import org.ipdesk.model.Address;
import org.ipdesk.model.AddressStatus;
import org.ipdesk.model.RangeKind;
import org.ipdesk.model.Subnet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LayoutDetectionTest {
    @TempDir
    Path dir;

    @Test
    void detectsEachLayoutFromItsHeader() {
        assertThat(read("ipdesk-mixed.csv").layout()).isEqualTo(ImportLayout.IPDESK);
        assertThat(read("netbox-prefixes.csv").layout()).isEqualTo(ImportLayout.NETBOX_PREFIXES);
        assertThat(read("netbox-addresses.csv").layout()).isEqualTo(ImportLayout.NETBOX_ADDRESSES);
        assertThat(read("phpipam-subnets.csv").layout()).isEqualTo(ImportLayout.PHPIPAM);
        assertThat(read("phpipam-addresses.tsv").layout()).isEqualTo(ImportLayout.PHPIPAM);
        assertThat(ImportLayout.detect(List.of("ip", "subnet", "network", "status", "hostname", "mac", "owner",
                "description", "created_at", "updated_at"))).contains(ImportLayout.IPDESK);
        assertThat(ImportLayout.detect(List.of("ip", "subnet", "network", "status", "hostname", "mac", "owner",
                "description", "created_at", "updated_at", "last_seen", "last_seen_by"))).contains(ImportLayout.IPDESK);
        assertThat(ImportLayout.detect(List.of("IP Address", "VRF", "Status", "Role", "Tenant", "Assigned",
                "DNS Name", "Description"))).contains(ImportLayout.NETBOX_ADDRESSES);
        assertThat(ImportLayout.detect(List.of("foo", "bar"))).isEmpty();
    }

    @Test
    void detectsTheDelimiter() {
        assertThat(read("phpipam-subnets.csv").delimiter()).isEqualTo(';');
        assertThat(read("phpipam-addresses.tsv").delimiter()).isEqualTo('\t');
        assertThat(read("netbox-addresses.csv").delimiter()).isEqualTo(',');
        assertThat(CsvImport.detectDelimiter("ip|subnet|network")).isEqualTo('|');
        assertThat(CsvImport.detectDelimiter("\"a;b\",c,d")).isEqualTo(',');
    }

    @Test
    void anUnknownHeaderIsRefusedNamingTheHeaderAndLeavingHowToChooseToTheCaller() {
        // the command line adds its --layout, the window its Layout list
        assertThatThrownBy(() -> CsvImport.parse("x.csv", "foo,bar\n1,2\n", Optional.empty()))
                .isInstanceOf(CsvImport.UnknownLayout.class)
                .hasMessage("the header of x.csv (foo, bar) matches no layout");
        // a header of thousands of columns is named cut short
        String wide = String.join(",", java.util.Collections.nCopies(5_000, "col"));
        assertThatThrownBy(() -> CsvImport.parse("wide.csv", wide + "\n", Optional.empty()))
                .isInstanceOf(CsvImport.UnknownLayout.class)
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(300).contains("\u2026 (24,998 characters)"));
    }

    @Test
    void mapsIpdeskRowsOfEveryKind() {
        try (Allocator allocator = open(dir.resolve("a.db"))) {
            importFixture(allocator, "ipdesk-mixed.csv");
            Subnet subnet = allocator.findSubnet(Cidr.parse("10.0.0.0/24"), Optional.of("dc1"));
            assertThat(subnet.name()).isEqualTo("servers");
            assertThat(subnet.vlan()).hasValue(100);
            assertThat(subnet.gateway()).contains(Ip.parse("10.0.0.1"));
            assertThat(allocator.network("dc1").description()).isEqualTo("Data centre 1");
            assertThat(allocator.ranges(subnet.id())).singleElement()
                    .satisfies(r -> assertThat(r.kind()).isEqualTo(RangeKind.DHCP));
            Address web = allocator.address(subnet.id(), Ip.parse("10.0.0.10")).orElseThrow();
            assertThat(web.details().hostname()).isEqualTo("web-01");
            assertThat(web.details().mac().orElseThrow().canonical()).isEqualTo("00:11:22:33:44:55");
            assertThat(web.details().owner()).isEqualTo("web-team");
            assertThat(web.details().description()).isEqualTo("web server");
            assertThat(allocator.address(subnet.id(), Ip.parse("10.0.0.11")).orElseThrow().status())
                    .isEqualTo(AddressStatus.RESERVED);
            assertThat(allocator.address(subnet.id(), Ip.parse("10.0.0.201")).orElseThrow().status())
                    .isEqualTo(AddressStatus.DHCP);
            // the free space knows about the imported addresses and range
            assertThat(allocator.freeExtents(subnet.id()).get(0).start()).isEqualTo(Ip.parse("10.0.0.2"));
            assertThat(allocator.freeExtents(subnet.id())).noneMatch(e -> e.contains(Ip.parse("10.0.0.10")));
        }
    }

    @Test
    void mapsNetboxPrefixesAndAddresses() {
        try (Allocator allocator = open(dir.resolve("n.db"))) {
            importFixture(allocator, "netbox-prefixes.csv");
            importFixture(allocator, "netbox-addresses.csv");
            assertThat(allocator.networks()).extracting(n -> n.name()).containsExactly("global", "Guest");
            Subnet servers = allocator.findSubnet(Cidr.parse("10.10.1.0/24"), Optional.of("global"));
            assertThat(servers.vlan()).hasValue(110);
            assertThat(servers.description()).isEqualTo("HQ servers");
            assertThat(servers.parentId()).isPresent();
            Address web = allocator.address(servers.id(), Ip.parse("10.10.1.5")).orElseThrow();
            assertThat(web.details().hostname()).isEqualTo("web-01.example.com");
            assertThat(web.details().owner()).isEqualTo("ACME");
            assertThat(web.status()).isEqualTo(AddressStatus.ALLOCATED);
            assertThat(allocator.addresses(servers.id())).extracting(Address::status).containsExactly(
                    AddressStatus.ALLOCATED, AddressStatus.RESERVED, AddressStatus.DHCP, AddressStatus.DEPRECATED);
            Subnet guest = allocator.findSubnet(Cidr.parse("192.168.50.0/24"), Optional.of("Guest"));
            assertThat(allocator.addresses(guest.id())).extracting(a -> a.details().hostname())
                    .containsExactly("printer.example.com");
        }
    }

    @Test
    void mapsPhpipamSubnetsAndAddresses() {
        try (Allocator allocator = open(dir.resolve("p.db"))) {
            importFixture(allocator, "phpipam-subnets.csv");
            importFixture(allocator, "phpipam-addresses.tsv");
            Subnet office = allocator.findSubnet(Cidr.parse("172.16.0.0/24"), Optional.of("Branch"));
            assertThat(office.name()).isEqualTo("Branch office");
            assertThat(office.vlan()).hasValue(20);
            assertThat(allocator.findSubnet(Cidr.parse("172.16.1.0/24"), Optional.of("Branch")).vlan()).hasValue(21);
            Address fs = allocator.address(office.id(), Ip.parse("172.16.0.10")).orElseThrow();
            assertThat(fs.details().hostname()).isEqualTo("fs-01");
            assertThat(fs.details().owner()).isEqualTo("it");
            assertThat(fs.details().description()).isEqualTo("File server");
            assertThat(allocator.address(office.id(), Ip.parse("172.16.0.11")).orElseThrow().status())
                    .isEqualTo(AddressStatus.RESERVED);
            Subnet voice = allocator.findSubnet(Cidr.parse("172.16.1.0/24"), Optional.of("Branch"));
            assertThat(allocator.address(voice.id(), Ip.parse("172.16.1.20")).orElseThrow().status())
                    .isEqualTo(AddressStatus.DEPRECATED);
        }
    }

    @Test
    void aMalformedValueBecomesAnErrorRowWithItsReason() {
        CsvImport.ParsedFile file = CsvImport.parse("x.csv", "ip;subnet;network;status\n10.0.0.300;10.0.0.0/24;dc1;\n"
                + "10.0.0.5;10.0.0.0/24;dc1;lost\n", Optional.empty());
        assertThat(file.items()).containsExactly(
                new ImportItem.Invalid(2, "'10.0.0.300' is not a valid IP address"),
                new ImportItem.Invalid(3, "'lost' is not an address status (allocated, reserved, dhcp or deprecated)"));
    }
}
