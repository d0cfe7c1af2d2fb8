package com.monstermart.cdp.identity.resolution;

import static java.util.Objects.requireNonNull;

import com.monstermart.cdp.event.CanonicalEvent;
import com.monstermart.cdp.event.CanonicalIdentifier;
import com.monstermart.cdp.event.EventType;
import com.monstermart.cdp.event.IdentifierNormaliser;
import com.monstermart.cdp.identity.core.golden.TraitObservation;
import com.monstermart.cdp.identity.core.identifier.TraitNormalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The traits of an event used for fuzzy matching, normalised for comparison (names, date of birth, street, postcode,
 * city, phone, email local part). They stay in memory; stored golden records hold them as vault ciphertext. A group
 * event's traits describe the group (its name, address, phone), not the customer, so they give none.
 */
public final class MatchTraits {
    private final TraitNormalizer traits;
    private final IdentifierNormaliser identifiers;

    public MatchTraits(TraitNormalizer traits, IdentifierNormaliser identifiers) {
        this.traits = requireNonNull(traits, "traits is null");
        this.identifiers = requireNonNull(identifiers, "identifiers is null");
    }

    public List<TraitObservation> of(CanonicalEvent event) {
        List<TraitObservation> out = new ArrayList<>();
        Map<String, Object> values = event.traits();
        if (values.isEmpty() || event.type() == EventType.GROUP) {
            return out;
        }
        String source = event.context().source().id();
        Instant at = event.timestamp();
        text(values, "firstName")
                .flatMap(value -> traits.name("given_name", value).toOptional())
                .ifPresent(value -> out.add(new TraitObservation("given_name", value, source, at)));
        text(values, "lastName")
                .flatMap(value -> traits.name("family_name", value).toOptional())
                .ifPresent(value -> out.add(new TraitObservation("family_name", value, source, at)));
        text(values, "birthday")
                .flatMap(value -> traits.dateOfBirth(value.length() > 10 ? value.substring(0, 10) : value)
                        .toOptional())
                .ifPresent(value -> out.add(new TraitObservation("date_of_birth", value.toString(), source, at)));
        if (values.get("address") instanceof Map<?, ?> address) {
            text(address, "street")
                    .flatMap(value -> traits.address(value).toOptional())
                    .ifPresent(value -> out.add(new TraitObservation("address", value, source, at)));
            text(address, "postalCode")
                    .flatMap(value -> traits.postcode(value).toOptional())
                    .ifPresent(value -> out.add(new TraitObservation("postcode", value, source, at)));
            text(address, "city")
                    .flatMap(value -> traits.name("city", value).toOptional())
                    .ifPresent(value -> out.add(new TraitObservation("city", value, source, at)));
        }
        text(values, "phone")
                .flatMap(value -> identifiers.phone(value).toOptional())
                .ifPresent(value -> out.add(new TraitObservation("phone", value.value(), source, at)));
        text(values, "email")
                .flatMap(value -> identifiers.email(value).toOptional())
                .map(CanonicalIdentifier::value)
                .ifPresent(value -> out.add(
                        new TraitObservation("email_local", value.substring(0, value.indexOf('@')), source, at)));
        return out;
    }

    private static Optional<String> text(Map<?, ?> values, String key) {
        Object value = values.get(key);
        return value == null ? Optional.empty() : Optional.of(value.toString()).filter(text -> !text.isBlank());
    }
}
