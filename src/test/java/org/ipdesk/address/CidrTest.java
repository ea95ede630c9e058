package org.ipdesk.address;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CidrTest {

    @Test
    void ipv4Calculator() {
        Cidr cidr = Cidr.parse("192.168.10.0/24");
        assertThat(cidr.netmask()).hasToString("255.255.255.0");
        assertThat(cidr.hostmask()).hasToString("0.0.0.255");
        assertThat(cidr.broadcast()).map(Ip::toString).hasValue("192.168.10.255");
        assertThat(cidr.firstUsable()).hasToString("192.168.10.1");
        assertThat(cidr.lastUsable()).hasToString("192.168.10.254");
        assertThat(cidr.total()).isEqualTo(256);
        assertThat(cidr.usableCount()).isEqualTo(254);
    }

    @Test
    void ipv6LosesOnlyTheAnycastAddress() {
        Cidr cidr = Cidr.parse("2001:DB8::/64");
        assertThat(cidr).hasToString("2001:db8::/64");
        assertThat(cidr.broadcast()).isEmpty();
        assertThat(cidr.firstUsable()).hasToString("2001:db8::1");
        assertThat(cidr.lastUsable()).hasToString("2001:db8::ffff:ffff:ffff:ffff");
        assertThat(cidr.usableCount()).isEqualTo(BigInteger.TWO.pow(64).subtract(BigInteger.ONE));
        assertThat(cidr.unusableReason(Ip.parse("2001:db8::"))).hasValue("the subnet-router anycast address");
    }

    @ParameterizedTest
    @CsvSource({
        "10.0.0.0/31, 10.0.0.0, 10.0.0.1, 2",
        "10.0.0.7/32, 10.0.0.7, 10.0.0.7, 1",
        "10.0.0.0/30, 10.0.0.1, 10.0.0.2, 2",
        "2001:db8::/127, 2001:db8::, 2001:db8::1, 2",
        "2001:db8::5/128, 2001:db8::5, 2001:db8::5, 1",
        "2001:db8::/126, 2001:db8::1, 2001:db8::3, 3",
    })
    void pointToPointAndHostRoutesAreWhollyUsable(String text, String first, String last, int usable) {
        Cidr cidr = Cidr.parse(text);
        assertThat(cidr.firstUsable()).hasToString(first);
        assertThat(cidr.lastUsable()).hasToString(last);
        assertThat(cidr.usableCount()).isEqualTo(usable);
    }

    @Test
    void hostBitsAreRefusedNamingTheCanonicalForm() {
        assertThatThrownBy(() -> Cidr.parse("10.0.0.5/24"))
                .isInstanceOf(InvalidAddressException.class)
                .hasMessage("10.0.0.5/24 has host bits set; did you mean 10.0.0.0/24?");
        assertThatThrownBy(() -> Cidr.parse("2001:db8::1/64"))
                .hasMessage("2001:db8::1/64 has host bits set; did you mean 2001:db8::/64?");
    }

    @Test
    void missingPrefixAndGarbageAreRefused() {
        // /0 is a CIDR (the calculator answers for it); creating a /0 subnet is the allocator's refusal
        assertThatThrownBy(() -> Cidr.parse("10.0.0.0")).hasMessageContaining("no prefix length");
        assertThatThrownBy(() -> Cidr.parse("10.0.0.0/33")).hasMessage(
                "'10.0.0.0/33' is not a valid CIDR: the prefix length must be at most 32 for IPv4 and 128 for IPv6");
        assertThatThrownBy(() -> Cidr.parse("fe80::/129")).hasMessageEndingWith("must be at most 32 for IPv4 and 128 for IPv6");
        assertThatThrownBy(() -> Cidr.parse("banana"))
                .hasMessage("'banana' is not a valid CIDR: it is not an IPv4 or IPv6 address");
        assertThatThrownBy(() -> Cidr.parse("10.0.0.300/24"))
                .hasMessage("'10.0.0.300/24' is not a valid CIDR: ipv4 segment too large");
        assertThatThrownBy(() -> Cidr.parse("")).hasMessageContaining("empty");
        assertThatThrownBy(() -> Cidr.parse("10.0.0.*/24")).isInstanceOf(InvalidAddressException.class);
        assertThatThrownBy(() -> Cidr.parse("10.1/16")).isInstanceOf(InvalidAddressException.class);
    }

    @Test
    void netmaskNotationIsAccepted() {
        assertThat(Cidr.parse(" 10.1.0.0/255.255.0.0 ")).isEqualTo(Cidr.parse("10.1.0.0/16"));
    }

    @Test
    void containment() {
        Cidr outer = Cidr.parse("10.0.0.0/16");
        assertThat(outer.contains(Cidr.parse("10.0.5.0/24"))).isTrue();
        assertThat(outer.contains(Cidr.parse("10.1.0.0/24"))).isFalse();
        assertThat(outer.contains(Cidr.parse("10.0.0.0/8"))).isFalse();
        assertThat(outer.contains(Cidr.parse("2001:db8::/64"))).isFalse();
    }
}
