package com.monstermart.cdp.identity.core.identifier;

import java.text.Normalizer;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Normalises the traits used for fuzzy matching: names, date of birth, address and postcode. The forms are chosen
 * for comparison (lower case, no accents, no punctuation), not for display.
 */
public final class TraitNormalizer {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_NAME = Pattern.compile("[^\\p{L}' -]");
    private static final Pattern NOT_ADDRESS = Pattern.compile("[^\\p{L}\\p{N} ]");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern POSTCODE = Pattern.compile("^[A-Z0-9]{3,10}$");
    private static final List<DateTimeFormatter> DATES =
            List.of(DateTimeFormatter.ISO_LOCAL_DATE, DateTimeFormatter.BASIC_ISO_DATE);
    private static final Map<String, String> STREET_WORDS = Map.ofEntries(
            Map.entry("st", "street"),
            Map.entry("str", "street"),
            Map.entry("rd", "road"),
            Map.entry("ave", "avenue"),
            Map.entry("av", "avenue"),
            Map.entry("pl", "place"),
            Map.entry("cres", "crescent"),
            Map.entry("cct", "circuit"),
            Map.entry("dr", "drive"),
            Map.entry("ln", "lane"),
            Map.entry("ct", "court"),
            Map.entry("hwy", "highway"),
            Map.entry("blvd", "boulevard"));

    private final Clock clock;

    public TraitNormalizer(Clock clock) {
        this.clock = clock;
    }

    /** A given or family name: no accents, lower case, letters, apostrophes, hyphens and single spaces. */
    public Normalized<String> name(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            return Normalized.invalid(field, InvalidReason.EMPTY);
        }
        if (raw.length() > 200) {
            return Normalized.invalid(field, InvalidReason.TOO_LONG);
        }
        String value = SPACES.matcher(NOT_NAME.matcher(fold(raw)).replaceAll(" "))
                .replaceAll(" ")
                .strip();
        if (value.chars().noneMatch(Character::isLetter)) {
            return Normalized.invalid(field, InvalidReason.NO_LETTERS);
        }
        return Normalized.valid(value);
    }

    /** A date of birth in ISO form; accepts yyyy-MM-dd and yyyyMMdd, between 1900-01-01 and today. */
    public Normalized<LocalDate> dateOfBirth(String raw) {
        if (raw == null || raw.isBlank()) {
            return Normalized.invalid("date_of_birth", InvalidReason.EMPTY);
        }
        String value = raw.strip();
        for (DateTimeFormatter format : DATES) {
            try {
                LocalDate date = LocalDate.parse(value, format);
                if (date.isBefore(LocalDate.of(1900, 1, 1)) || date.isAfter(LocalDate.now(clock))) {
                    return Normalized.invalid("date_of_birth", InvalidReason.IMPLAUSIBLE_DATE);
                }
                return Normalized.valid(date);
            } catch (DateTimeParseException e) {
                // try the next format
            }
        }
        return Normalized.invalid("date_of_birth", InvalidReason.MALFORMED_DATE);
    }

    /** A street address: lower case, no accents or punctuation, common street abbreviations spelled out. */
    public Normalized<String> address(String raw) {
        if (raw == null || raw.isBlank()) {
            return Normalized.invalid("address", InvalidReason.EMPTY);
        }
        if (raw.length() > 300) {
            return Normalized.invalid("address", InvalidReason.TOO_LONG);
        }
        String cleaned = SPACES.matcher(NOT_ADDRESS.matcher(fold(raw)).replaceAll(" "))
                .replaceAll(" ")
                .strip();
        if (cleaned.isEmpty()) {
            return Normalized.invalid("address", InvalidReason.EMPTY);
        }
        StringBuilder out = new StringBuilder(cleaned.length() + 8);
        for (String word : cleaned.split(" ")) {
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.append(STREET_WORDS.getOrDefault(word, word));
        }
        return Normalized.valid(out.toString());
    }

    /** A postcode: upper case without spaces or dashes, 3-10 letters or digits. */
    public Normalized<String> postcode(String raw) {
        if (raw == null || raw.isBlank()) {
            return Normalized.invalid("postcode", InvalidReason.EMPTY);
        }
        String value = raw.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        return POSTCODE.matcher(value).matches()
                ? Normalized.valid(value)
                : Normalized.invalid("postcode", InvalidReason.MALFORMED_POSTCODE);
    }

    private static String fold(String raw) {
        return MARKS.matcher(Normalizer.normalize(raw, Normalizer.Form.NFKD))
                .replaceAll("")
                .toLowerCase(Locale.ROOT);
    }
}
