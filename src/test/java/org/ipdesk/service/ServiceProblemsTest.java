package org.ipdesk.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.ipdesk.address.Ip;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.service.ServiceProblem.Kind;
import org.ipdesk.store.Location;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each kind of problem: found, named with its address, and the entry left out of what it would break. */
class ServiceProblemsTest {
    @TempDir
    Path dir;

    private Path db;

    @BeforeEach
    void data() throws Exception {
        db = ServiceTestData.create(dir.resolve("lab.db"));
    }

    private ServiceOutput prepare(ServiceTarget target, ServiceScope scope) {
        try (Allocator allocator = Allocator.open(Location.of(db))) {
            return ServiceExports.prepare(allocator, target, scope, ServiceOptions.defaults());
        }
    }

    private static ServiceProblem only(ServiceOutput output, Kind kind) {
        List<ServiceProblem> found = output.problems().stream().filter(p -> p.kind() == kind).toList();
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    @Test
    void invalidHostNameIsNamedAndLeftOutOfHostsButNotOutOfDhcp() {
        ServiceOutput hosts = prepare(ServiceTarget.HOSTS, ServiceScope.network("lab"));
        ServiceProblem problem = only(hosts, Kind.INVALID_HOST_NAME);
        assertThat(problem.address()).isEqualTo(Ip.parse("10.1.0.13"));
        assertThat(problem.message()).startsWith("10.1.0.13: host name 'bad_name'").contains("RFC 1123");
        assertThat(hosts.files().get(0).content()).doesNotContain("10.1.0.13", "bad_name");
        ServiceOutput kea = prepare(ServiceTarget.KEA, ServiceScope.network("lab"));
        assertThat(only(kea, Kind.INVALID_HOST_NAME).address()).isEqualTo(Ip.parse("10.1.0.13"));
        assertThat(kea.files().get(0).content()).contains("\"10.1.0.13\"").doesNotContain("bad_name");
    }

    @Test
    void controlCharactersInAHostNameAreNamedWithoutPrintingThem() throws Exception {
        ServiceTestData.setHostnamePastTheRules(db, "printer", "prin\u001b[31mter");
        ServiceOutput hosts = prepare(ServiceTarget.HOSTS, ServiceScope.subnet(ServiceTestData.V4));
        ServiceProblem problem = hosts.problems().stream().filter(p -> p.address().equals(Ip.parse("10.1.0.20")))
                .findFirst().orElseThrow();
        assertThat(problem.kind()).isEqualTo(Kind.INVALID_HOST_NAME);
        assertThat(problem.message()).contains("control character").doesNotContain("\u001b");
        assertThat(hosts.files().get(0).content()).doesNotContain("\u001b", "10.1.0.20");
    }

    @Test
    void duplicateNameOfOneIpVersionKeepsTheLowerAddress() {
        ServiceOutput hosts = prepare(ServiceTarget.HOSTS, ServiceScope.network("lab"));
        ServiceProblem problem = only(hosts, Kind.DUPLICATE_NAME);
        assertThat(problem.address()).isEqualTo(Ip.parse("10.1.0.21"));
        assertThat(problem.message()).isEqualTo("10.1.0.21 has the host name WEB-01 of 10.1.0.10; one name names one "
                + "IPv4 address, so 10.1.0.21 is written without it");
        // web-01 on an IPv4 and an IPv6 address is the usual dual stack, not a problem
        assertThat(hosts.files().get(0).content()).contains("10.1.0.10\tweb-01\n", "2001:db8:1::10\tweb-01\n")
                .doesNotContain("10.1.0.21");
    }

    @Test
    void noMacGetsNoReservation() {
        ServiceOutput kea = prepare(ServiceTarget.KEA, ServiceScope.subnet(ServiceTestData.V4));
        ServiceProblem problem = only(kea, Kind.NO_MAC);
        assertThat(problem.address()).isEqualTo(Ip.parse("10.1.0.20"));
        assertThat(problem.message()).isEqualTo("10.1.0.20 (printer) in 10.1.0.0/24 in lab has no MAC, so it gets no "
                + "DHCP reservation");
        assertThat(kea.files().get(0).content()).doesNotContain("10.1.0.20");
        // hosts do not need a MAC
        ServiceOutput hosts = prepare(ServiceTarget.HOSTS, ServiceScope.subnet(ServiceTestData.V4));
        assertThat(hosts.problems()).extracting(ServiceProblem::kind).doesNotContain(Kind.NO_MAC);
        assertThat(hosts.files().get(0).content()).contains("10.1.0.20\tprinter\n");
    }

    @Test
    void duplicateMacInOneSubnetGetsNoSecondReservation() {
        ServiceOutput dhcpd = prepare(ServiceTarget.DHCPD, ServiceScope.network("lab"));
        ServiceProblem problem = only(dhcpd, Kind.DUPLICATE_MAC);
        assertThat(problem.address()).isEqualTo(Ip.parse("10.1.0.22"));
        assertThat(problem.message()).isEqualTo("10.1.0.22 (dup-mac) has the MAC 02:00:00:00:01:10 of 10.1.0.10 in "
                + "10.1.0.0/24 in lab; a DHCP server gives one MAC one address per subnet, so 10.1.0.22 gets no "
                + "reservation");
        assertThat(dhcpd.files().get(0).content()).doesNotContain("10.1.0.22");
        // the same MAC in another subnet (the IPv6 one) is fine
        assertThat(dhcpd.files().get(1).content()).contains("fixed-address6 2001:db8:1::10;");
    }

    @Test
    void addressesAndRangesOfAParentSubnetAreLeftOut() {
        ServiceOutput kea = prepare(ServiceTarget.KEA, ServiceScope.subnet(ServiceTestData.PARENT));
        assertThat(kea.problems()).extracting(ServiceProblem::kind, ServiceProblem::address).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Kind.IN_PARENT_SUBNET, Ip.parse("10.2.200.5")),
                org.assertj.core.groups.Tuple.tuple(Kind.IN_PARENT_SUBNET, Ip.parse("10.2.200.100")));
        assertThat(kea.problems().get(1).message()).startsWith("the DHCP range 10.2.200.100-10.2.200.150 is in "
                + "10.2.0.0/16 in lab, which holds child subnets");
        assertThat(kea.files().get(0).content()).doesNotContain("10.2.200.");
    }

    @Test
    void aDnsmasqDhcpv6RangeInASubnetShorterThan64IsLeftOut() {
        ServiceOutput dnsmasq = prepare(ServiceTarget.DNSMASQ, ServiceScope.network(ServiceTestData.EDGE));
        ServiceProblem problem = only(dnsmasq, Kind.UNSUPPORTED);
        assertThat(problem.address()).isEqualTo(Ip.parse("2001:db8:3::100"));
        assertThat(problem.message()).isEqualTo("the DHCP range 2001:db8:3::100-2001:db8:3::1ff of 2001:db8:3::/56 in "
                + "edge is left out of dnsmasq's configuration: dnsmasq takes DHCPv6 ranges only in subnets of /64 or "
                + "longer");
        assertThat(dnsmasq.files().get(1).content()).doesNotContain("2001:db8:3::100")
                .contains("dhcp-range=2001:db8:4::10,2001:db8:4::20,112\n");
        // the reservation in that subnet stays, and the other servers take the range
        assertThat(dnsmasq.files().get(0).content()).contains("02:00:00:00:03:05,[2001:db8:3::5],wide-01");
        ServiceOutput kea = prepare(ServiceTarget.KEA, ServiceScope.network(ServiceTestData.EDGE));
        assertThat(kea.problems()).isEmpty();
        assertThat(kea.files().get(1).content()).contains("2001:db8:3::100 - 2001:db8:3::1ff");
    }

    @Test
    void theSameSubnetInTwoNetworksIsDeclaredOnce() {
        ServiceOutput dhcpd = prepare(ServiceTarget.DHCPD, ServiceScope.everything());
        ServiceProblem problem = only(dhcpd, Kind.DUPLICATE_SUBNET);
        assertThat(problem.address()).isEqualTo(Ip.parse("10.6.0.0"));
        assertThat(problem.message()).isEqualTo("10.6.0.0/24 is in both edge and twin; a DHCP server takes a subnet "
                + "once, so the one in twin is left out with its ranges and reservations: export one network at a time");
        String v4 = dhcpd.files().get(0).content();
        assertThat(v4.split("subnet 10\\.6\\.0\\.0 ", -1)).hasSize(2);
        assertThat(v4).contains("fixed-address 10.6.0.10;\n").doesNotContain("10.6.0.100", "10.6.0.11;");
        // one network at a time has no such problem
        assertThat(prepare(ServiceTarget.DHCPD, ServiceScope.network("twin")).problems())
                .extracting(ServiceProblem::kind).doesNotContain(Kind.DUPLICATE_SUBNET);
    }

    @Test
    void leasesAndDeprecatedAddressesAreNeitherReservedNorProblems() {
        ServiceOutput kea = prepare(ServiceTarget.KEA, ServiceScope.subnet(ServiceTestData.V4));
        assertThat(kea.problems()).extracting(ServiceProblem::address)
                .doesNotContain(Ip.parse("10.1.0.30"), Ip.parse("10.1.0.150"));
        assertThat(kea.files().get(0).content()).doesNotContain("10.1.0.30\"", "10.1.0.150\"");
    }

    @Test
    void problemsAreOrderedByAddressAndListedOnceForDnsmasq() {
        ServiceOutput dnsmasq = prepare(ServiceTarget.DNSMASQ, ServiceScope.network("lab"));
        assertThat(dnsmasq.problems()).extracting(ServiceProblem::address).containsExactly(
                Ip.parse("10.1.0.13"), Ip.parse("10.1.0.20"), Ip.parse("10.1.0.21"), Ip.parse("10.1.0.22"),
                Ip.parse("10.2.200.5"), Ip.parse("10.2.200.100"));
    }

    @Test
    void unknownScopesAndBindWithoutAZoneAreRefusedWithAClearMessage() {
        assertThatThrownBy(() -> prepare(ServiceTarget.HOSTS, ServiceScope.network("nowhere")))
                .hasMessageContaining("nowhere");
        assertThatThrownBy(() -> prepare(ServiceTarget.KEA, ServiceScope.subnet(
                org.ipdesk.address.Cidr.parse("172.16.0.0/24")))).hasMessageContaining("172.16.0.0/24");
        assertThatThrownBy(() -> prepare(ServiceTarget.BIND, ServiceScope.everything()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("BIND zone files need the forward zone's name (--zone NAME, e.g. example.com)");
    }

    @Test
    void targetsAndScopesParseWithClearMessages() {
        assertThat(ServiceTarget.parse(" Kea ")).isEqualTo(ServiceTarget.KEA);
        assertThat(ServiceTarget.HOSTS.label()).isEqualTo("hosts");
        assertThatThrownBy(() -> ServiceTarget.parse("isc\u001b")).hasMessage(
                "'isc\\u001b' is not a server IPDesk writes configuration for (kea, dhcpd, dnsmasq, bind, hosts)");
        assertThat(ServiceScope.parse(null)).isEqualTo(ServiceScope.everything());
        assertThat(ServiceScope.parse("10.1.0.0/24")).isEqualTo(ServiceScope.subnet(ServiceTestData.V4));
        assertThat(ServiceScope.parse("lab").describe()).isEqualTo("network lab");
        assertThat(ServiceScope.subnet("lab", ServiceTestData.V4).describe()).isEqualTo("subnet 10.1.0.0/24 in lab");
        assertThat(ServiceScope.everything().describe()).isEqualTo("everything");
        assertThatThrownBy(() -> ServiceScope.parse("10.1.0.1/24")).hasMessageContaining("host bits set");
    }
}
