package com.monstermart.cdp.ingestion.core;

/**
 * Which service instance runs a source's exclusive connector (CDC, files): one at a time. PostgreSQL advisory locks
 * in the service; {@link #SINGLE_INSTANCE} when there is only one.
 */
public interface SourceLeases {
    /** Every lease is granted. */
    SourceLeases SINGLE_INSTANCE = new SourceLeases() {
        @Override
        public boolean acquire(String sourceId) {
            return true;
        }

        @Override
        public void release(String sourceId) {}
    };

    /** Takes or keeps the lease of a source; false when another instance holds it. */
    boolean acquire(String sourceId);

    void release(String sourceId);
}
