package com.monstermart.cdp.ingestion.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.monstermart.cdp.ingestion.core.DesiredState;
import com.monstermart.cdp.ingestion.core.ErrorCode;
import com.monstermart.cdp.ingestion.core.IngestionException;
import com.monstermart.cdp.ingestion.core.SourceSpec;
import com.monstermart.cdp.ingestion.core.SourceStore;
import com.monstermart.cdp.ingestion.core.SpecJson;
import com.monstermart.cdp.ingestion.core.StoredSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** Source definitions in {@code ingestion.sources}. */
@ApplicationScoped
public class JdbcSourceStore implements SourceStore {
    private static final String COLUMNS =
            "id, kind, spec, desired_state, write_key_hash, origin, origin_hash, version, created_at, updated_at";

    private final DataSource dataSource;

    public JdbcSourceStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public List<StoredSource> list() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement =
                        connection.prepareStatement("SELECT " + COLUMNS + " FROM ingestion.sources ORDER BY id");
                ResultSet rows = statement.executeQuery()) {
            List<StoredSource> sources = new ArrayList<>();
            while (rows.next()) {
                sources.add(read(rows));
            }
            return sources;
        } catch (SQLException e) {
            throw failure("list sources", e);
        }
    }

    @Override
    public Optional<StoredSource> find(String id) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement =
                        connection.prepareStatement("SELECT " + COLUMNS + " FROM ingestion.sources WHERE id = ?")) {
            statement.setString(1, id);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(read(rows)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failure("read source " + id, e);
        }
    }

    @Override
    public StoredSource create(StoredSource source) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("INSERT INTO ingestion.sources (" + COLUMNS
                        + ") VALUES (?, ?, ?::jsonb, ?, ?, ?, ?, 1, ?, ?) ON CONFLICT (id) DO NOTHING")) {
            bind(statement, source);
            statement.setTimestamp(8, Timestamp.from(source.createdAt()));
            statement.setTimestamp(9, Timestamp.from(source.updatedAt()));
            if (statement.executeUpdate() == 0) {
                throw new IngestionException(
                        ErrorCode.SOURCE_EXISTS,
                        "Source '%s' exists already; update it instead".formatted(source.id()));
            }
            return find(source.id()).orElseThrow();
        } catch (SQLException e) {
            throw failure("create source " + source.id(), e);
        }
    }

    @Override
    public StoredSource update(StoredSource source, long expectedVersion) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "UPDATE ingestion.sources SET id = ?, kind = ?, spec = ?::jsonb, desired_state = ?, write_key_hash = ?,"
                                + " origin = ?, origin_hash = ?, version = version + 1, updated_at = ?"
                                + " WHERE id = ? AND version = ?")) {
            bind(statement, source);
            statement.setTimestamp(8, Timestamp.from(source.updatedAt()));
            statement.setString(9, source.id());
            statement.setLong(10, expectedVersion);
            if (statement.executeUpdate() == 0) {
                StoredSource current = find(source.id())
                        .orElseThrow(() -> new IngestionException(
                                ErrorCode.SOURCE_NOT_FOUND, "No source '%s'".formatted(source.id())));
                throw new IngestionException(
                        ErrorCode.UNSUPPORTED_OPERATION,
                        "Source '%s' changed meanwhile (version %d, not %d); read it again"
                                .formatted(source.id(), current.version(), expectedVersion));
            }
            return find(source.id()).orElseThrow();
        } catch (SQLException e) {
            throw failure("update source " + source.id(), e);
        }
    }

    @Override
    public boolean delete(String id) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement =
                        connection.prepareStatement("DELETE FROM ingestion.sources WHERE id = ?")) {
            statement.setString(1, id);
            return statement.executeUpdate() > 0;
        } catch (SQLException e) {
            throw failure("delete source " + id, e);
        }
    }

    /** Records who did what to a source. */
    public void audit(String sourceId, String action, String actor, String details) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "INSERT INTO ingestion.source_audit (source_id, action, actor, details, at) VALUES (?, ?, ?, ?, now())")) {
            statement.setString(1, sourceId);
            statement.setString(2, action);
            statement.setString(3, actor);
            statement.setString(4, details);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw failure("audit source " + sourceId, e);
        }
    }

    private static void bind(PreparedStatement statement, StoredSource source) throws SQLException {
        statement.setString(1, source.id());
        statement.setString(2, source.spec().kind().wireName());
        try {
            statement.setString(3, SpecJson.json().writeValueAsString(source.spec()));
        } catch (JsonProcessingException e) {
            throw new IngestionException(ErrorCode.INTERNAL, "Cannot write source " + source.id() + " as JSON", e);
        }
        statement.setString(4, source.desiredState().name());
        statement.setString(5, source.writeKeyHash().orElse(null));
        statement.setString(6, source.origin());
        statement.setString(7, source.originHash().orElse(null));
    }

    private static StoredSource read(ResultSet rows) throws SQLException {
        SourceSpec spec = SpecJson.read(SpecJson.json(), rows.getString("spec"), SourceSpec.class, "stored source");
        return new StoredSource(
                spec,
                DesiredState.valueOf(rows.getString("desired_state")),
                Optional.ofNullable(rows.getString("write_key_hash")),
                rows.getString("origin"),
                Optional.ofNullable(rows.getString("origin_hash")),
                rows.getLong("version"),
                rows.getTimestamp("created_at").toInstant(),
                rows.getTimestamp("updated_at").toInstant());
    }

    private static IngestionException failure(String what, SQLException e) {
        if ("23505".equals(e.getSQLState())
                && e.getMessage() != null
                && e.getMessage().contains("write_key_hash")) {
            return new IngestionException(
                    ErrorCode.SOURCE_EXISTS, "That write key belongs to another source; use another key", e);
        }
        return new IngestionException(
                ErrorCode.STORAGE_FAILURE,
                "Cannot %s in PostgreSQL (SQL state %s); check the database".formatted(what, e.getSQLState()),
                e);
    }
}
