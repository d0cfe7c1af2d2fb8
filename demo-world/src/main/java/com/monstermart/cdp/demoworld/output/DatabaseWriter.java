package com.monstermart.cdp.demoworld.output;

import com.monstermart.cdp.demoworld.DatabaseTarget;
import com.monstermart.cdp.demoworld.DemoWorldErrorCode;
import com.monstermart.cdp.demoworld.DemoWorldException;
import com.monstermart.cdp.demoworld.output.Change.Operation;
import com.monstermart.cdp.demoworld.output.TableSpec.Database;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.postgresql.copy.CopyManager;
import org.postgresql.core.BaseConnection;

/**
 * Writes one demo source database: (re)creates its tables from the DDL resource, bulk-loads the staged snapshot
 * (PostgreSQL COPY, MariaDB LOAD DATA LOCAL INFILE), adds the constraints, then applies live changes in order.
 */
public final class DatabaseWriter implements AutoCloseable {
    private final Database database;
    private final DatabaseTarget target;
    private final Connection connection;
    private final Map<String, PreparedStatement> statements = new HashMap<>();

    public DatabaseWriter(Database database, DatabaseTarget target) {
        this.database = database;
        this.target = target;
        Properties properties = new Properties();
        properties.setProperty("user", target.user());
        properties.setProperty("password", target.password());
        if (database == Database.POS) {
            properties.setProperty("allowLocalInfile", "true");
        }
        try {
            this.connection = DriverManager.getConnection(target.jdbcUrl(), properties);
        } catch (SQLException e) {
            throw failed("connect", e);
        }
    }

    /** The DDL resource: {@code schema/shop-postgres.sql} or {@code schema/pos-mariadb.sql}. */
    public static String schemaResource(Database database) {
        return database == Database.SHOP ? "schema/shop-postgres.sql" : "schema/pos-mariadb.sql";
    }

