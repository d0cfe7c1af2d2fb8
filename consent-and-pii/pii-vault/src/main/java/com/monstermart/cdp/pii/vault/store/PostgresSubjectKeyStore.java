package com.monstermart.cdp.pii.vault.store;

import static java.util.Objects.requireNonNull;

import com.monstermart.cdp.pii.vault.api.KeyId;
import com.monstermart.cdp.pii.vault.api.PiiVaultErrorCode;
import com.monstermart.cdp.pii.vault.api.PiiVaultException;
import com.monstermart.cdp.pii.vault.api.ShredRequest;
import com.monstermart.cdp.pii.vault.api.SubjectId;
import com.monstermart.cdp.pii.vault.api.SubjectMerge;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * The key store in PostgreSQL schema {@code pii_vault} (see {@code db/pii-vault/V1__pii_vault.sql}), shared by every
 * process of the platform. Each call borrows a connection from the data source (give it a pool).
 */
public final class PostgresSubjectKeyStore implements SubjectKeyStore {
    /** Serialises key event writers so that sequence order is commit order (pollers never skip an event). */
    static final long EVENT_LOCK = 0x7069695f7661756cL;

    /**
     * The subject and every subject merged into it. Statements use it as {@code subject_id = ANY (ARRAY(SELECT ...))}:
     * the planner cannot estimate a recursive CTE (it guesses hundreds of rows) and would hash-join it against a
     * sequential scan of subject_key; an array makes it probe the hash index instead (0.2 ms instead of 80 ms at
     * 40,000 subjects).
     */
    private static final String RING_CTE = """
            WITH RECURSIVE ring(subject_id) AS (
                SELECT CAST(? AS text)
                UNION
                SELECT l.merged_subject_id
                FROM pii_vault.subject_link l JOIN ring r ON l.surviving_subject_id = r.subject_id
            )
            """;

    private static final String IN_RING = "k.subject_id = ANY (ARRAY(SELECT subject_id FROM ring))";

    private static final int KEY_ID_POOL = 64;

    private final DataSource dataSource;
    private final java.util.ArrayDeque<KeyId> pooledKeyIds = new java.util.ArrayDeque<>();
    private final Map<String, Short> kekRefs = new ConcurrentHashMap<>();
    private final Map<Short, String> kekIds = new ConcurrentHashMap<>();

    public PostgresSubjectKeyStore(DataSource dataSource) {
        this.dataSource = requireNonNull(dataSource, "dataSource is null");
    }

