package com.monstermart.cdp.event;

import java.util.List;

/** Trait names: Segment's reserved identify traits, and MonsterMart's additions. */
public final class Traits {
    public static final String ADDRESS = "address";
    public static final String AGE = "age";
    public static final String BIRTHDAY = "birthday";
    public static final String CREATED_AT = "createdAt";
    public static final String EMAIL = "email";
    public static final String FIRST_NAME = "firstName";
    public static final String GENDER = "gender";
    public static final String ID = "id";
    public static final String LAST_NAME = "lastName";
    public static final String NAME = "name";
    public static final String PHONE = "phone";
    public static final String TITLE = "title";
    public static final String USERNAME = "username";
    /** MonsterMart: the loyalty card number (also an {@link IdentifierType#LOYALTY_CARD} hint). */
    public static final String LOYALTY_CARD = "loyaltyCard";

    /** Keys of the {@code address} object (Segment spec). */
    public static final List<String> ADDRESS_FIELDS = List.of("street", "city", "postalCode", "state", "country");

    private Traits() {}
}
