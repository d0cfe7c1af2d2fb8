package com.monstermart.cdp.identity.core.matching;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * One blocking pass: records that share a key of this rule become candidate pairs. Several passes with different
 * keys catch pairs that disagree on any single one (a typo in the surname, a moved postcode).
 */
public record BlockingRule(String name, Function<MatchRecord, String> key) {
    public BlockingRule {
        requireNonNull(name, "name is null");
        requireNonNull(key, "key is null");
    }

    /** The key of a record, or null when the record has no key for this pass. */
    public String keyOf(MatchRecord record) {
        String value = key.apply(record);
        return value == null || value.isEmpty() ? null : value;
    }

    /** Records agreeing exactly on all these fields. */
    public static BlockingRule fields(String... fields) {
        List<String> names = List.of(fields);
        return new BlockingRule(String.join("+", names), record -> {
            StringBuilder key = new StringBuilder();
            for (String field : names) {
                String value = record.field(field);
                if (value == null) {
                    return null;
                }
                key.append(value).append('\u0001');
            }
            return key.toString();
        });
    }

    /** Records whose field starts with the same characters. */
    public static BlockingRule prefix(String field, int length) {
        return new BlockingRule(field + "[0:" + length + "]", record -> {
            String value = record.field(field);
            return value == null || value.length() < length ? value : value.substring(0, length);
        });
    }

    /** Records whose field sounds alike (Soundex), optionally within the same value of another field. */
    public static BlockingRule soundex(String field, String... alsoExact) {
        BlockingRule exact = fields(alsoExact);
        return new BlockingRule(
                "soundex(" + field + ")" + (alsoExact.length == 0 ? "" : "+" + exact.name()), record -> {
                    String value = record.field(field);
                    if (value == null) {
                        return null;
                    }
                    String rest = alsoExact.length == 0 ? "" : exact.keyOf(record);
                    return rest == null
                            ? null
                            : StringSimilarity.soundex(value.toLowerCase(Locale.ROOT)) + '\u0001' + rest;
                });
    }
}
