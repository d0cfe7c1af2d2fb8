package com.monstermart.cdp.event;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The identifiers a Segment-shaped event carries in its standard fields. */
public final class IdentifierHints {
    private IdentifierHints() {}

    /**
     * Hints from the standard fields, in the source's identity namespace: {@code userId}, {@code anonymousId},
     * the traits {@code email}, {@code phone} and {@code loyaltyCard} (also inside {@code context.traits}, where
     * Segment's browser SDK puts them on track and page calls), and {@code context.device.id}.
     */
    public static List<IdentifierHint> standard(CanonicalEvent event, String namespace) {
        return standard(
                event.userId().orElse(null),
                event.anonymousId().orElse(null),
                event.traits(),
                event.context().extensions(),
                namespace);
    }

    /** The same hints from the parts of an event not yet built (for producers that build events themselves). */
    public static List<IdentifierHint> standard(
            String userId,
            String anonymousId,
            Map<String, ?> traits,
            Map<String, ?> contextExtensions,
            String namespace) {
        Set<IdentifierHint> hints = new LinkedHashSet<>();
        text(userId).ifPresent(value -> hints.add(IdentifierHint.userId(namespace, value)));
        text(anonymousId).ifPresent(value -> hints.add(IdentifierHint.anonymousId(namespace, value)));
        fromTraits(traits, hints);
        if (contextExtensions.get("traits") instanceof Map<?, ?> contextTraits) {
            fromTraits(contextTraits, hints);
        }
        if (contextExtensions.get("device") instanceof Map<?, ?> device) {
            text(device.get("id")).ifPresent(value -> hints.add(IdentifierHint.deviceId(value)));
        }
        return new ArrayList<>(hints);
    }

    /** {@code event} with its standard hints added to the ones it has (no duplicates). */
    public static CanonicalEvent withStandardHints(CanonicalEvent event, String namespace) {
        Set<IdentifierHint> hints = new LinkedHashSet<>(event.identifiers());
        hints.addAll(standard(event, namespace));
        if (hints.size() == event.identifiers().size()) {
            return event;
        }
        return event.toBuilder().identifiers(new ArrayList<>(hints)).buildUnchecked();
    }

    private static void fromTraits(Map<?, ?> traits, Set<IdentifierHint> hints) {
        text(traits.get(Traits.EMAIL)).ifPresent(value -> hints.add(IdentifierHint.email(value)));
        text(traits.get(Traits.PHONE)).ifPresent(value -> hints.add(IdentifierHint.phone(value)));
        text(traits.get(Traits.LOYALTY_CARD)).ifPresent(value -> hints.add(IdentifierHint.loyaltyCard(value)));
    }

    private static Optional<String> text(Object value) {
        return JsonValues.text(value).filter(text -> text.length() <= IdentifierHint.MAX_VALUE_LENGTH);
    }
}
