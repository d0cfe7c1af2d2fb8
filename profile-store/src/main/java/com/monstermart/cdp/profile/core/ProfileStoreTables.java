package com.monstermart.cdp.profile.core;

import static com.monstermart.cdp.profile.core.Column.optional;
import static com.monstermart.cdp.profile.core.Column.required;

import com.monstermart.cdp.profile.core.TableDefinition.PartitionField;
import com.monstermart.cdp.profile.core.TableDefinition.Transform;
import java.util.ArrayList;
import java.util.List;

/**
 * The tables of the store (ARCHITECTURE.md §5), as analysts see them in Trino under {@code iceberg.cdp}. Column
 * names are constants so that the row builders and the schemas cannot drift apart.
 */
public final class ProfileStoreTables {
    public static final String EVENTS = "events";
    public static final String PROFILES = "profiles";
    public static final String PROFILE_HISTORY = "profile_history";
    public static final String IDENTITIES = "identities";
    public static final String ORDERS = "orders";
    public static final String ORDER_ITEMS = "order_items";
    public static final String PRODUCTS = "products";

    /** Every table, in the order a batch commits them. */
    public static final List<String> ALL =
            List.of(EVENTS, PROFILES, PROFILE_HISTORY, IDENTITIES, ORDERS, ORDER_ITEMS, PRODUCTS);

    private static final String PII = "Personal data: ciphertext (decrypt only through the profile API). ";

    private ProfileStoreTables() {}

    /** Columns of {@code events}. */
    public static final class Events {
        public static final String MESSAGE_ID = "message_id";
        public static final String PROFILE_ID = "profile_id";
        public static final String TYPE = "type";
        public static final String EVENT = "event";
        public static final String NAME = "name";
        public static final String CATEGORY = "category";
        public static final String OCCURRED_AT = "occurred_at";
        public static final String RECEIVED_AT = "received_at";
        public static final String SENT_AT = "sent_at";
        public static final String USER_ID = "user_id";
        public static final String ANONYMOUS_ID = "anonymous_id";
        public static final String GROUP_ID = "group_id";
        public static final String SESSION_ID = "session_id";
        public static final String SOURCE_ID = "source_id";
        public static final String SOURCE_KIND = "source_kind";
        public static final String GPC = "gpc";
        public static final String PAGE_PATH = "page_path";
        public static final String PAGE_URL = "page_url";
        public static final String PAGE_REFERRER = "page_referrer";
        public static final String CAMPAIGN_SOURCE = "campaign_source";
        public static final String CAMPAIGN_MEDIUM = "campaign_medium";
        public static final String CAMPAIGN_NAME = "campaign_name";
        public static final String LOCALE = "locale";
        public static final String ORDER_ID = "order_id";
        public static final String PRODUCT_ID = "product_id";
        public static final String PRICE = "price";
        public static final String QUANTITY = "quantity";
        public static final String REVENUE = "revenue";
        public static final String CURRENCY = "currency";
        public static final String TRAITS = "traits";
        public static final String PROPERTIES = "properties";
        public static final String CONTEXT = "context";
        public static final String INGESTED_AT = "ingested_at";
        public static final String INGEST_PARTITION = "ingest_partition";
        public static final String INGEST_OFFSET = "ingest_offset";

        private Events() {}
    }

    /** Trait columns shared by {@code profiles} and {@code profile_history}. */
    public static final class Traits {
        public static final String EMAIL = "email";
        public static final String PHONE = "phone";
        public static final String FIRST_NAME = "first_name";
        public static final String LAST_NAME = "last_name";
        public static final String NAME = "name";
        public static final String BIRTHDAY = "birthday";
        public static final String GENDER = "gender";
        public static final String STREET = "street";
        public static final String CITY = "city";
        public static final String POSTAL_CODE = "postal_code";
        public static final String STATE = "state";
        public static final String COUNTRY = "country";
        public static final String LOYALTY_CARD = "loyalty_card";
        public static final String TRAITS = "traits";

        private Traits() {}
    }

    /** Columns of {@code profiles} besides the trait columns. */
    public static final class Profiles {
        public static final String PROFILE_ID = "profile_id";
        public static final String STATUS = "status";
        public static final String MERGED_INTO = "merged_into";
        public static final String FIRST_SEEN_AT = "first_seen_at";
        public static final String LAST_SEEN_AT = "last_seen_at";
        public static final String EVENT_COUNT = "event_count";
        public static final String ORDER_COUNT = "order_count";
        public static final String LIFETIME_REVENUE = "lifetime_revenue";
        public static final String LAST_ORDER_AT = "last_order_at";
        public static final String EMAIL_BLIND_INDEX = "email_blind_index";
        public static final String PHONE_BLIND_INDEX = "phone_blind_index";
        public static final String IDENTIFIER_COUNT = "identifier_count";
        public static final String VERSION = "version";
        public static final String UPDATED_AT = "updated_at";

