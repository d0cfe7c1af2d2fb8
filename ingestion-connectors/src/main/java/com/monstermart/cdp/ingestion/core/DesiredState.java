package com.monstermart.cdp.ingestion.core;

/** What the operator wants a source to do. */
public enum DesiredState {
    ACTIVE,
    PAUSED
}
