package com.monstermart.cdp.ingestion.persistence;

import com.monstermart.cdp.ingestion.core.SourceLeases;
import io.quarkus.logging.Log;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;
import javax.sql.DataSource;

/**
 * One instance per source runs its exclusive connector: a PostgreSQL session advisory lock per source, held on one
 * dedicated connection. When that connection breaks, every lease is lost and taken again on a new one.
 */
@ApplicationScoped
public class AdvisoryLockLeases implements SourceLeases {
    /** First key of the two-integer advisory lock: "ingestion" in our lock space. */
    private static final int LOCK_CLASS = 0x1d9e5710;

    private final DataSource dataSource;
    private final Set<String> held = new HashSet<>();
    private Connection connection;

    public AdvisoryLockLeases(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public synchronized boolean acquire(String sourceId) {
        try {
            Connection current = connection();
            if (held.contains(sourceId)) {
                return true;
            }
            try (PreparedStatement statement =
                    current.prepareStatement("SELECT pg_try_advisory_lock(?, hashtext(?))")) {
                statement.setInt(1, LOCK_CLASS);
                statement.setString(2, sourceId);
                try (ResultSet result = statement.executeQuery()) {
                    result.next();
                    if (result.getBoolean(1)) {
                        held.add(sourceId);
                        return true;
                    }
                    return false;
                }
            }
        } catch (SQLException e) {
            Log.warnf("Cannot take the lease of source %s (SQL state %s); retrying later", sourceId, e.getSQLState());
            drop();
            return false;
        }
    }

    @Override
    public synchronized void release(String sourceId) {
        if (!held.remove(sourceId) || connection == null) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement("SELECT pg_advisory_unlock(?, hashtext(?))")) {
            statement.setInt(1, LOCK_CLASS);
            statement.setString(2, sourceId);
            statement.execute();
        } catch (SQLException e) {
            Log.warnf("Cannot release the lease of source %s (SQL state %s)", sourceId, e.getSQLState());
            drop();
        }
    }

    private Connection connection() throws SQLException {
        if (connection != null && !connection.isValid(2)) {
            Log.warn("The lease connection broke; every source lease is taken again");
            drop();
        }
        if (connection == null) {
            connection = dataSource.getConnection();
            connection.setAutoCommit(true);
        }
        return connection;
    }

    private void drop() {
        held.clear();
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                Log.debug("Closing the broken lease connection failed", e);
            }
            connection = null;
        }
    }

    @PreDestroy
    synchronized void close() {
        drop();
    }
}
