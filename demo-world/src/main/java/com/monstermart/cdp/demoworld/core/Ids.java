package com.monstermart.cdp.demoworld.core;

/** Id sequences of the sources; assigned in simulation order, which is fixed by the seed. */
public final class Ids {
    private long customer = 100_000;
    private long cart = 500_000;
    private long cartItem = 800_000;
    private long order = 1_000_000;
    private long orderItem = 3_000_000;
    private long payment = 2_000_000;
    private long shipment = 4_000_000;
    private long returned = 6_000;
    private long loyaltyMember = 70_000;
    private long transaction = 9_000_000;
    private long transactionItem = 12_000_000;
    private long marketplaceOrder = 2_294_359_932_054_000_000L;
    private long invoice = 489_433;
    private long catalogueCustomer = 12_345;
    private long ticket = 100_000;

    public long customer() {
        return ++customer;
    }

    public long cart() {
        return ++cart;
    }

    public long cartItem() {
        return ++cartItem;
    }

    public long order() {
        return ++order;
    }

    public long orderItem() {
        return ++orderItem;
    }

    public long payment() {
        return ++payment;
    }

    public long shipment() {
        return ++shipment;
    }

    public long returned() {
        return ++returned;
    }

    public long loyaltyMember() {
        return ++loyaltyMember;
    }

    public long transaction() {
        return ++transaction;
    }

    public long transactionItem() {
        return ++transactionItem;
    }

    public long marketplaceOrder() {
        return marketplaceOrder += 1 + (marketplaceOrder % 7);
    }

    public long invoice() {
        return ++invoice;
    }

    public long catalogueCustomer() {
        return ++catalogueCustomer;
    }

    public long ticket() {
        return ++ticket;
    }
}
