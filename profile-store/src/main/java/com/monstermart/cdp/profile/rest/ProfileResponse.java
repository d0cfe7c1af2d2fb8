package com.monstermart.cdp.profile.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A profile as the API shows it.
 *
 * @param requestedId the id that was asked for (a merged id resolves to its survivor)
 * @param pii {@code masked} or {@code revealed}
 * @param erased whether the data subject was erased (values read {@code [erased]})
 * @param traits trait values; personal ones masked or decrypted
 */
public record ProfileResponse(
        String profileId,
        String requestedId,
        String status,
        List<String> mergedIds,
        boolean erased,
        String pii,
        Instant firstSeenAt,
        Instant lastSeenAt,
        long eventCount,
        long orderCount,
        BigDecimal lifetimeRevenue,
        Instant lastOrderAt,
        Map<String, Object> traits,
        List<IdentifierResponse> identifiers,
        List<EventResponse> recentEvents) {

    /** An identifier of the profile: its blind index, never the value. */
    public record IdentifierResponse(
            String type,
            String namespace,
            String blindIndex,
            String sourceId,
            Instant firstSeenAt,
            Instant lastSeenAt) {}

    /** A recent event; personal values in its properties masked or decrypted. */
    public record EventResponse(
            String messageId,
            String profileId,
            Instant occurredAt,
            String type,
            String name,
            String sourceId,
            Map<String, Object> properties) {}
}
