package com.monstermart.cdp.identity.resolution;

import static java.util.Objects.requireNonNull;

import com.monstermart.cdp.event.IdentifierHint;
import com.monstermart.cdp.identity.core.identifier.Identifier;
import com.monstermart.cdp.identity.core.identifier.IdentifierNormalizer;
import com.monstermart.cdp.identity.core.identifier.IdentifierType;
import com.monstermart.cdp.identity.core.identifier.Normalized;
import com.monstermart.cdp.pii.vault.api.IdentifierKind;
import com.monstermart.cdp.pii.vault.api.NormalisedIdentifier;
import com.monstermart.cdp.pii.vault.api.PiiVault;

/**
 * Turns an event's identifier hints into graph identifiers: normalised (core rules), and for personal types
 * (email, phone, loyalty card) replaced by the vault's blind index, so the graph never stores plaintext PII.
 *
 * <p>Mapping from the event model: {@code customer_id} of a namespace is that namespace's user id; anonymous ids are
 * namespaced in events and become {@code namespace/value} in the graph.
 */
public final class IdentifierProtector {
    private static final IdentifierKind LOYALTY_CARD = new IdentifierKind("loyalty_card");
    private static final IdentifierKind IDENTITY_KEY = new IdentifierKind("identity_key");

    private final IdentifierNormalizer normalizer;
    private final PiiVault vault;

    public IdentifierProtector(IdentifierNormalizer normalizer, PiiVault vault) {
        this.normalizer = requireNonNull(normalizer, "normalizer is null");
        this.vault = requireNonNull(vault, "vault is null");
    }

    /** A hint normalised: its plaintext identifier (for rules on values) and the graph identifier. */
    public record Protected(Identifier plaintext, Identifier graph) {}

    public Normalized<Protected> protect(IdentifierHint hint) {
        Normalized<Identifier> plain =
                switch (hint.type()) {
                    case USER_ID, CUSTOMER_ID ->
                        normalizer.normalize(IdentifierType.USER_ID, hint.namespace(), hint.value());
                    case ANONYMOUS_ID ->
                        normalizer.normalize(
                                IdentifierType.ANONYMOUS_ID,
                                hint.namespace() + "/" + hint.value().strip());
                    case EMAIL -> normalizer.normalize(IdentifierType.EMAIL, hint.value());
                    case PHONE -> normalizer.normalize(IdentifierType.PHONE, hint.value());
                    case DEVICE_ID -> normalizer.normalize(IdentifierType.DEVICE_ID, hint.value());
                    case LOYALTY_CARD -> normalizer.normalize(IdentifierType.LOYALTY_CARD, hint.value());
                };
        if (plain instanceof Normalized.Invalid<Identifier> invalid) {
            return Normalized.invalid(invalid.field(), invalid.reason());
        }
        Identifier identifier = plain.orElseThrow();
        return Normalized.valid(new Protected(identifier, blind(identifier)));
    }

    /** The graph form of a normalised identifier: personal values replaced by their blind index. */
    public Identifier blind(Identifier identifier) {
        IdentifierKind kind =
                switch (identifier.type()) {
                    case EMAIL -> IdentifierKind.EMAIL;
                    case PHONE -> IdentifierKind.PHONE;
                    case LOYALTY_CARD -> LOYALTY_CARD;
                    default -> null;
                };
        if (kind == null) {
            return identifier;
        }
        String index = vault.blindIndex(new NormalisedIdentifier(kind, identifier.value()))
                .text();
        return new Identifier(identifier.type(), identifier.namespace(), index);
    }

    /** The forget-list key of a graph identifier: a blind index of its whole key. */
    public String forgetKey(Identifier graphIdentifier) {
        return vault.blindIndex(new NormalisedIdentifier(IDENTITY_KEY, graphIdentifier.key()))
                .text();
    }

    /** The event-model form of a graph identifier (for messages): type, namespace, value. */
    public static IdentifierHint hint(Identifier graphIdentifier) {
        return switch (graphIdentifier.type()) {
            case USER_ID -> IdentifierHint.userId(graphIdentifier.namespace(), graphIdentifier.value());
            case ANONYMOUS_ID -> {
                String value = graphIdentifier.value();
                int slash = value.indexOf('/');
                yield slash > 0
                        ? IdentifierHint.anonymousId(value.substring(0, slash), value.substring(slash + 1))
                        : IdentifierHint.anonymousId("unknown", value);
            }
            case EMAIL -> IdentifierHint.email(graphIdentifier.value());
            case PHONE -> IdentifierHint.phone(graphIdentifier.value());
            case DEVICE_ID -> IdentifierHint.deviceId(graphIdentifier.value());
            case LOYALTY_CARD -> IdentifierHint.loyaltyCard(graphIdentifier.value());
        };
    }
}
