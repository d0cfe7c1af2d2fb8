package com.monstermart.cdp.ingestion.contract;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Saves and restores a CDC source's stored offsets: restoring them replays what followed, as after a crash. */
final class CdcContractSupport {
    private record Row(String id, String key, String value, java.sql.Timestamp at, int seq) {}

    private final DataSource dataSource;
    private List<Row> saved = List.of();

    CdcContractSupport(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    boolean hasOffsets(String sourceId) {
        return !read(sourceId).isEmpty();
    }

    void save(String sourceId) {
        saved = read(sourceId);
    }

    void restore(String sourceId) {
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement delete =
                    connection.prepareStatement("DELETE FROM ingestion.debezium_offsets WHERE source_id = ?")) {
                delete.setString(1, sourceId);
                delete.executeUpdate();
            }
            for (Row row : saved) {
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO ingestion.debezium_offsets (source_id, id, offset_key, offset_val, record_insert_ts, record_insert_seq) VALUES (?, ?, ?, ?, ?, ?)")) {
                    insert.setString(1, sourceId);
                    insert.setString(2, row.id());
                    insert.setString(3, row.key());
                    insert.setString(4, row.value());
                    insert.setTimestamp(5, row.at());
                    insert.setInt(6, row.seq());
                    insert.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Row> read(String sourceId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT id, offset_key, offset_val, record_insert_ts, record_insert_seq FROM ingestion.debezium_offsets WHERE source_id = ?")) {
            select.setString(1, sourceId);
            List<Row> rows = new ArrayList<>();
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    rows.add(new Row(
                            result.getString(1),
                            result.getString(2),
                            result.getString(3),
                            result.getTimestamp(4),
                            result.getInt(5)));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
