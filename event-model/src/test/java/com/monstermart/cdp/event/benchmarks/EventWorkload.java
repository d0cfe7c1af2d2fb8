package com.monstermart.cdp.event.benchmarks;

import com.monstermart.cdp.event.CampaignContext;
import com.monstermart.cdp.event.CanonicalEvent;
import com.monstermart.cdp.event.EcommerceEvents;
import com.monstermart.cdp.event.EventContext;
import com.monstermart.cdp.event.EventType;
import com.monstermart.cdp.event.IdentifierHint;
import com.monstermart.cdp.event.LibraryContext;
import com.monstermart.cdp.event.PageContext;
import com.monstermart.cdp.event.SourceKind;
import com.monstermart.cdp.event.SourceRef;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * A realistic mix of website events as the collector writes them to the raw topic, about 1 KB each: 25 % identify
 * (personal traits with an address), 45 % track (e-commerce properties, a products array on orders and carts), 30 %
 * page (page, campaign, library, device and os context).
 */
public final class EventWorkload {
    private static final List<String> GIVEN_NAMES = List.of(
            "Ann", "Boris", "Chloé", "Dmitri", "Esme", "Farid", "Greta", "Hugo", "Inès", "Jonas", "Kira", "Liam");
    private static final List<String> FAMILY_NAMES =
            List.of("Moss", "Nakamura", "Okafor", "Petrov", "Quinn", "Rossi", "Silva", "Tanaka", "Umar", "Vance");
    private static final List<String> CATEGORIES = List.of("Fur care", "Horns & claws", "Lair decor", "Snacks");
    private static final List<String> TRACK_NAMES = List.of(
            EcommerceEvents.PRODUCT_VIEWED,
            EcommerceEvents.PRODUCT_ADDED,
            EcommerceEvents.ORDER_COMPLETED,
            EcommerceEvents.CHECKOUT_STARTED);

    private EventWorkload() {}

