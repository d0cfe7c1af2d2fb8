package com.monstermart.cdp.console.core.platform;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;

/**
 * A probable match waiting in identity resolution's review queue ({@code GET /identity/reviews}): two pseudonymous
 * profile ids and the comparison that scored them, field by field.
 */
public record ReviewSummary(
        String id,
        String leftProfile,
        String rightProfile,
        double probability,
        List<Evidence> evidence,
        String status,
        Instant createdAt,
        String decidedBy,
        Instant decidedAt) {
    public ReviewSummary {
        requireNonNull(id, "id is null");
        evidence = List.copyOf(evidence);
    }

    /** How one field compared: {@code level} such as {@code exact}, {@code close} or {@code different}. */
    public record Evidence(String field, String level, double weight) {}
}
