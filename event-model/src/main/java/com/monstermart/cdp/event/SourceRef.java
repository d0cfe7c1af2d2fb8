package com.monstermart.cdp.event;

import static java.util.Objects.requireNonNull;

/**
 * The source an event came from and where in it ({@code context.source}).
 *
 * @param id the source's registry id: lower-case letters, digits and dashes, 1–63 characters, starting with a
 *     letter or digit (it is part of topic names such as {@code cdp.dead-letter.<id>})
 * @param kind the connector kind
 * @param position where in the source the event was read, for tracing and dead letters: e.g.
 *     {@code lsn=0/16B3748 table=public.customers key=42}, {@code file=orders-2026-11.csv line=17},
 *     {@code request=5f0c... index=3}; never personal data
 */
public record SourceRef(String id, SourceKind kind, String position) {
    public SourceRef {
        requireNonNull(id, "id is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(position, "position is null");
        if (!isValidId(id)) {
            throw new IllegalArgumentException(
                    "Invalid source id '%s': use 1-63 lower-case letters, digits and dashes".formatted(id));
        }
    }

    /** Whether a text can be a source id (see {@link #id()}). */
    public static boolean isValidId(String id) {
        if (id == null || id.isEmpty() || id.length() > 63) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            boolean letterOrDigit = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
            if (!letterOrDigit && (c != '-' || i == 0)) {
                return false;
            }
        }
        return true;
    }
}
