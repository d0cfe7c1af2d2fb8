package com.monstermart.cdp.event;

import java.util.List;

/**
 * Track event names of Segment's e-commerce spec (v2), and the few MonsterMart adds where the spec has none.
 * Property names follow the spec too ({@code product_id}, {@code order_id}, {@code products}, {@code revenue},
 * {@code total}, {@code currency}, {@code quantity}, {@code price}, ...).
 */
public final class EcommerceEvents {
    // Browsing
    public static final String PRODUCTS_SEARCHED = "Products Searched";
    public static final String PRODUCT_LIST_VIEWED = "Product List Viewed";
    public static final String PRODUCT_LIST_FILTERED = "Product List Filtered";
    // Promotions
    public static final String PROMOTION_VIEWED = "Promotion Viewed";
    public static final String PROMOTION_CLICKED = "Promotion Clicked";
    // Core ordering
    public static final String PRODUCT_CLICKED = "Product Clicked";
    public static final String PRODUCT_VIEWED = "Product Viewed";
    public static final String PRODUCT_ADDED = "Product Added";
    public static final String PRODUCT_REMOVED = "Product Removed";
    public static final String CART_VIEWED = "Cart Viewed";
    public static final String CHECKOUT_STARTED = "Checkout Started";
    public static final String CHECKOUT_STEP_VIEWED = "Checkout Step Viewed";
    public static final String CHECKOUT_STEP_COMPLETED = "Checkout Step Completed";
    public static final String PAYMENT_INFO_ENTERED = "Payment Info Entered";
    public static final String ORDER_UPDATED = "Order Updated";
    public static final String ORDER_COMPLETED = "Order Completed";
    public static final String ORDER_REFUNDED = "Order Refunded";
    public static final String ORDER_CANCELLED = "Order Cancelled";
    // Coupons
    public static final String COUPON_ENTERED = "Coupon Entered";
    public static final String COUPON_APPLIED = "Coupon Applied";
    public static final String COUPON_DENIED = "Coupon Denied";
    public static final String COUPON_REMOVED = "Coupon Removed";
    // Wishlisting
    public static final String PRODUCT_ADDED_TO_WISHLIST = "Product Added to Wishlist";
    public static final String PRODUCT_REMOVED_FROM_WISHLIST = "Product Removed from Wishlist";
    public static final String WISHLIST_PRODUCT_ADDED_TO_CART = "Wishlist Product Added to Cart";
    // Sharing and reviewing
    public static final String PRODUCT_SHARED = "Product Shared";
    public static final String CART_SHARED = "Cart Shared";
    public static final String PRODUCT_REVIEWED = "Product Reviewed";

    /**
     * MonsterMart extension: a payment was captured (from the shop's or the stores' {@code payments} table). The
     * spec only has {@link #PAYMENT_INFO_ENTERED}, which is a checkout step, not money received.
     */
    public static final String PAYMENT_COMPLETED = "Payment Completed";

    /** MonsterMart extension: a payment was declined or failed. */
    public static final String PAYMENT_FAILED = "Payment Failed";

    /** MonsterMart extension: a customer-service ticket was opened. */
    public static final String SUPPORT_TICKET_CREATED = "Support Ticket Created";

    /** Every name of Segment's e-commerce spec v2 (not the MonsterMart extensions). */
    public static final List<String> SEGMENT_SPEC = List.of(
            PRODUCTS_SEARCHED,
            PRODUCT_LIST_VIEWED,
            PRODUCT_LIST_FILTERED,
            PROMOTION_VIEWED,
            PROMOTION_CLICKED,
            PRODUCT_CLICKED,
            PRODUCT_VIEWED,
            PRODUCT_ADDED,
            PRODUCT_REMOVED,
            CART_VIEWED,
            CHECKOUT_STARTED,
            CHECKOUT_STEP_VIEWED,
            CHECKOUT_STEP_COMPLETED,
            PAYMENT_INFO_ENTERED,
            ORDER_UPDATED,
            ORDER_COMPLETED,
            ORDER_REFUNDED,
            ORDER_CANCELLED,
            COUPON_ENTERED,
            COUPON_APPLIED,
            COUPON_DENIED,
            COUPON_REMOVED,
            PRODUCT_ADDED_TO_WISHLIST,
            PRODUCT_REMOVED_FROM_WISHLIST,
            WISHLIST_PRODUCT_ADDED_TO_CART,
            PRODUCT_SHARED,
            CART_SHARED,
            PRODUCT_REVIEWED);

    /** The MonsterMart extensions. */
    public static final List<String> MONSTERMART_EXTENSIONS =
            List.of(PAYMENT_COMPLETED, PAYMENT_FAILED, SUPPORT_TICKET_CREATED);

    private EcommerceEvents() {}
}
