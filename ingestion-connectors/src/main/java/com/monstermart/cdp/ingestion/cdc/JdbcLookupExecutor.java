package com.monstermart.cdp.ingestion.cdc;

import com.monstermart.cdp.ingestion.core.ErrorCode;
import com.monstermart.cdp.ingestion.core.IngestionException;
import com.monstermart.cdp.ingestion.core.LookupExecutor;
import com.monstermart.cdp.ingestion.core.LookupSpec;
import com.monstermart.cdp.ingestion.core.ValueException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a CDC mapping's lookups against the captured database on one connection (reopened when it breaks), caching
 * results for each lookup's {@code cacheTtl}. A database that cannot be reached fails the batch (the connector
 * retries); a query the database refuses rejects the row.
 */
public final class JdbcLookupExecutor implements LookupExecutor, AutoCloseable {
    private static final int MAX_CACHED = 100_000;

    private final String jdbcUrl;
    private final String user;
    private final String password;
    private final Map<List<Object>, Cached> cache = new HashMap<>();
    private Connection connection;

    public JdbcLookupExecutor(String jdbcUrl, String user, String password) {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
    }

    private record Cached(Object result, Instant expires) {}

    @Override
    public synchronized Object lookup(String name, LookupSpec spec, List<Object> parameters) throws ValueException {
        List<Object> key = new ArrayList<>(parameters.size() + 1);
        key.add(name);
        key.addAll(parameters);
        Instant now = Instant.now();
        if (!spec.cacheTtl().isZero()) {
            Cached cached = cache.get(key);
            if (cached != null && cached.expires().isAfter(now)) {
                return cached.result();
            }
        }
        Object result = query(name, spec, parameters);
        if (!spec.cacheTtl().isZero()) {
            if (cache.size() >= MAX_CACHED) {
                cache.clear();
            }
            cache.put(key, new Cached(result, now.plus(spec.cacheTtl())));
        }
        return result;
    }

    private Object query(String name, LookupSpec spec, List<Object> parameters) throws ValueException {
        try {
            Connection current = connection();
            try (PreparedStatement statement = current.prepareStatement(spec.query())) {
                for (int i = 0; i < parameters.size(); i++) {
                    Object parameter = parameters.get(i);
                    statement.setObject(
                            i + 1, parameter instanceof Instant instant ? java.sql.Timestamp.from(instant) : parameter);
                }
                try (ResultSet rows = statement.executeQuery()) {
                    ResultSetMetaData meta = rows.getMetaData();
                    List<Map<String, Object>> all = new ArrayList<>();
                    while (rows.next()) {
                        Map<String, Object> row = new LinkedHashMap<>();
                        for (int column = 1; column <= meta.getColumnCount(); column++) {
                            row.put(meta.getColumnLabel(column), plain(rows.getObject(column)));
                        }
                        all.add(Collections.unmodifiableMap(row));
                        if (!spec.all()) {
                            break;
                        }
                    }
                    return spec.all() ? List.copyOf(all) : all.isEmpty() ? null : all.getFirst();
                }
            }
        } catch (SQLException e) {
            if (e.getSQLState() != null
                    && (e.getSQLState().startsWith("08") || e.getSQLState().startsWith("57"))) {
                close();
                throw new IngestionException(
                        ErrorCode.SOURCE_UNAVAILABLE,
                        "Lookup '%s' cannot reach the database (SQL state %s); retrying"
                                .formatted(name, e.getSQLState()),
                        e);
            }
            throw new ValueException(
                    "lookup '%s' failed (SQL state %s): %s".formatted(name, e.getSQLState(), e.getMessage()));
        }
    }

    private static Object plain(Object value) {
        return switch (value) {
            case java.sql.Timestamp timestamp -> timestamp.toInstant();
            case java.sql.Date date -> date.toLocalDate();
            case java.time.OffsetDateTime time -> time.toInstant();
            case Integer number -> number.longValue();
            case Short number -> number.longValue();
            case Double number -> BigDecimal.valueOf(number);
            case Float number -> new BigDecimal(number.toString());
            case null, default -> value;
        };
    }

    private Connection connection() throws SQLException {
        if (connection == null || connection.isClosed()) {
            connection = DriverManager.getConnection(jdbcUrl, user, password);
            connection.setReadOnly(true);
        }
        return connection;
    }

    @Override
    public synchronized void close() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                // closing a broken connection
            }
            connection = null;
        }
    }
}
