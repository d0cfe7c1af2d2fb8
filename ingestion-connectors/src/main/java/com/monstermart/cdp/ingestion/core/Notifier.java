package com.monstermart.cdp.ingestion.core;

/** Tells operators about sources that fail and recover (webhook, email). */
public interface Notifier {
    Notifier NONE = alert -> {};

    /** Sends the alert; must not block for long (implementations send asynchronously). */
    void notify(SourceAlert alert);
}
