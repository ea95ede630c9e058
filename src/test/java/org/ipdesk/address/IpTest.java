package org.ipdesk.address;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IpTest {

    @Test
    void bytesAreFixedWidthAndOrderIsNumeric() {
        Ip low = Ip.parse("10.0.0.9");
        Ip high = Ip.parse("10.0.0.10");
        assertThat(low.toBytes()).hasSize(4);
        assertThat(Ip.parse("255.255.255.255").toBytes()).containsExactly(-1, -1, -1, -1);
        assertThat(Ip.parse("::1").toBytes()).hasSize(16);
        assertThat(low).isLessThan(high);
        assertThat(Ip.fromBytes(high.toBytes())).isEqualTo(high);
        assertThat(java.util.Arrays.compareUnsigned(low.toBytes(), high.toBytes())).isNegative();
    }

    @Test
    void canonicalText() {
        assertThat(Ip.parse("2001:0DB8:0000:0000:0000:0000:0000:0001")).hasToString("2001:db8::1");
        assertThat(Ip.parse(" 192.168.1.1 ")).hasToString("192.168.1.1");
    }

    @Test
    void refusesNonAddresses() {
        assertThatThrownBy(() -> Ip.parse("10.0.0.0/24")).hasMessageContaining("is a network");
        assertThatThrownBy(() -> Ip.parse("10.0.0.256")).isInstanceOf(InvalidAddressException.class);
        assertThatThrownBy(() -> Ip.parse("010.0.0.1")).isInstanceOf(InvalidAddressException.class);
        assertThatThrownBy(() -> Ip.parse("")).hasMessageContaining("empty");
        assertThatThrownBy(() -> Ip.parse("fe80::1%eth0")).isInstanceOf(InvalidAddressException.class);
    }

    @Test
    void arithmetic() {
        assertThat(Ip.parse("10.0.0.255").next()).hasToString("10.0.1.0");
        assertThat(Ip.parse("255.255.255.255").isMax()).isTrue();
        assertThat(Ip.parse("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff").isMax()).isTrue();
        assertThat(Ip.parse("::").plus(65536)).hasToString("::1:0");
    }
}
