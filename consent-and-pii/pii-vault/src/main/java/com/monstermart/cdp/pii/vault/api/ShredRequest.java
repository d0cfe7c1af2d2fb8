package com.monstermart.cdp.pii.vault.api;

/**
 * Who asks for a subject's keys to be shredded, and why; recorded with the shred.
 *
 * @param requestedBy the approving principal, for example {@code privacy-officer:alice}
 * @param reason for example {@code erasure-request:1234}; no personal data
 */
public record ShredRequest(String requestedBy, String reason) {
    public ShredRequest {
        Checks.text(requestedBy, "requestedBy", 256);
        Checks.text(reason, "reason", 1024);
    }

    public static ShredRequest of(String requestedBy, String reason) {
        return new ShredRequest(requestedBy, reason);
    }
}
