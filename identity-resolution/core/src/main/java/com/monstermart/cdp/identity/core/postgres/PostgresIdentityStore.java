package com.monstermart.cdp.identity.core.postgres;

import static java.util.Objects.requireNonNull;

import com.monstermart.cdp.identity.core.IdentityErrorCode;
import com.monstermart.cdp.identity.core.IdentityException;
import com.monstermart.cdp.identity.core.graph.DeterministicResolver;
import com.monstermart.cdp.identity.core.graph.Explanation;
import com.monstermart.cdp.identity.core.graph.IdentityChange;
import com.monstermart.cdp.identity.core.graph.IdentityStore;
import com.monstermart.cdp.identity.core.graph.InMemoryIdentityStore;
import com.monstermart.cdp.identity.core.graph.JournalOperation;
import com.monstermart.cdp.identity.core.graph.Link;
import com.monstermart.cdp.identity.core.graph.LinkKind;
import com.monstermart.cdp.identity.core.graph.Member;
import com.monstermart.cdp.identity.core.graph.MemoryGraph;
import com.monstermart.cdp.identity.core.graph.Observation;
import com.monstermart.cdp.identity.core.graph.ProfileView;
import com.monstermart.cdp.identity.core.graph.RejectedLink;
import com.monstermart.cdp.identity.core.graph.RejectionReason;
import com.monstermart.cdp.identity.core.graph.Resolution;
import com.monstermart.cdp.identity.core.graph.RuleChangePlanner;
import com.monstermart.cdp.identity.core.graph.RuleChangeReport;
import com.monstermart.cdp.identity.core.graph.UnmergeResult;
import com.monstermart.cdp.identity.core.graph.Unmerger;
import com.monstermart.cdp.identity.core.identifier.Identifier;
import com.monstermart.cdp.identity.core.rules.ResolutionRules;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The identity graph in PostgreSQL (schema {@code identity}, migrations in {@code db/migration}).
 *
 * <p>Concurrency: a batch of observations resolves in one short READ COMMITTED transaction that
 *
 * <ol>
 *   <li>takes a shared advisory lock (a rule change takes it exclusively) and reads the rules version;
 *   <li>skips messageIds already in {@code identity.observations} (idempotency);
 *   <li>finds the profiles of the batch's identifiers and locks their rows {@code FOR UPDATE} in id order (no
 *       deadlocks between resolvers), then re-reads the identifiers: if a profile was merged or an identifier
 *       appeared meanwhile, the transaction is retried;
 *   <li>loads those profiles (members, merged ids, separations) into a {@link MemoryGraph}, runs the same
 *       {@link DeterministicResolver} as the in-memory store, and writes back what changed.
 * </ol>
 *
 * <p>A merge rewrites rows of locked profiles only, and a new identifier is an INSERT that a concurrent creator of
 * the same identifier makes fail (unique key) and retry: so no merge is lost and a component never gets two
 * profiles. A batch of one is the per-event mode; larger batches trade latency for throughput.
 */
public final class PostgresIdentityStore implements IdentityStore {
    private static final long RULES_LOCK = 0x1DE7_0001L;
    private static final long NEW_PROFILES_FROM = Long.MAX_VALUE / 2;
    /** Rounds of locking profiles that identifiers moved to while the first locks waited. */
    private static final int MAX_LOCK_ROUNDS = 4;

    private final Transactions transactions;
    private final Clock clock;
    private volatile ResolutionRules rules;
    private volatile DeterministicResolver resolver;

