package com.monstermart.cdp.ingestion.core;

/** A rule decided that the row produces no event (an unmapped value with {@code unmapped: skip}). */
public final class SkipRowException extends Exception {
    private static final long serialVersionUID = 1L;

    SkipRowException(String reason) {
        super(reason, null, false, false);
    }
}
