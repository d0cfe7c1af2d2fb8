package com.monstermart.cdp.identity.core.rules;

import static java.util.Objects.requireNonNull;

import com.monstermart.cdp.event.IdentifierType;
import com.monstermart.cdp.identity.core.IdentityErrorCode;
import com.monstermart.cdp.identity.core.IdentityException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The guardrails of one identifier type.
 *
 * @param priority higher first: the highest-priority identifier of an event anchors it (its profile wins)
 * @param maxPerProfile most identifiers of this type per namespace in one profile; 0 = no limit
 * @param window when present, {@code maxPerProfile} counts only identifiers attached within this window before the
 *     event (e.g. at most 5 emails per 30 days)
 * @param blockedValues values that never link (compared case-insensitively), e.g. shared test addresses
 * @param blockedPatterns regular expressions (case-insensitive, whole value) of values that never link
 */
public record IdentifierRule(
        IdentifierType type,
        int priority,
        int maxPerProfile,
        Optional<Duration> window,
        Set<String> blockedValues,
        List<String> blockedPatterns) {
    public IdentifierRule {
        requireNonNull(type, "type is null");
        requireNonNull(window, "window is null");
        requireNonNull(blockedValues, "blockedValues is null");
        requireNonNull(blockedPatterns, "blockedPatterns is null");
        if (maxPerProfile < 0) {
            throw new IdentityException(
                    IdentityErrorCode.INVALID_RULES,
                    "%s.max-per-profile must be 0 (no limit) or more, got %d"
                            .formatted(type.wireName(), maxPerProfile));
        }
        if (window.isPresent() && (window.get().isNegative() || window.get().isZero())) {
            throw new IdentityException(
                    IdentityErrorCode.INVALID_RULES,
                    "%s.window must be a positive duration, got %s".formatted(type.wireName(), window.get()));
        }
        if (window.isPresent() && maxPerProfile == 0) {
            throw new IdentityException(
                    IdentityErrorCode.INVALID_RULES,
                    "%s.window needs a max-per-profile above 0".formatted(type.wireName()));
        }
        TreeSet<String> lower = new TreeSet<>();
        blockedValues.forEach(value -> lower.add(value.strip().toLowerCase(Locale.ROOT)));
        blockedValues = Set.copyOf(lower);
        blockedPatterns = List.copyOf(blockedPatterns);
    }

    public IdentifierRule withPriority(int newPriority) {
        return new IdentifierRule(type, newPriority, maxPerProfile, window, blockedValues, blockedPatterns);
    }

    public IdentifierRule withLimit(int newMaxPerProfile, Optional<Duration> newWindow) {
        return new IdentifierRule(type, priority, newMaxPerProfile, newWindow, blockedValues, blockedPatterns);
    }

    public IdentifierRule withBlocked(Set<String> values, List<String> patterns) {
        return new IdentifierRule(type, priority, maxPerProfile, window, values, patterns);
    }
}
