package com.monstermart.cdp.pii.vault.api;

/**
 * Who decrypts and why: every decryption is attributed to one, and the {@link DecryptionAuditor} receives it.
 *
 * @param caller the authenticated principal or service, for example {@code privacy-officer:alice} or
 *     {@code audiences-service}
 * @param purpose why the plaintext is needed, for example {@code email-activation} or {@code access-request:42}
 */
public record AccessContext(String caller, String purpose) {
    public AccessContext {
        Checks.text(caller, "caller", 256);
        Checks.text(purpose, "purpose", 256);
    }

    public static AccessContext of(String caller, String purpose) {
        return new AccessContext(caller, purpose);
    }
}
