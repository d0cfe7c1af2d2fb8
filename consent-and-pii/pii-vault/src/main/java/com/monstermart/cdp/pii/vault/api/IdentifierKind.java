package com.monstermart.cdp.pii.vault.api;

import java.util.regex.Pattern;

/**
 * The kind of an identifier. It is part of every blind index input, so the same text as an email and as a customer id
 * gives different indexes.
 *
 * @param name lower-case letters, digits, {@code _}, {@code -} or {@code .}; 1 to 32 characters
 */
public record IdentifierKind(String name) {
    // Before the constants: their constructor uses it.
    private static final Pattern NAME = Pattern.compile("[a-z0-9_.-]{1,32}");

    public static final IdentifierKind EMAIL = new IdentifierKind("email");
    public static final IdentifierKind PHONE = new IdentifierKind("phone");
    public static final IdentifierKind CUSTOMER_ID = new IdentifierKind("customer_id");

    public IdentifierKind {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new PiiVaultException(
                    PiiVaultErrorCode.INVALID_ARGUMENT,
                    "An identifier kind is 1 to 32 of [a-z0-9_.-], got '" + name + "'");
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
