package org.ipdesk.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.ipdesk.report.Thresholds.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ThresholdsAndTextTest {
    @Test
    void levelsAtAndOverEachThreshold() {
        Thresholds t = Thresholds.of(80, 95);
        assertThat(t.level(new BigDecimal("79.99"))).isEqualTo(Level.OK);
        assertThat(t.level(new BigDecimal("80.00"))).isEqualTo(Level.WARNING);
        assertThat(t.level(new BigDecimal("94.99"))).isEqualTo(Level.WARNING);
        assertThat(t.level(new BigDecimal("95"))).isEqualTo(Level.CRITICAL);
        assertThat(t.level(new BigDecimal("100.00"))).isEqualTo(Level.CRITICAL);
        assertThat(Thresholds.of(90, 90).level(new BigDecimal("90"))).isEqualTo(Level.CRITICAL);
    }

    @ParameterizedTest
    @CsvSource({"0, 95, warning threshold must be above 0", "-5, 95, warning threshold must be above 0",
            "101, 101, warning threshold must be above 0 and at most 100", "80, 101, critical threshold must be at most 100",
            "90, 80, must not be below the warning threshold (90%)"})
    void invalidThresholdsAreRefusedWithAClearMessage(double warn, double critical, String message) {
        assertThatThrownBy(() -> Thresholds.of(warn, critical)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    @ParameterizedTest
    @ValueSource(strings = {"=HYPERLINK(\"http://x\",\"y\")", "+1", "-2", "@SUM(A1)", "\tcmd", "\rcmd", "'x"})
    void formulaLikeTextGetsAQuote(String text) {
        assertThat(SpreadsheetText.neutralise(text)).isEqualTo("'" + text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "web-01", "10.0.0.1", "2001:db8::1", "10.0.0.0/24", "00:11:22:33:44:55", "a=b", "x'"})
    void otherTextIsUnchanged(String text) {
        assertThat(SpreadsheetText.neutralise(text)).isEqualTo(text);
    }
}
