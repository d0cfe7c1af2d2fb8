package com.monstermart.cdp.analytics.clv;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import java.util.Optional;

/** Reads the calendar day of a date or timestamp text. */
final class DateParser {
    private final Optional<DateTimeFormatter> formatter;
    private final ZoneId zone;

    DateParser(Optional<String> pattern, ZoneId zone) {
        this.zone = zone;
        try {
            this.formatter = pattern.map(text -> DateTimeFormatter.ofPattern(text, Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ClvException.invalid("date format '%s' is not a valid pattern: %s", pattern.get(), e.getMessage());
        }
    }

    /** The day, or empty when the text is not a date this parser reads. */
    Optional<LocalDate> parse(String text) {
        try {
            if (formatter.isPresent()) {
                return Optional.of(day(
                        formatter.get().parseBest(text, ZonedDateTime::from, LocalDateTime::from, LocalDate::from)));
            }
            if (text.length() == 8 && text.chars().allMatch(Character::isDigit)) {
                return Optional.of(LocalDate.parse(text, DateTimeFormatter.BASIC_ISO_DATE));
            }
            if (text.length() == 10) {
                return Optional.of(LocalDate.parse(text));
            }
            String iso = text;
            if (iso.length() > 10 && iso.charAt(10) == ' ') {
                iso = iso.substring(0, 10) + 'T' + iso.substring(11);
            }
            if (iso.endsWith(" UTC")) {
                iso = iso.substring(0, iso.length() - 4) + 'Z';
            }
            return Optional.of(
                    day(DateTimeFormatter.ISO_DATE_TIME.parseBest(iso, ZonedDateTime::from, LocalDateTime::from)));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private LocalDate day(TemporalAccessor parsed) {
        if (parsed instanceof ZonedDateTime zoned) {
            return zoned.withZoneSameInstant(zone).toLocalDate();
        }
        if (parsed instanceof LocalDateTime local) {
            return local.toLocalDate();
        }
        return (LocalDate) parsed;
    }
}
