package com.monstermart.cdp.profile.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.monstermart.cdp.event.EventJson;
import com.monstermart.cdp.event.JsonValues;
import com.monstermart.cdp.profile.core.IdentifierKey;
import com.monstermart.cdp.profile.core.IdentifierSeen;
import com.monstermart.cdp.profile.core.Json;
import com.monstermart.cdp.profile.core.OrderItem;
import com.monstermart.cdp.profile.core.OrderState;
import com.monstermart.cdp.profile.core.ProductAttributes;
import com.monstermart.cdp.profile.core.ProductState;
import com.monstermart.cdp.profile.core.ProfileState;
import com.monstermart.cdp.profile.core.ProfileStatus;
import com.monstermart.cdp.profile.core.ProfileStoreErrorCode;
import com.monstermart.cdp.profile.core.ProfileStoreException;
import com.monstermart.cdp.profile.core.TraitValue;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON the hot store keeps states in ({@code jsonb} columns). Explicit rather than reflective so the stored
 * form only changes on purpose; readers ignore unknown fields.
 */
public final class StateJson {
    private static final ObjectMapper MAPPER = EventJson.mapper();

    private StateJson() {}

    // ------------------------------------------------------------------------------------------------ profiles

    public static String write(ProfileState state) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("profileId", state.profileId());
        root.put("status", state.status().wireName());
        state.mergedInto().ifPresent(value -> root.put("mergedInto", value));
        state.firstSeenAt().ifPresent(value -> root.put("firstSeenAt", nanos(value)));
        state.lastSeenAt().ifPresent(value -> root.put("lastSeenAt", nanos(value)));
        root.put("eventCount", state.eventCount());
        root.put("orderCount", state.orderCount());
        root.put("lifetimeRevenue", state.lifetimeRevenue());
        state.lastOrderAt().ifPresent(value -> root.put("lastOrderAt", nanos(value)));
        ObjectNode traits = root.putObject("traits");
        state.traits().forEach((key, trait) -> {
            ObjectNode node = traits.putObject(key);
            node.set("value", tree(trait.value()));
            node.put("at", nanos(trait.updatedAt()));
            node.put("messageId", trait.messageId());
        });
        ArrayNode identifiers = root.putArray("identifiers");
        state.identifiers().forEach((key, seen) -> identifiers
                .addObject()
                .put("type", key.type())
                .put("namespace", key.namespace())
                .put("blindIndex", key.blindIndex())
                .put("sourceId", seen.sourceId())
                .put("firstSeenAt", nanos(seen.firstSeenAt()))
                .put("lastSeenAt", nanos(seen.lastSeenAt())));
        root.put("version", state.version());
        state.versionValidFrom().ifPresent(value -> root.put("versionValidFrom", nanos(value)));
        state.versionChange().ifPresent(value -> root.put("versionChange", value));
        return root.toString();
    }

    public static ProfileState readProfile(String json) {
        JsonNode root = parse(json);
        Map<String, TraitValue> traits = new LinkedHashMap<>();
        root.path("traits").properties().forEach(entry -> {
            JsonNode trait = entry.getValue();
            traits.put(
                    entry.getKey(),
                    new TraitValue(
                            JsonValues.fromJson(trait.get("value"), "$.traits." + entry.getKey()),
                            instant(trait, "at"),
                            trait.get("messageId").asText()));
        });
        Map<IdentifierKey, IdentifierSeen> identifiers = new LinkedHashMap<>();
        for (JsonNode identifier : root.path("identifiers")) {
            identifiers.put(
                    new IdentifierKey(
                            identifier.get("type").asText(),
                            identifier.get("namespace").asText(),
                            identifier.get("blindIndex").asText()),
                    new IdentifierSeen(
                            identifier.get("sourceId").asText(),
                            instant(identifier, "firstSeenAt"),
                            instant(identifier, "lastSeenAt")));
        }
        return ProfileState.restore(
                root.get("profileId").asText(),
                ProfileStatus.fromWireName(root.get("status").asText()),
                text(root, "mergedInto"),
                instant(root, "firstSeenAt"),
                instant(root, "lastSeenAt"),
                root.path("eventCount").asLong(),
                root.path("orderCount").asLong(),
                decimal(root, "lifetimeRevenue") == null ? BigDecimal.ZERO : decimal(root, "lifetimeRevenue"),
                instant(root, "lastOrderAt"),
                traits,
                identifiers,
                root.path("version").asInt(),
                instant(root, "versionValidFrom"),
                text(root, "versionChange"));
    }

    // ------------------------------------------------------------------------------------------------ products

    public static String write(ProductState product) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("productId", product.productId());
        root.put("version", product.version());
        root.put("validFrom", nanos(product.validFrom()));
        ProductAttributes attributes = product.attributes();
        putText(root, "sku", attributes.sku());
        putText(root, "name", attributes.name());
        putText(root, "category", attributes.category());
        putText(root, "brand", attributes.brand());
        putText(root, "variant", attributes.variant());
        if (attributes.price() != null) {
            root.put("price", attributes.price());
        }
        putText(root, "currency", attributes.currency());
        return root.toString();
    }

    public static ProductState readProduct(String json) {
        JsonNode root = parse(json);
        return new ProductState(
                root.get("productId").asText(),
                root.get("version").asInt(),
                instant(root, "validFrom"),
                new ProductAttributes(
                        text(root, "sku"),
                        text(root, "name"),
                        text(root, "category"),
                        text(root, "brand"),
                        text(root, "variant"),
                        decimal(root, "price"),
                        text(root, "currency")));
    }

    // -------------------------------------------------------------------------------------------------- orders

    public static String write(OrderState order) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("orderId", order.orderId());
        root.put("profileId", order.profileId());
        root.put("status", order.status());
        root.put("statusAt", nanos(order.statusAt()));
        root.put("orderedAt", nanos(order.orderedAt()));
        root.put("updatedAt", nanos(order.updatedAt()));
        root.put("sourceId", order.sourceId());
        putText(root, "currency", order.currency());
        putDecimal(root, "revenue", order.revenue());
        putDecimal(root, "total", order.total());
        putDecimal(root, "subtotal", order.subtotal());
        putDecimal(root, "tax", order.tax());
        putDecimal(root, "shipping", order.shipping());
        putDecimal(root, "discount", order.discount());
        putText(root, "coupon", order.coupon());
        ArrayNode items = root.putArray("items");
        for (OrderItem item : order.items()) {
            ObjectNode node = items.addObject();
            putText(node, "productId", item.productId());
            putText(node, "sku", item.sku());
            putText(node, "name", item.name());
            putText(node, "category", item.category());
            putText(node, "brand", item.brand());
            putText(node, "variant", item.variant());
            putDecimal(node, "price", item.price());
            node.put("quantity", item.quantity());
        }
        root.put("itemsAt", nanos(order.itemsAt()));
        return root.toString();
    }

    public static OrderState readOrder(String json) {
        JsonNode root = parse(json);
        List<OrderItem> items = new ArrayList<>();
        for (JsonNode node : root.path("items")) {
            items.add(new OrderItem(
                    text(node, "productId"),
                    text(node, "sku"),
                    text(node, "name"),
                    text(node, "category"),
                    text(node, "brand"),
                    text(node, "variant"),
                    decimal(node, "price"),
                    node.path("quantity").asInt(1)));
        }
        return new OrderState(
                root.get("orderId").asText(),
                root.get("profileId").asText(),
                root.get("status").asText(),
                instant(root, "statusAt"),
                instant(root, "orderedAt"),
                instant(root, "updatedAt"),
                root.get("sourceId").asText(),
                text(root, "currency"),
                decimal(root, "revenue"),
                decimal(root, "total"),
                decimal(root, "subtotal"),
                decimal(root, "tax"),
                decimal(root, "shipping"),
                decimal(root, "discount"),
                text(root, "coupon"),
                items,
                instant(root, "itemsAt"));
    }

    // ------------------------------------------------------------------------------------------------- helpers

    private static JsonNode tree(Object value) {
        try {
            return MAPPER.readTree(Json.write(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("JSON-like value does not round-trip", e);
        }
    }

    private static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new ProfileStoreException(
                    ProfileStoreErrorCode.INTERNAL,
                    "A state in the hot store is not valid JSON (%s): restore the hot store or replay the topics"
                            .formatted(e.getOriginalMessage()),
                    e);
        }
    }

    private static void putText(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    private static void putDecimal(ObjectNode node, String field, BigDecimal value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** Instants are kept as nanoseconds since the epoch: exact, and far cheaper to read and write than ISO text. */
    private static long nanos(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
    }

    private static Instant instant(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isTextual()) {
            return Instant.parse(value.asText());
        }
        long nanos = value.asLong();
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
    }

    private static BigDecimal decimal(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.decimalValue();
    }
}