    /** {@code count} events from a seeded generator. */
    public static List<CanonicalEvent> events(int count, long seed) {
        Random random = new Random(seed);
        Instant t0 = Instant.parse("2026-11-01T00:00:00Z");
        List<CanonicalEvent> events = new ArrayList<>(count);
        for (int n = 0; n < count; n++) {
            int person = random.nextInt(100_000);
            String anonymous = "0b7f4c1e-" + Integer.toHexString(person) + "-4a6e-9d1c-" + random.nextInt(1_000_000);
            Instant at = t0.plusMillis(n * 1_337L + random.nextInt(1000));
            SourceRef source = new SourceRef(
                    "shop-web",
                    SourceKind.HTTP,
                    "request=" + Long.toHexString(random.nextLong()) + " index=" + random.nextInt(20));
            EventContext.Builder context = EventContext.builder(source)
                    .sessionId("sess-" + Integer.toHexString(random.nextInt()))
                    .ip("203.0.113." + random.nextInt(255))
                    .userAgent("Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/605.1.15 (KHTML, like Gecko)"
                            + " Version/18.0 Safari/605.1.15")
                    .locale("en-GB")
                    .library(new LibraryContext("analytics.js", "5.2.1"));
            double kind = random.nextDouble();
            CanonicalEvent.Builder event;
            if (kind < 0.25) {
                String given = GIVEN_NAMES.get(person % GIVEN_NAMES.size());
                String family = FAMILY_NAMES.get(person / 7 % FAMILY_NAMES.size());
                String email = given.toLowerCase(java.util.Locale.ROOT) + "."
                        + family.toLowerCase(java.util.Locale.ROOT) + person + "@mail.example";
                Map<String, Object> address = new LinkedHashMap<>();
                address.put("street", random.nextInt(200) + " Cavern Row");
                address.put("city", random.nextBoolean() ? "Manchester" : "Zürich");
                address.put("postalCode", "M" + random.nextInt(30) + " " + random.nextInt(9) + "AB");
                address.put("country", "GB");
                event = CanonicalEvent.builder(EventType.IDENTIFY)
                        .userId(Integer.toString(person))
                        .anonymousId(anonymous)
                        .trait("email", email)
                        .trait("firstName", given)
                        .trait("lastName", family)
                        .trait("phone", String.format("+44161%07d", person))
                        .trait(
                                "birthday",
                                "19" + (60 + random.nextInt(40)) + "-0" + (1 + random.nextInt(9)) + "-1"
                                        + random.nextInt(10))
                        .trait("address", address)
                        .trait("loyaltyTier", random.nextBoolean() ? "gold" : "silver")
                        .trait("marketingOptIn", random.nextBoolean())
                        .trait("lifetimeValue", BigDecimal.valueOf(random.nextInt(500_000), 2))
                        .trait("orders", (long) random.nextInt(50))
                        .trait("referrer", null)
                        .identifier(IdentifierHint.userId("shop", Integer.toString(person)))
                        .identifier(IdentifierHint.anonymousId("web", anonymous))
                        .identifier(IdentifierHint.email(email));
            } else if (kind < 0.70) {
                String name = TRACK_NAMES.get(random.nextInt(TRACK_NAMES.size()));
                event = CanonicalEvent.builder(EventType.TRACK)
                        .anonymousId(anonymous)
                        .event(name);
                if (random.nextBoolean()) {
                    event.userId(Integer.toString(person))
                            .identifier(IdentifierHint.userId("shop", Integer.toString(person)));
                }
                event.identifier(IdentifierHint.anonymousId("web", anonymous));
                if (name.equals(EcommerceEvents.PRODUCT_VIEWED)) {
                    products(random, 1).getFirst().forEach(event::property);
                } else {
                    List<Map<String, Object>> products = products(random, 1 + random.nextInt(3));
                    BigDecimal total = BigDecimal.ZERO;
                    for (Map<String, Object> product : products) {
                        total = total.add(((BigDecimal) product.get("price"))
                                .multiply(BigDecimal.valueOf((Long) product.get("quantity"))));
                    }
                    event.property("order_id", "ORD-" + random.nextInt(10_000_000))
                            .property("affiliation", "MonsterMart Online")
                            .property("total", total)
                            .property(
                                    "revenue",
                                    total.subtract(new BigDecimal("4.99")).max(BigDecimal.ZERO))
                            .property("shipping", new BigDecimal("4.99"))
                            .property(
                                    "tax",
                                    total.multiply(new BigDecimal("0.2")).setScale(2, java.math.RoundingMode.HALF_UP))
                            .property("discount", BigDecimal.ZERO)
                            .property("coupon", random.nextInt(4) == 0 ? "HALLOWEEN" : null)
                            .property("currency", "GBP")
                            .property("products", products);
                }
            } else {
                String path = "/c/"
                        + CATEGORIES
                                .get(random.nextInt(CATEGORIES.size()))
                                .toLowerCase(java.util.Locale.ROOT)
                                .replace(' ', '-');
                event = CanonicalEvent.builder(EventType.PAGE)
                        .anonymousId(anonymous)
                        .name("Category")
                        .category("Catalogue")
                        .property("path", path)
                        .property("url", "https://shop.monstermart.example" + path + "?page=" + random.nextInt(5))
                        .property("title", "Shop \"monster\" goods — MonsterMart")
                        .property("referrer", "https://search.example/?q=fur+brush")
                        .identifier(IdentifierHint.anonymousId("web", anonymous));
                context.page(new PageContext(
                                Optional.of(path),
                                Optional.of("https://search.example/?q=fur+brush"),
                                Optional.of("?page=2"),
                                Optional.of("Shop goods — MonsterMart"),
                                Optional.of("https://shop.monstermart.example" + path)))
                        .campaign(new CampaignContext(
                                Optional.of("halloween-2026"),
                                Optional.of("newsletter"),
                                Optional.of("email"),
                                Optional.empty(),
                                Optional.of("hero-banner")))
                        .extension("device", Map.of("type", "mobile"))
                        .extension("os", orderedMap("name", "iOS", "version", "18.1"))
                        .extension("screen", orderedMap("width", 390L, "height", 844L, "density", 3L));
            }
            events.add(event.messageId("msg-" + seed + "-" + n)
                    .timestamp(at)
                    .receivedAt(at.plusMillis(120 + random.nextInt(300)))
                    .sentAt(at.plusMillis(random.nextInt(100)))
                    .context(context.build())
                    .build());
        }
        return events;
    }

    private static List<Map<String, Object>> products(Random random, int count) {
        List<Map<String, Object>> products = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int id = random.nextInt(5000);
            Map<String, Object> product = new LinkedHashMap<>();
            product.put("product_id", "P-" + id);
            product.put("sku", "SKU-" + id + "-" + random.nextInt(10));
            product.put("name", "Deluxe fur brush no. " + id);
            product.put("category", CATEGORIES.get(id % CATEGORIES.size()));
            product.put("brand", "Grendel & Co");
            product.put("price", BigDecimal.valueOf(199 + random.nextInt(20_000), 2));
            product.put("quantity", (long) (1 + random.nextInt(3)));
            product.put("url", "https://shop.monstermart.example/p/" + id);
            product.put("image_url", "https://cdn.monstermart.example/p/" + id + ".jpg");
            products.add(product);
        }
        return products;
    }

    private static Map<String, Object> orderedMap(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
