package com.monstermart.cdp.pii.vault.api;

/**
 * Receives every decryption attempt, on the decrypting thread, after it completed. Services write these to their
 * audit table (batch them if the table is remote: this runs on the hot path). An auditor that throws makes the
 * decryption throw: attribution is not optional.
 */
@FunctionalInterface
public interface DecryptionAuditor {
    void record(DecryptionEvent event);

    /** Drops every event: only for tests and benchmarks, or where another layer already audits. */
    static DecryptionAuditor discarding() {
        return event -> {};
    }
}
