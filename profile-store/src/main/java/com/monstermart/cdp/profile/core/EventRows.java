package com.monstermart.cdp.profile.core;

import com.monstermart.cdp.event.CampaignContext;
import com.monstermart.cdp.event.CanonicalEvent;
import com.monstermart.cdp.event.EventContext;
import com.monstermart.cdp.event.PageContext;
import com.monstermart.cdp.profile.core.ProfileStoreTables.Events;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Rows of {@code events} from resolved events. */
public final class EventRows {
    private final Row.Layout layout;
    private final List<PromotedProperty> promoted;

    /** Rows of {@code events} with these promoted property columns. */
    public EventRows(List<PromotedProperty> promoted) {
        this.promoted = List.copyOf(promoted);
        this.layout = Row.layout(ProfileStoreTables.events()
                .withColumns(
                        this.promoted.stream().map(PromotedProperty::column).toList()));
    }

    public TableDefinition table() {
        return layout.table();
    }

    /**
     * The row of one event.
     *
     * @param propertiesJson the event's properties as JSON ({@link Json#write}), shared with the hot store
     */
    public Row row(ResolvedEvent resolved, StreamPosition position, Instant ingestedAt, String propertiesJson) {
        CanonicalEvent event = resolved.event();
        EventContext context = event.context();
        Map<String, Object> properties = event.properties();
        Row row = Row.of(layout)
                .set(Events.MESSAGE_ID, event.messageId())
                .set(Events.PROFILE_ID, resolved.profileId())
                .set(Events.TYPE, event.type().wireName())
                .set(Events.EVENT, event.event().orElse(null))
                .set(Events.NAME, event.name().orElse(null))
                .set(Events.CATEGORY, event.category().orElse(null))
                .set(Events.OCCURRED_AT, event.timestamp())
                .set(Events.RECEIVED_AT, event.receivedAt())
                .set(Events.SENT_AT, event.sentAt().orElse(null))
                .set(Events.USER_ID, event.userId().orElse(null))
                .set(Events.ANONYMOUS_ID, event.anonymousId().orElse(null))
                .set(Events.SESSION_ID, context.sessionId().orElse(null))
                .set(Events.SOURCE_ID, context.source().id())
                .set(Events.SOURCE_KIND, context.source().kind().wireName())
                .set(Events.GPC, context.gpc())
                .set(Events.PAGE_PATH, context.page().flatMap(PageContext::path).orElse(null))
                .set(Events.PAGE_URL, context.page().flatMap(PageContext::url).orElse(null))
                .set(
                        Events.PAGE_REFERRER,
                        context.page().flatMap(PageContext::referrer).orElse(null))
                .set(
                        Events.CAMPAIGN_SOURCE,
                        context.campaign().flatMap(CampaignContext::source).orElse(null))
                .set(
                        Events.CAMPAIGN_MEDIUM,
                        context.campaign().flatMap(CampaignContext::medium).orElse(null))
                .set(
                        Events.CAMPAIGN_NAME,
                        context.campaign().flatMap(CampaignContext::name).orElse(null))
                .set(Events.LOCALE, context.locale().orElse(null))
                .set(Events.ORDER_ID, JsonLike.text(properties, "order_id").orElse(null))
                .set(Events.PRODUCT_ID, JsonLike.text(properties, "product_id").orElse(null))
                .set(Events.PRICE, JsonLike.amount(properties, "price").orElse(null))
                .set(Events.QUANTITY, JsonLike.integer(properties, "quantity").orElse(null))
                .set(Events.REVENUE, revenue(properties).orElse(null))
                .set(Events.CURRENCY, JsonLike.text(properties, "currency").orElse(null))
                .set(Events.TRAITS, Json.writeOrNull(event.traits()))
                .set(Events.PROPERTIES, properties.isEmpty() ? null : propertiesJson)
                .set(Events.CONTEXT, contextJson(context))
                .set(Events.INGESTED_AT, ingestedAt)
                .set(Events.INGEST_PARTITION, position.partition())
                .set(Events.INGEST_OFFSET, position.offset());
        for (PromotedProperty property : promoted) {
            row.set(property.column().name(), property.valueIn(properties));
        }
        return row;
    }

    /** {@code properties.revenue}, else {@code properties.total} (Segment's spec allows either). */
    public static Optional<java.math.BigDecimal> revenue(Map<String, Object> properties) {
        return JsonLike.amount(properties, "revenue").or(() -> JsonLike.amount(properties, "total"));
    }

    /** The context fields without a column of their own. */
    private static String contextJson(EventContext context) {
        Map<String, Object> rest = new LinkedHashMap<>();
        context.ip().ifPresent(ip -> rest.put("ip", ip));
        context.userAgent().ifPresent(agent -> rest.put("userAgent", agent));
        context.page().ifPresent(page -> {
            Map<String, Object> fields = new LinkedHashMap<>();
            page.title().ifPresent(title -> fields.put("title", title));
            page.search().ifPresent(search -> fields.put("search", search));
            if (!fields.isEmpty()) {
                rest.put("page", fields);
            }
        });
        context.campaign().ifPresent(campaign -> {
            Map<String, Object> fields = new LinkedHashMap<>();
            campaign.term().ifPresent(term -> fields.put("term", term));
            campaign.content().ifPresent(content -> fields.put("content", content));
            if (!fields.isEmpty()) {
                rest.put("campaign", fields);
            }
        });
        context.library()
                .ifPresent(library -> rest.put(
                        "library", Map.<String, Object>of("name", library.name(), "version", library.version())));
        rest.put("sourcePosition", context.source().position());
        rest.putAll(context.extensions());
        return Json.write(rest);
    }
}
