package com.monstermart.cdp.pii.vault;

import static java.util.Objects.requireNonNull;

import com.monstermart.cdp.pii.vault.api.PiiVaultErrorCode;
import com.monstermart.cdp.pii.vault.api.PiiVaultException;
import java.time.Duration;

/**
 * Tuning of a vault; {@link #defaults()} suits a service. A Quarkus service maps these from {@code cdp.pii-vault.*}
 * (see the module README).
 *
 * @param cacheTimeToLive how long an unwrapped key ring stays cached after it was loaded (default 60 s): the upper
 *     bound on a shredded key's life in a process that misses both the broadcast and the key event poll
 * @param cacheMaximumSubjects how many subjects' key rings are cached at most (default 100,000; about 1 KiB each)
 * @param eventPollInterval how often {@code pii_vault.key_event} is polled for shreds and unmerges (default 1 s)
 * @param eventPollMaximumStaleness when polls have failed for this long, the cache is dropped so that every use
 *     re-reads the key store (fail closed; default 10 s)
 * @param blindIndexKeyName which index key blind indexes use (default {@code default})
 * @param blindIndexBytes length of a blind index (default 16 bytes: 128 bits, 22 base64url characters)
 */
public record PiiVaultSettings(
        Duration cacheTimeToLive,
        long cacheMaximumSubjects,
        Duration eventPollInterval,
        Duration eventPollMaximumStaleness,
        String blindIndexKeyName,
        int blindIndexBytes) {

    public PiiVaultSettings {
        requireNonNull(cacheTimeToLive, "cacheTimeToLive is null");
        requireNonNull(eventPollInterval, "eventPollInterval is null");
        requireNonNull(eventPollMaximumStaleness, "eventPollMaximumStaleness is null");
        requireNonNull(blindIndexKeyName, "blindIndexKeyName is null");
        positive(cacheTimeToLive, "cacheTimeToLive");
        positive(eventPollInterval, "eventPollInterval");
        positive(eventPollMaximumStaleness, "eventPollMaximumStaleness");
        if (cacheMaximumSubjects < 0) {
            throw invalid("cacheMaximumSubjects is " + cacheMaximumSubjects + "; use 0 or more");
        }
        if (blindIndexBytes < 8 || blindIndexBytes > 32) {
            throw invalid("blindIndexBytes is " + blindIndexBytes + "; use 8 to 32");
        }
        if (blindIndexKeyName.isBlank() || blindIndexKeyName.length() > 64) {
            throw invalid("blindIndexKeyName must be 1 to 64 characters");
        }
    }

    public static PiiVaultSettings defaults() {
        return new PiiVaultSettings(
                Duration.ofSeconds(60), 100_000, Duration.ofSeconds(1), Duration.ofSeconds(10), "default", 16);
    }

    public PiiVaultSettings withCacheTimeToLive(Duration value) {
        return new PiiVaultSettings(
                value,
                cacheMaximumSubjects,
                eventPollInterval,
                eventPollMaximumStaleness,
                blindIndexKeyName,
                blindIndexBytes);
    }

    public PiiVaultSettings withCacheMaximumSubjects(long value) {
        return new PiiVaultSettings(
                cacheTimeToLive,
                value,
                eventPollInterval,
                eventPollMaximumStaleness,
                blindIndexKeyName,
                blindIndexBytes);
    }

    public PiiVaultSettings withEventPollInterval(Duration value) {
        return new PiiVaultSettings(
                cacheTimeToLive,
                cacheMaximumSubjects,
                value,
                eventPollMaximumStaleness,
                blindIndexKeyName,
                blindIndexBytes);
    }

    public PiiVaultSettings withEventPollMaximumStaleness(Duration value) {
        return new PiiVaultSettings(
                cacheTimeToLive, cacheMaximumSubjects, eventPollInterval, value, blindIndexKeyName, blindIndexBytes);
    }

    public PiiVaultSettings withBlindIndexKeyName(String value) {
        return new PiiVaultSettings(
                cacheTimeToLive,
                cacheMaximumSubjects,
                eventPollInterval,
                eventPollMaximumStaleness,
                value,
                blindIndexBytes);
    }

    private static void positive(Duration duration, String name) {
        if (duration.isNegative() || duration.isZero()) {
            throw invalid(name + " is " + duration + "; use a positive duration");
        }
    }

    private static PiiVaultException invalid(String message) {
        return new PiiVaultException(PiiVaultErrorCode.INVALID_ARGUMENT, "Invalid vault settings: " + message);
    }
}
