package com.monstermart.cdp.identity.core.matching;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/**
 * A record to match: an id, the source it comes from (pairs within one source can be excluded), and its
 * normalised fields. Missing or blank fields are treated as unknown (they neither agree nor disagree).
 */
public record MatchRecord(String id, String source, Map<String, String> fields) {
    public MatchRecord {
        requireNonNull(id, "id is null");
        requireNonNull(source, "source is null");
        fields = Map.copyOf(fields);
    }

    /** The field's value, or null when missing or blank. */
    public String field(String name) {
        String value = fields.get(name);
        return value == null || value.isBlank() ? null : value;
    }
}
