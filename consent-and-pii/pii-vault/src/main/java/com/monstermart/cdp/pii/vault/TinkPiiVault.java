package com.monstermart.cdp.pii.vault;

import static java.util.Objects.requireNonNull;

import com.monstermart.cdp.event.BlindIndexInput;
import com.monstermart.cdp.pii.vault.api.AccessContext;
import com.monstermart.cdp.pii.vault.api.BlindIndex;
import com.monstermart.cdp.pii.vault.api.Ciphertexts;
import com.monstermart.cdp.pii.vault.api.Decrypted;
import com.monstermart.cdp.pii.vault.api.DecryptionAuditor;
import com.monstermart.cdp.pii.vault.api.DecryptionEvent;
import com.monstermart.cdp.pii.vault.api.FieldReader;
import com.monstermart.cdp.pii.vault.api.FieldRef;
import com.monstermart.cdp.pii.vault.api.KekRotationReport;
import com.monstermart.cdp.pii.vault.api.KeyId;
import com.monstermart.cdp.pii.vault.api.KeyRingStatus;
import com.monstermart.cdp.pii.vault.api.PiiVault;
import com.monstermart.cdp.pii.vault.api.PiiVaultErrorCode;
import com.monstermart.cdp.pii.vault.api.PiiVaultException;
import com.monstermart.cdp.pii.vault.api.ShredReceipt;
import com.monstermart.cdp.pii.vault.api.ShredRequest;
import com.monstermart.cdp.pii.vault.api.SubjectId;
import com.monstermart.cdp.pii.vault.api.SubjectMerge;
import com.monstermart.cdp.pii.vault.eviction.EvictionNotice;
import com.monstermart.cdp.pii.vault.eviction.KeyEvictionBus;
import com.monstermart.cdp.pii.vault.kek.KekRing;
import com.monstermart.cdp.pii.vault.kek.KeyEncryptionKey;
import com.monstermart.cdp.pii.vault.store.KeyEvent;
import com.monstermart.cdp.pii.vault.store.NewKey;
import com.monstermart.cdp.pii.vault.store.StoredKey;
import com.monstermart.cdp.pii.vault.store.SubjectKeyStore;
import com.monstermart.cdp.pii.vault.store.WrappedKey;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The vault: subject keys from the key store, unwrapped by the KEK ring and cached; eviction by broadcast, by polling
 * the key event log, and by a bounded cache lifetime. Build it with {@link PiiVaults#builder()}.
 */
public final class TinkPiiVault implements PiiVault {
    private static final System.Logger LOG = System.getLogger(TinkPiiVault.class.getName());
    private static final int EVENT_BATCH = 500;
    private static final int CREATE_BATCH = 1000;
    private static final int REWRAP_BATCH = 500;

    private final SubjectKeyStore store;
    private final KekRing keks;
    private final KeyEvictionBus bus;
    private final DecryptionAuditor auditor;
    private final PiiVaultSettings settings;
    private final Clock clock;
    private final KeyRingCache cache;
    private final BlindIndexer blindIndexer;
    private final ScheduledExecutorService poller;
    private final Object pollLock = new Object();
    private long lastEventSequence;
    private long lastSuccessfulPollNanos;

    TinkPiiVault(
            SubjectKeyStore store,
            KekRing keks,
            KeyEvictionBus bus,
            DecryptionAuditor auditor,
            PiiVaultSettings settings,
            Clock clock) {
        this.store = requireNonNull(store, "store is null");
        this.keks = requireNonNull(keks, "keks is null");
        this.bus = requireNonNull(bus, "bus is null");
        this.auditor = requireNonNull(auditor, "auditor is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.cache = new KeyRingCache(settings.cacheMaximumSubjects(), settings.cacheTimeToLive());

        for (KeyEncryptionKey kek : keks.all()) {
            store.registerKek(kek.id());
        }
        this.blindIndexer = new BlindIndexer(
                IndexKeys.loadOrCreate(store, keks, settings.blindIndexKeyName()), settings.blindIndexBytes());
        this.lastEventSequence = store.lastEventSequence();
        this.lastSuccessfulPollNanos = System.nanoTime();
        bus.subscribe(this::evict);
        this.poller = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("pii-vault-key-events").factory());
        long interval = settings.eventPollInterval().toMillis();
        poller.scheduleWithFixedDelay(this::pollEvents, interval, interval, TimeUnit.MILLISECONDS);
    }

    // ---- encryption

    @Override
    public byte[] encrypt(SubjectId subject, FieldRef field, byte[] plaintext) {
        requireNonNull(subject, "subject is null");
        requireNonNull(field, "field is null");
        requireNonNull(plaintext, "plaintext is null");
        RingKey own = ownKey(subject);
        byte[] sealed;
        try {
            sealed = own.aead.encrypt(plaintext, AssociatedData.of(own.associatedDataPrefix, field));
        } catch (GeneralSecurityException e) {
            throw new PiiVaultException(
                    PiiVaultErrorCode.INTERNAL,
                    "Cannot encrypt a value of %s for subject %s".formatted(field, subject),
                    e);
        }
        byte[] ciphertext = new byte[Ciphertexts.HEADER_LENGTH + sealed.length];
        ciphertext[0] = Ciphertexts.VERSION_1;
        AssociatedData.writeLong(ciphertext, 1, own.idValue);
        System.arraycopy(sealed, 0, ciphertext, Ciphertexts.HEADER_LENGTH, sealed.length);
        return ciphertext;
    }

    @Override
    public String encryptText(SubjectId subject, FieldRef field, String plaintext) {
        requireNonNull(plaintext, "plaintext is null");
        return Ciphertexts.toText(encrypt(subject, field, utf8(plaintext)));
    }

    /** UTF-8 bytes of well-formed text; a lone surrogate would silently become '?', so it is refused. */
    private static byte[] utf8(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isSurrogate(c)) {
                boolean paired = Character.isHighSurrogate(c)
                        && i + 1 < text.length()
                        && Character.isLowSurrogate(text.charAt(i + 1));
                if (!paired) {
                    throw new PiiVaultException(
                            PiiVaultErrorCode.INVALID_ARGUMENT,
                            "Cannot encrypt text with a lone UTF-16 surrogate at index %d: it has no UTF-8 form; encrypt its bytes instead"
                                    .formatted(i));
                }
                i++;
            }
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private RingKey ownKey(SubjectId subject) {
        KeyRing ring = cache.get(subject, this::loadRing);
        if (ring.own == null) {
            ring = createKey(subject);
        }
        RingKey own = ring.own;
        if (own.shredded()) {
            throw erased(subject, own);
        }
        return own;
    }

    private KeyRing createKey(SubjectId subject) {
        KeyEncryptionKey kek = keks.primary();
        KeyId keyId = store.allocateKeyIds(1).getFirst();
        byte[] wrapped = SubjectKeys.generateWrapped(kek, keyId, subject);
        StoredKey stored = store.insertIfAbsent(new NewKey(subject, keyId, new WrappedKey(kek.id(), wrapped)));
        if (stored.shreddedAt().isPresent()) {
            throw erased(
                    subject,
                    RingKey.shredded(
                            stored.keyId(), subject, stored.shreddedAt().get()));
        }
        KeyRing ring = cache.load(subject, this::loadRing);
        if (ring.own == null) {
            throw new PiiVaultException(
                    PiiVaultErrorCode.INTERNAL, "Subject %s has no key right after one was stored".formatted(subject));
        }
        return ring;
    }

    private static PiiVaultException erased(SubjectId subject, RingKey own) {
        return new PiiVaultException(
                PiiVaultErrorCode.SUBJECT_ERASED,
                "Cannot encrypt for subject %s: it was erased (key %s shredded at %s) and gets no new key; identity resolution must assign a new subject"
                        .formatted(subject, own.id, own.shreddedAt));
    }

    private KeyRing loadRing(SubjectId subject) {
        return toRing(subject, store.ring(subject));
    }

    private Map<SubjectId, KeyRing> loadRings(Collection<SubjectId> subjects) {
        Map<SubjectId, KeyRing> rings = new LinkedHashMap<>();
        store.rings(subjects).forEach((subject, stored) -> rings.put(subject, toRing(subject, stored)));
        return rings;
    }

    private KeyRing toRing(SubjectId subject, List<StoredKey> ring) {
        List<RingKey> keys = new ArrayList<>();
        for (StoredKey stored : ring) {
            if (stored.wrapped().isPresent()) {
                WrappedKey wrapped = stored.wrapped().get();
                keys.add(RingKey.live(
                        stored.keyId(),
                        stored.owner(),
                        SubjectKeys.unwrap(
                                keks.byId(wrapped.kekId()), wrapped.bytes(), stored.keyId(), stored.owner())));
            } else {
                keys.add(RingKey.shredded(
                        stored.keyId(), stored.owner(), stored.shreddedAt().orElseThrow()));
            }
        }
        return new KeyRing(subject, keys);
    }

    // ---- decryption

    @Override
    public FieldReader reader(AccessContext access) {
        requireNonNull(access, "access is null");
        return new FieldReader() {
            @Override
            public Decrypted decrypt(SubjectId subject, FieldRef field, byte[] ciphertext) {
                return TinkPiiVault.this.decrypt(access, subject, field, ciphertext);
            }

            @Override
            public Decrypted decrypt(SubjectId subject, FieldRef field, String ciphertext) {
                requireNonNull(subject, "subject is null");
                requireNonNull(field, "field is null");
                byte[] binary;
                try {
                    binary = Ciphertexts.toBinary(ciphertext);
                } catch (PiiVaultException e) {
                    audit(access, subject, field, Optional.empty(), DecryptionEvent.Outcome.FAILED, Optional.of(e));
                    throw e;
                }
                return TinkPiiVault.this.decrypt(access, subject, field, binary);
            }

            @Override
            public AccessContext access() {
                return access;
            }
        };
    }

    private Decrypted decrypt(AccessContext access, SubjectId subject, FieldRef field, byte[] ciphertext) {
        requireNonNull(subject, "subject is null");
        requireNonNull(field, "field is null");
        Optional<KeyId> keyId = Optional.empty();
        try {
            keyId = Optional.of(Ciphertexts.keyId(ciphertext));
            long id = keyId.get().value();
            KeyRing ring = cache.get(subject, this::loadRing);
            RingKey key = ring.find(id);
            if (key == null) {
                // A merge made elsewhere may not have reached this cache yet.
                key = cache.load(subject, this::loadRing).find(id);
            }
            if (key == null) {
                throw new PiiVaultException(
                        PiiVaultErrorCode.KEY_NOT_IN_SUBJECT_RING,
                        "Cannot decrypt %s for subject %s: the ciphertext's key %s is not in the subject's key ring (another subject's value, or a merge that was undone)"
                                .formatted(field, subject, keyId.get()));
            }
            if (key.shredded()) {
                Decrypted.Erased erased = new Decrypted.Erased(key.id, key.shreddedAt);
                audit(access, subject, field, keyId, DecryptionEvent.Outcome.ERASED, Optional.empty());
                return erased;
            }
            byte[] plaintext;
            try {
                plaintext = key.aead.decrypt(
                        java.util.Arrays.copyOfRange(ciphertext, Ciphertexts.HEADER_LENGTH, ciphertext.length),
                        AssociatedData.of(key.associatedDataPrefix, field));
            } catch (GeneralSecurityException e) {
                throw new PiiVaultException(
                        PiiVaultErrorCode.DECRYPTION_FAILED,
                        "Cannot decrypt %s for subject %s with key %s: the ciphertext belongs to another table or column, or was altered"
                                .formatted(field, subject, keyId.get()));
            }
            Decrypted.Value value = new Decrypted.Value(plaintext);
            java.util.Arrays.fill(plaintext, (byte) 0);
            audit(access, subject, field, keyId, DecryptionEvent.Outcome.DECRYPTED, Optional.empty());
            return value;
        } catch (PiiVaultException e) {
            audit(access, subject, field, keyId, DecryptionEvent.Outcome.FAILED, Optional.of(e));
            throw e;
        }
    }

    private void audit(
            AccessContext access,
            SubjectId subject,
            FieldRef field,
            Optional<KeyId> keyId,
            DecryptionEvent.Outcome outcome,
            Optional<PiiVaultException> failure) {
        auditor.record(new DecryptionEvent(
                access, subject, field, keyId, outcome, failure.map(PiiVaultException::code), clock.instant()));
    }

    // ---- blind indexes

    @Override
    public BlindIndex blindIndex(BlindIndexInput input) {
        return blindIndexer.index(requireNonNull(input, "input is null"));
    }

    // ---- merges

    @Override
    public void merge(SubjectId surviving, SubjectId merged) {
        checkPair(surviving, merged);
        // No eviction anywhere: a ring only grows, and a ring that lacks the key a ciphertext names is re-read once
        // before decryption fails. (Identity resolution merges often; evicting would scan every process's cache.)
        store.link(surviving, merged);
    }

    @Override
    public int mergeAll(Collection<SubjectMerge> merges) {
        List<SubjectMerge> all = List.copyOf(requireNonNull(merges, "merges is null"));
        // As for merge: no eviction.
        return all.isEmpty() ? 0 : store.linkAll(all);
    }

    @Override
    public void unmerge(SubjectId surviving, SubjectId merged) {
        checkPair(surviving, merged);
        Optional<KeyEvent> event = store.unlink(surviving, merged);
        if (event.isPresent()) {
            EvictionNotice notice = EvictionNotice.subjects(Set.of(surviving, merged));
            evict(notice);
            bus.publish(notice);
        }
    }

    private static void checkPair(SubjectId surviving, SubjectId merged) {
        requireNonNull(surviving, "surviving is null");
        requireNonNull(merged, "merged is null");
        if (surviving.equals(merged)) {
            throw new PiiVaultException(
                    PiiVaultErrorCode.INVALID_ARGUMENT, "Cannot merge subject %s into itself".formatted(surviving));
        }
    }

    // ---- shredding

    @Override
    public ShredReceipt shred(SubjectId subject, ShredRequest request) {
        requireNonNull(subject, "subject is null");
        requireNonNull(request, "request is null");
        KeyEvent event = store.shred(subject, request);
        EvictionNotice notice = new EvictionNotice(new LinkedHashSet<>(event.keyIds()), Set.of(subject));
        evict(notice);
        bus.publish(notice);
        LOG.log(
                System.Logger.Level.INFO,
                "Shredded {0} key(s) of subject {1} (event {2})",
                event.keyIds().size(),
                subject,
                event.sequence());
        return receipt(event);
    }

    private static ShredReceipt receipt(KeyEvent event) {
        return new ShredReceipt(
                event.subject(),
                event.keyIds().isEmpty() ? ShredReceipt.Outcome.NO_LIVE_KEYS : ShredReceipt.Outcome.SHREDDED,
                event.keyIds(),
                event.requestedBy().orElse(""),
                event.reason().orElse(""),
                event.occurredAt(),
                event.sequence());
    }

    @Override
    public List<ShredReceipt> shredHistory(SubjectId subject) {
        return store.events(requireNonNull(subject, "subject is null"), KeyEvent.Kind.SHRED).stream()
                .map(TinkPiiVault::receipt)
                .toList();
    }

    @Override
    public KeyRingStatus keyRing(SubjectId subject) {
        requireNonNull(subject, "subject is null");
        return new KeyRingStatus(
                subject,
                store.ring(subject).stream()
                        .map(key -> new KeyRingStatus.KeyStatus(
                                key.keyId(), key.owner(), key.wrapped().map(WrappedKey::kekId), key.shreddedAt()))
                        .toList());
    }

    // ---- bulk and maintenance

    @Override
    public int createKeys(Collection<SubjectId> subjects) {
        List<SubjectId> all = List.copyOf(new LinkedHashSet<>(requireNonNull(subjects, "subjects is null")));
        KeyEncryptionKey kek = keks.primary();
        int created = 0;
        for (int start = 0; start < all.size(); start += CREATE_BATCH) {
            List<SubjectId> batch = all.subList(start, Math.min(all.size(), start + CREATE_BATCH));
            List<KeyId> ids = store.allocateKeyIds(batch.size());
            List<NewKey> keys = new ArrayList<>(batch.size());
            for (int i = 0; i < batch.size(); i++) {
                SubjectId subject = batch.get(i);
                KeyId keyId = ids.get(i);
                keys.add(new NewKey(
                        subject, keyId, new WrappedKey(kek.id(), SubjectKeys.generateWrapped(kek, keyId, subject))));
            }
            created += store.insertAllIfAbsent(keys);
        }
        return created;
    }

    @Override
    public int prepareKeys(Collection<SubjectId> subjects) {
        Set<SubjectId> wanted = new LinkedHashSet<>();
        for (SubjectId subject : requireNonNull(subjects, "subjects is null")) {
            KeyRing cached = cache.peek(requireNonNull(subject, "subject is null"));
            if (cached == null || cached.own == null) {
                wanted.add(subject);
            }
        }
        if (wanted.isEmpty()) {
            return 0;
        }
        // Round trip 1: the rings of the subjects not cached with a key.
        List<SubjectId> keyless = new ArrayList<>();
        cache.loadAll(wanted, this::loadRings).forEach((subject, ring) -> {
            if (ring.own == null) {
                keyless.add(subject);
            }
        });
        if (keyless.isEmpty()) {
            return 0;
        }
        // Round trips 2 and 3: key ids, then one insert that skips subjects another process gave a key meanwhile.
        int created = createKeys(keyless);
        // Round trip 4: read back what won (ours, or a concurrent creator's key).
        cache.loadAll(keyless, this::loadRings);
        return created;
    }

    @Override
    public KekRotationReport rotateKeyEncryptionKey() {
        KeyEncryptionKey primary = keks.primary();
        long subjectKeys = store.rewrapSubjectKeys(primary.id(), REWRAP_BATCH, key -> {
            WrappedKey old = key.wrapped().orElseThrow();
            return new WrappedKey(
                    primary.id(),
                    SubjectKeys.rewrap(keks.byId(old.kekId()), primary, old.bytes(), key.keyId(), key.owner()));
        });
        long indexKeys = store.rewrapIndexKeys(primary.id(), (name, old) -> IndexKeys.rewrap(name, old, keks));
        List<String> retired = store.retireUnusedKeks(primary.id());
        LOG.log(
                System.Logger.Level.INFO,
                "KEK rotation to {0}: re-wrapped {1} subject key(s) and {2} index key(s); retired {3}",
                primary.id(),
                subjectKeys,
                indexKeys,
                retired);
        return new KekRotationReport(primary.id(), subjectKeys, indexKeys, retired);
    }

    // ---- eviction

    private void evict(EvictionNotice notice) {
        if (notice.isEmpty()) {
            return;
        }
        cache.evict(notice.keyIds(), notice.subjects());
    }

    /** Reads new key events and evicts what they name; drops the whole cache when polls failed for too long. */
    void pollEvents() {
        synchronized (pollLock) {
            try {
                List<KeyEvent> events;
                do {
                    events = store.eventsAfter(lastEventSequence, EVENT_BATCH);
                    for (KeyEvent event : events) {
                        evict(
                                switch (event.kind()) {
                                    case SHRED ->
                                        new EvictionNotice(
                                                new LinkedHashSet<>(event.keyIds()), Set.of(event.subject()));
                                    case UNMERGE -> {
                                        Set<SubjectId> subjects = new LinkedHashSet<>();
                                        subjects.add(event.subject());
                                        event.otherSubject().ifPresent(subjects::add);
                                        yield EvictionNotice.subjects(subjects);
                                    }
                                });
                        lastEventSequence = event.sequence();
                    }
                } while (events.size() == EVENT_BATCH);
                lastSuccessfulPollNanos = System.nanoTime();
                cache.compactIndex();
            } catch (RuntimeException e) {
                Duration failingFor = Duration.ofNanos(System.nanoTime() - lastSuccessfulPollNanos);
                if (failingFor.compareTo(settings.eventPollMaximumStaleness()) >= 0) {
                    cache.evictAll();
                    LOG.log(
                            System.Logger.Level.WARNING,
                            "Key events unreadable for {0} ({1}): dropped all cached keys; every use reads the key store until polls succeed",
                            failingFor,
                            e.toString());
                } else {
                    LOG.log(System.Logger.Level.WARNING, "Key event poll failed ({0}); retrying", e.toString());
                }
            }
        }
    }

    /** How many subjects' key rings are cached (estimate). */
    public long cachedSubjects() {
        return cache.size();
    }

    @Override
    public void close() {
        poller.shutdownNow();
        try {
            poller.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        bus.close();
        cache.evictAll();
    }
}
