package org.ipdesk.ui.subnet;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class CountsTest {

    private static BigInteger two(int exponent) {
        return BigInteger.ONE.shiftLeft(exponent);
    }

    @Test
    void percentagesNeverRoundASliverToNothingNorToFull() {
        assertThat(Counts.percent(BigInteger.valueOf(105), BigInteger.valueOf(254))).isEqualTo("41.34 %");
        assertThat(Counts.percent(BigInteger.ZERO, BigInteger.TEN)).isEqualTo("0 %");
        assertThat(Counts.percent(BigInteger.ONE, two(64))).isEqualTo("<0.01 %");
        assertThat(Counts.percent(two(64).subtract(BigInteger.ONE), two(64))).isEqualTo(">99.99 %");
        assertThat(Counts.percent(BigInteger.TEN, BigInteger.TEN)).isEqualTo("100 %");
    }

    @Test
    void aSegmentOfAddressesIsAtLeastTwoPixelsWide() {
        double[] widths = UsageBar.widths(new double[] {0.001, 0.0, 0.499, 0.5},
                java.util.List.of(true, false, true, true), 200);
        assertThat(widths[0]).isEqualTo(UsageBar.MIN_SEGMENT);
        assertThat(widths[1]).isZero();
        assertThat(widths[0] + widths[1] + widths[2] + widths[3]).isCloseTo(200, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(widths[3]).isGreaterThan(widths[2]);
    }
}
