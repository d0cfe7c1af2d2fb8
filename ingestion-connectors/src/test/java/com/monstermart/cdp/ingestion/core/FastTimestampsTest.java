package com.monstermart.cdp.ingestion.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class FastTimestampsTest {
    @Test
    void commonShapes() {
        assertThat(FastTimestamps.parse("2019-10-01 00:00:00 UTC", ZoneOffset.UTC))
                .isEqualTo(Instant.parse("2019-10-01T00:00:00Z"));
        assertThat(FastTimestamps.parse("2026-11-21T10:15:30.123+01:00", ZoneOffset.UTC))
                .isEqualTo(Instant.parse("2026-11-21T09:15:30.123Z"));
        assertThat(FastTimestamps.parse("2026-11-21T10:15:30.000000Z", ZoneOffset.UTC))
                .isEqualTo(Instant.parse("2026-11-21T10:15:30Z"));
        assertThat(FastTimestamps.parse("2026-07-01 10:00", ZoneId.of("Europe/London")))
                .isEqualTo(Instant.parse("2026-07-01T09:00:00Z"));
    }

    @Test
    void otherShapesAndImpossibleDatesAreLeftToTheFormatters() {
        assertThat(FastTimestamps.parse("12/1/2009 7:45", ZoneOffset.UTC)).isNull();
        assertThat(FastTimestamps.parse("2026-02-30 00:00:00", ZoneOffset.UTC)).isNull();
        assertThat(FastTimestamps.parse("2026-13-01 00:00:00", ZoneOffset.UTC)).isNull();
        assertThat(FastTimestamps.parse("2026-11-21 10:15:30 CET", ZoneOffset.UTC))
                .isNull();
        assertThat(FastTimestamps.parse("2026-11-21T10:15:30.", ZoneOffset.UTC)).isNull();
    }
}
