package com.monstermart.cdp.pii.vault.store;

import static java.util.Objects.requireNonNull;

import com.monstermart.cdp.pii.vault.api.KeyId;
import com.monstermart.cdp.pii.vault.api.ShredRequest;
import com.monstermart.cdp.pii.vault.api.SubjectId;
import com.monstermart.cdp.pii.vault.api.SubjectMerge;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A key store in this process's memory, behaving like {@link PostgresSubjectKeyStore} (the same contract tests run
 * against both). For tests and benchmarks; never for data that must survive the process.
 */
public final class InMemorySubjectKeyStore implements SubjectKeyStore {
    private final Clock clock;
    private final Map<SubjectId, StoredKey> keys = new HashMap<>();
    private final Map<SubjectId, Set<SubjectId>> links = new HashMap<>();
    private final List<KeyEvent> events = new ArrayList<>();
    private final Set<String> keks = new LinkedHashSet<>();
    private final Set<String> retiredKeks = new LinkedHashSet<>();
    private final Map<String, WrappedKey> indexKeys = new LinkedHashMap<>();
    private long counter;

    public InMemorySubjectKeyStore() {
        this(Clock.systemUTC());
    }

    public InMemorySubjectKeyStore(Clock clock) {
        this.clock = requireNonNull(clock, "clock is null");
    }

    @Override
    public synchronized List<StoredKey> ring(SubjectId subject) {
        List<StoredKey> ring = new ArrayList<>();
        for (SubjectId member : members(subject)) {
            StoredKey key = keys.get(member);
            if (key != null) {
                ring.add(key);
            }
        }
        return ring;
    }

    @Override
    public synchronized Map<SubjectId, List<StoredKey>> rings(Collection<SubjectId> subjects) {
        Map<SubjectId, List<StoredKey>> rings = new LinkedHashMap<>();
        for (SubjectId subject : subjects) {
            rings.put(subject, ring(subject));
        }
        return rings;
    }

    /** The subject, then every subject merged into it, breadth first, each once. */
    private Set<SubjectId> members(SubjectId subject) {
        Set<SubjectId> members = new LinkedHashSet<>();
        Deque<SubjectId> pending = new ArrayDeque<>();
        pending.add(subject);
        while (!pending.isEmpty()) {
            SubjectId next = pending.poll();
            if (members.add(next)) {
                pending.addAll(links.getOrDefault(next, Set.of()));
            }
        }
        return members;
    }

