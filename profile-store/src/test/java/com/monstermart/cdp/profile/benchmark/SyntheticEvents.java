package com.monstermart.cdp.profile.benchmark;

import com.monstermart.cdp.event.CanonicalEvent;
import com.monstermart.cdp.event.EcommerceEvents;
import com.monstermart.cdp.event.EventContext;
import com.monstermart.cdp.event.EventType;
import com.monstermart.cdp.event.IdentifierHint;
import com.monstermart.cdp.event.PageContext;
import com.monstermart.cdp.event.SourceKind;
import com.monstermart.cdp.event.SourceRef;
import com.monstermart.cdp.profile.core.ResolvedEvent;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Resolved events shaped like the shop's traffic, deterministic per seed: 60 % page views, 35 % e-commerce track
 * events (product, cart, checkout, orders with line items), 5 % identify with ciphertext-like personal traits.
 */
final class SyntheticEvents {
    private static final List<String> TRACKS = List.of(
            EcommerceEvents.PRODUCT_VIEWED,
            EcommerceEvents.PRODUCT_VIEWED,
            EcommerceEvents.PRODUCT_VIEWED,
            EcommerceEvents.PRODUCT_ADDED,
            EcommerceEvents.PRODUCT_LIST_VIEWED,
            EcommerceEvents.CART_VIEWED,
            EcommerceEvents.CHECKOUT_STARTED,
            EcommerceEvents.ORDER_COMPLETED,
            EcommerceEvents.PRODUCTS_SEARCHED,
            EcommerceEvents.PRODUCT_REMOVED);
    private static final String CIPHER = "v1.AQAAAAAAAAAB3q2-7wAAAAAAAAAAX8uRZDJtYWx6Y2RlZmdoaWprbG1ub3BxcnN0dXZ3eHk";

    private final SplittableRandom random;
    private final int profiles;
    private final int products;
    private final Instant start;
    private final Duration span;
    private final String runId;
    private long sequence;

    SyntheticEvents(long seed, int profiles, int products, Instant start, Duration span) {
        this.random = new SplittableRandom(seed);
        this.profiles = profiles;
        this.products = products;
        this.start = start;
        this.span = span;
        this.runId = Long.toHexString(seed);
    }

    ResolvedEvent next() {
        long n = sequence++;
        String profileId = "p-" + random.nextInt(profiles);
        Instant at = start.plusMillis((long) (random.nextDouble() * span.toMillis()));
        String messageId = runId + "-" + n;
        EventContext context = EventContext.builder(new SourceRef("shop-web", SourceKind.HTTP, "request=" + n))
                .sessionId("s-" + profileId + "-" + (n / 50))
                .ip(CIPHER)
                .userAgent("Mozilla/5.0 (X11; Linux x86_64) MonsterBrowser/1.0")
                .page(new PageContext(
                        Optional.of("/products/" + random.nextInt(products)),
                        Optional.of("https://www.monstermart.example/"),
                        Optional.empty(),
                        Optional.of("MonsterMart"),
                        Optional.of("https://www.monstermart.example/products")))
                .locale("en-US")
                .build();
        double kind = random.nextDouble();
        CanonicalEvent.Builder builder;
        if (kind < 0.60) {
            builder = CanonicalEvent.builder(EventType.PAGE)
                    .name("Product Detail")
                    .category("catalog");
        } else if (kind < 0.95) {
            String name = TRACKS.get(random.nextInt(TRACKS.size()));
            builder = CanonicalEvent.builder(EventType.TRACK).event(name).properties(properties(name, messageId));
        } else {
            builder = CanonicalEvent.builder(EventType.IDENTIFY)
                    .traits(Map.of(
                            "email",
                            CIPHER + random.nextInt(3),
                            "firstName",
                            CIPHER,
                            "address",
                            Map.of("city", CIPHER, "country", "NL")))
                    .identifier(IdentifierHint.email("bi" + profileId));
        }
        CanonicalEvent event = builder.messageId(messageId)
                .timestamp(at)
                .receivedAt(at.plusMillis(150))
                .anonymousId("anon-" + profileId)
                .context(context)
                .identifier(IdentifierHint.anonymousId("shop", "anon-" + profileId))
                .buildUnchecked();
        return new ResolvedEvent(profileId, event);
    }

    /** A product's price: fixed per product, so product history changes only when a price really does. */
    private static BigDecimal price(int product) {
        return BigDecimal.valueOf(199 + (product * 37L) % 9_800, 2);
    }

    private Map<String, Object> properties(String name, String messageId) {
        int product = random.nextInt(products);
        String productId = "prod-" + product;
        BigDecimal price = price(product);
        if (name.equals(EcommerceEvents.ORDER_COMPLETED)) {
            return Map.of(
                    "order_id",
                    "o-" + messageId,
                    "revenue",
                    price.multiply(BigDecimal.TWO),
                    "currency",
                    "EUR",
                    "products",
                    List.of(
                            Map.of(
                                    "product_id",
                                    productId,
                                    "name",
                                    "Item " + productId,
                                    "price",
                                    price,
                                    "quantity",
                                    2L),
                            Map.of(
                                    "product_id",
                                    "prod-" + (product + 1) % products,
                                    "price",
                                    price((product + 1) % products))));
        }
        if (name.equals(EcommerceEvents.PRODUCTS_SEARCHED)) {
            return Map.of("query", "fangs");
        }
        return Map.of(
                "product_id",
                productId,
                "sku",
                "SKU-" + productId,
                "name",
                "Item " + productId,
                "category",
                "Category " + (productId.hashCode() & 7),
                "brand",
                "Grim",
                "price",
                price,
                "currency",
                "EUR",
                "quantity",
                1L);
    }
}
