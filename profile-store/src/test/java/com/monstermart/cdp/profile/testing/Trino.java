package com.monstermart.cdp.profile.testing;

import com.monstermart.cdp.localstack.StackEndpoints;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/** Trino over JDBC for tests: one connection to a schema of the {@code iceberg} catalog. */
public final class Trino implements AutoCloseable {
    private final Connection connection;

    private Trino(Connection connection) {
        this.connection = connection;
    }

    public static Trino connect(StackEndpoints endpoints, String schema) {
        Properties properties = new Properties();
        properties.setProperty("user", "analyst");
        try {
            // The driver directly: DriverManager's registry depends on which class loader first used it, and
            // Quarkus tests in the same JVM use their own.
            return new Trino(new io.trino.jdbc.TrinoDriver()
                    .connect(
                            "jdbc:trino://" + endpoints.trinoUrl().replace("http://", "") + "/iceberg/" + schema,
                            properties));
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot connect to Trino: " + e.getMessage(), e);
        }
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
