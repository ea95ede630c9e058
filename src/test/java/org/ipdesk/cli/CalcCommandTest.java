package org.ipdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CalcCommandTest {
    @TempDir
    Path dir;

    @Test
    void ipv4AsJson() {
        Cli.Result r = Cli.raw("calc", "10.0.0.0/24", "--json");
        assertThat(r.code()).as(r.toString()).isZero();
        JsonNode json = r.json();
        assertThat(json.get("version").isNumber()).isTrue();
        assertThat(json.get("version").asInt()).isEqualTo(4);
        assertThat(json.get("network").asText()).isEqualTo("10.0.0.0");
        assertThat(json.get("prefix_length").asInt()).isEqualTo(24);
        assertThat(json.get("netmask").asText()).isEqualTo("255.255.255.0");
        assertThat(json.get("hostmask").asText()).isEqualTo("0.0.0.255");
        assertThat(json.get("broadcast").asText()).isEqualTo("10.0.0.255");
        assertThat(json.get("first_usable").asText()).isEqualTo("10.0.0.1");
        assertThat(json.get("last_usable").asText()).isEqualTo("10.0.0.254");
        assertThat(json.get("total").isTextual()).isTrue();
        assertThat(json.get("total").asText()).isEqualTo("256");
        assertThat(json.get("usable").isTextual()).isTrue();
        assertThat(json.get("usable").asText()).isEqualTo("254");
        assertThat(r.out()).contains("\n  \"netmask\": \"255.255.255.0\"");
    }

    @Test
    void ipv6AsJson() {
        Cli.Result r = Cli.raw("calc", "2001:db8::/64", "--json");
        assertThat(r.code()).as(r.toString()).isZero();
        JsonNode json = r.json();
        assertThat(json.get("version").asInt()).isEqualTo(6);
        assertThat(json.get("network").asText()).isEqualTo("2001:db8::");
        assertThat(json.get("prefix_length").asInt()).isEqualTo(64);
        assertThat(json.get("netmask").asText()).isEqualTo("ffff:ffff:ffff:ffff::");
        assertThat(json.has("broadcast")).isTrue();
        assertThat(json.get("broadcast").isNull()).isTrue();
        assertThat(json.get("first_usable").asText()).isEqualTo("2001:db8::1");
        assertThat(json.get("last_usable").asText()).isEqualTo("2001:db8::ffff:ffff:ffff:ffff");
        assertThat(json.get("total").asText()).isEqualTo("18446744073709551616");
        assertThat(json.get("usable").asText()).isEqualTo("18446744073709551615");
    }

    @Test
    void pointToPointIsWhollyUsable() {
        JsonNode json = Cli.raw("calc", "10.0.0.0/31", "--json").json();
        assertThat(json.get("usable").asText()).isEqualTo("2");
        assertThat(json.get("first_usable").asText()).isEqualTo("10.0.0.0");
        assertThat(json.get("last_usable").asText()).isEqualTo("10.0.0.1");

        Cli.Result text = Cli.raw("calc", "10.0.0.0/31");
        assertThat(text.lines()).contains("Usable:        2");
    }

    @Test
    void textShowsEveryFigure() {
        Cli.Result r = Cli.raw("calc", "192.168.1.0/26");
        assertThat(r.code()).isZero();
        assertThat(r.lines()).containsExactly(
                "CIDR:          192.168.1.0/26",
                "Version:       IPv4",
                "Network:       192.168.1.0",
                "Prefix length: /26",
                "Netmask:       255.255.255.192",
                "Hostmask:      0.0.0.63",
                "Broadcast:     192.168.1.63",
                "First usable:  192.168.1.1",
                "Last usable:   192.168.1.62",
                "Total:         64",
                "Usable:        62");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void hostBitsSetIsRefusedWithTheFix() {
        Cli.Result r = Cli.raw("calc", "10.0.0.5/24");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("ipdesk: 10.0.0.5/24 has host bits set; did you mean 10.0.0.0/24?"
                + System.lineSeparator());
    }

    @Test
    void neverOpensADatabase() throws Exception {
        Path absent = dir.resolve("absent.db");
        assertThat(Cli.raw("--db", absent.toString(), "calc", "10.0.0.0/8").code()).isZero();
        assertThat(absent).doesNotExist();

        Path text = dir.resolve("notes.txt");
        Files.writeString(text, "not a database\n");
        assertThat(Cli.raw("--db", text.toString(), "calc", "10.0.0.0/8").code()).isZero();
        assertThat(dir.toFile().list()).containsExactly("notes.txt");
    }

    @Test
    void missingCidrIsAUsageError() {
        Cli.Result r = Cli.raw("calc");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("Missing required parameter: 'CIDR'").contains("ipdesk calc --help");
    }
}