    /** The statements of one part ({@code tables} or {@code constraints}) of the DDL. */
    public static List<String> schemaStatements(Database database, String part) {
        String text;
        try (InputStream stream = DatabaseWriter.class.getClassLoader().getResourceAsStream(schemaResource(database))) {
            if (stream == null) {
                throw new DemoWorldException(
                        DemoWorldErrorCode.INTERNAL, "Missing resource " + schemaResource(database));
            }
            text = new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int split = text.indexOf("\n-- constraints\n");
        String section = part.equals("tables") ? text.substring(0, split) : text.substring(split);
        String withoutComments = section.lines()
                .map(line -> line.contains("--") ? line.substring(0, line.indexOf("--")) : line)
                .collect(Collectors.joining("\n"));
        List<String> statements = new ArrayList<>();
        for (String statement : withoutComments.split(";")) {
            if (!statement.isBlank()) {
                statements.add(statement.strip());
            }
        }
        return statements;
    }

    /** Drops the demo tables (if any) and creates them without constraints. */
    public void createTables() {
        List<TableSpec> tables = new ArrayList<>(Tables.of(database));
        java.util.Collections.reverse(tables);
        try (Statement statement = connection.createStatement()) {
            if (database == Database.POS) {
                statement.execute("SET FOREIGN_KEY_CHECKS = 0");
            }
            for (TableSpec table : tables) {
                statement.execute(
                        "DROP TABLE IF EXISTS " + table.name() + (database == Database.SHOP ? " CASCADE" : ""));
            }
            if (database == Database.POS) {
                statement.execute("SET FOREIGN_KEY_CHECKS = 1");
            }
            for (String ddl : schemaStatements(database, "tables")) {
                statement.execute(ddl);
            }
        } catch (SQLException e) {
            throw failed("create the tables", e);
        }
    }

    /** Loads the staged rows of a table. */
    public void load(TableSpec table, Path staged) {
        if (!Files.exists(staged)) {
            return;
        }
        String columns = String.join(", ", table.columnNames());
        try {
            if (database == Database.SHOP) {
                CopyManager copy = new CopyManager(connection.unwrap(BaseConnection.class));
                try (Reader reader = Files.newBufferedReader(staged, StandardCharsets.UTF_8)) {
                    copy.copyIn("COPY " + table.name() + " (" + columns + ") FROM STDIN", reader, 1 << 16);
                }
            } else {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LOAD DATA LOCAL INFILE '"
                            + staged.toAbsolutePath().toString().replace("'", "''")
                            + "' INTO TABLE " + table.name() + " CHARACTER SET utf8mb4"
                            + " FIELDS TERMINATED BY '\\t' ESCAPED BY '\\\\' LINES TERMINATED BY '\\n' (" + columns
                            + ")");
                }
            }
        } catch (SQLException e) {
            throw failed("load " + table.name(), e);
        } catch (IOException e) {
            throw new DemoWorldException(DemoWorldErrorCode.FILE_FAILED, "Cannot read the staged rows " + staged, e);
        }
    }

    /** Adds the foreign keys, unique keys and indexes. */
    public void addConstraints() {
        try (Statement statement = connection.createStatement()) {
            for (String ddl : schemaStatements(database, "constraints")) {
                statement.execute(ddl);
            }
        } catch (SQLException e) {
            throw failed("add the constraints", e);
        }
    }

    /** Applies changes in the given order inside one transaction. */
    public void apply(List<Change> changes) {
        try {
            connection.setAutoCommit(false);
            for (Change change : changes) {
                PreparedStatement statement = statement(change.table(), change.operation());
                bind(statement, change);
                statement.executeUpdate();
            }
            connection.commit();
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            try {
                connection.rollback();
            } catch (SQLException ignored) {
                e.addSuppressed(ignored);
            }
            throw failed("apply a live change", e);
        }
    }

    private void bind(PreparedStatement statement, Change change) throws SQLException {
        TableSpec table = change.table();
        Object[] values = change.values();
        int parameter = 1;
        switch (change.operation()) {
            case INSERT -> {
                for (int i = 0; i < values.length; i++) {
                    RowFormat.bind(
                            statement,
                            parameter++,
                            database,
                            table.columns().get(i).type(),
                            values[i]);
                }
            }
            case UPDATE -> {
                for (int i = table.keyColumns(); i < values.length; i++) {
                    RowFormat.bind(
                            statement,
                            parameter++,
                            database,
                            table.columns().get(i).type(),
                            values[i]);
                }
                for (int i = 0; i < table.keyColumns(); i++) {
                    RowFormat.bind(
                            statement,
                            parameter++,
                            database,
                            table.columns().get(i).type(),
                            values[i]);
                }
            }
            case DELETE -> {
                for (int i = 0; i < table.keyColumns(); i++) {
                    RowFormat.bind(
                            statement,
                            parameter++,
                            database,
                            table.columns().get(i).type(),
                            values[i]);
                }
            }
        }
    }

    private PreparedStatement statement(TableSpec table, Operation operation) throws SQLException {
        String key = table.name() + ":" + operation;
        PreparedStatement statement = statements.get(key);
        if (statement == null) {
            List<String> columns = table.columnNames();
            String where = columns.subList(0, table.keyColumns()).stream()
                    .map(column -> column + " = ?")
                    .collect(Collectors.joining(" AND "));
            String sql =
                    switch (operation) {
                        case INSERT ->
                            "INSERT INTO " + table.name() + " (" + String.join(", ", columns) + ") VALUES ("
                                    + columns.stream().map(column -> "?").collect(Collectors.joining(", ")) + ")";
                        case UPDATE ->
                            "UPDATE " + table.name() + " SET "
                                    + columns.subList(table.keyColumns(), columns.size()).stream()
                                            .map(column -> column + " = ?")
                                            .collect(Collectors.joining(", "))
                                    + " WHERE " + where;
                        case DELETE -> "DELETE FROM " + table.name() + " WHERE " + where;
                    };
            statement = connection.prepareStatement(sql);
            statements.put(key, statement);
        }
        return statement;
    }

    public Connection connection() {
        return connection;
    }

    private DemoWorldException failed(String what, SQLException e) {
        return new DemoWorldException(
                DemoWorldErrorCode.DATABASE_FAILED,
                "Cannot %s in the %s database at %s: %s (SQLState %s; check that the server runs and the user may"
                                .formatted(
                                        what,
                                        database.name().toLowerCase(java.util.Locale.ROOT),
                                        target.jdbcUrl(),
                                        firstLine(e.getMessage()),
                                        e.getSQLState())
                        + " create tables)",
                e);
    }

    /** The driver's first line only: its details may quote row values (personal data). */
    private static String firstLine(String message) {
        if (message == null) {
            return "no message";
        }
        int newline = message.indexOf('\n');
        String line = newline < 0 ? message : message.substring(0, newline);
        int detail = line.indexOf("Detail:");
        return (detail < 0 ? line : line.substring(0, detail)).strip();
    }

    @Override
    public void close() {
        try {
            for (PreparedStatement statement : statements.values()) {
                statement.close();
            }
            connection.close();
        } catch (SQLException e) {
            throw failed("close the connection", e);
        }
    }
}
