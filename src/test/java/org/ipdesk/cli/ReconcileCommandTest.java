package org.ipdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.ipdesk.address.Cidr;
import org.ipdesk.address.Ip;
import org.ipdesk.address.Mac;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.model.Address;
import org.ipdesk.model.AddressStatus;
import org.ipdesk.model.Observation;
import org.ipdesk.model.SourceKind;
import org.ipdesk.model.Subnet;
import org.ipdesk.store.Location;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ipdesk reconcile}: the findings of a network or subnet as a table or JSON, and chosen kinds applied. */
class ReconcileCommandTest {
    @TempDir
    Path dir;

    Path db;
    Cli cli;

    @BeforeEach
    void setUp() {
        db = dir.resolve("ipdesk.db");
        cli = new Cli(db);
        cli.ok("network", "add", "dc1");
        cli.ok("subnet", "add", "dc1", "10.0.0.0/24", "--gateway", "10.0.0.1");
        cli.ok("ip", "reserve", "10.0.0.0/24", "10.0.0.5", "--hostname", "web-01", "--mac", "00:11:22:33:44:aa");
        cli.ok("ip", "reserve", "10.0.0.0/24", "10.0.0.7", "--hostname", "old-01");
        Instant now = Instant.now();
        try (Allocator a = Allocator.open(Location.of(db))) {
            a.observe(List.of(seen("10.0.0.5", "00:11:22:33:44:bb", "web-01", now.minus(Duration.ofHours(2))),
                    seen("10.0.0.20", "00:11:22:33:44:cc", "laptop-3", now.minus(Duration.ofHours(1))),
                    seen("10.0.0.7", null, null, now.minus(Duration.ofDays(45)))));
        }
    }

    private static Observation seen(String ip, String mac, String host, Instant at) {
        return new Observation(Ip.parse(ip), Optional.ofNullable(mac).map(Mac::parse), Optional.ofNullable(host), at,
                SourceKind.NMAP, "nmap-scan-0612.xml");
    }

    private Address address(String ip) {
        try (Allocator a = Allocator.open(Location.of(db))) {
            Subnet s = a.findSubnet(Cidr.parse("10.0.0.0/24"), Optional.empty());
            return a.address(s.id(), Ip.parse(ip)).orElseThrow();
        }
    }

    @Test
    void theFindingsOfANetworkAreListedWithTheirKindWhatWasSeenAndTheSuggestedAction() {
        List<String> lines = cli.ok("reconcile", "dc1").lines();

        assertThat(lines.get(0)).startsWith("ADDRESS").contains("KIND", "SEEN", "RECORDED", "SUGGESTED");
        assertThat(lines).hasSize(4);
        assertThat(lines.get(1)).startsWith("10.0.0.5").contains("mac-differs", "MAC 00:11:22:33:44:bb", "update-mac");
        assertThat(lines.get(2)).startsWith("10.0.0.7").contains("stale", "last seen ", "by nmap-scan-0612.xml",
                "deprecate-stale");
        assertThat(lines.get(3)).startsWith("10.0.0.20").contains("unknown-host", "host laptop-3", "record");
        // over 60 days, seen 45 days ago is not stale
        assertThat(cli.ok("reconcile", "10.0.0.0/24", "--stale-days", "60").out()).doesNotContain("stale");
    }

    @Test
    void jsonNamesEachFindingsKindInWords() {
        JsonNode findings = cli.ok("reconcile", "--json").json();

        assertThat(findings).hasSize(3);
        assertThat(findings.get(2).get("ip").asText()).isEqualTo("10.0.0.20");
        assertThat(findings.get(2).get("kind").asText()).isEqualTo("unknown-host");
        assertThat(findings.get(2).get("subnet").asText()).isEqualTo("10.0.0.0/24");
        assertThat(findings.get(2).get("seen").asText()).isEqualTo("MAC 00:11:22:33:44:cc, host laptop-3");
        assertThat(findings.get(2).get("actions").toString()).isEqualTo("[\"record\",\"ignore\"]");
    }

    @Test
    void chosenKindsAreAppliedAndTheRestStay() {
        Cli.Result applied = cli.ok("reconcile", "dc1", "--apply", "record,deprecate-stale");

        assertThat(applied.lines().get(0)).isEqualTo("Applied 2 changes (record, deprecate-stale) as one command; 2 of"
                + " 3 findings are settled.");
        assertThat(applied.out()).contains("mac-differs").doesNotContain("unknown-host");
        assertThat(address("10.0.0.20").details().hostname()).isEqualTo("laptop-3");
        assertThat(address("10.0.0.7").status()).isEqualTo(AddressStatus.DEPRECATED);
        assertThat(address("10.0.0.5").details().mac().orElseThrow().canonical()).isEqualTo("00:11:22:33:44:aa");
    }

    @Test
    void badValuesAreRefusedNamingTheProblem() {
        assertThat(cli.run("reconcile", "dc1", "--apply", "create-subnet").err())
                .contains("'create-subnet' is not an action reconcile applies (record, update-mac, update-hostname,"
                        + " deprecate-stale, release-stale, ignore)");
        assertThat(cli.run("reconcile", "dc1", "--stale-days", "0").err())
                .contains("--stale-days must be at least 1, not 0");
        assertThat(cli.run("reconcile", "lab").err()).contains("there is no network named 'lab'");
        assertThat(cli.run("reconcile", "dc1", "--apply", "release-stale", "--stale-days", "60").err())
                .contains("no finding offers release-stale: nothing to apply");
    }

    @Test
    void aSubnetsOwnStaleDaysSetBySubnetEditCountWithoutStaleDaysOnTheCommand() {
        assertThat(cli.ok("reconcile", "dc1").out()).contains("stale");

        assertThat(cli.ok("subnet", "edit", "10.0.0.0/24", "--stale-days", "60").out())
                .contains("Changed subnet 10.0.0.0/24 in dc1; held addresses are stale after 60 days unseen");
        assertThat(cli.ok("reconcile", "dc1").out()).as("seen 45 days ago, under the subnet's 60")
                .doesNotContain("stale");
        assertThat(cli.ok("reconcile", "dc1", "--stale-days", "30").out()).as("--stale-days holds for every subnet")
                .contains("stale");

        assertThat(cli.ok("subnet", "edit", "10.0.0.0/24", "--stale-days", "default").out()).contains("after 30 days");
        assertThat(cli.ok("reconcile", "dc1").out()).contains("stale");
    }

    @Test
    void subnetEditRefusesStaleDaysOutOfRangeAndChangesNothing() {
        Cli.Result zero = cli.run("subnet", "edit", "10.0.0.0/24", "--stale-days", "0");
        assertThat(zero.code()).isNotZero();
        assertThat(zero.err()).contains("stale after 0 days is out of range (1-3650 days)");
        Cli.Result word = cli.run("subnet", "edit", "10.0.0.0/24", "--stale-days", "soon");
        assertThat(word.err()).contains("--stale-days 'soon' is not a number or 'default'");
        assertThat(cli.run("subnet", "edit", "10.0.0.0/24").err()).contains("say what to change");
        try (Allocator a = Allocator.open(Location.of(db))) {
            assertThat(a.findSubnet(Cidr.parse("10.0.0.0/24"), Optional.empty()).staleDays()).isEmpty();
        }
        cli.ok("subnet", "add", "dc1", "10.0.1.0/24", "--stale-days", "7");
        try (Allocator a = Allocator.open(Location.of(db))) {
            assertThat(a.findSubnet(Cidr.parse("10.0.1.0/24"), Optional.empty()).staleDays()).hasValue(7);
        }
    }
}
