package com.monstermart.cdp.profile.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.monstermart.cdp.event.EventJson;
import com.monstermart.cdp.event.IdentifierNormaliser;
import com.monstermart.cdp.event.InvalidIdentifierException;
import com.monstermart.cdp.event.JsonValues;
import com.monstermart.cdp.event.StoredIdentifier;
import com.monstermart.cdp.pii.vault.api.AccessContext;
import com.monstermart.cdp.pii.vault.api.PiiVault;
import com.monstermart.cdp.profile.config.ApiConfig;
import com.monstermart.cdp.profile.core.IdentifierKey;
import com.monstermart.cdp.profile.core.ProfileState;
import com.monstermart.cdp.profile.core.ProfileStatus;
import com.monstermart.cdp.profile.core.ProfileStoreErrorCode;
import com.monstermart.cdp.profile.core.ProfileStoreException;
import com.monstermart.cdp.profile.core.RecentEvent;
import com.monstermart.cdp.profile.core.pii.Disclosure;
import com.monstermart.cdp.profile.core.pii.PiiAccessPolicy;
import com.monstermart.cdp.profile.core.pii.PiiFields;
import com.monstermart.cdp.profile.persistence.PostgresHotStore;
import com.monstermart.cdp.profile.rest.ProfileResponse.EventResponse;
import com.monstermart.cdp.profile.rest.ProfileResponse.IdentifierResponse;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Answers the profile API from the hot store, showing personal values as the caller may see them. */
@Singleton
public class ProfileApi {
    private static final ObjectMapper JSON = EventJson.mapper();
    private static final int MAXIMUM_HOPS = 16;

    private final PostgresHotStore hotStore;
    private final Optional<PiiVault> vault;
    private final PiiAccessPolicy policy;
    private final PiiFields fields;
    private final ApiConfig config;
    private final IdentifierNormaliser identifiers;

    public ProfileApi(
            PostgresHotStore hotStore,
            Optional<PiiVault> vault,
            PiiAccessPolicy policy,
            PiiFields fields,
            ApiConfig config,
            IdentifierNormaliser identifiers) {
        this.identifiers = identifiers;
        this.hotStore = hotStore;
        this.vault = vault;
        this.policy = policy;
        this.fields = fields;
        this.config = config;
    }

    /** A profile by id; a merged id answers with its survivor. */
    public ProfileResponse profile(String requestedId, SecurityIdentity caller, Optional<String> purpose) {
        ProfileState state = resolve(requestedId);
        List<String> ids = new ArrayList<>();
        ids.add(state.profileId());
        List<String> merged = hotStore.mergedIds(state.profileId());
        ids.addAll(merged);
        Disclosure disclosure = disclosure(caller, purpose);
        Map<String, Object> traits = new java.util.LinkedHashMap<>();
        state.traitValues()
                .forEach((key, value) -> traits.put(key, disclosure.show(state.profileId(), "traits." + key, value)));
        List<EventResponse> events = events(hotStore.recentEvents(ids, config.profileEvents()), disclosure);
        boolean erased = state.status() == ProfileStatus.ERASED || disclosure.erasedSeen();
        return new ProfileResponse(
                state.profileId(),
                requestedId,
                state.status().wireName(),
                merged,
                erased,
                disclosure.revealsPlaintext() ? "revealed" : "masked",
                state.firstSeenAt().orElse(null),
                state.lastSeenAt().orElse(null),
                state.eventCount(),
                state.orderCount(),
                state.lifetimeRevenue(),
                state.lastOrderAt().orElse(null),
                traits,
                identifiers(state),
                events);
    }

    /** The profile an identifier belongs to, by its blind index. */
    public ProfileResponse byBlindIndex(
            String type, String namespace, String blindIndex, SecurityIdentity caller, Optional<String> purpose) {
        String owner = hotStore.owner(new IdentifierKey(type, namespace, blindIndex))
                .orElseThrow(() -> new ProfileStoreException(
                        ProfileStoreErrorCode.IDENTIFIER_NOT_FOUND,
                        "No profile has a %s identifier with that blind index in namespace %s"
                                .formatted(type, namespace)));
        return profile(owner, caller, purpose);
    }

