package org.ipdesk.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** RFC 1982 serial arithmetic and the YYYYMMDDnn scheme. */
class SerialTest {
    private static final LocalDate DAY = LocalDate.of(2026, 11, 28);

    private static Optional<Serial> s(long value) {
        return Optional.of(new Serial(value));
    }

    @Test
    void theFirstSerialOfADayIsItsDateAndTwoDoubleZeros() {
        assertThat(Serial.firstOf(DAY).value()).isEqualTo(2026112800L);
        assertThat(Serial.next(DAY, Optional.empty(), Optional.empty())).contains(new Serial(2026112800L));
    }

    @Test
    void aSecondExportOnOneDayGoesOneUpAndTheNextDayStartsAtItsDate() {
        assertThat(Serial.next(DAY, s(2026112800L), Optional.empty())).contains(new Serial(2026112801L));
        assertThat(Serial.next(DAY, s(2026112801L), s(2026112801L))).contains(new Serial(2026112802L));
        assertThat(Serial.next(DAY.plusDays(1), s(2026112807L), Optional.empty())).contains(new Serial(2026112900L));
    }

    @Test
    void theZoneFileAlreadyWrittenWinsOverAnOlderStoredSerialFromABackup() {
        assertThat(Serial.next(DAY, s(2026112001L), s(2026112805L))).contains(new Serial(2026112806L));
        // and the other way round
        assertThat(Serial.next(DAY, s(2026112805L), s(2026112001L))).contains(new Serial(2026112806L));
    }

    @Test
    void aSerialAheadOfTheDateSchemeIsContinuedNotUndercut() {
        // 3000000000 is newer than 2026112800 in RFC 1982 arithmetic, so the date would go backwards
        assertThat(new Serial(3_000_000_000L).isAfter(Serial.firstOf(DAY))).isTrue();
        assertThat(Serial.next(DAY, s(3_000_000_000L), Optional.empty())).contains(new Serial(3_000_000_001L));
    }

    @Test
    void arithmeticWrapsAfterTheLargestSerial() {
        Serial max = new Serial(4294967295L);
        assertThat(max.plus(1)).isEqualTo(new Serial(0));
        assertThat(new Serial(0).isAfter(max)).isTrue();
        assertThat(max.isAfter(new Serial(0))).isFalse();
        assertThat(new Serial(5).isAfter(new Serial(4294967290L))).isTrue();
        // a stored serial at the very top: the next one wraps to 0 unless the date is newer, and 2026112800 is
        assertThat(Serial.next(DAY, s(4294967295L), Optional.empty())).contains(new Serial(2026112800L));
        // a stored serial just wrapped past 0 (newer than the top, numerically small): the date is newer still
        assertThat(Serial.next(DAY, s(10), Optional.empty())).contains(new Serial(2026112800L));
        // a serial just under 2^31 past the date scheme in wrap terms keeps counting, through the wrap
        assertThat(Serial.next(LocalDate.of(2026, 1, 1), s(4294967295L), s(0)))
                .contains(new Serial(2026010100L));
        assertThat(new Serial(4294967295L).plus(10)).isEqualTo(new Serial(9));
    }

    @Test
    void serialsExactlyHalfTheSpaceApartAreNeitherNewerNorOlderAndGiveNoNextSerial() {
        Serial a = new Serial(100);
        Serial b = new Serial(100 + (1L << 31));
        assertThat(a.isAfter(b)).isFalse();
        assertThat(b.isAfter(a)).isFalse();
        assertThat(a.isAfter(a)).isFalse();
        assertThat(Serial.next(DAY, Optional.of(a), Optional.of(b))).isEmpty();
    }

    @Test
    void outOfRangeValuesAreRefusedWithTheNumber() {
        assertThatThrownBy(() -> new Serial(4294967296L)).hasMessage("SOA serial 4294967296 is outside 0 to 4294967295");
        assertThatThrownBy(() -> new Serial(-1)).hasMessageContaining("-1");
        assertThatThrownBy(() -> new Serial(1).plus(1L << 31)).hasMessageContaining("not 2147483648");
    }
}
