package com.monstermart.cdp.pii.vault.api;

/**
 * A data subject: the profile (or subject) id that identity resolution assigns. It is a pseudonym, not personal data
 * itself, so it may appear in messages and logs.
 *
 * @param value 1 to 256 UTF-8 bytes, not blank
 */
public record SubjectId(String value) implements Comparable<SubjectId> {
    /** Longest subject id in UTF-8 bytes. */
    public static final int MAXIMUM_BYTES = 256;

    public SubjectId {
        Checks.text(value, "subject id", MAXIMUM_BYTES);
    }

    public static SubjectId of(String value) {
        return new SubjectId(value);
    }

    @Override
    public int compareTo(SubjectId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
