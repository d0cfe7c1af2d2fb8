package com.monstermart.cdp.profile.core;

/**
 * What one batch did, for logs, metrics and tests.
 *
 * @param events resolved events applied
 * @param changes profile changes applied
 * @param duplicates events skipped because their messageId was already read at another position
 * @param replayed records skipped because the hot store already had them (a replay after a restart)
 * @param unreadable records that could not be decoded
 * @param eventRows rows appended to {@code events}
 */
public record BatchCounters(
        long events, long changes, long duplicates, long replayed, long unreadable, long eventRows) {
    public long records() {
        return events + changes + duplicates + replayed + unreadable;
    }
}
