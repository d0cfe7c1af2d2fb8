package com.monstermart.cdp.identity.persistence;

import static java.util.Objects.requireNonNull;

import com.monstermart.cdp.identity.core.IdentityErrorCode;
import com.monstermart.cdp.identity.core.IdentityException;
import com.monstermart.cdp.identity.resolution.ForgetList;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/** The forget list in {@code identity.forgotten}. */
public final class PostgresForgetList implements ForgetList {
    private final DataSource dataSource;
    private final Clock clock;

    public PostgresForgetList(DataSource dataSource, Clock clock) {
        this.dataSource = requireNonNull(dataSource, "dataSource is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    @Override
    public Set<String> forgotten(Collection<String> keys) {
        Set<String> out = new HashSet<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT blind_key FROM identity.forgotten WHERE blind_key = ANY(?)")) {
            select.setArray(1, connection.createArrayOf("text", keys.toArray(String[]::new)));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    out.add(rows.getString(1));
                }
            }
        } catch (SQLException e) {
            throw failure("read the forget list", e);
        }
        return out;
    }

    @Override
    public void forget(UUID profileId, Collection<String> keys, String reason) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO identity.forgotten (blind_key, profile_id, forgotten_at, reason)"
                                + " VALUES (?, ?, ?, ?) ON CONFLICT (blind_key) DO NOTHING")) {
            for (String key : keys) {
                insert.setString(1, key);
                insert.setObject(2, profileId);
                insert.setTimestamp(3, Timestamp.from(clock.instant()));
                insert.setString(4, reason);
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw failure("write the forget list", e);
        }
    }

    static IdentityException failure(String what, SQLException e) {
        return new IdentityException(
                IdentityErrorCode.STORE_FAILURE,
                "PostgreSQL failed to %s (SQLState %s); check the database and retry".formatted(what, e.getSQLState()),
                e);
    }
}
