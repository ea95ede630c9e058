package org.ipdesk.address;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MacTest {

    @ParameterizedTest
    @ValueSource(strings = {"00:1A:2B:3C:4D:5E", "00-1a-2b-3c-4d-5e", "001a.2b3c.4d5e", "001a2b3c4d5e", "0:1a:2b:3c:4d:5e"})
    void usualNotationsBecomeOneCanonicalForm(String text) {
        assertThat(Mac.parse(text).canonical()).isEqualTo("00:1a:2b:3c:4d:5e");
    }

    @ParameterizedTest
    @ValueSource(strings = {"00:1a:2b:3c:4d", "zz:1a:2b:3c:4d:5e", "hello", "00:1a:2b:3c:4d:5e:6f", "*:*:*:*:*:*"})
    void refusesWhatIsNotAMac(String text) {
        assertThatThrownBy(() -> Mac.parse(text)).isInstanceOf(InvalidAddressException.class)
                .hasMessageContaining("not a MAC address");
    }
}
