package com.monstermart.cdp.ingestion.persistence;

import com.monstermart.cdp.ingestion.core.ErrorCode;
import com.monstermart.cdp.ingestion.core.IngestionException;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Debezium's stored offsets and schema history of a source ({@code ingestion.debezium_*}). */
@ApplicationScoped
public class JdbcCdcOffsets {
    private final DataSource dataSource;

    public JdbcCdcOffsets(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Forgets where a source was: the next start snapshots again. */
    public void deleteAll(String sourceId) {
        try (Connection connection = dataSource.getConnection()) {
            for (String table : new String[] {"ingestion.debezium_offsets", "ingestion.debezium_schema_history"}) {
                try (PreparedStatement statement =
                        connection.prepareStatement("DELETE FROM " + table + " WHERE source_id = ?")) {
                    statement.setString(1, sourceId);
                    statement.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new IngestionException(
                    ErrorCode.STORAGE_FAILURE,
                    "Cannot delete the CDC offsets of source %s (SQL state %s)".formatted(sourceId, e.getSQLState()),
                    e);
        }
    }

    /** Whether a source has stored offsets (it resumes rather than snapshots). */
    public boolean exists(String sourceId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT 1 FROM ingestion.debezium_offsets WHERE source_id = ? LIMIT 1")) {
            statement.setString(1, sourceId);
            return statement.executeQuery().next();
        } catch (SQLException e) {
            throw new IngestionException(
                    ErrorCode.STORAGE_FAILURE,
                    "Cannot read the CDC offsets of source %s (SQL state %s)".formatted(sourceId, e.getSQLState()),
                    e);
        }
    }
}
