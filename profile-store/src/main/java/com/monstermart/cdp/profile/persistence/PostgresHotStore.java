package com.monstermart.cdp.profile.persistence;

import static java.util.Objects.requireNonNull;

import com.monstermart.cdp.profile.core.IdentifierKey;
import com.monstermart.cdp.profile.core.IdentityOwner;
import com.monstermart.cdp.profile.core.OrderState;
import com.monstermart.cdp.profile.core.ProductState;
import com.monstermart.cdp.profile.core.ProfileState;
import com.monstermart.cdp.profile.core.ProfileStoreErrorCode;
import com.monstermart.cdp.profile.core.ProfileStoreException;
import com.monstermart.cdp.profile.core.RecentEvent;
import com.monstermart.cdp.profile.core.StateChanges;
import com.monstermart.cdp.profile.core.StateStore;
import com.monstermart.cdp.profile.core.StreamPartition;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The hot store in PostgreSQL (schema {@code profile_store}, migrations in {@code db/profile-store}): current
 * profiles, identifier owners, recent events, products, orders and the stream offsets, all written in one
 * transaction per batch. The profile API reads from here, never from Iceberg.
 *
 * <p>Plain JDBC on a {@link DataSource}, so it runs the same in the service and in tests and benchmarks.
 */
public final class PostgresHotStore implements StateStore {
    /** The schema the migrations create. */
    public static final String SCHEMA = "profile_store";

    private static final int CHUNK = 5_000;

    private final DataSource dataSource;
    private final String consumer;

    /**
     * @param consumer the Kafka consumer group whose offsets this store keeps (several groups can share a database)
     */
    public PostgresHotStore(DataSource dataSource, String consumer) {
        this.dataSource = requireNonNull(dataSource, "dataSource is null");
        this.consumer = requireNonNull(consumer, "consumer is null");
    }

    // ------------------------------------------------------------------------------------------------ StateStore

    @Override
    public Map<StreamPartition, Long> committedOffsets() {
        Map<StreamPartition, Long> offsets = new HashMap<>();
        query(
                "SELECT topic, kafka_partition, last_offset FROM profile_store.stream_offsets WHERE consumer = ?",
                statement -> statement.setString(1, consumer),
                result -> offsets.put(new StreamPartition(result.getString(1), result.getInt(2)), result.getLong(3)));
        return offsets;
    }

    @Override
    public Map<String, ProfileState> loadProfiles(Collection<String> profileIds) {
        Map<String, ProfileState> profiles = new HashMap<>();
        for (List<String> chunk : chunks(profileIds)) {
            query(
                    "SELECT state FROM profile_store.profiles WHERE profile_id = ANY(?)",
                    statement -> statement.setArray(1, textArray(statement.getConnection(), chunk)),
                    result -> {
                        ProfileState state = StateJson.readProfile(result.getString(1));
                        profiles.put(state.profileId(), state);
                    });
        }
        return profiles;
    }

    @Override
    public List<ProfileState> loadProfilesMergedInto(Collection<String> survivorIds) {
        List<ProfileState> profiles = new ArrayList<>();
        for (List<String> chunk : chunks(survivorIds)) {
            query(
                    "SELECT state FROM profile_store.profiles WHERE merged_into = ANY(?)",
                    statement -> statement.setArray(1, textArray(statement.getConnection(), chunk)),
                    result -> profiles.add(StateJson.readProfile(result.getString(1))));
        }
        return profiles;
    }

    @Override
    public Map<IdentifierKey, String> loadIdentifierOwners(Collection<IdentifierKey> identifiers) {
        Map<IdentifierKey, String> owners = new HashMap<>();
        for (List<IdentifierKey> chunk : chunks(identifiers)) {
            query(
                    """
                    SELECT i.identifier_type, i.namespace, i.blind_index, i.profile_id
                    FROM unnest(?, ?, ?) AS k(identifier_type, namespace, blind_index)
                    JOIN profile_store.identities i USING (identifier_type, namespace, blind_index)
                    """,
                    statement -> {
                        Connection connection = statement.getConnection();
                        statement.setArray(
                                1,
                                textArray(
                                        connection,
                                        chunk.stream().map(IdentifierKey::type).toList()));
                        statement.setArray(
                                2,
                                textArray(
                                        connection,
                                        chunk.stream()
                                                .map(IdentifierKey::namespace)
                                                .toList()));
                        statement.setArray(
                                3,
                                textArray(
                                        connection,
                                        chunk.stream()
                                                .map(IdentifierKey::blindIndex)
                                                .toList()));
                    },
                    result -> owners.put(
                            new IdentifierKey(result.getString(1), result.getString(2), result.getString(3)),
                            result.getString(4)));
        }
        return owners;
    }

    @Override
    public Map<String, ProductState> loadProducts(Collection<String> productIds) {
        Map<String, ProductState> products = new HashMap<>();
        for (List<String> chunk : chunks(productIds)) {
            query(
                    "SELECT state FROM profile_store.products WHERE product_id = ANY(?)",
                    statement -> statement.setArray(1, textArray(statement.getConnection(), chunk)),
                    result -> {
                        ProductState product = StateJson.readProduct(result.getString(1));
                        products.put(product.productId(), product);
                    });
        }
        return products;
    }

