package com.monstermart.cdp.identity.resolution;

import static java.util.Objects.requireNonNull;

import com.monstermart.cdp.event.BlindIndexInput;
import com.monstermart.cdp.event.CanonicalIdentifier;
import com.monstermart.cdp.event.IdentifierHint;
import com.monstermart.cdp.event.IdentifierNormalisation;
import com.monstermart.cdp.event.IdentifierNormaliser;
import com.monstermart.cdp.identity.core.identifier.Identifier;
import com.monstermart.cdp.pii.vault.api.PiiVault;

/**
 * Turns identifiers into graph identifiers through the platform's identifier vocabulary (event-model): the canonical
 * form ({@link IdentifierNormaliser}), then the stored form ({@link PiiVault#storedForm}: a blind index for personal
 * types), so the graph never holds plaintext PII and holds exactly what every lookup computes. Events' hints and
 * lookups' {@code {type, namespace, value}} take the same path.
 */
public final class IdentifierProtector {
    /** The blind-index label of forget-list keys (the graph key of a forgotten identifier). */
    static final String FORGET_KEY_LABEL = "identity_key";

    private final IdentifierNormaliser normaliser;
    private final PiiVault vault;

    public IdentifierProtector(IdentifierNormaliser normaliser, PiiVault vault) {
        this.normaliser = requireNonNull(normaliser, "normaliser is null");
        this.vault = requireNonNull(vault, "vault is null");
    }

    /** What became of a hint. */
    public sealed interface Outcome permits Protected, Rejected {}

    /**
     * A hint normalised.
     *
     * @param plaintext the graph node with the canonical plaintext value (for rules on values; never stored)
     * @param graph the graph node as stored (blind index for personal types)
     */
    public record Protected(Identifier plaintext, Identifier graph) implements Outcome {}

    /** A hint without a canonical form. */
    public record Rejected(IdentifierNormalisation.Invalid invalid) implements Outcome {}

    public Outcome protect(IdentifierHint hint) {
        return switch (normaliser.normalise(hint)) {
            case IdentifierNormalisation.Invalid invalid -> new Rejected(invalid);
            case IdentifierNormalisation.Valid valid -> protect(valid.identifier());
        };
    }

    /**
     * The graph node of an identifier named in a request: {@link IdentifierNormaliser#lookup}, then the stored form.
     *
     * @throws com.monstermart.cdp.event.InvalidIdentifierException when the type is unknown or the value invalid
     */
    public Identifier lookup(String type, String namespace, String value) {
        return protect(normaliser.lookup(type, namespace, value)).graph();
    }

    /** The forget-list key of a graph identifier: a blind index of its whole key. */
    public String forgetKey(Identifier graphIdentifier) {
        return vault.blindIndex(new BlindIndexInput(FORGET_KEY_LABEL, graphIdentifier.key()))
                .text();
    }

    private Protected protect(CanonicalIdentifier identifier) {
        return new Protected(Identifier.of(identifier), Identifier.of(vault.storedForm(identifier)));
    }
}
