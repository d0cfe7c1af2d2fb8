package com.monstermart.cdp.profile.core;

import java.util.Objects;

/**
 * Whether a trait's new value is the same as its current one. Personal values arrive as ciphertext, and two
 * encryptions of one value differ (random nonces), so equality of the text says nothing; the vault-backed comparator
 * decrypts both to compare, without keeping or logging the plaintext.
 */
@FunctionalInterface
public interface TraitComparator {
    /** Plain equality of the JSON-like values: for tests and for deployments without personal data. */
    TraitComparator EQUALS = (profileId, trait, current, candidate) -> Objects.equals(current, candidate);

    /**
     * @param profileId the profile (data subject) the values belong to
     * @param trait the trait key, e.g. {@code email} or {@code address}
     */
    boolean same(String profileId, String trait, Object current, Object candidate);
}
