package org.ipdesk.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.store.Location;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the Kea files hold: subnets with stable ids, pools, the routers option, reservations. */
class KeaExportTest {
    @TempDir
    Path dir;

    private Path db;

    @BeforeEach
    void data() throws Exception {
        db = ServiceTestData.create(dir.resolve("lab.db"));
    }

    private ServiceOutput kea(ServiceScope scope) {
        try (Allocator allocator = Allocator.open(Location.of(db))) {
            return ServiceExports.prepare(allocator, ServiceTarget.KEA, scope, ServiceOptions.defaults());
        }
    }

    private static JsonNode json(ServiceOutput output, String name) throws Exception {
        ServiceFile file = output.files().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
        return new ObjectMapper().readTree(file.content());
    }

    @Test
    void subnet4EntriesCarryTheDatabaseIdsPoolsRoutersAndReservations() throws Exception {
        long v4Id;
        long childId;
        try (Allocator allocator = Allocator.open(Location.of(db))) {
            v4Id = allocator.findSubnet(ServiceTestData.V4, java.util.Optional.empty()).id();
            childId = allocator.findSubnet(ServiceTestData.CHILD, java.util.Optional.empty()).id();
        }
        ServiceOutput output = kea(ServiceScope.network("lab"));
        assertThat(output.files()).extracting(ServiceFile::name)
                .containsExactly("ipdesk-kea-dhcp4.json", "ipdesk-kea-dhcp6.json");
        JsonNode subnets = json(output, "ipdesk-kea-dhcp4.json");
        // the parent 10.2.0.0/16 holds a child: only the innermost subnets are declared
        assertThat(texts(subnets, "subnet")).containsExactly("10.1.0.0/24", "10.2.1.0/24");
        JsonNode lab = subnets.get(0);
        assertThat(lab.get("id").asLong()).isEqualTo(v4Id);
        assertThat(subnets.get(1).get("id").asLong()).isEqualTo(childId);
        assertThat(lab.get("pools").get(0).get("pool").asText()).isEqualTo("10.1.0.100 - 10.1.0.199");
        assertThat(lab.get("pools")).hasSize(1);
        assertThat(lab.get("option-data").get(0).get("name").asText()).isEqualTo("routers");
        assertThat(lab.get("option-data").get(0).get("data").asText()).isEqualTo("10.1.0.1");
        JsonNode reservations = lab.get("reservations");
        // .13 keeps its reservation without the invalid name, .21 without the taken name; .20 (no MAC), .22 (MAC of
        // .10), .30 (deprecated) and .150 (a lease) have none
        assertThat(texts(reservations, "ip-address"))
                .containsExactly("10.1.0.10", "10.1.0.11", "10.1.0.12", "10.1.0.13", "10.1.0.21");
        assertThat(reservations.get(0).get("hw-address").asText()).isEqualTo("02:00:00:00:01:10");
        assertThat(reservations.get(0).get("hostname").asText()).isEqualTo("web-01");
        assertThat(reservations.get(1).get("hostname").asText()).isEqualTo("db-01.lab.example");
        assertThat(reservations.get(2).has("hostname")).isFalse();
        assertThat(reservations.get(3).has("hostname")).isFalse();
        assertThat(reservations.get(4).has("hostname")).isFalse();
    }

    @Test
    void subnet6EntriesListIpAddresses() throws Exception {
        JsonNode subnets = json(kea(ServiceScope.subnet(ServiceTestData.V6)), "ipdesk-kea-dhcp6.json");
        assertThat(texts(subnets, "subnet")).containsExactly("2001:db8:1::/64");
        JsonNode six = subnets.get(0);
        assertThat(six.get("pools").get(0).get("pool").asText()).isEqualTo("2001:db8:1::100 - 2001:db8:1::1ff");
        assertThat(six.has("option-data")).isFalse();
        JsonNode first = six.get("reservations").get(0);
        assertThat(first.get("hw-address").asText()).isEqualTo("02:00:00:00:01:10");
        assertThat(first.get("ip-addresses").get(0).asText()).isEqualTo("2001:db8:1::10");
        assertThat(first.get("hostname").asText()).isEqualTo("web-01");
    }

    @Test
    void idsStayTheSameWhenSubnetsAreAddedBeforeThem() throws Exception {
        List<String> before = texts(json(kea(ServiceScope.everything()), "ipdesk-kea-dhcp4.json"), "id");
        try (Allocator allocator = Allocator.open(Location.of(db))) {
            allocator.createNetwork("aaa", "");
            allocator.createSubnet("aaa", org.ipdesk.model.SubnetSpec.of(org.ipdesk.address.Cidr.parse("10.0.0.0/24")));
        }
        JsonNode after = json(kea(ServiceScope.everything()), "ipdesk-kea-dhcp4.json");
        assertThat(texts(after, "subnet")).startsWith("10.0.0.0/24");
        assertThat(texts(after, "id").subList(1, after.size())).isEqualTo(before);
    }

    @Test
    void aSubnetScopeCoversItsChildren() throws Exception {
        JsonNode subnets = json(kea(ServiceScope.subnet(ServiceTestData.PARENT)), "ipdesk-kea-dhcp4.json");
        assertThat(texts(subnets, "subnet")).containsExactly("10.2.1.0/24");
        assertThat(json(kea(ServiceScope.subnet(ServiceTestData.PARENT)), "ipdesk-kea-dhcp6.json")).isEmpty();
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.get(field).asText()));
        return values;
    }

}
