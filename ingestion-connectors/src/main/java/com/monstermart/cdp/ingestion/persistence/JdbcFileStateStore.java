package com.monstermart.cdp.ingestion.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.monstermart.cdp.ingestion.core.ErrorCode;
import com.monstermart.cdp.ingestion.core.IngestionException;
import com.monstermart.cdp.ingestion.core.SpecJson;
import com.monstermart.cdp.ingestion.file.FileState;
import com.monstermart.cdp.ingestion.file.FileStateStore;
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

/** File positions in {@code ingestion.file_states}. */
@ApplicationScoped
public class JdbcFileStateStore implements FileStateStore {
    private static final String COLUMNS =
            "source_id, file_key, fingerprint, fingerprint_length, byte_offset, records, size, header, complete, updated_at";
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

    private final DataSource dataSource;

    public JdbcFileStateStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Optional<FileState> find(String sourceId, String fileKey) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT " + COLUMNS + " FROM ingestion.file_states WHERE source_id = ? AND file_key = ?")) {
            statement.setString(1, sourceId);
            statement.setString(2, fileKey);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(read(rows)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    @Override
    public List<FileState> all(String sourceId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT " + COLUMNS + " FROM ingestion.file_states WHERE source_id = ? ORDER BY file_key")) {
            statement.setString(1, sourceId);
            List<FileState> states = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    states.add(read(rows));
                }
            }
            return states;
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    @Override
    public void save(FileState state) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "INSERT INTO ingestion.file_states (" + COLUMNS
                                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?) ON CONFLICT (source_id, file_key) DO UPDATE SET"
                                + " fingerprint = EXCLUDED.fingerprint, fingerprint_length = EXCLUDED.fingerprint_length,"
                                + " byte_offset = EXCLUDED.byte_offset, records = EXCLUDED.records, size = EXCLUDED.size,"
                                + " header = EXCLUDED.header, complete = EXCLUDED.complete, updated_at = EXCLUDED.updated_at")) {
            statement.setString(1, state.sourceId());
            statement.setString(2, state.fileKey());
            statement.setString(3, state.fingerprint());
            statement.setInt(4, state.fingerprintLength());
            statement.setLong(5, state.offset());
            statement.setLong(6, state.records());
            statement.setLong(7, state.size());
            statement.setString(8, SpecJson.json().writeValueAsString(state.header()));
            statement.setBoolean(9, state.complete());
            statement.setTimestamp(10, Timestamp.from(state.updatedAt()));
            statement.executeUpdate();
        } catch (SQLException e) {
            throw failure(e);
        } catch (JsonProcessingException e) {
            throw new IngestionException(ErrorCode.INTERNAL, "Cannot write a CSV header as JSON", e);
        }
    }

    @Override
    public void deleteAll(String sourceId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement =
                        connection.prepareStatement("DELETE FROM ingestion.file_states WHERE source_id = ?")) {
            statement.setString(1, sourceId);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private static FileState read(ResultSet rows) throws SQLException {
        List<String> header;
        try {
            header = SpecJson.json().readValue(rows.getString("header"), STRINGS);
        } catch (JsonProcessingException e) {
            throw new IngestionException(ErrorCode.INTERNAL, "A stored CSV header is not a JSON list", e);
        }
        return new FileState(
                rows.getString("source_id"),
                rows.getString("file_key"),
                rows.getString("fingerprint"),
                rows.getInt("fingerprint_length"),
                rows.getLong("byte_offset"),
                rows.getLong("records"),
                rows.getLong("size"),
                header,
                rows.getBoolean("complete"),
                rows.getTimestamp("updated_at").toInstant());
    }

    private static IngestionException failure(SQLException e) {
        return new IngestionException(
                ErrorCode.STORAGE_FAILURE,
                "Cannot read or save a file position in PostgreSQL (SQL state %s); check the database"
                        .formatted(e.getSQLState()),
                e);
    }
}
