package com.monstermart.cdp.profile.testing;

import com.monstermart.cdp.event.CanonicalEvent;
import com.monstermart.cdp.event.EcommerceEvents;
import com.monstermart.cdp.event.EventContext;
import com.monstermart.cdp.event.EventType;
import com.monstermart.cdp.event.IdentifierHint;
import com.monstermart.cdp.event.SourceKind;
import com.monstermart.cdp.event.SourceRef;
import com.monstermart.cdp.profile.core.InputRecord;
import com.monstermart.cdp.profile.core.ProfileChange;
import com.monstermart.cdp.profile.core.ResolvedEvent;
import com.monstermart.cdp.profile.core.StreamPosition;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Resolved events and input records for tests. Personal values look like the vault's ciphertext. */
public final class TestEvents {
    public static final String EVENTS_TOPIC = "cdp.resolved.events";
    public static final String CHANGES_TOPIC = "cdp.identity.changes";
    public static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");

    private TestEvents() {}

    public static EventContext context(String sourceId) {
        return EventContext.builder(new SourceRef(sourceId, SourceKind.HTTP, "request=test"))
                .sessionId("session-1")
                .locale("en-US")
                .build();
    }

    public static CanonicalEvent.Builder base(EventType type, String messageId, Instant at) {
        return CanonicalEvent.builder(type)
                .messageId(messageId)
                .timestamp(at)
                .receivedAt(at.plusSeconds(1))
                .anonymousId("anon-" + messageId)
                .context(context("web"));
    }

    public static ResolvedEvent identify(String profileId, String messageId, Instant at, Map<String, ?> traits) {
        return new ResolvedEvent(
                profileId,
                base(EventType.IDENTIFY, messageId, at)
                        .traits(traits)
                        .identifier(IdentifierHint.email("bi-email-" + profileId))
                        .build());
    }

    /** A group event: the customer belongs to {@code groupId}; the traits are the group's. */
    public static ResolvedEvent group(
            String profileId, String messageId, Instant at, String groupId, Map<String, ?> traits) {
        return new ResolvedEvent(
                profileId,
                base(EventType.GROUP, messageId, at)
                        .groupId(groupId)
                        .traits(traits)
                        .build());
    }

    public static ResolvedEvent page(String profileId, String messageId, Instant at) {
        return new ResolvedEvent(
                profileId, base(EventType.PAGE, messageId, at).name("Home").build());
    }

    public static ResolvedEvent track(
            String profileId, String messageId, Instant at, String event, Map<String, ?> properties) {
        return new ResolvedEvent(
                profileId,
                base(EventType.TRACK, messageId, at)
                        .event(event)
                        .properties(properties)
                        .build());
    }

    public static ResolvedEvent productViewed(
            String profileId, String messageId, Instant at, String productId, String price) {
        return track(
                profileId,
                messageId,
                at,
                EcommerceEvents.PRODUCT_VIEWED,
                Map.of(
                        "product_id",
                        productId,
                        "name",
                        "Fang Floss",
                        "category",
                        "Dental",
                        "brand",
                        "Grim",
                        "price",
                        new BigDecimal(price),
                        "currency",
                        "EUR"));
    }

    public static ResolvedEvent orderCompleted(
            String profileId, String messageId, Instant at, String orderId, String revenue) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("order_id", orderId);
        properties.put("revenue", new BigDecimal(revenue));
        properties.put("currency", "EUR");
        properties.put(
                "products",
                List.of(
                        Map.of(
                                "product_id",
                                "p-1",
                                "name",
                                "Fang Floss",
                                "price",
                                new BigDecimal("4.50"),
                                "quantity",
                                2L),
                        Map.of("product_id", "p-2", "name", "Cloak", "price", new BigDecimal("20.00"))));
        return track(profileId, messageId, at, EcommerceEvents.ORDER_COMPLETED, properties);
    }

    public static InputRecord.EventRecord at(int partition, long offset, ResolvedEvent event) {
        return new InputRecord.EventRecord(new StreamPosition(EVENTS_TOPIC, partition, offset), event);
    }

    public static InputRecord.ChangeRecord change(int partition, long offset, ProfileChange change) {
        return new InputRecord.ChangeRecord(new StreamPosition(CHANGES_TOPIC, partition, offset), change);
    }

    /** A value shaped like the vault's text ciphertext. */
    public static String cipher(String label) {
        return "enc:v1:" + label;
    }
}
