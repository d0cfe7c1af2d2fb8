package com.monstermart.cdp.localstack;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/** An existing PostgreSQL server ({@code CDP_DATABASE_URL}): nothing to start, only databases to create. */
final class ExternalPostgres implements Component {
    private final StackEndpoints endpoints;

    ExternalPostgres(StackContext context) {
        this.endpoints = requireNonNull(context, "context is null").endpoints();
    }

    @Override
    public String name() {
        return PostgresServer.NAME;
    }

    @Override
    public List<String> requires() {
        return List.of();
    }

    @Override
    public List<Integer> ports() {
        return List.of(endpoints.postgres().port());
    }

    @Override
    public String location() {
        return endpoints.postgres().jdbcUrl(StackEndpoints.Postgres.PLATFORM_DATABASE) + " (external)";
    }

    @Override
    public Duration startTimeout() {
        return Duration.ofSeconds(20);
    }

    @Override
    public void start() {}

    @Override
    public Health probe() {
        try (Connection connection = connect("postgres")) {
            String walLevel = Sql.queryString(connection, "SHOW wal_level");
            return Health.healthy("external server, wal_level=" + walLevel
                    + ("logical".equals(walLevel) ? "" : " (CDC needs wal_level=logical)"));
        } catch (SQLException e) {
            return Health.unhealthy("cannot connect to CDP_DATABASE_URL: " + e.getMessage());
        }
    }

    @Override
    public void afterReady() {
        try (Connection connection = connect("postgres")) {
            PlatformDatabases.createDatabases(connection, endpoints.postgres().user());
        } catch (SQLException e) {
            throw new StackException(
                    "Cannot create the platform's databases on CDP_DATABASE_URL (the user needs CREATEDB): "
                            + e.getMessage(),
                    e);
        }
        PlatformDatabases.createIcebergCatalogTables(endpoints);
    }

    @Override
    public Optional<ProcessHandle> process() {
        return Optional.empty();
    }

    @Override
    public void stop() {}

    private Connection connect(String database) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", endpoints.postgres().user());
        properties.setProperty("password", endpoints.postgres().password());
        properties.setProperty("connectTimeout", "5");
        properties.setProperty("socketTimeout", "30");
        return DriverManager.getConnection(endpoints.postgres().jdbcUrl(database), properties);
    }
}