    /**
     * @param initialRules the rules stored on first start; afterwards the stored rules win (change them with
     *     {@link #applyRules})
     */
    public PostgresIdentityStore(DataSource dataSource, ResolutionRules initialRules, Clock clock) {
        this.transactions = new Transactions(requireNonNull(dataSource, "dataSource is null"), 30);
        this.clock = requireNonNull(clock, "clock is null");
        requireNonNull(initialRules, "initialRules is null");
        this.rules = transactions.inTransaction("load the rules", connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO identity.rules (id, version, properties, updated_at, updated_by)"
                            + " VALUES (1, ?, ?, ?, 'initial') ON CONFLICT (id) DO NOTHING")) {
                insert.setString(1, initialRules.version());
                insert.setString(2, write(initialRules));
                insert.setTimestamp(3, Timestamp.from(clock.instant()));
                insert.executeUpdate();
            }
            try (Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT properties FROM identity.rules WHERE id = 1")) {
                rows.next();
                return read(rows.getString(1));
            }
        });
        this.resolver = new DeterministicResolver(rules);
    }

    /** How often a transaction was retried after losing a race (for metrics). */
    public long retries() {
        return transactions.retries();
    }

    @Override
    public ResolutionRules rules() {
        return rules;
    }

    // ---------------------------------------------------------------------------------------------- resolving

    @Override
    public List<Resolution> resolve(List<Observation> observations) {
        if (observations.isEmpty()) {
            return List.of();
        }
        return transactions.inReadCommittedTransaction(
                "resolve a batch", connection -> resolveBatch(connection, observations));
    }

    /**
     * One batch in five round trips whatever its size: the rules lock (with the isolation level), the batch's
     * messageIds and identifiers, the row locks of their profiles, those profiles' graph, and one statement writing
     * everything back.
     */
    private List<Resolution> resolveBatch(Connection connection, List<Observation> observations) throws SQLException {
        DeterministicResolver current = lockRules(connection);
        Set<String> everyKey = new LinkedHashSet<>();
        for (Observation observation : observations) {
            for (Identifier identifier : observation.identifiers()) {
                everyKey.add(identifier.key());
            }
        }
        Prefetched prefetched = prefetch(
                connection,
                observations.stream().map(Observation::messageId).distinct().toArray(String[]::new),
                everyKey.toArray(String[]::new));
        Map<String, Optional<UUID>> done = prefetched.observed();
        Set<Identifier> identifiers = new LinkedHashSet<>();
        for (Observation observation : observations) {
            if (!done.containsKey(observation.messageId())) {
                identifiers.addAll(observation.identifiers());
            }
        }
        String[] keys = identifiers.stream().map(Identifier::key).toArray(String[]::new);
        Map<String, UUID> before = new HashMap<>();
        for (String key : keys) {
            UUID owner = prefetched.owners().get(key);
            if (owner != null) {
                before.put(key, owner);
            }
        }
        Loaded loaded = loadProfiles(connection, new TreeSet<>(before.values()), keys, before);
        MemoryGraph graph = loaded.graph();
        List<Resolution> resolutions = new ArrayList<>(observations.size());
        List<Observation> resolved = new ArrayList<>();
        Map<String, Optional<UUID>> inBatch = new HashMap<>();
        for (Observation observation : observations) {
            Optional<UUID> earlier = done.containsKey(observation.messageId())
                    ? done.get(observation.messageId())
                    : inBatch.get(observation.messageId());
            if (earlier != null || done.containsKey(observation.messageId())) {
                resolutions.add(Resolution.duplicate(
                        observation.messageId(), earlier == null ? Optional.empty() : earlier.map(graph::resolve)));
                continue;
            }
            Resolution resolution = current.resolve(graph, observation);
            inBatch.put(observation.messageId(), resolution.profileId());
            resolutions.add(resolution);
            resolved.add(observation);
        }
        List<Resolution> out = InMemoryIdentityStore.finalIds(graph, resolutions);
        BatchWrite.write(connection, graph, loaded.profileIds(), out, resolved, clock.instant());
        return out;
    }

    /** The rules lock and version, in the transaction's first statement (which also sets the isolation level). */
    private DeterministicResolver lockRules(Connection connection) throws SQLException {
        String version;
        try (Statement statement = connection.createStatement()) {
            // Every statement of a batch is a keyed lookup or write; on young, small tables the planner would scan
            // them whole for large arrays and test every row against the whole array.
            statement.execute(Transactions.READ_COMMITTED + "; SET LOCAL enable_seqscan = off;"
                    + " SELECT pg_advisory_xact_lock_shared(" + RULES_LOCK
                    + "), (SELECT version FROM identity.rules WHERE id = 1)");
            while (!statement.getMoreResults() && statement.getUpdateCount() != -1) {
                // skip the SET's update count
            }
            try (ResultSet rows = statement.getResultSet()) {
                rows.next();
                version = rows.getString(2);
            }
        }
        return resolverFor(connection, version);
    }

    /** What is known of a batch before locking: messageIds seen before (with their profile), identifier owners. */
    private record Prefetched(Map<String, Optional<UUID>> observed, Map<String, UUID> owners) {}

    private static Prefetched prefetch(Connection connection, String[] messageIds, String[] keys) throws SQLException {
        Map<String, Optional<UUID>> observed = new HashMap<>();
        Map<String, UUID> owners = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT 0, message_id, profile_id FROM identity.observations WHERE message_id = ANY(?)"
                        + " UNION ALL SELECT 1, key, profile_id FROM identity.identifiers WHERE key = ANY(?)")) {
            statement.setArray(1, connection.createArrayOf("text", messageIds));
            statement.setArray(2, connection.createArrayOf("text", keys));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    if (rows.getInt(1) == 0) {
                        observed.put(rows.getString(2), Optional.ofNullable(rows.getObject(3, UUID.class)));
                    } else {
                        owners.put(rows.getString(2), rows.getObject(3, UUID.class));
                    }
                }
            }
        }
        return new Prefetched(observed, owners);
    }

    private DeterministicResolver currentResolver(Connection connection) throws SQLException {
        String version;
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT pg_advisory_xact_lock_shared(?), (SELECT version FROM identity.rules WHERE id = 1)")) {
            statement.setLong(1, RULES_LOCK);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                version = rows.getString(2);
            }
        }
        return resolverFor(connection, version);
    }

    private DeterministicResolver resolverFor(Connection connection, String version) throws SQLException {
        DeterministicResolver known = resolver;
        if (known.rules().version().equals(version)) {
            return known;
        }
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT properties FROM identity.rules WHERE id = 1")) {
            rows.next();
            ResolutionRules loaded = read(rows.getString(1));
            DeterministicResolver fresh = new DeterministicResolver(loaded);
            this.rules = loaded;
            this.resolver = fresh;
            return fresh;
        }
    }

    private static Map<String, Optional<UUID>> observed(Connection connection, List<Observation> observations)
            throws SQLException {
        Map<String, Optional<UUID>> out = new HashMap<>();
        String[] ids =
                observations.stream().map(Observation::messageId).distinct().toArray(String[]::new);
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT message_id, profile_id FROM identity.observations WHERE message_id = ANY(?)")) {
            statement.setArray(1, connection.createArrayOf("text", ids));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    out.put(rows.getString(1), Optional.ofNullable(rows.getObject(2, UUID.class)));
                }
            }
        }
        return out;
    }

    /** The part of the graph some identifiers touch, with those profiles locked. */
    private record Loaded(MemoryGraph graph, Set<UUID> profileIds) {}

    private Loaded load(Connection connection, Collection<Identifier> identifiers) throws SQLException {
        String[] keys = identifiers.stream().map(Identifier::key).toArray(String[]::new);
        Map<String, UUID> before = owners(connection, keys);
        Set<UUID> profileIds = new TreeSet<>(before.values());
        return loadProfiles(connection, profileIds, keys, before);
    }

    /**
     * Locks the profiles that own {@code keys} (and {@code profileIds}) and loads them. The first locks wait, in id
     * order. Under the locks, a key known {@code before} is confirmed by being a member of its (still live) owner; the
     * other keys are read again. If a transaction that held some of the profiles moved identifiers meanwhile (a merge,
     * a new identifier), the profiles that own them now are locked too, without waiting ({@code NOWAIT}: a profile
     * another resolver holds makes the whole transaction retry, so waits never form a cycle), and the graph is read
     * again, until every owner is locked. So a batch that lost a race usually goes on instead of starting over.
     */
    private Loaded loadProfiles(Connection connection, Set<UUID> profileIds, String[] keys, Map<String, UUID> before)
            throws SQLException {
        Map<UUID, ProfileRow> live = new TreeMap<>();
        List<ProfileRow> first = lock(connection, profileIds, LockWait.WAIT);
        if (first.size() != profileIds.size()) {
            throw new Transactions.Conflict("a profile disappeared while locking");
        }
        first.stream().filter(row -> row.mergedInto() == null).forEach(row -> live.put(row.id(), row));
        if (keys.length == 0 && live.size() != first.size()) {
            // Profiles asked for by id (not found through identifiers): the caller must resolve the merged id again.
            throw new Transactions.Conflict("a profile was merged while locking");
        }
        Map<String, UUID> owners = new HashMap<>(before);
        Set<String> probed = new LinkedHashSet<>();
        for (String key : keys) {
            if (!owners.containsKey(key)) {
                probed.add(key);
            }
        }
        for (int round = 1; ; round++) {
            for (String key : keys) {
                UUID owner = owners.get(key);
                if (owner != null && !live.containsKey(owner)) {
                    probed.add(key);
                }
            }
            GraphRows rows = readGraph(connection, probed.toArray(String[]::new), live.keySet());
            for (String key : probed) {
                UUID owner = rows.owners().get(key);
                if (owner == null) {
                    owners.remove(key);
                } else {
                    owners.put(key, owner);
                }
            }
            List<String> strays = new ArrayList<>();
            for (String key : keys) {
                if (!probed.contains(key)
                        && owners.containsKey(key)
                        && !rows.memberKeys().contains(key)) {
                    strays.add(key);
                }
            }
            Set<UUID> missing = new TreeSet<>();
            for (String key : probed) {
                UUID owner = owners.get(key);
                if (owner != null && !live.containsKey(owner)) {
                    missing.add(owner);
                }
            }
            if (missing.isEmpty() && strays.isEmpty()) {
                return new Loaded(rows.toGraph(live.values()), Set.copyOf(live.keySet()));
            }
            if (round == MAX_LOCK_ROUNDS) {
                throw new Transactions.Conflict("identifiers kept moving while locking");
            }
            probed.addAll(strays);
            List<ProfileRow> more = lock(connection, missing, LockWait.NOWAIT);
            if (more.size() != missing.size()) {
                throw new Transactions.Conflict("a profile disappeared while locking");
            }
            more.stream().filter(row -> row.mergedInto() == null).forEach(row -> live.put(row.id(), row));
        }
    }

    /** The graph rows read under the locks. */
    private record GraphRows(
            Map<String, UUID> owners,
            Set<String> memberKeys,
            Map<UUID, List<Member>> members,
            Map<UUID, List<UUID>> aliases,
            List<UUID[]> separations) {
        MemoryGraph toGraph(Collection<ProfileRow> locked) {
            MemoryGraph graph = new MemoryGraph(NEW_PROFILES_FROM);
            for (ProfileRow row : locked) {
                graph.load(
                        row.id(),
                        row.sequence(),
                        row.createdAt(),
                        aliases.getOrDefault(row.id(), List.of()),
                        members.getOrDefault(row.id(), List.of()));
            }
            for (UUID[] separation : separations) {
                graph.loadSeparation(separation[0], separation[1]);
            }
            return graph;
        }
    }

    /**
     * One round trip after the locks (a new statement, so it sees everything committed before them): the owners of
     * {@code keys} now, and the profiles' members, merged ids and separations. Journal edges are not read: a new edge
     * is inserted only if its pair has none ({@code ON CONFLICT DO NOTHING}), which keeps the first evidence as
     * reading them did, without probing the edges of every key.
     */
    private static GraphRows readGraph(Connection connection, String[] keys, Set<UUID> profileIds) throws SQLException {
        Map<String, UUID> owners = new HashMap<>();
        Set<String> memberKeys = new HashSet<>();
        Map<UUID, List<Member>> members = new HashMap<>();
        Map<UUID, List<UUID>> aliases = new HashMap<>();
        List<UUID[]> separations = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(LOAD_SQL)) {
            Array idArray = connection.createArrayOf("uuid", profileIds.toArray(UUID[]::new));
            statement.setArray(1, connection.createArrayOf("text", keys));
            statement.setArray(2, idArray);
            statement.setArray(3, idArray);
            statement.setArray(4, idArray);
            statement.setArray(5, idArray);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    switch (rows.getInt(1)) {
                        case 0 -> owners.put(rows.getString(2), rows.getObject(5, UUID.class));
                        case 1 -> {
                            memberKeys.add(rows.getString(8));
                            members.computeIfAbsent(rows.getObject(5, UUID.class), ignored -> new ArrayList<>())
                                    .add(new Member(
                                            new Identifier(
                                                    Identifier.type(rows.getString(2)),
                                                    rows.getString(3),
                                                    rows.getString(4)),
                                            rows.getTimestamp(7).toInstant()));
                        }
                        case 2 ->
                            aliases.computeIfAbsent(rows.getObject(6, UUID.class), ignored -> new ArrayList<>())
                                    .add(rows.getObject(5, UUID.class));
                        default ->
                            separations.add(new UUID[] {rows.getObject(5, UUID.class), rows.getObject(6, UUID.class)});
                    }
                }
            }
        }
        return new GraphRows(owners, memberKeys, members, aliases, separations);
    }

    /**
     * The graph around locked profiles, one row per fact, tagged by kind: 0 owner of a key, 1 member of a profile (with
     * its key), 2 merged id of a profile, 3 separation of a profile or of an id merged into it. Every part has one
     * array condition on an index's leading column (two on one index, such as {@code a_key = ANY(k) AND b_key =
     * ANY(k)}, make PostgreSQL before 17 probe every pair of array elements).
     */
    private static final String LOAD_SQL = """
            SELECT 0, key, NULL, NULL, profile_id, NULL::uuid, NULL::timestamptz, NULL
            FROM identity.identifiers WHERE key = ANY(?)
            UNION ALL
            SELECT 1, id_type, namespace, value, profile_id, NULL, attached_at, key
            FROM identity.identifiers WHERE profile_id = ANY(?)
            UNION ALL
            SELECT 2, NULL, NULL, NULL, id, merged_into, NULL, NULL
            FROM identity.profiles WHERE merged_into = ANY(?)
            UNION ALL
            SELECT 3, NULL, NULL, NULL, first_id, second_id, NULL, NULL
            FROM identity.separations
            WHERE first_id = ANY(CAST(? AS uuid[]) || ARRAY(SELECT id FROM identity.profiles WHERE merged_into = ANY(?)))
            """;

    private static Map<String, UUID> owners(Connection connection, String[] keys) throws SQLException {
        Map<String, UUID> out = new HashMap<>();
        if (keys.length == 0) {
            return out;
        }
        try (PreparedStatement statement =
                connection.prepareStatement("SELECT key, profile_id FROM identity.identifiers WHERE key = ANY(?)")) {
            statement.setArray(1, connection.createArrayOf("text", keys));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    out.put(rows.getString(1), rows.getObject(2, UUID.class));
                }
            }
        }
        return out;
    }

    private record ProfileRow(UUID id, long sequence, Instant createdAt, UUID mergedInto) {}

    private enum LockWait {
        WAIT,
        NOWAIT
    }

    private static List<ProfileRow> lock(Connection connection, Set<UUID> profileIds, LockWait wait)
            throws SQLException {
        List<ProfileRow> out = new ArrayList<>();
        if (profileIds.isEmpty()) {
            return out;
        }
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT id, created_seq, created_at, merged_into FROM identity.profiles WHERE id = ANY(?)"
                        + " ORDER BY id FOR UPDATE" + (wait == LockWait.NOWAIT ? " NOWAIT" : ""))) {
            statement.setArray(1, connection.createArrayOf("uuid", profileIds.toArray(UUID[]::new)));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    out.add(new ProfileRow(
                            rows.getObject(1, UUID.class),
                            rows.getLong(2),
                            rows.getTimestamp(3).toInstant(),
                            rows.getObject(4, UUID.class)));
                }
            }
        }
        return out;
    }

    /** Writes back what a resolver changed in a loaded graph. */
    private void flush(Connection connection, MemoryGraph graph, Set<UUID> preexisting) throws SQLException {
        MemoryGraph.Tracking tracking = graph.tracked();
        Instant now = clock.instant();
        List<MemoryGraph.Profile> created = tracking.created();
        if (!created.isEmpty()) {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO identity.profiles (id, created_seq, created_at, merged_into, merged_at)"
                            + " VALUES (?, nextval('identity.profile_seq'), ?, ?, ?)")) {
                for (MemoryGraph.Profile profile : created) {
                    UUID target = graph.resolve(profile.id());
                    boolean merged = !target.equals(profile.id());
                    insert.setObject(1, profile.id());
                    insert.setTimestamp(2, Timestamp.from(profile.createdAt()));
                    insert.setObject(3, merged ? target : null);
                    insert.setTimestamp(4, merged ? Timestamp.from(now) : null);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }
        List<Map.Entry<UUID, UUID>> merges = tracking.merged().entrySet().stream()
                .filter(entry -> preexisting.contains(entry.getKey()))
                .sorted(Map.Entry.comparingByKey())
                .toList();
        if (!merges.isEmpty()) {
            UUID[] losers = merges.stream().map(Map.Entry::getKey).toArray(UUID[]::new);
            UUID[] targets =
                    merges.stream().map(entry -> graph.resolve(entry.getKey())).toArray(UUID[]::new);
            Array loserArray = connection.createArrayOf("uuid", losers);
            Array targetArray = connection.createArrayOf("uuid", targets);
            // Set-based, one statement per table; id and merged_into are matched separately so both use an index.
            for (String sql : List.of(
                    "UPDATE identity.profiles p SET merged_into = m.target, merged_at = ?"
                            + " FROM unnest(?::uuid[], ?::uuid[]) AS m(loser, target) WHERE p.merged_into = m.loser"
                            + " AND p.merged_into = ANY(?::uuid[])",
                    "UPDATE identity.profiles p SET merged_into = m.target, merged_at = ?"
                            + " FROM unnest(?::uuid[], ?::uuid[]) AS m(loser, target) WHERE p.id = m.loser"
                            + " AND p.id = ANY(?::uuid[])")) {
                try (PreparedStatement update = connection.prepareStatement(sql)) {
                    update.setTimestamp(1, Timestamp.from(now));
                    update.setArray(2, loserArray);
                    update.setArray(3, targetArray);
                    update.setArray(4, loserArray);
                    update.executeUpdate();
                }
            }
            try (PreparedStatement update =
                    connection.prepareStatement("UPDATE identity.identifiers i SET profile_id = m.target"
                            + " FROM unnest(?::uuid[], ?::uuid[]) AS m(loser, target) WHERE i.profile_id = m.loser"
                            + " AND i.profile_id = ANY(?::uuid[])")) {
                update.setArray(1, loserArray);
                update.setArray(2, targetArray);
                update.setArray(3, loserArray);
                update.executeUpdate();
            }
        }
        Map<Identifier, Instant> attached = new TreeMap<>(tracking.attached());
        if (!attached.isEmpty()) {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO identity.identifiers (key, id_type, namespace, value, profile_id, attached_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?)")) {
                for (Map.Entry<Identifier, Instant> entry : attached.entrySet()) {
                    Identifier identifier = entry.getKey();
                    insert.setString(1, identifier.key());
                    insert.setString(2, identifier.type().wireName());
                    insert.setString(3, identifier.namespace());
                    insert.setString(4, identifier.value());
                    insert.setObject(
                            5, graph.profileOf(identifier).orElseThrow().id());
                    insert.setTimestamp(6, Timestamp.from(entry.getValue()));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }
        insertEdges(connection, tracking.newEdges());
        insertSeparations(connection, tracking.newSeparations(), now);
        graph.resetTracking();
    }

    private static void insertEdges(Connection connection, List<Link> edges) throws SQLException {
        if (edges.isEmpty()) {
            return;
        }
        List<Link> sorted = new ArrayList<>(edges);
        sorted.sort(Comparator.comparing((Link link) -> link.key().first())
                .thenComparing(link -> link.key().second()));
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO identity.edges (a_key, b_key, kind, message_id, at, rule, score)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (a_key, b_key) DO NOTHING")) {
            for (Link link : sorted) {
                insert.setString(1, link.key().first().key());
                insert.setString(2, link.key().second().key());
                insert.setString(3, link.kind().name());
                insert.setString(4, link.messageId());
                insert.setTimestamp(5, Timestamp.from(link.at()));
                insert.setString(6, link.rule());
                insert.setDouble(7, link.score());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void insertSeparations(Connection connection, List<MemoryGraph.Separation> separations, Instant now)
            throws SQLException {
        if (separations.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO identity.separations (first_id, second_id, created_at) VALUES (?, ?, ?)"
                        + " ON CONFLICT DO NOTHING")) {
            for (MemoryGraph.Separation separation : separations) {
                for (UUID[] pair : List.of(
                        new UUID[] {separation.first(), separation.second()},
                        new UUID[] {separation.second(), separation.first()})) {
                    insert.setObject(1, pair[0]);
                    insert.setObject(2, pair[1]);
                    insert.setTimestamp(3, Timestamp.from(now));
                    insert.addBatch();
                }
            }
            insert.executeBatch();
        }
    }

    private static void writeJournal(Connection connection, List<Resolution> resolutions) throws SQLException {
        List<IdentityChange.ProfilesMerged> merges = new ArrayList<>();
        List<RejectedLink> rejections = new ArrayList<>();
        for (Resolution resolution : resolutions) {
            for (IdentityChange change : resolution.changes()) {
                if (change instanceof IdentityChange.ProfilesMerged merged) {
                    merges.add(merged);
                }
            }
            rejections.addAll(resolution.rejections());
        }
        if (!merges.isEmpty()) {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO identity.merges (survivor, merged, from_key, to_key, kind, message_id, rule, score, at)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (IdentityChange.ProfilesMerged merged : merges) {
                    Link evidence = merged.evidence();
                    insert.setObject(1, merged.profileId());
                    insert.setObject(2, merged.merged());
                    insert.setString(3, evidence.from().key());
                    insert.setString(4, evidence.to().key());
                    insert.setString(5, evidence.kind().name());
                    insert.setString(6, evidence.messageId());
                    insert.setString(7, evidence.rule());
                    insert.setDouble(8, evidence.score());
                    insert.setTimestamp(9, Timestamp.from(merged.at()));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }
        insertRejections(connection, rejections);
    }

    private static void insertRejections(Connection connection, List<RejectedLink> rejections) throws SQLException {
        if (rejections.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO identity.rejections (from_key, to_key, reason, detail, message_id, at)"
                        + " VALUES (?, ?, ?, ?, ?, ?)")) {
            for (RejectedLink rejection : rejections) {
                insert.setString(1, rejection.from().key());
                insert.setString(2, rejection.to().map(Identifier::key).orElse(null));
                insert.setString(3, rejection.reason().name());
                insert.setString(4, rejection.detail());
                insert.setString(5, rejection.messageId());
                insert.setTimestamp(6, Timestamp.from(rejection.at()));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    // ---------------------------------------------------------------------------------------------- reading

    @Override
    public Optional<UUID> profileOf(Identifier identifier) {
        return transactions.inTransaction(
                "look up an identifier",
                connection -> Optional.ofNullable(
                        owners(connection, new String[] {identifier.key()}).get(identifier.key())));
    }

    @Override
    public Optional<ProfileView> profile(UUID profileId) {
        return transactions.inTransaction("read a profile", connection -> readProfile(connection, profileId));
    }

    private static Optional<ProfileView> readProfile(Connection connection, UUID requested) throws SQLException {
        UUID id;
        Instant createdAt;
        try (PreparedStatement statement =
                connection.prepareStatement("SELECT p.id, p.created_at FROM identity.profiles p WHERE p.id ="
                        + " (SELECT COALESCE(merged_into, id) FROM identity.profiles WHERE id = ?)")) {
            statement.setObject(1, requested);
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                id = rows.getObject(1, UUID.class);
                createdAt = rows.getTimestamp(2).toInstant();
            }
        }
        List<Member> members = members(connection, id);
        List<UUID> merged = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT id FROM identity.profiles WHERE merged_into = ? ORDER BY created_seq")) {
            statement.setObject(1, id);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    merged.add(rows.getObject(1, UUID.class));
                }
            }
        }
        return Optional.of(new ProfileView(id, requested, createdAt, members, merged));
    }

    private static List<Member> members(Connection connection, UUID profileId) throws SQLException {
        List<Member> members = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT id_type, namespace, value, attached_at FROM identity.identifiers WHERE profile_id = ?"
                        + " ORDER BY attached_at, key")) {
            statement.setObject(1, profileId);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    members.add(new Member(
                            new Identifier(Identifier.type(rows.getString(1)), rows.getString(2), rows.getString(3)),
                            rows.getTimestamp(4).toInstant()));
                }
            }
        }
        return members;
    }

    private static List<Link> edgesOf(Connection connection, List<Member> members) throws SQLException {
        String[] keys =
                members.stream().map(member -> member.identifier().key()).toArray(String[]::new);
        Set<String> inside = Set.of(keys);
        List<Link> out = new ArrayList<>();
        try (PreparedStatement statement =
                connection.prepareStatement("SELECT a_key, b_key, kind, message_id, at, rule, score FROM identity.edges"
                        + " WHERE revoked_at IS NULL AND (a_key = ANY(?) OR b_key = ANY(?))")) {
            Array array = connection.createArrayOf("text", keys);
            statement.setArray(1, array);
            statement.setArray(2, array);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    if (inside.contains(rows.getString(1)) && inside.contains(rows.getString(2))) {
                        out.add(new Link(
                                Identifier.parseKey(rows.getString(1)),
                                Identifier.parseKey(rows.getString(2)),
                                LinkKind.valueOf(rows.getString(3)),
                                rows.getString(4),
                                rows.getTimestamp(5).toInstant(),
                                rows.getString(6),
                                rows.getDouble(7)));
                    }
                }
            }
        }
        return out;
    }

    @Override
    public Explanation explain(Identifier from, Identifier to) {
        return transactions.inTransaction("explain a link", connection -> {
            Map<String, UUID> owners = owners(connection, new String[] {from.key(), to.key()});
            UUID first = known(owners, from);
            UUID second = known(owners, to);
            if (!first.equals(second)) {
                throw new IdentityException(
                        IdentityErrorCode.INVALID_REQUEST,
                        "%s and %s are in different profiles (%s, %s): nothing links them"
                                .formatted(from, to, first, second));
            }
            Map<Identifier, List<Link>> adjacency = new HashMap<>();
            for (Link link : edgesOf(connection, members(connection, first))) {
                adjacency
                        .computeIfAbsent(link.from(), ignored -> new ArrayList<>())
                        .add(link);
                adjacency
                        .computeIfAbsent(link.to(), ignored -> new ArrayList<>())
                        .add(link);
            }
            return new Explanation(first, from, to, InMemoryIdentityStore.shortestPath(adjacency, from, to));
        });
    }

    private static UUID known(Map<String, UUID> owners, Identifier identifier) {
        UUID id = owners.get(identifier.key());
        if (id == null) {
            throw new IdentityException(
                    IdentityErrorCode.IDENTIFIER_NOT_FOUND, "Identifier %s is in no profile".formatted(identifier));
        }
        return id;
    }

    @Override
    public List<RejectedLink> rejections(UUID profileId, int limit) {
        return transactions.inTransaction("read rejections", connection -> {
            ProfileView profile = readProfile(connection, profileId)
                    .orElseThrow(() ->
                            new IdentityException(IdentityErrorCode.PROFILE_NOT_FOUND, "No profile " + profileId));
            String[] keys = profile.identifiers().stream()
                    .map(member -> member.identifier().key())
                    .toArray(String[]::new);
            List<RejectedLink> out = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT from_key, to_key, reason, detail, message_id, at FROM identity.rejections"
                            + " WHERE from_key = ANY(?) OR to_key = ANY(?) ORDER BY at DESC, id DESC LIMIT ?")) {
                Array array = connection.createArrayOf("text", keys);
                statement.setArray(1, array);
                statement.setArray(2, array);
                statement.setInt(3, limit);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        out.add(new RejectedLink(
                                Identifier.parseKey(rows.getString(1)),
                                Optional.ofNullable(rows.getString(2)).map(Identifier::parseKey),
                                RejectionReason.valueOf(rows.getString(3)),
                                rows.getString(4),
                                rows.getString(5),
                                rows.getTimestamp(6).toInstant()));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public Statistics statistics() {
        return transactions.inTransaction("count the graph", connection -> {
            try (Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery(
                            "SELECT (SELECT count(*) FROM identity.profiles WHERE merged_into IS NULL"
                                    + " AND EXISTS (SELECT 1 FROM identity.identifiers i WHERE i.profile_id = profiles.id)),"
                                    + " (SELECT count(*) FROM identity.identifiers),"
                                    + " (SELECT count(*) FROM identity.edges WHERE revoked_at IS NULL),"
                                    + " (SELECT count(*) FROM identity.observations)")) {
                rows.next();
                return new Statistics(rows.getLong(1), rows.getLong(2), rows.getLong(3), rows.getLong(4));
            }
        });
    }

    // ---------------------------------------------------------------------------------------------- operations

    @Override
    public Resolution link(Link link) {
        return transactions.inTransaction("link two profiles", connection -> {
            DeterministicResolver current = currentResolver(connection);
            Map<String, UUID> owners = owners(
                    connection, new String[] {link.from().key(), link.to().key()});
            known(owners, link.from());
            known(owners, link.to());
            Loaded loaded = load(connection, List.of(link.from(), link.to()));
            Resolution resolution = current.link(loaded.graph(), link);
            flush(connection, loaded.graph(), loaded.profileIds());
            writeJournal(connection, List.of(resolution));
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO identity.operations (operation_id, kind, from_key, to_key, link_kind, rule, score,"
                            + " actor, reason, at) VALUES (?, 'LINK', ?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, link.messageId());
                insert.setString(2, link.from().key());
                insert.setString(3, link.to().key());
                insert.setString(4, link.kind().name());
                insert.setString(5, link.rule());
                insert.setDouble(6, link.score());
                insert.setString(7, link.rule());
                insert.setString(8, link.kind().name().toLowerCase(java.util.Locale.ROOT));
                insert.setTimestamp(9, Timestamp.from(link.at()));
                insert.executeUpdate();
            }
            return resolution;
        });
    }

    @Override
    public UnmergeResult removeIdentifier(Identifier identifier, String actor, String reason) {
        UUID profileId = profileOf(identifier)
                .orElseThrow(() -> new IdentityException(
                        IdentityErrorCode.IDENTIFIER_NOT_FOUND,
                        "Identifier %s is in no profile".formatted(identifier)));
        return splitOff(profileId, Set.of(identifier), actor, reason, Mode.REMOVE);
    }

    @Override
    public UnmergeResult split(UUID profileId, Set<Identifier> moved, String actor, String reason) {
        return splitOff(profileId, moved, actor, reason, Mode.SPLIT);
    }

    private enum Mode {
        REMOVE,
        SPLIT
    }

    private UnmergeResult splitOff(UUID requested, Set<Identifier> moved, String actor, String reason, Mode mode) {
        String operationId = UUID.randomUUID().toString();
        return transactions.inTransaction("split a profile", connection -> {
            currentResolver(connection);
            ProfileView view = readProfile(connection, requested)
                    .orElseThrow(() ->
                            new IdentityException(IdentityErrorCode.PROFILE_NOT_FOUND, "No profile " + requested));
            UUID profileId = view.profileId();
            if (mode == Mode.REMOVE && view.identifiers().size() == 1) {
                throw new IdentityException(
                        IdentityErrorCode.INVALID_REQUEST,
                        "Identifier %s is alone in profile %s already"
                                .formatted(moved.iterator().next(), profileId));
            }
            Loaded loaded = loadProfiles(connection, new TreeSet<>(Set.of(profileId)), new String[0], Map.of());
            MemoryGraph graph = loaded.graph();
            MemoryGraph.Profile profile = graph.profile(profileId)
                    .orElseThrow(() -> new Transactions.Conflict("profile changed while locking"));
            List<Member> before = profile.members();
            Instant at = clock.instant();
            Unmerger.Outcome outcome = Unmerger.unmerge(
                    graph, profile, edgesOf(connection, before), moved, operationId, actor, reason, at);
            flush(connection, graph, loaded.profileIds());
            try (PreparedStatement update =
                    connection.prepareStatement("UPDATE identity.identifiers SET profile_id = ? WHERE key = ANY(?)")) {
                for (ProfileView part : outcome.result().profiles()) {
                    if (part.profileId().equals(profileId)) {
                        continue;
                    }
                    update.setObject(1, part.profileId());
                    update.setArray(
                            2,
                            connection.createArrayOf(
                                    "text",
                                    part.identifiers().stream()
                                            .map(member -> member.identifier().key())
                                            .toArray(String[]::new)));
                    update.addBatch();
                }
                update.executeBatch();
            }
            try (PreparedStatement revoke = connection.prepareStatement(
                    "UPDATE identity.edges SET revoked_at = ?, revoked_by = ? WHERE a_key = ? AND b_key = ?")) {
                for (Link link : outcome.revoked()) {
                    revoke.setTimestamp(1, Timestamp.from(at));
                    revoke.setString(2, operationId);
                    revoke.setString(3, link.key().first().key());
                    revoke.setString(4, link.key().second().key());
                    revoke.addBatch();
                }
                revoke.executeBatch();
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO identity.operations (operation_id, kind, moved, actor, reason, at)"
                            + " VALUES (?, 'SPLIT', ?, ?, ?, ?)")) {
                insert.setString(1, operationId);
                insert.setArray(
                        2,
                        connection.createArrayOf(
                                "text",
                                moved.stream().map(Identifier::key).sorted().toArray(String[]::new)));
                insert.setString(3, actor);
                insert.setString(4, reason);
                insert.setTimestamp(5, Timestamp.from(at));
                insert.executeUpdate();
            }
            return outcome.result();
        });
    }

    @Override
    public void separate(UUID first, UUID second, String actor, String reason) {
        transactions.inTransaction("separate two profiles", connection -> {
            currentResolver(connection);
            Instant at = clock.instant();
            insertSeparations(connection, List.of(new MemoryGraph.Separation(first, second)), at);
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO identity.operations (operation_id, kind, first_profile, second_profile, actor,"
                            + " reason, at) VALUES (?, 'SEPARATE', ?, ?, ?, ?, ?)")) {
                insert.setString(1, UUID.randomUUID().toString());
                insert.setObject(2, first);
                insert.setObject(3, second);
                insert.setString(4, actor);
                insert.setString(5, reason);
                insert.setTimestamp(6, Timestamp.from(at));
                insert.executeUpdate();
            }
            return null;
        });
    }

    // ---------------------------------------------------------------------------------------------- rule changes

    @Override
    public RuleChangeReport dryRun(ResolutionRules candidate) {
        return transactions.inTransaction("dry-run a rule change", connection -> {
            currentResolver(connection);
            InMemoryIdentityStore replayed = InMemoryIdentityStore.replay(journal(connection), candidate, clock);
            RuleChangePlanner.Comparison comparison =
                    RuleChangePlanner.compare(partition(connection), replayed.partition());
            return RuleChangePlanner.report(
                    rules.version(), candidate.version(), comparison, false, "dry-run", clock.instant());
        });
    }

    @Override
    public RuleChangeReport applyRules(ResolutionRules candidate, String actor) {
        RuleChangeReport report = transactions.inTransaction("apply a rule change", connection -> {
            try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                lock.setLong(1, RULES_LOCK);
                lock.execute();
            }
            String fromVersion;
            try (Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT version FROM identity.rules WHERE id = 1")) {
                rows.next();
                fromVersion = rows.getString(1);
            }
            Map<UUID, Set<Identifier>> before = partition(connection);
            InMemoryIdentityStore replayed = InMemoryIdentityStore.replay(journal(connection), candidate, clock);
            RuleChangePlanner.Comparison comparison = RuleChangePlanner.compare(before, replayed.partition());
            rewrite(connection, replayed.snapshot(), comparison);
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE identity.rules SET version = ?, properties = ?, updated_at = ?, updated_by = ?"
                            + " WHERE id = 1")) {
                update.setString(1, candidate.version());
                update.setString(2, write(candidate));
                update.setTimestamp(3, Timestamp.from(clock.instant()));
                update.setString(4, actor);
                update.executeUpdate();
            }
            return RuleChangePlanner.report(fromVersion, candidate.version(), comparison, true, actor, clock.instant());
        });
        this.rules = candidate;
        this.resolver = new DeterministicResolver(candidate);
        return report;
    }

    private void rewrite(
            Connection connection, InMemoryIdentityStore.Snapshot snapshot, RuleChangePlanner.Comparison comparison)
            throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("DELETE FROM identity.identifiers");
            statement.execute("DELETE FROM identity.edges");
            statement.execute("DELETE FROM identity.separations");
            statement.execute("DELETE FROM identity.rejections");
        }
        Instant now = clock.instant();
        Map<UUID, UUID> aliases = new LinkedHashMap<>();
        for (RuleChangeReport.ProfileChange change : comparison.changed()) {
            if (!change.now().isEmpty()) {
                aliases.put(change.profileId(), change.now().get(0));
            }
        }
        Set<UUID> live = new HashSet<>();
        try (PreparedStatement upsert = connection.prepareStatement(
                "INSERT INTO identity.profiles (id, created_seq, created_at, merged_into, merged_at)"
                        + " VALUES (?, ?, ?, NULL, NULL) ON CONFLICT (id) DO UPDATE SET created_seq = EXCLUDED.created_seq,"
                        + " merged_into = NULL, merged_at = NULL")) {
            for (ProfileView profile : snapshot.profiles()) {
                live.add(profile.profileId());
                upsert.setObject(1, profile.profileId());
                upsert.setLong(2, snapshot.sequences().get(profile.profileId()));
                upsert.setTimestamp(3, Timestamp.from(profile.createdAt()));
                upsert.addBatch();
                for (UUID merged : profile.mergedIds()) {
                    aliases.putIfAbsent(merged, profile.profileId());
                }
            }
            upsert.executeBatch();
        }
        try (PreparedStatement alias = connection.prepareStatement(
                "INSERT INTO identity.profiles (id, created_seq, created_at, merged_into, merged_at)"
                        + " VALUES (?, nextval('identity.profile_seq'), ?, ?, ?) ON CONFLICT (id) DO UPDATE SET"
                        + " merged_into = EXCLUDED.merged_into, merged_at = EXCLUDED.merged_at")) {
            for (Map.Entry<UUID, UUID> entry : aliases.entrySet()) {
                if (live.contains(entry.getKey())) {
                    continue;
                }
                alias.setObject(1, entry.getKey());
                alias.setTimestamp(2, Timestamp.from(now));
                alias.setObject(3, entry.getValue());
                alias.setTimestamp(4, Timestamp.from(now));
                alias.addBatch();
            }
            alias.executeBatch();
        }
        // Ids merged long ago into a profile that is now an alias: point them at the live target too.
        try (Statement statement = connection.createStatement()) {
            statement.execute("UPDATE identity.profiles p SET merged_into = t.merged_into FROM identity.profiles t"
                    + " WHERE p.merged_into = t.id AND t.merged_into IS NOT NULL");
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO identity.identifiers (key, id_type, namespace, value, profile_id, attached_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?)")) {
            for (ProfileView profile : snapshot.profiles()) {
                for (Member member : profile.identifiers()) {
                    Identifier identifier = member.identifier();
                    insert.setString(1, identifier.key());
                    insert.setString(2, identifier.type().wireName());
                    insert.setString(3, identifier.namespace());
                    insert.setString(4, identifier.value());
                    insert.setObject(5, profile.profileId());
                    insert.setTimestamp(6, Timestamp.from(member.attachedAt()));
                    insert.addBatch();
                }
            }
            insert.executeBatch();
        }
        insertEdges(connection, snapshot.edges());
        insertSeparations(connection, snapshot.separations(), now);
        insertRejections(connection, snapshot.rejections());
    }

    private static Map<UUID, Set<Identifier>> partition(Connection connection) throws SQLException {
        Map<UUID, Set<Identifier>> out = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT profile_id, id_type, namespace, value FROM identity.identifiers ORDER BY profile_id")) {
            while (rows.next()) {
                out.computeIfAbsent(rows.getObject(1, UUID.class), ignored -> new LinkedHashSet<>())
                        .add(new Identifier(Identifier.type(rows.getString(2)), rows.getString(3), rows.getString(4)));
            }
        }
        return out;
    }

    /** The operation log, in sequence order. */
    public List<JournalOperation> journal() {
        return transactions.inTransaction("read the journal", PostgresIdentityStore::journal);
    }

    private static List<JournalOperation> journal(Connection connection) throws SQLException {
        List<JournalOperation> out = new ArrayList<>();
        try (Statement statement = connection.createStatement()) {
            statement.setFetchSize(5000);
            try (ResultSet rows = statement.executeQuery(
                    "SELECT seq, message_id, event_time, source, identifiers FROM identity.observations ORDER BY seq")) {
                while (rows.next()) {
                    String[] keys = (String[]) rows.getArray(5).getArray();
                    List<Identifier> identifiers = new ArrayList<>(keys.length);
                    for (String key : keys) {
                        identifiers.add(Identifier.parseKey(key));
                    }
                    out.add(new JournalOperation.Observed(
                            rows.getLong(1),
                            new Observation(
                                    rows.getString(2),
                                    rows.getTimestamp(3).toInstant(),
                                    rows.getString(4),
                                    identifiers)));
                }
            }
            try (ResultSet rows = statement.executeQuery(
                    "SELECT seq, operation_id, kind, from_key, to_key, link_kind, rule, score, moved, first_profile,"
                            + " second_profile, actor, reason, at FROM identity.operations ORDER BY seq")) {
                while (rows.next()) {
                    long seq = rows.getLong(1);
                    Instant at = rows.getTimestamp(14).toInstant();
                    switch (rows.getString(3)) {
                        case "LINK" ->
                            out.add(new JournalOperation.Linked(
                                    seq,
                                    new Link(
                                            Identifier.parseKey(rows.getString(4)),
                                            Identifier.parseKey(rows.getString(5)),
                                            LinkKind.valueOf(rows.getString(6)),
                                            rows.getString(2),
                                            at,
                                            rows.getString(7),
                                            rows.getDouble(8))));
                        case "SPLIT" -> {
                            Set<Identifier> moved = new LinkedHashSet<>();
                            for (String key : (String[]) rows.getArray(9).getArray()) {
                                moved.add(Identifier.parseKey(key));
                            }
                            out.add(new JournalOperation.Split(
                                    seq, rows.getString(2), moved, rows.getString(12), rows.getString(13), at));
                        }
                        case "SEPARATE" ->
                            out.add(new JournalOperation.Separated(
                                    seq,
                                    rows.getObject(10, UUID.class),
                                    rows.getObject(11, UUID.class),
                                    rows.getString(12),
                                    rows.getString(13),
                                    at));
                        default ->
                            throw new IdentityException(
                                    IdentityErrorCode.STORE_FAILURE,
                                    "Unknown operation kind '%s' in identity.operations".formatted(rows.getString(3)));
                    }
                }
            }
        }
        out.sort(Comparator.comparingLong(JournalOperation::sequence));
        return out;
    }

    private static String write(ResolutionRules rules) {
        Properties properties = new Properties();
        properties.putAll(rules.toProperties());
        StringWriter out = new StringWriter();
        try {
            properties.store(out, null);
        } catch (IOException e) {
            throw new IllegalStateException("Writing to a StringWriter failed", e);
        }
        return out.toString();
    }

    private static ResolutionRules read(String text) {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(text));
        } catch (IOException e) {
            throw new IllegalStateException("Reading from a StringReader failed", e);
        }
        Map<String, String> map = new TreeMap<>();
        properties.forEach((key, value) -> map.put(key.toString(), value.toString()));
        return ResolutionRules.parse(map);
    }
}
