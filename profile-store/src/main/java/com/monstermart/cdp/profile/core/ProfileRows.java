package com.monstermart.cdp.profile.core;

import com.monstermart.cdp.event.IdentifierType;
import com.monstermart.cdp.profile.core.ProfileStoreTables.History;
import com.monstermart.cdp.profile.core.ProfileStoreTables.Identities;
import com.monstermart.cdp.profile.core.ProfileStoreTables.Profiles;
import com.monstermart.cdp.profile.core.ProfileStoreTables.Traits;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;

/** Rows of {@code profiles}, {@code profile_history} and {@code identities} from profile states. */
public final class ProfileRows {
    private static final Row.Layout PROFILES = Row.layout(ProfileStoreTables.profiles());
    private static final Row.Layout HISTORY = Row.layout(ProfileStoreTables.profileHistory());
    private static final Row.Layout IDENTITIES = Row.layout(ProfileStoreTables.identities());

    private ProfileRows() {}

    public static Row profile(ProfileState state, Instant updatedAt) {
        Map<String, Object> traits = state.traitValues();
        Row row = Row.of(PROFILES)
                .set(Profiles.PROFILE_ID, state.profileId())
                .set(Profiles.STATUS, state.status().wireName())
                .set(Profiles.MERGED_INTO, state.mergedInto().orElse(null))
                .set(Profiles.FIRST_SEEN_AT, state.firstSeenAt().orElse(null))
                .set(Profiles.LAST_SEEN_AT, state.lastSeenAt().orElse(null))
                .set(Profiles.EVENT_COUNT, state.eventCount())
                .set(Profiles.ORDER_COUNT, state.orderCount())
                .set(Profiles.LIFETIME_REVENUE, JsonLike.toCents(state.lifetimeRevenue()))
                .set(Profiles.LAST_ORDER_AT, state.lastOrderAt().orElse(null))
                .set(
                        Profiles.EMAIL_BLIND_INDEX,
                        latest(state, IdentifierType.EMAIL).orElse(null))
                .set(
                        Profiles.PHONE_BLIND_INDEX,
                        latest(state, IdentifierType.PHONE).orElse(null))
                .set(Profiles.IDENTIFIER_COUNT, state.identifiers().size())
                .set(Profiles.VERSION, state.version())
                .set(Profiles.UPDATED_AT, updatedAt);
        setTraitColumns(row, traits);
        return row;
    }

    /**
     * A history row.
     *
     * @param validTo the start of the next version, or null for the current version
     */
    public static Row history(String profileId, HistoryVersion version, Instant validTo) {
        Row row = Row.of(HISTORY)
                .set(History.PROFILE_ID, profileId)
                .set(History.VERSION, version.version())
                .set(History.VALID_FROM, version.validFrom())
                .set(History.VALID_TO, validTo)
                .set(History.IS_CURRENT, validTo == null)
                .set(History.CHANGE, version.change())
                .set(History.STATUS, version.status().wireName())
                .set(History.MERGED_INTO, version.mergedInto().orElse(null));
        setTraitColumns(row, version.traits());
        return row;
    }

    public static Row identity(IdentifierKey key, String profileId, IdentifierSeen seen) {
        return Row.of(IDENTITIES)
                .set(Identities.IDENTIFIER_TYPE, key.type())
                .set(Identities.NAMESPACE, key.namespace())
                .set(Identities.BLIND_INDEX, key.blindIndex())
                .set(Identities.PROFILE_ID, profileId)
                .set(Identities.SOURCE_ID, seen.sourceId())
                .set(Identities.FIRST_SEEN_AT, seen.firstSeenAt())
                .set(Identities.LAST_SEEN_AT, hour(seen.lastSeenAt()));
    }

    public static Map<String, Object> identityKey(IdentifierKey key) {
        return Map.of(
                Identities.IDENTIFIER_TYPE, key.type(),
                Identities.NAMESPACE, key.namespace(),
                Identities.BLIND_INDEX, key.blindIndex());
    }

    /** Last-seen times are written at hourly precision, so a busy identifier is not rewritten on every event. */
    public static Instant hour(Instant at) {
        return at.truncatedTo(java.time.temporal.ChronoUnit.HOURS);
    }

    private static Optional<String> latest(ProfileState state, IdentifierType type) {
        return state.identifiers().entrySet().stream()
                .filter(entry -> entry.getKey().type().equals(type.wireName()))
                .max(Comparator.comparing((Map.Entry<IdentifierKey, IdentifierSeen> entry) ->
                                entry.getValue().lastSeenAt())
                        .thenComparing(Map.Entry::getKey))
                .map(entry -> entry.getKey().blindIndex());
    }

    private static void setTraitColumns(Row row, Map<String, Object> traits) {
        Map<String, Object> address = JsonLike.object(traits, "address").orElse(Map.of());
        row.set(Traits.EMAIL, JsonLike.text(traits, "email").orElse(null))
                .set(Traits.PHONE, JsonLike.text(traits, "phone").orElse(null))
                .set(Traits.FIRST_NAME, JsonLike.text(traits, "firstName").orElse(null))
                .set(Traits.LAST_NAME, JsonLike.text(traits, "lastName").orElse(null))
                .set(Traits.NAME, JsonLike.text(traits, "name").orElse(null))
                .set(Traits.BIRTHDAY, JsonLike.text(traits, "birthday").orElse(null))
                .set(Traits.GENDER, JsonLike.text(traits, "gender").orElse(null))
                .set(Traits.STREET, JsonLike.text(address, "street").orElse(null))
                .set(Traits.CITY, JsonLike.text(address, "city").orElse(null))
                .set(Traits.POSTAL_CODE, JsonLike.text(address, "postalCode").orElse(null))
                .set(Traits.STATE, JsonLike.text(address, "state").orElse(null))
                .set(
                        Traits.COUNTRY,
                        JsonLike.text(address, "country")
                                .or(() -> JsonLike.text(traits, "country"))
                                .orElse(null))
                .set(Traits.LOYALTY_CARD, JsonLike.text(traits, "loyaltyCard").orElse(null))
                .set(Traits.TRAITS, Json.writeOrNull(traits));
    }
}
