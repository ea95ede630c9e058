package org.ipdesk.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import org.ipdesk.address.Cidr;
import org.junit.jupiter.api.Test;

/** The sizes of real blocks, as every screen, report and the command line write them. */
class AddressCountsTest {

    private static String usable(String cidr) {
        return AddressCounts.compact(Cidr.parse(cidr).usableCount());
    }

    private static String total(String cidr) {
        return AddressCounts.compact(Cidr.parse(cidr).total());
    }

    @Test
    void ipv4SizesAreWrittenOutInFull() {
        assertThat(usable("10.0.0.0/24")).isEqualTo("254");
        assertThat(usable("10.0.0.0/8")).isEqualTo("16,777,214");
        assertThat(total("0.0.0.0/0")).isEqualTo("4,294,967,296");
        assertThat(AddressCounts.full(Cidr.parse("0.0.0.0/0").usableCount())).isEqualTo("4,294,967,294");
    }

    @Test
    void smallIpv6BlocksAreWrittenOutInFull() {
        assertThat(usable("2001:db8::/120")).isEqualTo("255");
        assertThat(total("2001:db8::/120")).isEqualTo("256");
    }

    @Test
    void aSlash64IsTwoToThe64MinusOneUsableNeverAboutTwoToThe63() {
        assertThat(usable("2001:db8::/64")).isEqualTo("2^64 \u2212 1");
        assertThat(total("2001:db8::/64")).isEqualTo("2^64");
        assertThat(AddressCounts.full(Cidr.parse("2001:db8::/64").usableCount()))
                .isEqualTo("18,446,744,073,709,551,615 (2^64 \u2212 1)");
    }

    @Test
    void aSlash48IsTwoToThe80MinusOneUsable() {
        assertThat(usable("2001:db8::/48")).isEqualTo("2^80 \u2212 1");
        assertThat(AddressCounts.full(Cidr.parse("2001:db8::/48").usableCount())).isEqualTo("2^80 \u2212 1");
        assertThat(total("2001:db8::/48")).isEqualTo("2^80");
    }

    @Test
    void theWholeIpv6SpaceAndItsLargestBlocks() {
        assertThat(usable("::/0")).isEqualTo("2^128 \u2212 1");
        assertThat(total("::/0")).isEqualTo("2^128");
        assertThat(usable("::/1")).isEqualTo("2^127 \u2212 1");
    }

    @Test
    void otherLargeCountsAreTheNearestPower() {
        BigInteger twoTo70 = BigInteger.ONE.shiftLeft(70);
        assertThat(AddressCounts.compact(twoTo70.add(BigInteger.TEN))).isEqualTo("~2^70");
        assertThat(AddressCounts.compact(twoTo70.add(twoTo70.shiftRight(1)))).isEqualTo("~2^71");
        assertThat(AddressCounts.compact(BigInteger.ONE.shiftLeft(64).subtract(BigInteger.TWO))).isEqualTo("~2^64");
        assertThat(AddressCounts.compact(BigInteger.ZERO)).isEqualTo("0");
    }

    @Test
    void countedNounsTakeTheirNumber() {
        assertThat(AddressCounts.counted(1, "network")).isEqualTo("1 network");
        assertThat(AddressCounts.counted(0, "subnet")).isEqualTo("0 subnets");
        assertThat(AddressCounts.counted(1, "address")).isEqualTo("1 address");
        assertThat(AddressCounts.counted(2_400, "address")).isEqualTo("2,400 addresses");
    }
}