        private Profiles() {}
    }

    /** Columns of {@code profile_history} besides the trait columns. */
    public static final class History {
        public static final String PROFILE_ID = "profile_id";
        public static final String VERSION = "version";
        public static final String VALID_FROM = "valid_from";
        public static final String VALID_TO = "valid_to";
        public static final String IS_CURRENT = "is_current";
        public static final String CHANGE = "change";
        public static final String STATUS = "status";
        public static final String MERGED_INTO = "merged_into";

        private History() {}
    }

    /** Columns of {@code identities}. */
    public static final class Identities {
        public static final String IDENTIFIER_TYPE = "identifier_type";
        public static final String NAMESPACE = "namespace";
        public static final String BLIND_INDEX = "blind_index";
        public static final String PROFILE_ID = "profile_id";
        public static final String SOURCE_ID = "source_id";
        public static final String FIRST_SEEN_AT = "first_seen_at";
        public static final String LAST_SEEN_AT = "last_seen_at";

        private Identities() {}
    }

    /** Columns of {@code orders}. */
    public static final class Orders {
        public static final String ORDER_ID = "order_id";
        public static final String PROFILE_ID = "profile_id";
        public static final String STATUS = "status";
        public static final String ORDERED_AT = "ordered_at";
        public static final String UPDATED_AT = "updated_at";
        public static final String SOURCE_ID = "source_id";
        public static final String CURRENCY = "currency";
        public static final String REVENUE = "revenue";
        public static final String TOTAL = "total";
        public static final String SUBTOTAL = "subtotal";
        public static final String TAX = "tax";
        public static final String SHIPPING = "shipping";
        public static final String DISCOUNT = "discount";
        public static final String COUPON = "coupon";
        public static final String ITEM_COUNT = "item_count";

        private Orders() {}
    }

    /** Columns of {@code order_items}. */
    public static final class OrderItems {
        public static final String ORDER_ID = "order_id";
        public static final String LINE_NUMBER = "line_number";
        public static final String PROFILE_ID = "profile_id";
        public static final String ORDERED_AT = "ordered_at";
        public static final String PRODUCT_ID = "product_id";
        public static final String SKU = "sku";
        public static final String NAME = "name";
        public static final String CATEGORY = "category";
        public static final String BRAND = "brand";
        public static final String VARIANT = "variant";
        public static final String PRICE = "price";
        public static final String QUANTITY = "quantity";
        public static final String LINE_TOTAL = "line_total";

        private OrderItems() {}
    }

    /** Columns of {@code products}. */
    public static final class Products {
        public static final String PRODUCT_ID = "product_id";
        public static final String VERSION = "version";
        public static final String VALID_FROM = "valid_from";
        public static final String VALID_TO = "valid_to";
        public static final String IS_CURRENT = "is_current";
        public static final String SKU = "sku";
        public static final String NAME = "name";
        public static final String CATEGORY = "category";
        public static final String BRAND = "brand";
        public static final String VARIANT = "variant";
        public static final String PRICE = "price";
        public static final String CURRENCY = "currency";

        private Products() {}
    }

    /** The trait columns, in table order. */
    public static List<Column> traitColumns() {
        return List.of(
                optional(Traits.EMAIL, ColumnType.STRING, PII + "traits.email"),
                optional(Traits.PHONE, ColumnType.STRING, PII + "traits.phone"),
                optional(Traits.FIRST_NAME, ColumnType.STRING, PII + "traits.firstName"),
                optional(Traits.LAST_NAME, ColumnType.STRING, PII + "traits.lastName"),
                optional(Traits.NAME, ColumnType.STRING, PII + "traits.name"),
                optional(Traits.BIRTHDAY, ColumnType.STRING, PII + "traits.birthday"),
                optional(Traits.GENDER, ColumnType.STRING, "traits.gender, as identity resolution left it"),
                optional(Traits.STREET, ColumnType.STRING, PII + "traits.address.street"),
                optional(Traits.CITY, ColumnType.STRING, PII + "traits.address.city"),
                optional(Traits.POSTAL_CODE, ColumnType.STRING, PII + "traits.address.postalCode"),
                optional(Traits.STATE, ColumnType.STRING, "traits.address.state, as identity resolution left it"),
                optional(
                        Traits.COUNTRY,
                        ColumnType.STRING,
                        "traits.address.country (or traits.country), as identity resolution left it"),
                optional(Traits.LOYALTY_CARD, ColumnType.STRING, PII + "traits.loyaltyCard"),
                optional(
                        Traits.TRAITS,
                        ColumnType.STRING,
                        "Every trait as JSON (the long tail of traits lives here); personal values are ciphertext"));
    }

