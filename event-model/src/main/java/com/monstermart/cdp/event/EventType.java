package com.monstermart.cdp.event;

import java.util.Optional;

/**
 * The kinds of canonical event, as in Segment's spec; {@link #wireName()} is the JSON {@code type} value. Segment's
 * {@code screen} call becomes a {@link #PAGE} event (see docs/event-contract.md).
 */
public enum EventType {
    /** Who the customer is: {@code traits} about them (email, name, address, loyalty card, ...). */
    IDENTIFY("identify"),
    /** Something the customer did: {@code event} names it (e-commerce names from {@link EcommerceEvents}). */
    TRACK("track"),
    /** A page the customer viewed: {@code name} and page {@code properties}. */
    PAGE("page"),
    /**
     * The customer belongs to a group (an account, a household, a company): {@code groupId} names it, {@code traits}
     * describe the group, not the customer.
     */
    GROUP("group"),
    /** Two identities are the same customer: {@code previousId} becomes {@code userId}. */
    ALIAS("alias");

    private final String wireName;

    EventType(String wireName) {
        this.wireName = wireName;
    }

    /** The lower-case JSON value, e.g. {@code track}. */
    public String wireName() {
        return wireName;
    }

    /** The type for a JSON value, case-insensitive; empty when it names no supported type. */
    public static Optional<EventType> fromWireName(String value) {
        if (value == null) {
            return Optional.empty();
        }
        for (EventType type : values()) {
            if (type.wireName.equalsIgnoreCase(value.strip())) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
