package org.ipdesk.address;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The parsing holes of issue 11 (items 2, 3 and the address parts of 12): octal in an embedded IPv4 part, more
 * than four hex digits in a group, a bare prefix, /0 in the calculator, host masks given as netmasks, and the
 * host-MAC rules. Every refusal is an {@link InvalidAddressException} whose message names the problem.
 */
class ParsingHolesTest {

    @Test
    void anEmbeddedIpv4PartWithALeadingZeroIsRefusedLikePlainIpv4() {
        assertThatThrownBy(() -> Cidr.parse("::ffff:010.1.1.0/120")).isInstanceOf(InvalidAddressException.class)
                .hasMessage("'::ffff:010.1.1.0/120' is not a valid CIDR: the IPv4 part has a leading zero (010); "
                        + "octal is not accepted");
        assertThatThrownBy(() -> Cidr.parse("64:ff9b::010.1.1.0/120"))
                .hasMessage("'64:ff9b::010.1.1.0/120' is not a valid CIDR: the IPv4 part has a leading zero (010); "
                        + "octal is not accepted");
        assertThatThrownBy(() -> Ip.parse("::ffff:10.1.1.00"))
                .hasMessage("'::ffff:10.1.1.00' is not a valid IP address: the IPv4 part has a leading zero (00); "
                        + "octal is not accepted");
        assertThatThrownBy(() -> Ip.parse("010.1.1.1"))
                .hasMessage("'010.1.1.1' is not a valid IP address: a part has a leading zero (010); "
                        + "octal is not accepted");
        // the same addresses without the zeros are fine, and stay IPv6
        assertThat(Cidr.parse("::ffff:10.1.1.0/120")).hasToString("::ffff:a01:100/120");
        assertThat(Cidr.parse("64:ff9b::10.1.1.0/120")).hasToString("64:ff9b::a01:100/120");
        assertThat(Ip.parse("::ffff:0.0.0.0")).hasToString("::ffff:0:0");
    }

    @Test
    void aGroupHasAtMostFourHexDigits() {
        assertThatThrownBy(() -> Ip.parse("2001:db8::00001")).isInstanceOf(InvalidAddressException.class)
                .hasMessage("'2001:db8::00001' is not a valid IP address: a group has more than four hex digits (00001)");
        assertThatThrownBy(() -> Cidr.parse("2001:00db8::/32"))
                .hasMessage("'2001:00db8::/32' is not a valid CIDR: a group has more than four hex digits (00db8)");
        // four digits, leading zeros included, are the RFC 4291 form
        assertThat(Ip.parse("2001:0db8:0000:0000:0000:0000:0000:0001")).hasToString("2001:db8::1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/0", "/8", "/24", "/32", "/33", "/48", "/64", "/128", " /24 ", "/255.255.255.0"})
    void aBarePrefixHasNoAddress(String text) {
        String shown = "'" + text.strip() + "' has no address before the prefix length";
        assertThatThrownBy(() -> Cidr.parse(text)).isInstanceOf(InvalidAddressException.class).hasMessage(shown);
        assertThatThrownBy(() -> Ip.parse(text)).isInstanceOf(InvalidAddressException.class).hasMessage(shown);
    }

    @Test
    void theCalculatorTakesSlashZero() {
        Cidr v4 = Cidr.parse("0.0.0.0/0");
        assertThat(v4.prefixLength()).isZero();
        assertThat(v4.total()).isEqualTo(BigInteger.TWO.pow(32));
        assertThat(v4.netmask()).hasToString("0.0.0.0");
        assertThat(v4.last()).hasToString("255.255.255.255");
        Cidr v6 = Cidr.parse("::/0");
        assertThat(v6.total()).isEqualTo(BigInteger.TWO.pow(128));
        assertThat(v6.usableCount()).isEqualTo(BigInteger.TWO.pow(128).subtract(BigInteger.ONE));
        assertThat(Cidr.parse("0.0.0.0/0.0.0.0")).isEqualTo(v4);
        assertThatThrownBy(() -> Cidr.parse("1.2.3.4/0"))
                .hasMessage("1.2.3.4/0 has host bits set; did you mean 0.0.0.0/0?");
    }

    @Test
    void aPrefixLengthWithALeadingZeroIsRefused() {
        assertThatThrownBy(() -> Cidr.parse("10.0.0.0/024"))
                .hasMessage("'10.0.0.0/024' is not a valid CIDR: the prefix length has a leading zero (024); write /24");
        assertThatThrownBy(() -> Cidr.parse("::/00"))
                .hasMessage("'::/00' is not a valid CIDR: the prefix length has a leading zero (00); write /0");
    }

    @Test
    void aHostMaskIsNotANetmask() {
        assertThatThrownBy(() -> Cidr.parse("10.1.1.0/0.0.0.255")).isInstanceOf(InvalidAddressException.class)
                .hasMessage("'10.1.1.0/0.0.0.255' is not a valid CIDR: 0.0.0.255 is not a netmask (a netmask has its "
                        + "one-bits first); as a host mask (wildcard) it means /24: write 10.1.1.0/24");
        assertThatThrownBy(() -> Cidr.parse("10.0.0.0/255.0.255.0"))
                .hasMessage("'10.0.0.0/255.0.255.0' is not a valid CIDR: 255.0.255.0 is not a netmask (a netmask has "
                        + "its one-bits first, like 255.255.255.0)");
        // an address with a mask is never one address (it used to come back as the masked value, 0.0.0.0)
        assertThatThrownBy(() -> Ip.parse("10.1.1.0/0.0.0.255")).isInstanceOf(InvalidAddressException.class)
                .hasMessageContaining("0.0.0.255 is not a netmask");
        assertThatThrownBy(() -> Ip.parse("10.1.1.7/255.255.255.255")).hasMessageContaining("is a network");
    }

