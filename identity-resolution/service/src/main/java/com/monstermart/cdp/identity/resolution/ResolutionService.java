package com.monstermart.cdp.identity.resolution;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.monstermart.cdp.event.CanonicalEvent;
import com.monstermart.cdp.event.EventJson;
import com.monstermart.cdp.event.IdentifierHint;
import com.monstermart.cdp.identity.core.graph.IdentityChange;
import com.monstermart.cdp.identity.core.graph.Observation;
import com.monstermart.cdp.identity.core.graph.ResolutionOutcome;
import com.monstermart.cdp.identity.core.identifier.Identifier;
import com.monstermart.cdp.identity.core.pipeline.IdentityPipeline;
import com.monstermart.cdp.identity.core.rules.ResolutionRules;
import com.monstermart.cdp.pii.vault.api.PiiVault;
import com.monstermart.cdp.pii.vault.api.SubjectId;
import com.monstermart.cdp.pii.vault.api.SubjectMerge;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Resolves a batch of raw events into the records to publish: resolved events (with profileId, PII encrypted) and
 * identity changes. Framework-free: the Kafka loop, tests and the benchmark harness call it alike.
 */
public final class ResolutionService {
    /** The event codec's mapper, copied once ({@code EventJson.mapper()} copies it on every call). */
    private static final ObjectMapper MAPPER = EventJson.mapper();

    private final IdentifierProtector protector;
    private final MatchTraits matchTraits;
    private final ForgetList forgetList;
    private final IdentityPipeline pipeline;
    private final Supplier<ResolutionRules> rules;
    private final EventProtector eventProtector;
    private final PiiVault vault;
    private final String resolvedTopic;
    private final String changesTopic;

    public ResolutionService(
            IdentifierProtector protector,
            MatchTraits matchTraits,
            ForgetList forgetList,
            IdentityPipeline pipeline,
            Supplier<ResolutionRules> rules,
            EventProtector eventProtector,
            PiiVault vault,
            String resolvedTopic,
            String changesTopic) {
        this.protector = requireNonNull(protector, "protector is null");
        this.matchTraits = requireNonNull(matchTraits, "matchTraits is null");
        this.forgetList = requireNonNull(forgetList, "forgetList is null");
        this.pipeline = requireNonNull(pipeline, "pipeline is null");
        this.rules = requireNonNull(rules, "rules is null");
        this.eventProtector = requireNonNull(eventProtector, "eventProtector is null");
        this.vault = requireNonNull(vault, "vault is null");
        this.resolvedTopic = requireNonNull(resolvedTopic, "resolvedTopic is null");
        this.changesTopic = requireNonNull(changesTopic, "changesTopic is null");
    }

    /** A record to publish. */
    public record Outgoing(String topic, String key, byte[] value) {}

    /** What happened to the events of a batch, for metrics. */
    public enum Fate {
        RESOLVED,
        DUPLICATE,
        UNRESOLVED,
        FORGOTTEN
    }

    /**
     * The records to publish and the counts.
     *
     * @param invalidIdentifiers identifiers dropped by normalisation, by identifier type
     * @param blockedIdentifiers identifiers dropped by a blocked value or pattern (checked on plaintext)
     */
    public record Result(
            List<Outgoing> records,
            Map<Fate, Integer> fates,
            Map<String, Integer> invalidIdentifiers,
            int blockedIdentifiers,
            int merges) {}