    @Override
    public List<StoredKey> ring(SubjectId subject) {
        String sql = RING_CTE + """
                SELECT k.key_id, k.subject_id, k.kek_ref, k.wrapped_key, k.shredded_at
                FROM pii_vault.subject_key k
                WHERE\s""" + IN_RING;
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, subject.value());
            List<StoredKey> keys = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    StoredKey key = storedKey(connection, rows);
                    if (key.owner().equals(subject)) {
                        keys.addFirst(key);
                    } else {
                        keys.add(key);
                    }
                }
            }
            return keys;
        } catch (SQLException e) {
            throw unavailable("read the key ring of subject " + subject, e);
        }
    }

    /**
     * Every requested subject's ring in one statement: the recursive walk starts from all of them at once (each row
     * remembers its root), and the keys are probed through the hash index with an array, as in {@link #ring}.
     */
    @Override
    public Map<SubjectId, List<StoredKey>> rings(Collection<SubjectId> subjects) {
        Map<SubjectId, List<StoredKey>> rings = new LinkedHashMap<>();
        for (SubjectId subject : subjects) {
            rings.put(subject, new ArrayList<>());
        }
        if (rings.isEmpty()) {
            return rings;
        }
        String sql = """
                WITH RECURSIVE ring(root, subject_id) AS (
                    SELECT s, s FROM unnest(CAST(? AS text[])) AS s
                    UNION
                    SELECT r.root, l.merged_subject_id
                    FROM pii_vault.subject_link l JOIN ring r ON l.surviving_subject_id = r.subject_id
                )
                SELECT r.root, k.key_id, k.subject_id, k.kek_ref, k.wrapped_key, k.shredded_at
                FROM ring r JOIN pii_vault.subject_key k ON k.subject_id = r.subject_id
                WHERE k.subject_id = ANY (ARRAY(SELECT subject_id FROM ring))
                """;
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setArray(
                    1,
                    connection.createArrayOf(
                            "text",
                            rings.keySet().stream().map(SubjectId::value).toArray(String[]::new)));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    SubjectId root = new SubjectId(rows.getString("root"));
                    StoredKey key = storedKey(connection, rows);
                    List<StoredKey> ring = rings.get(root);
                    if (key.owner().equals(root)) {
                        ring.addFirst(key);
                    } else {
                        ring.add(key);
                    }
                }
            }
            return rings;
        } catch (SQLException e) {
            throw unavailable("read the key rings of " + rings.size() + " subjects", e);
        }
    }

    @Override
    public List<KeyId> allocateKeyIds(int count) {
        if (count == 1) {
            // First uses and shreds take one id each: serve them from a small pool (no round trip).
            synchronized (pooledKeyIds) {
                if (pooledKeyIds.isEmpty()) {
                    pooledKeyIds.addAll(allocateKeyIds(KEY_ID_POOL));
                }
                return List.of(pooledKeyIds.poll());
            }
        }
        try (Connection connection = dataSource.getConnection()) {
            return allocate(connection, count);
        } catch (SQLException e) {
            throw unavailable("allocate key ids", e);
        }
    }

    private static List<KeyId> allocate(Connection connection, int count) throws SQLException {
        try (PreparedStatement statement =
                connection.prepareStatement("SELECT nextval('pii_vault.key_id_seq') FROM generate_series(1, ?)")) {
            statement.setInt(1, count);
            List<KeyId> ids = new ArrayList<>(count);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    ids.add(KeyIds.fromCounter(rows.getLong(1)));
                }
            }
            return ids;
        }
    }

    @Override
    public StoredKey insertIfAbsent(NewKey key) {
        try (Connection connection = dataSource.getConnection()) {
            short kekRef = kekRef(connection, key.wrapped().kekId());
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO pii_vault.subject_key (key_id, kek_ref, subject_id, wrapped_key)
                    VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING
                    """)) {
                insert.setLong(1, key.keyId().value());
                insert.setShort(2, kekRef);
                insert.setString(3, key.subject().value());
                insert.setBytes(4, key.wrapped().bytes());
                insert.executeUpdate();
            }
            try (PreparedStatement select = connection.prepareStatement("""
                    SELECT key_id, subject_id, kek_ref, wrapped_key, shredded_at
                    FROM pii_vault.subject_key WHERE subject_id = ?
                    """)) {
                select.setString(1, key.subject().value());
                try (ResultSet rows = select.executeQuery()) {
                    if (!rows.next()) {
                        throw new PiiVaultException(
                                PiiVaultErrorCode.INTERNAL,
                                "The key of subject %s vanished right after it was stored".formatted(key.subject()));
                    }
                    return storedKey(connection, rows);
                }
            }
        } catch (SQLException e) {
            throw unavailable("store a key for subject " + key.subject(), e);
        }
    }

    @Override
    public int insertAllIfAbsent(List<NewKey> keys) {
        if (keys.isEmpty()) {
            return 0;
        }
        try (Connection connection = dataSource.getConnection()) {
            int inserted = 0;
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO pii_vault.subject_key (key_id, kek_ref, subject_id, wrapped_key)
                    SELECT k, CAST(? AS smallint), s, w FROM unnest(?, ?, ?) AS n(k, s, w)
                    ON CONFLICT DO NOTHING
                    """)) {
                // One statement per KEK (normally one).
                Map<String, List<NewKey>> byKek = new java.util.LinkedHashMap<>();
                // Sorted by subject, so that concurrent batches wait for each other in one order (no deadlock).
                List<NewKey> sorted = new ArrayList<>(keys);
                sorted.sort(java.util.Comparator.comparing(NewKey::subject));
                for (NewKey key : sorted) {
                    byKek.computeIfAbsent(key.wrapped().kekId(), id -> new ArrayList<>())
                            .add(key);
                }
                for (Map.Entry<String, List<NewKey>> entry : byKek.entrySet()) {
                    List<NewKey> group = entry.getValue();
                    insert.setShort(1, kekRef(connection, entry.getKey()));
                    insert.setArray(
                            2,
                            connection.createArrayOf(
                                    "bigint",
                                    group.stream().map(k -> k.keyId().value()).toArray(Long[]::new)));
                    insert.setArray(
                            3,
                            connection.createArrayOf(
                                    "text",
                                    group.stream().map(k -> k.subject().value()).toArray(String[]::new)));
                    insert.setArray(
                            4,
                            connection.createArrayOf(
                                    "bytea",
                                    group.stream().map(k -> k.wrapped().bytes()).toArray(byte[][]::new)));
                    inserted += insert.executeUpdate();
                }
            }
            return inserted;
        } catch (SQLException e) {
            throw unavailable("store " + keys.size() + " keys", e);
        }
    }

    @Override
    public KeyEvent shred(SubjectId subject, ShredRequest request) {
        KeyId tombstoneId = allocateKeyIds(1).getFirst();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                // Round trip 1: the event lock (held to commit, so sequence order is commit order), and a tombstone
                // for a subject that never had a key.
                try (PreparedStatement tombstone = connection.prepareStatement("""
                        WITH locked AS (SELECT pg_advisory_xact_lock(?))
                        INSERT INTO pii_vault.subject_key (key_id, subject_id, shredded_at)
                        SELECT ?, ?, now() FROM locked
                        ON CONFLICT DO NOTHING
                        """)) {
                    tombstone.setLong(1, EVENT_LOCK);
                    tombstone.setLong(2, tombstoneId.value());
                    tombstone.setString(3, subject.value());
                    tombstone.executeUpdate();
                }
                // Round trip 2: destroy every live key of the ring and record which.
                KeyEvent event;
                try (PreparedStatement destroy = connection.prepareStatement(RING_CTE.strip() + """
                        , destroyed AS (
                            UPDATE pii_vault.subject_key k
                            SET wrapped_key = NULL, kek_ref = NULL, shredded_at = now()
                            WHERE k.wrapped_key IS NOT NULL AND\s""" + IN_RING + """
                            \sRETURNING k.key_id
                        )
                        INSERT INTO pii_vault.key_event (kind, subject_id, key_ids, requested_by, reason)
                        SELECT 'shred', ?, coalesce(array_agg(key_id), '{}'), ?, ? FROM destroyed
                        RETURNING seq, kind, subject_id, other_subject_id, key_ids, requested_by, reason, occurred_at
                        """)) {
                    destroy.setString(1, subject.value());
                    destroy.setString(2, subject.value());
                    destroy.setString(3, request.requestedBy());
                    destroy.setString(4, request.reason());
                    try (ResultSet rows = destroy.executeQuery()) {
                        rows.next();
                        event = keyEvent(rows);
                    }
                }
                connection.commit();
                return event;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw unavailable("shred the keys of subject " + subject, e);
        }
    }

    private static KeyEvent appendEvent(
            Connection connection,
            KeyEvent.Kind kind,
            SubjectId subject,
            Optional<SubjectId> other,
            List<Long> keyIds,
            Optional<String> requestedBy,
            Optional<String> reason)
            throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
            lock.setLong(1, EVENT_LOCK);
            lock.execute();
        }
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO pii_vault.key_event (kind, subject_id, other_subject_id, key_ids, requested_by, reason)
                VALUES (?, ?, ?, ?, ?, ?)
                RETURNING seq, kind, subject_id, other_subject_id, key_ids, requested_by, reason, occurred_at
                """)) {
            insert.setString(1, kind.name().toLowerCase(java.util.Locale.ROOT));
            insert.setString(2, subject.value());
            insert.setString(3, other.map(SubjectId::value).orElse(null));
            insert.setArray(4, connection.createArrayOf("bigint", keyIds.toArray()));
            insert.setString(5, requestedBy.orElse(null));
            insert.setString(6, reason.orElse(null));
            try (ResultSet rows = insert.executeQuery()) {
                rows.next();
                return keyEvent(rows);
            }
        }
    }

    @Override
    public boolean link(SubjectId surviving, SubjectId merged) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("""
                        INSERT INTO pii_vault.subject_link (surviving_subject_id, merged_subject_id)
                        VALUES (?, ?) ON CONFLICT DO NOTHING
                        """)) {
            insert.setString(1, surviving.value());
            insert.setString(2, merged.value());
            return insert.executeUpdate() == 1;
        } catch (SQLException e) {
            throw unavailable("merge subject %s into %s".formatted(merged, surviving), e);
        }
    }

    @Override
    public int linkAll(Collection<SubjectMerge> merges) {
        // Distinct and sorted, so that concurrent batches take the pairs' index entries in one order (no deadlock).
        java.util.SortedSet<SubjectMerge> pairs = new java.util.TreeSet<>(
                java.util.Comparator.comparing(SubjectMerge::surviving).thenComparing(SubjectMerge::merged));
        pairs.addAll(merges);
        if (pairs.isEmpty()) {
            return 0;
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("""
                        INSERT INTO pii_vault.subject_link (surviving_subject_id, merged_subject_id)
                        SELECT s, m FROM unnest(CAST(? AS text[]), CAST(? AS text[])) AS n(s, m)
                        ON CONFLICT DO NOTHING
                        """)) {
            insert.setArray(
                    1,
                    connection.createArrayOf(
                            "text",
                            pairs.stream().map(pair -> pair.surviving().value()).toArray(String[]::new)));
            insert.setArray(
                    2,
                    connection.createArrayOf(
                            "text",
                            pairs.stream().map(pair -> pair.merged().value()).toArray(String[]::new)));
            return insert.executeUpdate();
        } catch (SQLException e) {
            throw unavailable("record " + pairs.size() + " merges", e);
        }
    }

    @Override
    public Optional<KeyEvent> unlink(SubjectId surviving, SubjectId merged) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                int deleted;
                try (PreparedStatement delete = connection.prepareStatement("""
                        DELETE FROM pii_vault.subject_link
                        WHERE surviving_subject_id = ? AND merged_subject_id = ?
                        """)) {
                    delete.setString(1, surviving.value());
                    delete.setString(2, merged.value());
                    deleted = delete.executeUpdate();
                }
                Optional<KeyEvent> event = Optional.empty();
                if (deleted > 0) {
                    event = Optional.of(appendEvent(
                            connection,
                            KeyEvent.Kind.UNMERGE,
                            surviving,
                            Optional.of(merged),
                            List.of(),
                            Optional.empty(),
                            Optional.empty()));
                }
                connection.commit();
                return event;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw unavailable("unmerge subject %s from %s".formatted(merged, surviving), e);
        }
    }

    @Override
    public List<KeyEvent> events(SubjectId subject, KeyEvent.Kind kind) {
        return queryEvents("""
                SELECT seq, kind, subject_id, other_subject_id, key_ids, requested_by, reason, occurred_at
                FROM pii_vault.key_event WHERE subject_id = ? AND kind = ? ORDER BY seq
                """, statement -> {
            statement.setString(1, subject.value());
            statement.setString(2, kind.name().toLowerCase(java.util.Locale.ROOT));
        });
    }

    @Override
    public List<KeyEvent> eventsAfter(long sequence, int limit) {
        return queryEvents("""
                SELECT seq, kind, subject_id, other_subject_id, key_ids, requested_by, reason, occurred_at
                FROM pii_vault.key_event WHERE seq > ? ORDER BY seq LIMIT ?
                """, statement -> {
            statement.setLong(1, sequence);
            statement.setInt(2, limit);
        });
    }

    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private List<KeyEvent> queryEvents(String sql, Binder binder) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(statement);
            List<KeyEvent> events = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    events.add(keyEvent(rows));
                }
            }
            return events;
        } catch (SQLException e) {
            throw unavailable("read key events", e);
        }
    }

    @Override
    public long lastEventSequence() {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT coalesce(max(seq), 0) FROM pii_vault.key_event")) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw unavailable("read the last key event", e);
        }
    }

    @Override
    public void registerKek(String kekId) {
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO pii_vault.kek (kek_id) VALUES (?)
                    ON CONFLICT (kek_id) DO UPDATE SET retired_at = NULL WHERE kek.retired_at IS NOT NULL
                    """)) {
                insert.setString(1, kekId);
                insert.executeUpdate();
            }
            loadKeks(connection);
        } catch (SQLException e) {
            throw unavailable("register KEK " + kekId, e);
        }
    }

    @Override
    public long rewrapSubjectKeys(String targetKekId, int batchSize, Function<StoredKey, WrappedKey> rewrap) {
        long rewrapped = 0;
        try (Connection reader = dataSource.getConnection();
                Connection writer = dataSource.getConnection()) {
            short target = kekRef(writer, targetKekId);
            reader.setAutoCommit(false);
            try (PreparedStatement select = reader.prepareStatement("""
                    SELECT key_id, subject_id, kek_ref, wrapped_key, shredded_at
                    FROM pii_vault.subject_key WHERE wrapped_key IS NOT NULL AND kek_ref <> ?
                    """)) {
                select.setShort(1, target);
                select.setFetchSize(batchSize);
                try (ResultSet rows = select.executeQuery();
                        PreparedStatement update = writer.prepareStatement("""
                                UPDATE pii_vault.subject_key SET kek_ref = ?, wrapped_key = ?
                                WHERE subject_id = ? AND key_id = ? AND kek_ref = ? AND wrapped_key IS NOT NULL
                                """)) {
                    int pending = 0;
                    while (rows.next()) {
                        StoredKey key = storedKey(writer, rows);
                        WrappedKey old = key.wrapped().orElseThrow();
                        WrappedKey fresh = rewrap.apply(key);
                        update.setShort(1, target);
                        update.setBytes(2, fresh.bytes());
                        update.setString(3, key.owner().value());
                        update.setLong(4, key.keyId().value());
                        update.setShort(5, kekRef(writer, old.kekId()));
                        update.addBatch();
                        if (++pending == batchSize) {
                            rewrapped += sum(update.executeBatch());
                            pending = 0;
                        }
                    }
                    if (pending > 0) {
                        rewrapped += sum(update.executeBatch());
                    }
                }
            }
            reader.commit();
        } catch (SQLException e) {
            throw unavailable("re-wrap subject keys with KEK " + targetKekId, e);
        }
        return rewrapped;
    }

    private static long sum(int[] counts) {
        long total = 0;
        for (int count : counts) {
            total += Math.max(count, 0);
        }
        return total;
    }

    @Override
    public Optional<WrappedKey> indexKey(String name) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT kek_ref, wrapped_keyset FROM pii_vault.index_key WHERE name = ?")) {
            select.setString(1, name);
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                return Optional.of(new WrappedKey(kekId(connection, rows.getShort(1)), rows.getBytes(2)));
            }
        } catch (SQLException e) {
            throw unavailable("read index key " + name, e);
        }
    }

    @Override
    public WrappedKey insertIndexKeyIfAbsent(String name, WrappedKey key) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("""
                        INSERT INTO pii_vault.index_key (name, kek_ref, wrapped_keyset) VALUES (?, ?, ?)
                        ON CONFLICT (name) DO NOTHING
                        """)) {
            insert.setString(1, name);
            insert.setShort(2, kekRef(connection, key.kekId()));
            insert.setBytes(3, key.bytes());
            insert.executeUpdate();
        } catch (SQLException e) {
            throw unavailable("store index key " + name, e);
        }
        return indexKey(name)
                .orElseThrow(() -> new PiiVaultException(
                        PiiVaultErrorCode.INTERNAL, "Index key " + name + " vanished right after it was stored"));
    }

    @Override
    public long rewrapIndexKeys(String targetKekId, BiFunction<String, WrappedKey, WrappedKey> rewrap) {
        long rewrapped = 0;
        try (Connection connection = dataSource.getConnection()) {
            short target = kekRef(connection, targetKekId);
            List<String> names = new ArrayList<>();
            try (PreparedStatement select =
                    connection.prepareStatement("SELECT name FROM pii_vault.index_key WHERE kek_ref <> ?")) {
                select.setShort(1, target);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        names.add(rows.getString(1));
                    }
                }
            }
            for (String name : names) {
                Optional<WrappedKey> old = indexKey(name);
                if (old.isEmpty() || old.get().kekId().equals(targetKekId)) {
                    continue;
                }
                WrappedKey fresh = rewrap.apply(name, old.get());
                try (PreparedStatement update = connection.prepareStatement("""
                        UPDATE pii_vault.index_key SET kek_ref = ?, wrapped_keyset = ?
                        WHERE name = ? AND kek_ref = ?
                        """)) {
                    update.setShort(1, target);
                    update.setBytes(2, fresh.bytes());
                    update.setString(3, name);
                    update.setShort(4, kekRef(connection, old.get().kekId()));
                    rewrapped += update.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw unavailable("re-wrap index keys with KEK " + targetKekId, e);
        }
        return rewrapped;
    }

    @Override
    public List<String> retireUnusedKeks(String keepKekId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement("""
                        UPDATE pii_vault.kek SET retired_at = now()
                        WHERE kek_id <> ? AND retired_at IS NULL
                          AND NOT EXISTS (SELECT 1 FROM pii_vault.subject_key k WHERE k.kek_ref = kek.kek_ref)
                          AND NOT EXISTS (SELECT 1 FROM pii_vault.index_key i WHERE i.kek_ref = kek.kek_ref)
                        RETURNING kek_id
                        """)) {
            update.setString(1, keepKekId);
            List<String> retired = new ArrayList<>();
            try (ResultSet rows = update.executeQuery()) {
                while (rows.next()) {
                    retired.add(rows.getString(1));
                }
            }
            return retired;
        } catch (SQLException e) {
            throw unavailable("retire unused KEKs", e);
        }
    }

    private StoredKey storedKey(Connection connection, ResultSet rows) throws SQLException {
        KeyId keyId = new KeyId(rows.getLong("key_id"));
        SubjectId owner = new SubjectId(rows.getString("subject_id"));
        byte[] wrapped = rows.getBytes("wrapped_key");
        if (wrapped == null) {
            Timestamp shreddedAt = rows.getTimestamp("shredded_at");
            return StoredKey.shredded(keyId, owner, shreddedAt.toInstant());
        }
        return StoredKey.live(keyId, owner, new WrappedKey(kekId(connection, rows.getShort("kek_ref")), wrapped));
    }

    private static KeyEvent keyEvent(ResultSet rows) throws SQLException {
        Array keyIds = rows.getArray("key_ids");
        List<KeyId> ids = new ArrayList<>();
        for (Object value : (Object[]) keyIds.getArray()) {
            ids.add(new KeyId(((Number) value).longValue()));
        }
        String other = rows.getString("other_subject_id");
        return new KeyEvent(
                rows.getLong("seq"),
                KeyEvent.Kind.valueOf(rows.getString("kind").toUpperCase(java.util.Locale.ROOT)),
                new SubjectId(rows.getString("subject_id")),
                Optional.ofNullable(other).map(SubjectId::new),
                ids,
                Optional.ofNullable(rows.getString("requested_by")),
                Optional.ofNullable(rows.getString("reason")),
                rows.getTimestamp("occurred_at").toInstant());
    }

    private short kekRef(Connection connection, String kekId) throws SQLException {
        Short ref = kekRefs.get(kekId);
        if (ref == null) {
            loadKeks(connection);
            ref = kekRefs.get(kekId);
        }
        if (ref == null) {
            throw new PiiVaultException(
                    PiiVaultErrorCode.INTERNAL, "KEK '%s' is not registered in pii_vault.kek".formatted(kekId));
        }
        return ref;
    }

    private String kekId(Connection connection, short kekRef) throws SQLException {
        String id = kekIds.get(kekRef);
        if (id == null) {
            loadKeks(connection);
            id = kekIds.get(kekRef);
        }
        if (id == null) {
            throw new PiiVaultException(
                    PiiVaultErrorCode.INTERNAL, "pii_vault.kek has no KEK with reference " + kekRef);
        }
        return id;
    }

    private void loadKeks(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT kek_ref, kek_id FROM pii_vault.kek")) {
            while (rows.next()) {
                kekRefs.put(rows.getString(2), rows.getShort(1));
                kekIds.put(rows.getShort(1), rows.getString(2));
            }
        }
    }

    private static PiiVaultException unavailable(String what, SQLException e) {
        return new PiiVaultException(
                PiiVaultErrorCode.KEY_STORE_UNAVAILABLE,
                "Cannot %s in the key store (SQL state %s: %s): check PostgreSQL is reachable and the pii_vault schema is migrated"
                        .formatted(what, e.getSQLState(), e.getMessage()),
                e);
    }
}