    @Override
    public Map<String, OrderState> loadOrders(Collection<String> orderIds) {
        Map<String, OrderState> orders = new HashMap<>();
        for (List<String> chunk : chunks(orderIds)) {
            query(
                    "SELECT state FROM profile_store.orders WHERE order_id = ANY(?)",
                    statement -> statement.setArray(1, textArray(statement.getConnection(), chunk)),
                    result -> {
                        OrderState order = StateJson.readOrder(result.getString(1));
                        orders.put(order.orderId(), order);
                    });
        }
        return orders;
    }

    @Override
    public void commit(StateChanges changes) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                saveProfiles(connection, changes.profiles());
                saveIdentities(connection, changes.identities());
                removeIdentities(connection, changes);
                saveProducts(connection, changes.products());
                saveOrders(connection, changes.orders());
                saveRecentEvents(connection, changes.recentEvents());
                removeRecentEvents(connection, changes);
                saveOffsets(connection, changes.offsets());
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new ProfileStoreException(
                    ProfileStoreErrorCode.HOT_STORE_FAILED,
                    "Cannot save a batch of %d profiles to the hot store: %s"
                            .formatted(changes.profiles().size(), e.getMessage()),
                    e);
        }
    }

    private static void saveProfiles(Connection connection, List<ProfileState> profiles) throws SQLException {
        String now = Instant.now().toString();
        CsvCopy copy = new CsvCopy();
        for (ProfileState profile : profiles) {
            copy.value(profile.profileId())
                    .value(profile.status().wireName())
                    .value(profile.mergedInto().orElse(null))
                    .value(now)
                    .value(StateJson.write(profile))
                    .endRow();
        }
        copy.run(
                connection,
                "profiles_load",
                "profile_store.profiles",
                List.of("profile_id", "status", "merged_into", "updated_at", "state"),
                """
                INSERT INTO profile_store.profiles (profile_id, status, merged_into, updated_at, state)
                SELECT profile_id, status, merged_into, updated_at, state FROM profiles_load
                ON CONFLICT (profile_id) DO UPDATE SET status = excluded.status, merged_into = excluded.merged_into,
                    updated_at = excluded.updated_at, state = excluded.state
                """);
    }

    private static void saveIdentities(Connection connection, List<IdentityOwner> owners) throws SQLException {
        if (owners.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement("""
                INSERT INTO profile_store.identities
                    (identifier_type, namespace, blind_index, profile_id, source_id, first_seen_at, last_seen_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (identifier_type, namespace, blind_index) DO UPDATE SET profile_id = excluded.profile_id,
                    source_id = excluded.source_id, first_seen_at = excluded.first_seen_at,
                    last_seen_at = excluded.last_seen_at
                """)) {
            for (IdentityOwner owner : owners) {
                statement.setString(1, owner.identifier().type());
                statement.setString(2, owner.identifier().namespace());
                statement.setString(3, owner.identifier().blindIndex());
                statement.setString(4, owner.profileId());
                statement.setString(5, owner.seen().sourceId());
                statement.setTimestamp(6, Timestamp.from(owner.seen().firstSeenAt()));
                statement.setTimestamp(7, Timestamp.from(owner.seen().lastSeenAt()));
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    private static void removeIdentities(Connection connection, StateChanges changes) throws SQLException {
        if (changes.removedIdentities().isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(
                "DELETE FROM profile_store.identities WHERE identifier_type = ? AND namespace = ? AND blind_index = ?")) {
            for (IdentifierKey key : changes.removedIdentities()) {
                statement.setString(1, key.type());
                statement.setString(2, key.namespace());
                statement.setString(3, key.blindIndex());
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    private static void saveProducts(Connection connection, List<ProductState> products) throws SQLException {
        if (products.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement("""
                INSERT INTO profile_store.products (product_id, state) VALUES (?, ?)
                ON CONFLICT (product_id) DO UPDATE SET state = excluded.state
                """)) {
            for (ProductState product : products) {
                statement.setString(1, product.productId());
                statement.setString(2, StateJson.write(product));
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    private static void saveOrders(Connection connection, List<OrderState> orders) throws SQLException {
        if (orders.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement("""
                INSERT INTO profile_store.orders (order_id, profile_id, state) VALUES (?, ?, ?)
                ON CONFLICT (order_id) DO UPDATE SET profile_id = excluded.profile_id, state = excluded.state
                """)) {
            for (OrderState order : orders) {
                statement.setString(1, order.orderId());
                statement.setString(2, order.profileId());
                statement.setString(3, StateJson.write(order));
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    private static void saveRecentEvents(Connection connection, List<RecentEvent> events) throws SQLException {
        CsvCopy copy = new CsvCopy();
        for (RecentEvent event : events) {
            copy.value(event.messageId())
                    .value(event.profileId())
                    .value(event.occurredAt())
                    .value(event.type())
                    .value(event.name().orElse(null))
                    .value(event.sourceId())
                    .value(event.propertiesJson())
                    .endRow();
        }
        copy.run(
                connection,
                "recent_events_load",
                "profile_store.recent_events",
                List.of("message_id", "profile_id", "occurred_at", "type", "name", "source_id", "properties"),
                """
                INSERT INTO profile_store.recent_events
                SELECT * FROM recent_events_load ON CONFLICT (message_id) DO NOTHING
                """);
    }

    private static void removeRecentEvents(Connection connection, StateChanges changes) throws SQLException {
        if (changes.erasedProfiles().isEmpty()) {
            return;
        }
        try (PreparedStatement statement =
                connection.prepareStatement("DELETE FROM profile_store.recent_events WHERE profile_id = ANY(?)")) {
            statement.setArray(1, textArray(connection, List.copyOf(changes.erasedProfiles())));
            statement.executeUpdate();
        }
    }

    private void saveOffsets(Connection connection, Map<StreamPartition, Long> offsets) throws SQLException {
        if (offsets.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement("""
                INSERT INTO profile_store.stream_offsets (consumer, topic, kafka_partition, last_offset)
                VALUES (?, ?, ?, ?)
                ON CONFLICT (consumer, topic, kafka_partition) DO UPDATE SET last_offset = excluded.last_offset
                """)) {
            for (Map.Entry<StreamPartition, Long> offset : offsets.entrySet()) {
                statement.setString(1, consumer);
                statement.setString(2, offset.getKey().topic());
                statement.setInt(3, offset.getKey().partition());
                statement.setLong(4, offset.getValue());
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    // -------------------------------------------------------------------------------------------- profile API

    /** A profile as saved; a merged profile is returned as is (see {@link ProfileState#mergedInto()}). */
    public Optional<ProfileState> profile(String profileId) {
        Map<String, ProfileState> found = loadProfiles(List.of(profileId));
        return Optional.ofNullable(found.get(profileId));
    }

    /** The profile an identifier belongs to. */
    public Optional<String> owner(IdentifierKey identifier) {
        return Optional.ofNullable(loadIdentifierOwners(List.of(identifier)).get(identifier));
    }

    /** The ids merged into a profile. */
    public List<String> mergedIds(String profileId) {
        List<String> ids = new ArrayList<>();
        query(
                "SELECT profile_id FROM profile_store.profiles WHERE merged_into = ? ORDER BY profile_id",
                statement -> statement.setString(1, profileId),
                result -> ids.add(result.getString(1)));
        return ids;
    }

    /** The newest events of these profile ids, newest first. */
    public List<RecentEvent> recentEvents(Collection<String> profileIds, int limit) {
        List<RecentEvent> events = new ArrayList<>();
        query(
                """
                SELECT profile_id, message_id, occurred_at, type, name, source_id, properties
                FROM profile_store.recent_events WHERE profile_id = ANY(?)
                ORDER BY occurred_at DESC, message_id LIMIT ?
                """,
                statement -> {
                    statement.setArray(1, textArray(statement.getConnection(), List.copyOf(profileIds)));
                    statement.setInt(2, limit);
                },
                result -> events.add(new RecentEvent(
                        result.getString(1),
                        result.getString(2),
                        result.getTimestamp(3).toInstant(),
                        result.getString(4),
                        Optional.ofNullable(result.getString(5)),
                        result.getString(6),
                        result.getString(7))));
        return events;
    }

    /** Deletes recent events older than {@code before}; returns how many. */
    public int trimRecentEvents(Instant before) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement =
                        connection.prepareStatement("DELETE FROM profile_store.recent_events WHERE occurred_at < ?")) {
            statement.setTimestamp(1, Timestamp.from(before));
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new ProfileStoreException(
                    ProfileStoreErrorCode.HOT_STORE_FAILED,
                    "Cannot trim recent events in the hot store: " + e.getMessage(),
                    e);
        }
    }

    /** How many profiles the hot store has, by status. */
    public Map<String, Long> profileCounts() {
        Map<String, Long> counts = new HashMap<>();
        query(
                "SELECT status, count(*) FROM profile_store.profiles GROUP BY status",
                statement -> {},
                result -> counts.put(result.getString(1), result.getLong(2)));
        return counts;
    }

    // ------------------------------------------------------------------------------------------------- helpers

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    @FunctionalInterface
    private interface RowReader {
        void read(ResultSet result) throws SQLException;
    }

    private void query(String sql, Binder binder, RowReader reader) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(statement);
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    reader.read(result);
                }
            }
        } catch (SQLException e) {
            throw new ProfileStoreException(
                    ProfileStoreErrorCode.HOT_STORE_FAILED,
                    "The hot store (PostgreSQL) failed: " + e.getMessage() + " (is PostgreSQL up and migrated?)",
                    e);
        }
    }

    private static Array textArray(Connection connection, List<String> values) throws SQLException {
        return connection.createArrayOf("text", values.toArray());
    }

    private static <T> List<List<T>> chunks(Collection<T> values) {
        List<T> all = List.copyOf(values);
        List<List<T>> chunks = new ArrayList<>();
        for (int start = 0; start < all.size(); start += CHUNK) {
            chunks.add(all.subList(start, Math.min(all.size(), start + CHUNK)));
        }
        return chunks;
    }
}