    public static TableDefinition events() {
        return new TableDefinition(
                EVENTS,
                "Every resolved event (Segment-spec shaped), one row per messageId; personal data is ciphertext",
                List.of(
                        required(Events.MESSAGE_ID, ColumnType.STRING, "Unique per touchpoint; the dedup key"),
                        required(Events.PROFILE_ID, ColumnType.STRING, "The profile the event was resolved to"),
                        required(Events.TYPE, ColumnType.STRING, "identify, track, page, group or alias"),
                        optional(Events.EVENT, ColumnType.STRING, "track: the event name, e.g. Order Completed"),
                        optional(Events.NAME, ColumnType.STRING, "page: the page name"),
                        optional(Events.CATEGORY, ColumnType.STRING, "page: the page category"),
                        required(Events.OCCURRED_AT, ColumnType.TIMESTAMPTZ, "When it happened (event timestamp)"),
                        required(Events.RECEIVED_AT, ColumnType.TIMESTAMPTZ, "When ingestion received it"),
                        optional(Events.SENT_AT, ColumnType.TIMESTAMPTZ, "When the client sent it, if it said"),
                        optional(
                                Events.USER_ID, ColumnType.STRING, "The source's user id, as resolved events carry it"),
                        optional(
                                Events.ANONYMOUS_ID,
                                ColumnType.STRING,
                                "The anonymous id, as resolved events carry it"),
                        optional(
                                Events.GROUP_ID,
                                ColumnType.STRING,
                                "group: the group (account, household, company) the customer belongs to;"
                                        + " the group's traits are in traits"),
                        optional(Events.SESSION_ID, ColumnType.STRING, "Browsing or store-visit session"),
                        required(Events.SOURCE_ID, ColumnType.STRING, "The source registry id"),
                        required(Events.SOURCE_KIND, ColumnType.STRING, "http, postgres, mariadb, mysql or file"),
                        optional(Events.GPC, ColumnType.BOOLEAN, "Global Privacy Control signalled (opt-out of sale)"),
                        optional(Events.PAGE_PATH, ColumnType.STRING, "context.page.path"),
                        optional(Events.PAGE_URL, ColumnType.STRING, "context.page.url"),
                        optional(Events.PAGE_REFERRER, ColumnType.STRING, "context.page.referrer"),
                        optional(Events.CAMPAIGN_SOURCE, ColumnType.STRING, "utm_source"),
                        optional(Events.CAMPAIGN_MEDIUM, ColumnType.STRING, "utm_medium"),
                        optional(Events.CAMPAIGN_NAME, ColumnType.STRING, "utm_campaign"),
                        optional(Events.LOCALE, ColumnType.STRING, "context.locale"),
                        optional(Events.ORDER_ID, ColumnType.STRING, "properties.order_id"),
                        optional(Events.PRODUCT_ID, ColumnType.STRING, "properties.product_id"),
                        optional(Events.PRICE, ColumnType.DECIMAL, "properties.price"),
                        optional(Events.QUANTITY, ColumnType.INT, "properties.quantity"),
                        optional(Events.REVENUE, ColumnType.DECIMAL, "properties.revenue (else properties.total)"),
                        optional(Events.CURRENCY, ColumnType.STRING, "properties.currency"),
                        optional(Events.TRAITS, ColumnType.STRING, "traits as JSON; personal values are ciphertext"),
                        optional(Events.PROPERTIES, ColumnType.STRING, "properties as JSON (all of them)"),
                        optional(
                                Events.CONTEXT,
                                ColumnType.STRING,
                                "The rest of context as JSON (ip, userAgent, library, extensions)"),
                        required(Events.INGESTED_AT, ColumnType.TIMESTAMPTZ, "When the profile store wrote it"),
                        required(Events.INGEST_PARTITION, ColumnType.INT, "Kafka partition it was read from"),
                        required(Events.INGEST_OFFSET, ColumnType.LONG, "Kafka offset it was read from")),
                List.of(
                        new PartitionField(Events.OCCURRED_AT, Transform.DAY),
                        new PartitionField(Events.TYPE, Transform.IDENTITY)),
                List.of());
    }

