-- MonsterMart stores' point of sale: the demo MariaDB source (database "pos") that CDC reads from the binlog.
-- Owned by demo-world; documented in demo-world/README.md. Every table has a primary key (CDC needs it).
-- DATETIME(3) columns hold UTC; money is DECIMAL(12,2) in the row's currency.
-- The generator runs the "tables" part, bulk-loads, then runs the part after "-- constraints".

-- tables

CREATE TABLE stores (
    id               INT          NOT NULL PRIMARY KEY,
    code             VARCHAR(16)  NOT NULL,
    name             VARCHAR(100) NOT NULL,
    street           VARCHAR(200) NOT NULL,
    city             VARCHAR(100) NOT NULL,
    postcode         VARCHAR(20)  NOT NULL,
    country          CHAR(2)      NOT NULL,
    timezone         VARCHAR(40)  NOT NULL,
    opened_on        DATE         NOT NULL,
    updated_at       DATETIME(3)  NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- An in-store loyalty card holder, typed in at the till: abbreviations, typos and gaps are common.
CREATE TABLE loyalty_members (
    id               BIGINT       NOT NULL PRIMARY KEY,
    card_number      VARCHAR(20)  NOT NULL,
    home_store_id    INT,
    first_name       VARCHAR(100),
    last_name        VARCHAR(100),
    email            VARCHAR(254),
    phone            VARCHAR(32),
    birth_date       DATE,
    street           VARCHAR(200),
    postcode         VARCHAR(20),
    country          CHAR(2),
    tier             VARCHAR(16)  NOT NULL,   -- bronze, silver, gold
    points           INT          NOT NULL,
    status           VARCHAR(16)  NOT NULL,   -- active, closed
    enrolled_at      DATETIME(3)  NOT NULL,
    updated_at       DATETIME(3)  NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- A till receipt; loyalty_member_id is null when no card was scanned.
CREATE TABLE transactions (
    id                BIGINT       NOT NULL PRIMARY KEY,
    store_id          INT          NOT NULL,
    register_number   SMALLINT     NOT NULL,
    receipt_number    VARCHAR(24)  NOT NULL,
    loyalty_member_id BIGINT,
    transaction_type  VARCHAR(8)   NOT NULL,  -- sale, return
    payment_method    VARCHAR(16)  NOT NULL,  -- card, contactless, cash, gift_card
    total_amount      DECIMAL(12,2) NOT NULL, -- negative for returns
    currency          CHAR(3)      NOT NULL,
    occurred_at       DATETIME(3)  NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE transaction_items (
    id               BIGINT       NOT NULL PRIMARY KEY,
    transaction_id   BIGINT       NOT NULL,
    line_number      SMALLINT     NOT NULL,
    product_sku      VARCHAR(32)  NOT NULL,   -- shop.products.sku
    description      VARCHAR(200) NOT NULL,
    quantity         INT          NOT NULL,   -- negative for returns
    unit_price       DECIMAL(12,2) NOT NULL,
    discount         DECIMAL(12,2) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- constraints

ALTER TABLE stores ADD CONSTRAINT stores_code_key UNIQUE (code);
ALTER TABLE loyalty_members ADD CONSTRAINT loyalty_members_card_key UNIQUE (card_number);
ALTER TABLE loyalty_members ADD CONSTRAINT loyalty_members_store_fk FOREIGN KEY (home_store_id) REFERENCES stores (id);
ALTER TABLE transactions ADD CONSTRAINT transactions_receipt_key UNIQUE (receipt_number);
ALTER TABLE transactions ADD CONSTRAINT transactions_store_fk FOREIGN KEY (store_id) REFERENCES stores (id);
ALTER TABLE transactions ADD CONSTRAINT transactions_member_fk FOREIGN KEY (loyalty_member_id) REFERENCES loyalty_members (id);
ALTER TABLE transaction_items ADD CONSTRAINT transaction_items_transaction_fk FOREIGN KEY (transaction_id) REFERENCES transactions (id);