    @Test
    void hostBitsAreRefusedWithANetmaskToo() {
        assertThatThrownBy(() -> Cidr.parse("10.0.0.5/255.255.255.0"))
                .hasMessage("10.0.0.5/24 has host bits set; did you mean 10.0.0.0/24?");
        assertThat(Cidr.parse("10.0.0.0/255.255.255.0")).hasToString("10.0.0.0/24");
    }

    @Test
    void whatIsEchoedIsOneShortLine() {
        assertThatThrownBy(() -> Ip.parse("10.0.0.1\n\u001b[2J"))
                .hasMessageStartingWith("'10.0.0.1\\n\\u001b[2J' is not a valid IP address")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n", "\u001b"));
        assertThatThrownBy(() -> Cidr.parse("\u202e10.0.0.0/24"))
                .hasMessageStartingWith("'\\u202e10.0.0.0/24' is not a valid CIDR");
        String huge = "1".repeat(100_000);
        assertThatThrownBy(() -> Ip.parse(huge)).satisfies(e -> assertThat(e.getMessage())
                .hasSizeLessThan(200).contains("(100000 characters)"));
    }

    @Test
    void controlCharactersAndUnicodeDigitsAreNotDroppedOrRead() {
        // the library drops control characters at either end; NUL + 10.0.0.1 must not become 10.0.0.1
        assertThatThrownBy(() -> Ip.parse("\u000010.0.0.1")).isInstanceOf(InvalidAddressException.class)
                .hasMessage("'\\u000010.0.0.1' is not a valid IP address: it has the character U+0000, which is not "
                        + "part of any address");
        assertThatThrownBy(() -> Cidr.parse("10.0.0.0/8\u001b")).hasMessage("'10.0.0.0/8\\u001b' is not a valid "
                + "CIDR: it has the character U+001B, which is not part of any address");
        assertThatThrownBy(() -> Mac.parse("\u000700:1a:2b:3c:4d:5e")).hasMessageContaining("U+0007");
        assertThat(Mac.parse("00 1a 2b 3c 4d 5e")).hasToString("00:1a:2b:3c:4d:5e");
        // a wildcard inside bare hex made the library throw a NullPointerException
        assertThatThrownBy(() -> Mac.parse("3d6f1b7*bc555d")).isInstanceOf(InvalidAddressException.class)
                .hasMessage("'3d6f1b7*bc555d' is not a MAC address (use e.g. 00:1a:2b:3c:4d:5e)");
        assertThatThrownBy(() -> Mac.parseNotation("80c5b9336ecd28%2c")).isInstanceOf(InvalidAddressException.class);
        assertThatThrownBy(() -> Ip.parse("\u0661\u0660.0.0.1"))
                .hasMessageEndingWith("it has the character U+0661 (\u0661), which is not part of any address");
        assertThatThrownBy(() -> Ip.parse("\uff11\uff10.0.0.1")).hasMessageContaining("U+FF11");
        assertThatThrownBy(() -> Cidr.parse("10.0.0.0 /8")).hasMessageEndingWith("it has a space in it");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ff:ff:ff:ff:ff:ff", "FF-FF-FF-FF-FF-FF", "ffff.ffff.ffff"})
    void theBroadcastMacIsNotAHostMac(String text) {
        assertThatThrownBy(() -> Mac.parse(text)).isInstanceOf(InvalidAddressException.class)
                .hasMessage("the broadcast MAC address ff:ff:ff:ff:ff:ff is not a host's MAC");
    }

    @Test
    void theAllZeroAndMulticastMacsAreNotHostMacs() {
        assertThatThrownBy(() -> Mac.parse("00:00:00:00:00:00")).isInstanceOf(InvalidAddressException.class)
                .hasMessage("the all-zero MAC address 00:00:00:00:00:00 is not a host's MAC");
        assertThatThrownBy(() -> Mac.parse("01:00:5e:00:00:fb"))
                .hasMessage("the multicast MAC address 01:00:5e:00:00:fb (the lowest bit of its first byte is set) is "
                        + "not a host's MAC");
        assertThatThrownBy(() -> Mac.parse("33-33-00-00-00-01"))
                .hasMessageStartingWith("the multicast MAC address 33:33:00:00:00:01 (");
        assertThatThrownBy(() -> Mac.parse("03:00:00:00:00:00:00:01"))
                .hasMessageStartingWith("the multicast MAC address 03:00:");
        // unicast, locally administered included, is a host MAC
        assertThat(Mac.parse("02:00:00:00:00:01")).hasToString("02:00:00:00:00:01");
        assertThat(Mac.parse("a:b:c:d:e:f")).hasToString("0a:0b:0c:0d:0e:0f");
        // the notation alone (a search) still reads any MAC
        assertThat(Mac.parseNotation("FF-FF-FF-FF-FF-FF")).hasToString("ff:ff:ff:ff:ff:ff");
        assertThat(Mac.parseNotation("1:0:5e:0:0:fb")).hasToString("01:00:5e:00:00:fb");
    }
}
