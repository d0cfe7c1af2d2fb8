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

    private final Positions at;
    private final int[] promotedPositions;

    /** Rows of {@code events} with these promoted property columns. */
    public EventRows(List<PromotedProperty> promoted) {
        this.promoted = List.copyOf(promoted);
        this.layout = Row.layout(ProfileStoreTables.events()
                .withColumns(
                        this.promoted.stream().map(PromotedProperty::column).toList()));
        this.at = new Positions(layout);
        this.promotedPositions = this.promoted.stream()
                .mapToInt(property -> layout.position(property.column().name()))
                .toArray();
    }

    /** Column positions, resolved once (rows are built for every event). */
    private static final class Positions {
        final int messageId;
        final int profileId;
        final int type;
        final int event;
        final int name;
        final int category;
        final int occurredAt;
        final int receivedAt;
        final int sentAt;
        final int userId;
        final int anonymousId;
        final int groupId;
        final int sessionId;
        final int sourceId;
        final int sourceKind;
        final int gpc;
        final int pagePath;
        final int pageUrl;
        final int pageReferrer;
        final int campaignSource;
        final int campaignMedium;
        final int campaignName;
        final int locale;
        final int orderId;
        final int productId;
        final int price;
        final int quantity;
        final int revenue;
        final int currency;
        final int traits;
        final int properties;
        final int context;
        final int ingestedAt;
        final int ingestPartition;
        final int ingestOffset;

        Positions(Row.Layout layout) {
            messageId = layout.position(Events.MESSAGE_ID);
            profileId = layout.position(Events.PROFILE_ID);
            type = layout.position(Events.TYPE);
            event = layout.position(Events.EVENT);
            name = layout.position(Events.NAME);
            category = layout.position(Events.CATEGORY);
            occurredAt = layout.position(Events.OCCURRED_AT);
            receivedAt = layout.position(Events.RECEIVED_AT);
            sentAt = layout.position(Events.SENT_AT);
            userId = layout.position(Events.USER_ID);
            anonymousId = layout.position(Events.ANONYMOUS_ID);
            groupId = layout.position(Events.GROUP_ID);
            sessionId = layout.position(Events.SESSION_ID);
            sourceId = layout.position(Events.SOURCE_ID);
            sourceKind = layout.position(Events.SOURCE_KIND);
            gpc = layout.position(Events.GPC);
            pagePath = layout.position(Events.PAGE_PATH);
            pageUrl = layout.position(Events.PAGE_URL);
            pageReferrer = layout.position(Events.PAGE_REFERRER);
            campaignSource = layout.position(Events.CAMPAIGN_SOURCE);
            campaignMedium = layout.position(Events.CAMPAIGN_MEDIUM);
            campaignName = layout.position(Events.CAMPAIGN_NAME);
            locale = layout.position(Events.LOCALE);
            orderId = layout.position(Events.ORDER_ID);
            productId = layout.position(Events.PRODUCT_ID);
            price = layout.position(Events.PRICE);
            quantity = layout.position(Events.QUANTITY);
            revenue = layout.position(Events.REVENUE);
            currency = layout.position(Events.CURRENCY);
            traits = layout.position(Events.TRAITS);
            properties = layout.position(Events.PROPERTIES);
            context = layout.position(Events.CONTEXT);
            ingestedAt = layout.position(Events.INGESTED_AT);
            ingestPartition = layout.position(Events.INGEST_PARTITION);
            ingestOffset = layout.position(Events.INGEST_OFFSET);
        }
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
        Optional<PageContext> page = context.page();
        Optional<CampaignContext> campaign = context.campaign();
        Row row = Row.of(layout)
                .set(at.messageId, event.messageId())
                .set(at.profileId, resolved.profileId())
                .set(at.type, event.type().wireName())
                .set(at.event, event.event().orElse(null))
                .set(at.name, event.name().orElse(null))
                .set(at.category, event.category().orElse(null))
                .set(at.occurredAt, event.timestamp())
                .set(at.receivedAt, event.receivedAt())
                .set(at.sentAt, event.sentAt().orElse(null))
                .set(at.userId, event.userId().orElse(null))
                .set(at.anonymousId, event.anonymousId().orElse(null))
                .set(at.groupId, event.groupId().orElse(null))
                .set(at.sessionId, context.sessionId().orElse(null))
                .set(at.sourceId, context.source().id())
                .set(at.sourceKind, context.source().kind().wireName())
                .set(at.gpc, context.gpc())
                .set(at.pagePath, page.flatMap(PageContext::path).orElse(null))
                .set(at.pageUrl, page.flatMap(PageContext::url).orElse(null))
                .set(at.pageReferrer, page.flatMap(PageContext::referrer).orElse(null))
                .set(
                        at.campaignSource,
                        campaign.flatMap(CampaignContext::source).orElse(null))
                .set(
                        at.campaignMedium,
                        campaign.flatMap(CampaignContext::medium).orElse(null))
                .set(at.campaignName, campaign.flatMap(CampaignContext::name).orElse(null))
                .set(at.locale, context.locale().orElse(null))
                .set(at.traits, Json.writeOrNull(event.traits()))
                .set(at.properties, properties.isEmpty() ? null : propertiesJson)
                .set(at.context, contextJson(context))
                .set(at.ingestedAt, ingestedAt)
                .set(at.ingestPartition, position.partition())
                .set(at.ingestOffset, position.offset());
        if (!properties.isEmpty()) {
            row.set(at.orderId, JsonLike.text(properties, "order_id").orElse(null))
                    .set(at.productId, JsonLike.text(properties, "product_id").orElse(null))
                    .set(at.price, JsonLike.amount(properties, "price").orElse(null))
                    .set(at.quantity, JsonLike.integer(properties, "quantity").orElse(null))
                    .set(at.revenue, revenue(properties).orElse(null))
                    .set(at.currency, JsonLike.text(properties, "currency").orElse(null));
        }
        for (int i = 0; i < promoted.size(); i++) {
            row.set(promotedPositions[i], promoted.get(i).valueIn(properties));
        }
        return row;
    }

    /** The row and properties JSON of an event, ahead of the batch (see {@link InputRecord.PreparedEvent}). */
    public InputRecord.PreparedEvent prepare(ResolvedEvent resolved, StreamPosition position, Instant ingestedAt) {
        String propertiesJson = Json.write(resolved.event().properties());
        return new InputRecord.PreparedEvent(row(resolved, position, ingestedAt, propertiesJson), propertiesJson);
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
