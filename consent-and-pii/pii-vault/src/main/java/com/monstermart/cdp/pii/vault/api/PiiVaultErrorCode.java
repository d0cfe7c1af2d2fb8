package com.monstermart.cdp.pii.vault.api;

/** What went wrong in the vault, and whose problem it is. */
public enum PiiVaultErrorCode {
    /** An argument is missing, empty, too long or malformed. */
    INVALID_ARGUMENT(Kind.USER_ERROR),
    /** The bytes or text are not a vault ciphertext (too short, bad encoding, bad prefix). */
    MALFORMED_CIPHERTEXT(Kind.USER_ERROR),
    /** The ciphertext names a format version this library does not know. */
    UNSUPPORTED_CIPHERTEXT_VERSION(Kind.USER_ERROR),
    /** The ciphertext was made with a key that is not in the subject's key ring (another subject's data). */
    KEY_NOT_IN_SUBJECT_RING(Kind.USER_ERROR),
    /** Authentication failed: another table or column, or the ciphertext was altered. */
    DECRYPTION_FAILED(Kind.USER_ERROR),
    /** The subject was erased (its keys shredded): nothing new can be encrypted for it. */
    SUBJECT_ERASED(Kind.USER_ERROR),
    /** An identifier could not be normalised (for example a phone number that is not a number). */
    INVALID_IDENTIFIER(Kind.USER_ERROR),
    /** The key store (PostgreSQL) could not be reached or refused a statement. */
    KEY_STORE_UNAVAILABLE(Kind.EXTERNAL),
    /** The {@code pii_vault} schema is missing or older than this library. */
    SCHEMA_MISSING(Kind.EXTERNAL),
    /** The key-encryption key is missing, unreachable (KMS) or is not the one that wrapped a key. */
    KEK_UNAVAILABLE(Kind.EXTERNAL),
    /** A key eviction broadcast could not be sent or received. */
    EVICTION_BUS_FAILURE(Kind.EXTERNAL),
    /** A bug or an impossible state in the vault itself. */
    INTERNAL(Kind.INTERNAL);

    /** Whose problem it is: the caller's input, a system outside the vault, or the vault itself. */
    public enum Kind {
        USER_ERROR,
        EXTERNAL,
        INTERNAL
    }

    private final Kind kind;

    PiiVaultErrorCode(Kind kind) {
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
