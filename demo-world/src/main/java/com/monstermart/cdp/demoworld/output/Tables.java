package com.monstermart.cdp.demoworld.output;

import com.monstermart.cdp.demoworld.output.TableSpec.Column;
import com.monstermart.cdp.demoworld.output.TableSpec.Database;
import com.monstermart.cdp.demoworld.output.TableSpec.Type;
import java.util.ArrayList;
import java.util.List;

/** The shop and POS tables, in load order (parents first); column order equals the DDL's. */
public final class Tables {
    private Tables() {}

    public static final TableSpec CUSTOMERS = shop(
            "customers",
            1,
            "id:BIGINT",
            "email:TEXT",
            "phone:TEXT",
            "first_name:TEXT",
            "last_name:TEXT",
            "birth_date:DATE",
            "street:TEXT",
            "city:TEXT",
            "postcode:TEXT",
            "country:TEXT",
            "loyalty_card:TEXT",
            "marketing_opt_in:BOOLEAN",
            "created_at:TIMESTAMP",
            "updated_at:TIMESTAMP");
    public static final TableSpec CONSENTS = shop(
            "consents",
            2,
            "customer_id:BIGINT",
            "purpose:TEXT",
            "granted:BOOLEAN",
            "source:TEXT",
            "updated_at:TIMESTAMP");
    public static final TableSpec PRODUCTS = shop(
            "products",
            1,
            "id:BIGINT",
            "sku:TEXT",
            "name:TEXT",
            "category_id:BIGINT",
            "category_code:TEXT",
            "brand:TEXT",
            "price:MONEY",
            "currency:TEXT",
            "active:BOOLEAN",
            "created_at:TIMESTAMP",
            "updated_at:TIMESTAMP");
    public static final TableSpec CARTS = shop(
            "carts",
            1,
            "id:BIGINT",
            "customer_id:BIGINT",
            "anonymous_id:TEXT",
            "session_id:TEXT",
            "status:TEXT",
            "currency:TEXT",
            "created_at:TIMESTAMP",
            "updated_at:TIMESTAMP");
    public static final TableSpec CART_ITEMS = shop(
            "cart_items",
            1,
            "id:BIGINT",
            "cart_id:BIGINT",
            "product_id:BIGINT",
            "quantity:INTEGER",
            "unit_price:MONEY",
            "added_at:TIMESTAMP",
            "updated_at:TIMESTAMP");
    public static final TableSpec ORDERS = shop(
            "orders",
            1,
            "id:BIGINT",
            "order_number:TEXT",
            "customer_id:BIGINT",
            "cart_id:BIGINT",
            "email:TEXT",
            "phone:TEXT",
            "first_name:TEXT",
            "last_name:TEXT",
            "shipping_street:TEXT",
            "shipping_city:TEXT",
            "shipping_postcode:TEXT",
            "shipping_country:TEXT",
            "channel:TEXT",
            "status:TEXT",
            "currency:TEXT",
            "subtotal:MONEY",
            "shipping_fee:MONEY",
            "total:MONEY",
            "campaign:TEXT",
            "created_at:TIMESTAMP",
            "updated_at:TIMESTAMP");
    public static final TableSpec ORDER_ITEMS = shop(
            "order_items",
            1,
            "id:BIGINT",
            "order_id:BIGINT",
            "product_id:BIGINT",
            "quantity:INTEGER",
            "unit_price:MONEY",
            "created_at:TIMESTAMP");
    public static final TableSpec PAYMENTS = shop(
            "payments",
            1,
            "id:BIGINT",
            "order_id:BIGINT",
            "method:TEXT",
            "status:TEXT",
            "amount:MONEY",
            "currency:TEXT",
            "failure_reason:TEXT",
            "created_at:TIMESTAMP",
            "updated_at:TIMESTAMP");
    public static final TableSpec SHIPMENTS = shop(
            "shipments",
            1,
            "id:BIGINT",
            "order_id:BIGINT",
            "carrier:TEXT",
            "tracking_number:TEXT",
            "status:TEXT",
            "shipped_at:TIMESTAMP",
            "delivered_at:TIMESTAMP",
            "created_at:TIMESTAMP",
            "updated_at:TIMESTAMP");
    public static final TableSpec RETURNS = shop(
            "returns",
            1,
            "id:BIGINT",
            "order_id:BIGINT",
            "order_item_id:BIGINT",
            "quantity:INTEGER",
            "reason:TEXT",
            "status:TEXT",
            "refund_amount:MONEY",
            "created_at:TIMESTAMP",
            "updated_at:TIMESTAMP");

    public static final TableSpec STORES = pos(
            "stores",
            1,
            "id:INTEGER",
            "code:TEXT",
            "name:TEXT",
            "street:TEXT",
            "city:TEXT",
            "postcode:TEXT",
            "country:TEXT",
            "timezone:TEXT",
            "opened_on:DATE",
            "updated_at:TIMESTAMP");
    public static final TableSpec LOYALTY_MEMBERS = pos(
            "loyalty_members",
            1,
            "id:BIGINT",
            "card_number:TEXT",
            "home_store_id:INTEGER",
            "first_name:TEXT",
            "last_name:TEXT",
            "email:TEXT",
            "phone:TEXT",
            "birth_date:DATE",
            "street:TEXT",
            "postcode:TEXT",
            "country:TEXT",
            "tier:TEXT",
            "points:INTEGER",
            "status:TEXT",
            "enrolled_at:TIMESTAMP",
            "updated_at:TIMESTAMP");
    public static final TableSpec TRANSACTIONS = pos(
            "transactions",
            1,
            "id:BIGINT",
            "store_id:INTEGER",
            "register_number:INTEGER",
            "receipt_number:TEXT",
            "loyalty_member_id:BIGINT",
            "transaction_type:TEXT",
            "payment_method:TEXT",
            "total_amount:MONEY",
            "currency:TEXT",
            "occurred_at:TIMESTAMP");
    public static final TableSpec TRANSACTION_ITEMS = pos(
            "transaction_items",
            1,
            "id:BIGINT",
            "transaction_id:BIGINT",
            "line_number:INTEGER",
            "product_sku:TEXT",
            "description:TEXT",
            "quantity:INTEGER",
            "unit_price:MONEY",
            "discount:MONEY");

    public static final List<TableSpec> SHOP_TABLES = List.of(
            CUSTOMERS, CONSENTS, PRODUCTS, CARTS, CART_ITEMS, ORDERS, ORDER_ITEMS, PAYMENTS, SHIPMENTS, RETURNS);
    public static final List<TableSpec> POS_TABLES = List.of(STORES, LOYALTY_MEMBERS, TRANSACTIONS, TRANSACTION_ITEMS);

    public static List<TableSpec> of(Database database) {
        return database == Database.SHOP ? SHOP_TABLES : POS_TABLES;
    }

    private static TableSpec shop(String name, int keyColumns, String... columns) {
        return new TableSpec(Database.SHOP, name, columns(columns), keyColumns);
    }

    private static TableSpec pos(String name, int keyColumns, String... columns) {
        return new TableSpec(Database.POS, name, columns(columns), keyColumns);
    }

    private static List<Column> columns(String... definitions) {
        List<Column> columns = new ArrayList<>();
        for (String definition : definitions) {
            String[] parts = definition.split(":");
            columns.add(new Column(parts[0], Type.valueOf(parts[1])));
        }
        return columns;
    }
}