    public Result resolve(List<CanonicalEvent> events) {
        ResolutionRules current = rules.get();
        Map<String, Integer> invalid = new LinkedHashMap<>();
        int blocked = 0;
        List<Map<IdentifierHint, Identifier>> graphIds = new ArrayList<>(events.size());
        Set<String> allKeys = new HashSet<>();
        List<List<String>> keysOf = new ArrayList<>(events.size());
        for (CanonicalEvent event : events) {
            Map<IdentifierHint, Identifier> mapped = new LinkedHashMap<>();
            List<String> keys = new ArrayList<>();
            for (IdentifierHint hint : event.identifiers()) {
                IdentifierProtector.Protected identifier;
                switch (protector.protect(hint)) {
                    case IdentifierProtector.Rejected rejected -> {
                        invalid.merge(rejected.invalid().type().wireName(), 1, Integer::sum);
                        continue;
                    }
                    case IdentifierProtector.Protected protectedIdentifier -> identifier = protectedIdentifier;
                }
                if (current.blockReason(identifier.plaintext()).isPresent()) {
                    blocked++;
                    continue;
                }
                mapped.put(hint, identifier.graph());
                String key = protector.forgetKey(identifier.graph());
                keys.add(key);
                allKeys.add(key);
            }
            graphIds.add(mapped);
            keysOf.add(keys);
        }
        Set<String> forgotten = allKeys.isEmpty() ? Set.of() : forgetList.forgotten(allKeys);
        Map<Fate, Integer> fates = new EnumMap<>(Fate.class);
        List<IdentityPipeline.Input> inputs = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            if (keysOf.get(i).stream().anyMatch(forgotten::contains)) {
                fates.merge(Fate.FORGOTTEN, 1, Integer::sum);
                continue;
            }
            CanonicalEvent event = events.get(i);
            inputs.add(new IdentityPipeline.Input(
                    new Observation(
                            event.messageId(),
                            event.timestamp(),
                            event.context().source().id(),
                            List.copyOf(new java.util.LinkedHashSet<>(
                                    graphIds.get(i).values()))),
                    matchTraits.of(event)));
            positions.add(i);
        }
        List<IdentityPipeline.Output> outputs = inputs.isEmpty() ? List.of() : pipeline.process(inputs);
        // Per-subject keys, for the profiles whose events carry personal data (the vault skips
        // subjects that have one).
        Set<SubjectId> subjects = new HashSet<>();
        Set<UUID> createdHere = new HashSet<>();
        for (int j = 0; j < outputs.size(); j++) {
            IdentityPipeline.Output output = outputs.get(j);
            int i = positions.get(j);
            if (output.profileId().isPresent() && eventProtector.encrypts(events.get(i), graphIds.get(i))) {
                subjects.add(SubjectId.of(output.profileId().get().toString()));
            }
            for (IdentityChange change : output.changes()) {
                if (change instanceof IdentityChange.ProfileCreated created) {
                    createdHere.add(created.profileId());
                }
            }
        }
        if (!subjects.isEmpty()) {
            // Keys of the batch's subjects: read, created where missing and cached in a few round trips, so that the
            // encryptions below make none.
            vault.prepareKeys(subjects);
        }
        List<Outgoing> records = new ArrayList<>();
        List<SubjectMerge> vaultMerges = new ArrayList<>();
        int merges = 0;
        for (int j = 0; j < outputs.size(); j++) {
            IdentityPipeline.Output output = outputs.get(j);
            for (IdentityChange change : output.changes()) {
                if (change instanceof IdentityChange.ProfilesMerged merged) {
                    // A profile created and merged away within this batch never had a key: its events are published
                    // under the survivor, and other consumers only ever saw it merged (the graph commit came first).
                    if (!createdHere.contains(merged.merged())) {
                        vaultMerges.add(SubjectMerge.of(
                                SubjectId.of(merged.profileId().toString()),
                                SubjectId.of(merged.merged().toString())));
                    }
                    merges++;
                }
                records.add(new Outgoing(changesTopic, change.profileId().toString(), json(ChangeMessages.of(change))));
            }
            if (output.profileId().isEmpty()) {
                fates.merge(Fate.UNRESOLVED, 1, Integer::sum);
                continue;
            }
            fates.merge(
                    output.resolution().outcome() == ResolutionOutcome.DUPLICATE ? Fate.DUPLICATE : Fate.RESOLVED,
                    1,
                    Integer::sum);
            int i = positions.get(j);
            UUID profileId = output.profileId().get();
            records.add(new Outgoing(
                    resolvedTopic,
                    profileId.toString(),
                    json(eventProtector.protect(events.get(i), profileId, graphIds.get(i)))));
        }
        // Every merge of the batch in one vault statement; order does not matter (a ring covers the subjects merged
        // into
        // it, transitively). It runs before the batch is published, so a consumer that reads a merged profile's
        // ciphertext under the survivor finds its key in the survivor's ring.
        vault.mergeAll(vaultMerges);
        return new Result(records, fates, invalid, blocked, merges);
    }

    private static byte[] json(ObjectNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A JSON tree could not be written", e);
        }
    }
}
