package com.monstermart.cdp.profile.core;

import java.util.Locale;

/** The life of a profile. */
public enum ProfileStatus {
    /** A customer profile in use. */
    ACTIVE,
    /** Merged into another profile ({@code merged_into}); kept so that old ids and events still resolve. */
    MERGED,
    /** The data subject was erased; only the id and status remain. */
    ERASED;

    /** The lower-case value stored in tables. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ProfileStatus fromWireName(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
