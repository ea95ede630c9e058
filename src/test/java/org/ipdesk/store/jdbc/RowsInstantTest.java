package org.ipdesk.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The stored times read back as {@link Instant#parse} reads them, faster; what it would refuse is still refused. */
class RowsInstantTest {

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 20261128})
    void everyInstantAsWrittenReadsBackTheSame(long seed) {
        Random random = new Random(seed);
        for (int i = 0; i < 20_000; i++) {
            // 1970 to 2200, whole seconds or a fraction of 1 to 9 digits as Instant.toString writes it (3, 6 or 9)
            long second = (long) (random.nextDouble() * 7_258_118_400L);
            int nanos = switch (random.nextInt(4)) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant written = Instant.ofEpochSecond(second, nanos);
            assertThat(Rows.instant(written.toString())).as(written.toString()).isEqualTo(written);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-02-29T23:59:59Z", "2026-11-28T00:00:00.5Z", "2026-11-28T00:00:00.123456789Z",
            "1970-01-01T00:00:00Z", "2026-12-31T23:59:60Z", "+12026-01-01T00:00:00Z", "2026-11-28T10:15:30.12Z",
            "2026-11-28T24:00:00Z", "2026-11-28T00:00:00.Z"})
    void oddButValidTextsReadAsInstantParseReadsThem(String text) {
        assertThat(Rows.instant(text)).isEqualTo(Instant.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-02-29T00:00:00Z", "2026-13-01T00:00:00Z",
            "2026-11-28T00:60:00Z", "2026-11-28 00:00:00Z", "2026-11-28T00:00:00",
            "2026-1a-28T00:00:00Z", ""})
    void whatInstantParseRefusesIsRefused(String text) {
        assertThatThrownBy(() -> Instant.parse(text)).isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> Rows.instant(text)).isInstanceOf(DateTimeParseException.class);
    }
}
