package com.monstermart.cdp.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The hand-written reading of the usual timestamp form gives what the ISO formatter gives, or defers to it. */
class ParseInstantTest {
    /** What {@link EventJson#parseInstant} did before the hand-written fast path. */
    private static Instant reference(String text) {
        try {
            return OffsetDateTime.parse(text.strip(), DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                    .toInstant();
        } catch (DateTimeParseException e) {
            return Instant.parse(text.strip());
        }
    }

    @Test
    void randomTimestampsInEveryUsualSpellingParseAsTheFormatterDoes() {
        SplittableRandom random = new SplittableRandom(42);
        List<String> fractions = List.of("", ".1", ".12", ".123", ".123456", ".123456789", ".000", ".5000000");
        for (int i = 0; i < 100_000; i++) {
            long seconds = random.nextLong(-62_135_596_800L, 253_402_300_799L - 86_400); // years 0001..9999
            int offsetMinutes = random.nextInt(-18 * 60, 18 * 60 + 1);
            ZoneOffset offset = i % 3 == 0 ? ZoneOffset.UTC : ZoneOffset.ofTotalSeconds(offsetMinutes * 60);
            String local = OffsetDateTime.ofInstant(Instant.ofEpochSecond(seconds), offset)
                    .format(DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss"));
            String zone = offset.equals(ZoneOffset.UTC) ? (i % 2 == 0 ? "Z" : "+00:00") : offset.getId();
            String text = local + fractions.get(random.nextInt(fractions.size())) + zone;
            assertThat(EventJson.parseInstant(text)).as(text).isEqualTo(reference(text));
        }
    }

    @Test
    void unusualButValidSpellingsStillParse() {
        for (String text : List.of(
                "2026-11-21T10:15Z", // no seconds
                " 2026-11-21T10:15:30Z ", // surrounding blanks
                "2026-11-21t10:15:30z", // lower case
                "2026-11-21T10:15:30+01:00:30", // offset seconds
                "2026-11-21T10:15:30+01", // offset hours only
                "+12026-11-21T10:15:30Z", // a year beyond 9999
                "2026-11-21T24:00:00Z", // the end of the day (the instant parser's leniency)
                "2026-11-21T10:15:30.Z", // an empty fraction (same)
                "2024-02-29T23:59:59.999999999-18:00")) {
            assertThat(EventJson.parseInstant(text)).as(text).isEqualTo(reference(text));
        }
    }

    @Test
    void invalidTimestampsAreRefusedAsBefore() {
        for (String text : List.of(
                "2026-02-30T10:15:30Z",
                "2025-02-29T10:15:30Z",
                "2026-13-01T10:15:30Z",
                "2026-11-21T10:60:00Z",
                "2026-11-21T10:15:30",
                "2026-11-21T10:15:30.1234567891Z",
                "2026-11-21T10:15:30+19:00",
                "2026-11-21T10:15:30+01:60",
                "2026-11-21 10:15:30Z",
                "2026-1a-21T10:15:30Z",
                "yesterday")) {
            assertThatThrownBy(() -> EventJson.parseInstant(text)).as(text).isInstanceOf(DateTimeParseException.class);
        }
    }
}
