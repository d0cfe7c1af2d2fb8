-- MonsterMart web shop: the demo PostgreSQL source (database "shop") that CDC reads.
-- Owned by demo-world; documented in demo-world/README.md. Every table has a primary key (CDC needs it).
-- Timestamps are TIMESTAMPTZ in UTC; money is NUMERIC(12,2) in the row's currency.
-- The generator runs the "tables" part, bulk-loads, then runs the part after "-- constraints" (foreign keys
-- and indexes are cheaper to build once after COPY than to check row by row).

-- tables

-- A registered online account. One true person may hold several (typos, second email, old address).
CREATE TABLE customers (
    id               BIGINT       PRIMARY KEY,
    email            VARCHAR(254),
    phone            VARCHAR(32),
    first_name       VARCHAR(100),
    last_name        VARCHAR(100),
    birth_date       DATE,
    street           VARCHAR(200),
    city             VARCHAR(100),
    postcode         VARCHAR(20),
    country          CHAR(2),
    loyalty_card     VARCHAR(20),             -- pos.loyalty_members.card_number when linked
    marketing_opt_in BOOLEAN      NOT NULL,
    created_at       TIMESTAMPTZ  NOT NULL,
    updated_at       TIMESTAMPTZ  NOT NULL
);

-- The account's consent choice per purpose (email_marketing, analytics, personalisation, sale_sharing).
CREATE TABLE consents (
    customer_id      BIGINT       NOT NULL,
    purpose          VARCHAR(32)  NOT NULL,
    granted          BOOLEAN      NOT NULL,
    source           VARCHAR(32)  NOT NULL,   -- signup_form, preference_centre, gpc
    updated_at       TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (customer_id, purpose)
);

CREATE TABLE products (
    id               BIGINT       PRIMARY KEY,
    sku              VARCHAR(32)  NOT NULL,
    name             VARCHAR(200) NOT NULL,
    category_id      BIGINT       NOT NULL,
    category_code    VARCHAR(100) NOT NULL,   -- electronics.smartphone style
    brand            VARCHAR(100),
    price            NUMERIC(12,2) NOT NULL,  -- current price; changes over time (UPDATEs)
    currency         CHAR(3)      NOT NULL,
    active           BOOLEAN      NOT NULL,
    created_at       TIMESTAMPTZ  NOT NULL,
    updated_at       TIMESTAMPTZ  NOT NULL
);

-- A shopping cart of a web or app session; open carts left alone are deleted after a while.
CREATE TABLE carts (
    id               BIGINT       PRIMARY KEY,
    customer_id      BIGINT,                  -- null while the visitor is not logged in
    anonymous_id     VARCHAR(64)  NOT NULL,   -- the device's Segment anonymousId
    session_id       VARCHAR(64)  NOT NULL,   -- the Segment context.sessionId
    status           VARCHAR(16)  NOT NULL,   -- open, converted
    currency         CHAR(3)      NOT NULL,
    created_at       TIMESTAMPTZ  NOT NULL,
    updated_at       TIMESTAMPTZ  NOT NULL
);

CREATE TABLE cart_items (
    id               BIGINT       PRIMARY KEY,
    cart_id          BIGINT       NOT NULL,
    product_id       BIGINT       NOT NULL,
    quantity         INTEGER      NOT NULL,
    unit_price       NUMERIC(12,2) NOT NULL,
    added_at         TIMESTAMPTZ  NOT NULL,
    updated_at       TIMESTAMPTZ  NOT NULL
);

-- An online order (web or app). customer_id null = guest checkout: the contact and address are on the order.
CREATE TABLE orders (
    id                BIGINT       PRIMARY KEY,
    order_number      VARCHAR(20)  NOT NULL,
    customer_id       BIGINT,
    cart_id           BIGINT,
    email             VARCHAR(254),
    phone             VARCHAR(32),
    first_name        VARCHAR(100),
    last_name         VARCHAR(100),
    shipping_street   VARCHAR(200),
    shipping_city     VARCHAR(100),
    shipping_postcode VARCHAR(20),
    shipping_country  CHAR(2),
    channel           VARCHAR(8)   NOT NULL,  -- web, app
    status            VARCHAR(20)  NOT NULL,  -- pending_payment, paid, shipped, delivered, returned, cancelled
    currency          CHAR(3)      NOT NULL,
    subtotal          NUMERIC(12,2) NOT NULL,
    shipping_fee      NUMERIC(12,2) NOT NULL,
    total             NUMERIC(12,2) NOT NULL,
    campaign          VARCHAR(64),            -- utm_campaign of the converting session
    created_at        TIMESTAMPTZ  NOT NULL,
    updated_at        TIMESTAMPTZ  NOT NULL
);

