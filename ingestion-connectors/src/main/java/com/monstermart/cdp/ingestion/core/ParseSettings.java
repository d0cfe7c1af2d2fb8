package com.monstermart.cdp.ingestion.core;

import static java.util.Objects.requireNonNull;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * How text values are read: decimal separator, timestamp formats and the zone of timestamps without offset.
 *
 * @param decimalSeparator {@code auto}, {@code .} or {@code ,}
 * @param timestampFormats tried in order after ISO-8601
 * @param zone zone of local timestamps
 */
public record ParseSettings(String decimalSeparator, List<DateTimeFormatter> timestampFormats, ZoneId zone) {
    public static final ParseSettings DEFAULT = new ParseSettings("auto", List.of(), ZoneOffset.UTC);

    public ParseSettings {
        requireNonNull(decimalSeparator, "decimalSeparator is null");
        timestampFormats = List.copyOf(timestampFormats);
        requireNonNull(zone, "zone is null");
    }

    /**
     * Settings from a pattern's fields.
     *
     * @throws IllegalArgumentException naming the bad format, separator or zone
     */
    public static ParseSettings of(String decimalSeparator, List<String> timestampFormats, String timezone) {
        String separator = decimalSeparator == null ? "auto" : decimalSeparator.strip();
        if (!List.of("auto", ".", ",").contains(separator)) {
            throw new IllegalArgumentException(
                    "decimalSeparator '%s' is not auto, '.' or ','".formatted(decimalSeparator));
        }
        List<DateTimeFormatter> formats = timestampFormats == null
                ? List.of()
                : timestampFormats.stream().map(ParseSettings::formatter).toList();
        ZoneId zone;
        try {
            zone = timezone == null || timezone.isBlank() ? ZoneOffset.UTC : ZoneId.of(timezone.strip());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(
                    "timezone '%s' is not a zone id such as Europe/London".formatted(timezone));
        }
        return new ParseSettings(separator, formats, zone);
    }

    private static DateTimeFormatter formatter(String pattern) {
        try {
            return DateTimeFormatter.ofPattern(pattern, Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "timestamp format '%s' is not a java.time pattern: %s".formatted(pattern, e.getMessage()));
        }
    }
}