    /**
     * The profile an identifier belongs to, by its value: parsed and normalised by the platform's identifier vocabulary
     * and turned into its stored form by the vault (a blind index for personal types) — the very form identity
     * resolution published — never stored or logged.
     */
    public ProfileResponse byValue(
            String type, String namespace, String value, SecurityIdentity caller, Optional<String> purpose) {
        PiiVault piiVault = vault.orElseThrow(() -> new ProfileStoreException(
                ProfileStoreErrorCode.INVALID_REQUEST,
                "Lookups by value need the PII vault, which is disabled here: look up by blind index instead"));
        StoredIdentifier stored;
        try {
            stored = piiVault.storedForm(identifiers.lookup(type, namespace, value));
        } catch (InvalidIdentifierException e) {
            throw new ProfileStoreException(ProfileStoreErrorCode.INVALID_REQUEST, e.getMessage(), e);
        }
        return byBlindIndex(stored.type().wireName(), stored.namespace(), stored.value(), caller, purpose);
    }

    /** The newest events of a profile (and of the profiles merged into it). */
    public List<EventResponse> events(
            String requestedId, int limit, SecurityIdentity caller, Optional<String> purpose) {
        if (limit < 1 || limit > config.maximumEvents()) {
            throw new ProfileStoreException(
                    ProfileStoreErrorCode.INVALID_REQUEST,
                    "limit must be between 1 and %d, not %d".formatted(config.maximumEvents(), limit));
        }
        ProfileState state = resolve(requestedId);
        List<String> ids = new ArrayList<>();
        ids.add(state.profileId());
        ids.addAll(hotStore.mergedIds(state.profileId()));
        return events(hotStore.recentEvents(ids, limit), disclosure(caller, purpose));
    }

    public List<IdentifierResponse> identifiers(String requestedId) {
        return identifiers(resolve(requestedId));
    }

    private ProfileState resolve(String requestedId) {
        String id = requestedId;
        for (int hop = 0; hop < MAXIMUM_HOPS; hop++) {
            String current = id;
            ProfileState state = hotStore.profile(current)
                    .orElseThrow(() -> new ProfileStoreException(
                            ProfileStoreErrorCode.PROFILE_NOT_FOUND,
                            "No profile %s: check the id, or wait a few seconds if its first event was just sent"
                                    .formatted(current)));
            if (state.status() != ProfileStatus.MERGED || state.mergedInto().isEmpty()) {
                return state;
            }
            id = state.mergedInto().get();
        }
        throw new ProfileStoreException(
                ProfileStoreErrorCode.INTERNAL,
                "Profile %s has a merge chain longer than %d".formatted(requestedId, MAXIMUM_HOPS));
    }

    private Disclosure disclosure(SecurityIdentity caller, Optional<String> purpose) {
        Optional<String> stated = purpose.map(String::strip).filter(text -> !text.isEmpty());
        if (vault.isEmpty() || stated.isEmpty() || !policy.mayReveal(caller.getRoles())) {
            return Disclosure.masking(fields);
        }
        AccessContext access = AccessContext.of("user:" + caller.getPrincipal().getName(), stated.get());
        return Disclosure.revealing(vault.get().reader(access), fields);
    }

    private static List<IdentifierResponse> identifiers(ProfileState state) {
        return state.identifiers().entrySet().stream()
                .map(entry -> new IdentifierResponse(
                        entry.getKey().type(),
                        entry.getKey().namespace(),
                        entry.getKey().blindIndex(),
                        entry.getValue().sourceId(),
                        entry.getValue().firstSeenAt(),
                        entry.getValue().lastSeenAt()))
                .toList();
    }

    @SuppressWarnings("unchecked")
    private static List<EventResponse> events(List<RecentEvent> events, Disclosure disclosure) {
        List<EventResponse> responses = new ArrayList<>(events.size());
        for (RecentEvent event : events) {
            Map<String, Object> properties;
            try {
                properties = (Map<String, Object>) JsonValues.fromJson(JSON.readTree(event.propertiesJson()), "$");
            } catch (JsonProcessingException e) {
                properties = Map.of();
            }
            responses.add(new EventResponse(
                    event.messageId(),
                    event.profileId(),
                    event.occurredAt(),
                    event.type(),
                    event.name().orElse(null),
                    event.sourceId(),
                    (Map<String, Object>) disclosure.show(event.profileId(), "properties", properties)));
        }
        return responses;
    }
}