    public static TableDefinition profiles() {
        List<Column> columns = new ArrayList<>();
        columns.add(required(Profiles.PROFILE_ID, ColumnType.STRING, "The profile id"));
        columns.add(required(
                Profiles.STATUS, ColumnType.STRING, "active, merged (see merged_into) or erased; count only active"));
        columns.add(optional(Profiles.MERGED_INTO, ColumnType.STRING, "The surviving profile, when merged"));
        columns.add(optional(Profiles.FIRST_SEEN_AT, ColumnType.TIMESTAMPTZ, "Earliest event"));
        columns.add(optional(Profiles.LAST_SEEN_AT, ColumnType.TIMESTAMPTZ, "Latest event"));
        columns.add(required(Profiles.EVENT_COUNT, ColumnType.LONG, "Events, merged profiles' included"));
        columns.add(required(Profiles.ORDER_COUNT, ColumnType.LONG, "Order Completed events"));
        columns.add(required(Profiles.LIFETIME_REVENUE, ColumnType.DECIMAL, "Sum of Order Completed revenue"));
        columns.add(optional(Profiles.LAST_ORDER_AT, ColumnType.TIMESTAMPTZ, "Latest Order Completed"));
        columns.addAll(traitColumns());
        columns.add(optional(Profiles.EMAIL_BLIND_INDEX, ColumnType.STRING, "Blind index of the latest email"));
        columns.add(optional(Profiles.PHONE_BLIND_INDEX, ColumnType.STRING, "Blind index of the latest phone"));
        columns.add(required(Profiles.IDENTIFIER_COUNT, ColumnType.INT, "Identifiers linked to the profile"));
        columns.add(required(Profiles.VERSION, ColumnType.INT, "Current profile_history version"));
        columns.add(required(Profiles.UPDATED_AT, ColumnType.TIMESTAMPTZ, "When the store last rewrote the row"));
        return new TableDefinition(
                PROFILES,
                "The current golden record per profile; personal traits are ciphertext",
                columns,
                List.of(),
                List.of(Profiles.PROFILE_ID));
    }

    public static TableDefinition profileHistory() {
        List<Column> columns = new ArrayList<>();
        columns.add(required(History.PROFILE_ID, ColumnType.STRING, "The profile id"));
        columns.add(required(History.VERSION, ColumnType.INT, "1, 2, ... per profile"));
        columns.add(required(History.VALID_FROM, ColumnType.TIMESTAMPTZ, "Start of validity (inclusive)"));
        columns.add(optional(History.VALID_TO, ColumnType.TIMESTAMPTZ, "End of validity (exclusive); null if current"));
        columns.add(required(History.IS_CURRENT, ColumnType.BOOLEAN, "Whether this is the current version"));
        columns.add(required(History.CHANGE, ColumnType.STRING, "created, traits, merged, absorbed, split, erased"));
        columns.add(required(History.STATUS, ColumnType.STRING, "active, merged or erased"));
        columns.add(optional(History.MERGED_INTO, ColumnType.STRING, "The surviving profile, when merged"));
        columns.addAll(traitColumns());
        return new TableDefinition(
                PROFILE_HISTORY,
                "Slowly changing dimension (type 2) of profile traits, merges, splits and erasure",
                columns,
                List.of(),
                List.of(History.PROFILE_ID, History.IS_CURRENT));
    }

    public static TableDefinition identities() {
        return new TableDefinition(
                IDENTITIES,
                "Blind-indexed identifiers and the profile each belongs to",
                List.of(
                        required(Identities.IDENTIFIER_TYPE, ColumnType.STRING, "email, phone, user_id, ..."),
                        required(Identities.NAMESPACE, ColumnType.STRING, "global or the source namespace"),
                        required(Identities.BLIND_INDEX, ColumnType.STRING, "Keyed MAC of the normalised value"),
                        required(Identities.PROFILE_ID, ColumnType.STRING, "The profile it resolves to"),
                        optional(Identities.SOURCE_ID, ColumnType.STRING, "The source it was first seen in"),
                        required(Identities.FIRST_SEEN_AT, ColumnType.TIMESTAMPTZ, "First seen"),
                        required(Identities.LAST_SEEN_AT, ColumnType.TIMESTAMPTZ, "Last seen (hourly precision)")),
                List.of(),
                List.of(Identities.IDENTIFIER_TYPE, Identities.NAMESPACE, Identities.BLIND_INDEX));
    }

