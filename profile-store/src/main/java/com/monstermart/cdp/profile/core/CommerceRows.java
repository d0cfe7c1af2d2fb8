package com.monstermart.cdp.profile.core;

import com.monstermart.cdp.profile.core.ProfileStoreTables.OrderItems;
import com.monstermart.cdp.profile.core.ProfileStoreTables.Orders;
import com.monstermart.cdp.profile.core.ProfileStoreTables.Products;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Rows of {@code orders}, {@code order_items} and {@code products}. */
public final class CommerceRows {
    private static final Row.Layout ORDERS = Row.layout(ProfileStoreTables.orders());
    private static final Row.Layout ORDER_ITEMS = Row.layout(ProfileStoreTables.orderItems());
    private static final Row.Layout PRODUCTS = Row.layout(ProfileStoreTables.products());

    private CommerceRows() {}

    public static Row order(OrderState order) {
        return Row.of(ORDERS)
                .set(Orders.ORDER_ID, order.orderId())
                .set(Orders.PROFILE_ID, order.profileId())
                .set(Orders.STATUS, order.status())
                .set(Orders.ORDERED_AT, order.orderedAt())
                .set(Orders.UPDATED_AT, order.updatedAt())
                .set(Orders.SOURCE_ID, order.sourceId())
                .set(Orders.CURRENCY, order.currency())
                .set(Orders.REVENUE, order.revenue())
                .set(Orders.TOTAL, order.total())
                .set(Orders.SUBTOTAL, order.subtotal())
                .set(Orders.TAX, order.tax())
                .set(Orders.SHIPPING, order.shipping())
                .set(Orders.DISCOUNT, order.discount())
                .set(Orders.COUPON, order.coupon())
                .set(Orders.ITEM_COUNT, order.items().size());
    }

    public static List<Row> orderItems(OrderState order) {
        List<Row> rows = new ArrayList<>(order.items().size());
        int line = 1;
        for (OrderItem item : order.items()) {
            rows.add(Row.of(ORDER_ITEMS)
                    .set(OrderItems.ORDER_ID, order.orderId())
                    .set(OrderItems.LINE_NUMBER, line++)
                    .set(OrderItems.PROFILE_ID, order.profileId())
                    .set(OrderItems.ORDERED_AT, order.orderedAt())
                    .set(OrderItems.PRODUCT_ID, item.productId())
                    .set(OrderItems.SKU, item.sku())
                    .set(OrderItems.NAME, item.name())
                    .set(OrderItems.CATEGORY, item.category())
                    .set(OrderItems.BRAND, item.brand())
                    .set(OrderItems.VARIANT, item.variant())
                    .set(OrderItems.PRICE, item.price())
                    .set(OrderItems.QUANTITY, item.quantity())
                    .set(OrderItems.LINE_TOTAL, item.lineTotal()));
        }
        return rows;
    }

    /**
     * A product version row.
     *
     * @param validTo the start of the next version, or null for the current one
     */
    public static Row product(ProductState product, Instant validTo) {
        ProductAttributes attributes = product.attributes();
        return Row.of(PRODUCTS)
                .set(Products.PRODUCT_ID, product.productId())
                .set(Products.VERSION, product.version())
                .set(Products.VALID_FROM, product.validFrom())
                .set(Products.VALID_TO, validTo)
                .set(Products.IS_CURRENT, validTo == null)
                .set(Products.SKU, attributes.sku())
                .set(Products.NAME, attributes.name())
                .set(Products.CATEGORY, attributes.category())
                .set(Products.BRAND, attributes.brand())
                .set(Products.VARIANT, attributes.variant())
                .set(Products.PRICE, attributes.price())
                .set(Products.CURRENCY, attributes.currency());
    }
}
