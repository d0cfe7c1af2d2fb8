package com.monstermart.cdp.console.core.sales;

/** Whether the live sales aggregate is running. */
public enum LiveSalesStatus {
    /** Switched off by configuration. */
    DISABLED,
    /** Starting, or waiting for its input topic to exist. */
    STARTING,
    /** Restoring its state or rebalancing: figures may be incomplete for a moment. */
    REBALANCING,
    /** Up to date: orders reach the board within seconds. */
    RUNNING,
    /** Stopped after an error; see the console's log. */
    FAILED
}