CREATE TABLE order_items (
    id               BIGINT       PRIMARY KEY,
    order_id         BIGINT       NOT NULL,
    product_id       BIGINT       NOT NULL,
    quantity         INTEGER      NOT NULL,
    unit_price       NUMERIC(12,2) NOT NULL,
    created_at       TIMESTAMPTZ  NOT NULL
);

-- Payment attempts; a failed attempt may be followed by another for the same order.
CREATE TABLE payments (
    id               BIGINT       PRIMARY KEY,
    order_id         BIGINT       NOT NULL,
    method           VARCHAR(16)  NOT NULL,   -- card, paypal, gift_card
    status           VARCHAR(16)  NOT NULL,   -- pending, authorized, captured, failed, refunded
    amount           NUMERIC(12,2) NOT NULL,
    currency         CHAR(3)      NOT NULL,
    failure_reason   VARCHAR(64),             -- card_declined, insufficient_funds, expired_card, fraud_suspected
    created_at       TIMESTAMPTZ  NOT NULL,
    updated_at       TIMESTAMPTZ  NOT NULL
);

CREATE TABLE shipments (
    id               BIGINT       PRIMARY KEY,
    order_id         BIGINT       NOT NULL,
    carrier          VARCHAR(32)  NOT NULL,
    tracking_number  VARCHAR(40)  NOT NULL,
    status           VARCHAR(16)  NOT NULL,   -- label_created, shipped, delivered
    shipped_at       TIMESTAMPTZ,
    delivered_at     TIMESTAMPTZ,
    created_at       TIMESTAMPTZ  NOT NULL,
    updated_at       TIMESTAMPTZ  NOT NULL
);

CREATE TABLE returns (
    id               BIGINT       PRIMARY KEY,
    order_id         BIGINT       NOT NULL,
    order_item_id    BIGINT       NOT NULL,
    quantity         INTEGER      NOT NULL,
    reason           VARCHAR(32)  NOT NULL,   -- wrong_size, damaged, not_as_described, changed_mind, late_delivery
    status           VARCHAR(16)  NOT NULL,   -- requested, received, refunded
    refund_amount    NUMERIC(12,2) NOT NULL,
    created_at       TIMESTAMPTZ  NOT NULL,
    updated_at       TIMESTAMPTZ  NOT NULL
);

-- constraints

ALTER TABLE products ADD CONSTRAINT products_sku_key UNIQUE (sku);
ALTER TABLE orders ADD CONSTRAINT orders_order_number_key UNIQUE (order_number);
ALTER TABLE consents ADD CONSTRAINT consents_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id);
ALTER TABLE carts ADD CONSTRAINT carts_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id);
ALTER TABLE cart_items ADD CONSTRAINT cart_items_cart_fk FOREIGN KEY (cart_id) REFERENCES carts (id);
ALTER TABLE cart_items ADD CONSTRAINT cart_items_product_fk FOREIGN KEY (product_id) REFERENCES products (id);
ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id);
ALTER TABLE order_items ADD CONSTRAINT order_items_order_fk FOREIGN KEY (order_id) REFERENCES orders (id);
ALTER TABLE order_items ADD CONSTRAINT order_items_product_fk FOREIGN KEY (product_id) REFERENCES products (id);
ALTER TABLE payments ADD CONSTRAINT payments_order_fk FOREIGN KEY (order_id) REFERENCES orders (id);
ALTER TABLE shipments ADD CONSTRAINT shipments_order_fk FOREIGN KEY (order_id) REFERENCES orders (id);
ALTER TABLE returns ADD CONSTRAINT returns_order_fk FOREIGN KEY (order_id) REFERENCES orders (id);
ALTER TABLE returns ADD CONSTRAINT returns_order_item_fk FOREIGN KEY (order_item_id) REFERENCES order_items (id);
CREATE INDEX customers_email_idx ON customers (email);
CREATE INDEX carts_customer_idx ON carts (customer_id);
CREATE INDEX cart_items_cart_idx ON cart_items (cart_id);
CREATE INDEX orders_customer_idx ON orders (customer_id);
CREATE INDEX order_items_order_idx ON order_items (order_id);
CREATE INDEX payments_order_idx ON payments (order_id);
-- CDC: rules on removed rows and changed columns need the before image of these tables (ingestion's shop-postgres source).
ALTER TABLE customers REPLICA IDENTITY FULL;
ALTER TABLE consents REPLICA IDENTITY FULL;
ALTER TABLE cart_items REPLICA IDENTITY FULL;
ALTER TABLE orders REPLICA IDENTITY FULL;
ALTER TABLE payments REPLICA IDENTITY FULL;
ALTER TABLE returns REPLICA IDENTITY FULL;