    @Override
    public synchronized List<KeyId> allocateKeyIds(int count) {
        List<KeyId> ids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ids.add(KeyIds.fromCounter(++counter));
        }
        return ids;
    }

    @Override
    public synchronized StoredKey insertIfAbsent(NewKey key) {
        requireRegistered(key.wrapped().kekId());
        return keys.computeIfAbsent(key.subject(), subject -> StoredKey.live(key.keyId(), subject, key.wrapped()));
    }

    @Override
    public synchronized int insertAllIfAbsent(List<NewKey> newKeys) {
        int inserted = 0;
        for (NewKey key : newKeys) {
            requireRegistered(key.wrapped().kekId());
            if (!keys.containsKey(key.subject())) {
                keys.put(key.subject(), StoredKey.live(key.keyId(), key.subject(), key.wrapped()));
                inserted++;
            }
        }
        return inserted;
    }

    @Override
    public synchronized KeyEvent shred(SubjectId subject, ShredRequest request) {
        Instant now = clock.instant();
        if (!keys.containsKey(subject)) {
            keys.put(subject, StoredKey.shredded(allocateKeyIds(1).getFirst(), subject, now));
        }
        List<KeyId> destroyed = new ArrayList<>();
        for (SubjectId member : members(subject)) {
            StoredKey key = keys.get(member);
            if (key != null && key.isLive()) {
                keys.put(member, StoredKey.shredded(key.keyId(), member, now));
                destroyed.add(key.keyId());
            }
        }
        return append(
                KeyEvent.Kind.SHRED,
                subject,
                Optional.empty(),
                destroyed,
                Optional.of(request.requestedBy()),
                Optional.of(request.reason()),
                now);
    }

    private KeyEvent append(
            KeyEvent.Kind kind,
            SubjectId subject,
            Optional<SubjectId> other,
            List<KeyId> keyIds,
            Optional<String> requestedBy,
            Optional<String> reason,
            Instant at) {
        KeyEvent event = new KeyEvent(events.size() + 1L, kind, subject, other, keyIds, requestedBy, reason, at);
        events.add(event);
        return event;
    }

    @Override
    public synchronized boolean link(SubjectId surviving, SubjectId merged) {
        if (surviving.equals(merged)) {
            throw new IllegalArgumentException("A subject cannot be merged into itself: " + surviving);
        }
        return links.computeIfAbsent(surviving, subject -> new LinkedHashSet<>())
                .add(merged);
    }

    @Override
    public synchronized int linkAll(Collection<SubjectMerge> merges) {
        int recorded = 0;
        for (SubjectMerge merge : merges) {
            if (link(merge.surviving(), merge.merged())) {
                recorded++;
            }
        }
        return recorded;
    }

    @Override
    public synchronized Optional<KeyEvent> unlink(SubjectId surviving, SubjectId merged) {
        Set<SubjectId> merges = links.get(surviving);
        if (merges == null || !merges.remove(merged)) {
            return Optional.empty();
        }
        return Optional.of(append(
                KeyEvent.Kind.UNMERGE,
                surviving,
                Optional.of(merged),
                List.of(),
                Optional.empty(),
                Optional.empty(),
                clock.instant()));
    }

    @Override
    public synchronized List<KeyEvent> events(SubjectId subject, KeyEvent.Kind kind) {
        return events.stream()
                .filter(event -> event.subject().equals(subject) && event.kind() == kind)
                .toList();
    }

    @Override
    public synchronized List<KeyEvent> eventsAfter(long sequence, int limit) {
        return events.stream()
                .filter(event -> event.sequence() > sequence)
                .limit(limit)
                .toList();
    }

    @Override
    public synchronized long lastEventSequence() {
        return events.size();
    }

    @Override
    public synchronized void registerKek(String kekId) {
        keks.add(requireNonNull(kekId, "kekId is null"));
        retiredKeks.remove(kekId);
    }

    @Override
    public synchronized long rewrapSubjectKeys(
            String targetKekId, int batchSize, Function<StoredKey, WrappedKey> rewrap) {
        requireRegistered(targetKekId);
        long rewrapped = 0;
        for (Map.Entry<SubjectId, StoredKey> entry : keys.entrySet()) {
            StoredKey key = entry.getValue();
            if (key.isLive() && !key.wrapped().orElseThrow().kekId().equals(targetKekId)) {
                entry.setValue(StoredKey.live(key.keyId(), key.owner(), rewrap.apply(key)));
                rewrapped++;
            }
        }
        return rewrapped;
    }

    @Override
    public synchronized Optional<WrappedKey> indexKey(String name) {
        return Optional.ofNullable(indexKeys.get(name));
    }

    @Override
    public synchronized WrappedKey insertIndexKeyIfAbsent(String name, WrappedKey key) {
        requireRegistered(key.kekId());
        return indexKeys.computeIfAbsent(name, ignored -> key);
    }

    @Override
    public synchronized long rewrapIndexKeys(String targetKekId, BiFunction<String, WrappedKey, WrappedKey> rewrap) {
        requireRegistered(targetKekId);
        long rewrapped = 0;
        for (Map.Entry<String, WrappedKey> entry : indexKeys.entrySet()) {
            if (!entry.getValue().kekId().equals(targetKekId)) {
                entry.setValue(rewrap.apply(entry.getKey(), entry.getValue()));
                rewrapped++;
            }
        }
        return rewrapped;
    }

    @Override
    public synchronized List<String> retireUnusedKeks(String keepKekId) {
        Set<String> used = new LinkedHashSet<>();
        keys.values().forEach(key -> key.wrapped().ifPresent(wrapped -> used.add(wrapped.kekId())));
        indexKeys.values().forEach(key -> used.add(key.kekId()));
        List<String> retired = new ArrayList<>();
        for (String kek : keks) {
            if (!kek.equals(keepKekId) && !used.contains(kek) && retiredKeks.add(kek)) {
                retired.add(kek);
            }
        }
        return retired;
    }

    private void requireRegistered(String kekId) {
        if (!keks.contains(kekId)) {
            throw new IllegalStateException("KEK '%s' is not registered".formatted(kekId));
        }
    }
}
