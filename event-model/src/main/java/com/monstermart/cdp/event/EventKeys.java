package com.monstermart.cdp.event;

/**
 * The Kafka record key of a raw event: one stable key per customer, so that one customer's events land on one
 * partition and keep their order.
 */
public final class EventKeys {
    private EventKeys() {}

    /**
     * {@code userId} if present, else {@code anonymousId}, else the first {@link IdentifierType#CUSTOMER_ID}
     * identifier, else the message id (an event about nobody in particular).
     */
    public static String partitionKey(CanonicalEvent event) {
        if (event.userId().isPresent()) {
            return event.userId().get();
        }
        if (event.anonymousId().isPresent()) {
            return event.anonymousId().get();
        }
        for (IdentifierHint hint : event.identifiers()) {
            if (hint.type() == IdentifierType.CUSTOMER_ID) {
                return hint.value();
            }
        }
        return event.messageId();
    }
}