    public static TableDefinition orders() {
        return new TableDefinition(
                ORDERS,
                "One row per order, from the Order Completed/Updated/Refunded/Cancelled events",
                List.of(
                        required(Orders.ORDER_ID, ColumnType.STRING, "properties.order_id"),
                        required(Orders.PROFILE_ID, ColumnType.STRING, "The ordering profile (as resolved)"),
                        required(Orders.STATUS, ColumnType.STRING, "completed, updated, refunded or cancelled"),
                        required(Orders.ORDERED_AT, ColumnType.TIMESTAMPTZ, "When the order was first seen"),
                        required(Orders.UPDATED_AT, ColumnType.TIMESTAMPTZ, "Latest order event"),
                        required(Orders.SOURCE_ID, ColumnType.STRING, "The source of the first order event"),
                        optional(Orders.CURRENCY, ColumnType.STRING, "ISO 4217"),
                        optional(Orders.REVENUE, ColumnType.DECIMAL, "properties.revenue"),
                        optional(Orders.TOTAL, ColumnType.DECIMAL, "properties.total"),
                        optional(Orders.SUBTOTAL, ColumnType.DECIMAL, "properties.subtotal"),
                        optional(Orders.TAX, ColumnType.DECIMAL, "properties.tax"),
                        optional(Orders.SHIPPING, ColumnType.DECIMAL, "properties.shipping"),
                        optional(Orders.DISCOUNT, ColumnType.DECIMAL, "properties.discount"),
                        optional(Orders.COUPON, ColumnType.STRING, "properties.coupon"),
                        required(Orders.ITEM_COUNT, ColumnType.INT, "Lines in properties.products")),
                List.of(),
                List.of(Orders.ORDER_ID));
    }

    public static TableDefinition orderItems() {
        return new TableDefinition(
                ORDER_ITEMS,
                "One row per order line (properties.products of the order events)",
                List.of(
                        required(OrderItems.ORDER_ID, ColumnType.STRING, "The order"),
                        required(OrderItems.LINE_NUMBER, ColumnType.INT, "1, 2, ... in the order"),
                        required(OrderItems.PROFILE_ID, ColumnType.STRING, "The ordering profile"),
                        required(OrderItems.ORDERED_AT, ColumnType.TIMESTAMPTZ, "When the order was first seen"),
                        optional(OrderItems.PRODUCT_ID, ColumnType.STRING, "products[].product_id"),
                        optional(OrderItems.SKU, ColumnType.STRING, "products[].sku"),
                        optional(OrderItems.NAME, ColumnType.STRING, "products[].name"),
                        optional(OrderItems.CATEGORY, ColumnType.STRING, "products[].category"),
                        optional(OrderItems.BRAND, ColumnType.STRING, "products[].brand"),
                        optional(OrderItems.VARIANT, ColumnType.STRING, "products[].variant"),
                        optional(OrderItems.PRICE, ColumnType.DECIMAL, "products[].price (unit price)"),
                        optional(OrderItems.QUANTITY, ColumnType.INT, "products[].quantity (default 1)"),
                        optional(OrderItems.LINE_TOTAL, ColumnType.DECIMAL, "price x quantity")),
                List.of(),
                List.of(OrderItems.ORDER_ID));
    }

    public static TableDefinition products() {
        return new TableDefinition(
                PRODUCTS,
                "Slowly changing dimension (type 2) of product attributes seen in e-commerce events",
                List.of(
                        required(Products.PRODUCT_ID, ColumnType.STRING, "properties.product_id"),
                        required(Products.VERSION, ColumnType.INT, "1, 2, ... per product"),
                        required(Products.VALID_FROM, ColumnType.TIMESTAMPTZ, "Start of validity (inclusive)"),
                        optional(Products.VALID_TO, ColumnType.TIMESTAMPTZ, "End of validity; null if current"),
                        required(Products.IS_CURRENT, ColumnType.BOOLEAN, "Whether this is the current version"),
                        optional(Products.SKU, ColumnType.STRING, "sku"),
                        optional(Products.NAME, ColumnType.STRING, "name"),
                        optional(Products.CATEGORY, ColumnType.STRING, "category"),
                        optional(Products.BRAND, ColumnType.STRING, "brand"),
                        optional(Products.VARIANT, ColumnType.STRING, "variant"),
                        optional(Products.PRICE, ColumnType.DECIMAL, "price"),
                        optional(Products.CURRENCY, ColumnType.STRING, "currency of the event that set the price")),
                List.of(),
                List.of(Products.PRODUCT_ID, Products.IS_CURRENT));
    }

    /** Every table definition, {@code events} with the given promoted property columns appended. */
    public static List<TableDefinition> all(List<Column> promotedEventColumns) {
        return List.of(
                events().withColumns(promotedEventColumns),
                profiles(),
                profileHistory(),
                identities(),
                orders(),
                orderItems(),
                products());
    }
}
