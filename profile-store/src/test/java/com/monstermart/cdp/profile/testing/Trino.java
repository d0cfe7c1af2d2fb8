package com.monstermart.cdp.profile.testing;

import com.monstermart.cdp.localstack.testing.CdpStack;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Trino over JDBC for tests: one connection to a schema of the {@code iceberg} catalog, signed in as the stack's
 * operations service account (test schemas are not analysts' to write).
 */
public final class Trino implements AutoCloseable {
    private final Connection connection;

    private Trino(Connection connection) {
        this.connection = connection;
    }

    public static Trino connect(CdpStack stack, String schema) {
        return new Trino(stack.trino(stack.operations(), schema));
    }

    /** Every row, each as the list of its column values rendered as text (null stays null). */
    public List<List<String>> rows(String sql) {
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            ResultSetMetaData metadata = result.getMetaData();
            List<List<String>> rows = new ArrayList<>();
            while (result.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= metadata.getColumnCount(); i++) {
                    row.add(result.getString(i));
                }
                rows.add(row);
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("Trino refused: " + sql + ": " + e.getMessage(), e);
        }
    }

    /** The first column of every row, as text. */
    public List<String> column(String sql) {
        return rows(sql).stream().map(row -> row.get(0)).toList();
    }

    public long count(String sql) {
        return Long.parseLong(column(sql).get(0));
    }

    public int update(String sql) {
        try (Statement statement = connection.createStatement()) {
            return statement.executeUpdate(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Trino refused: " + sql + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
