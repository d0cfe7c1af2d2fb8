package com.monstermart.cdp.localstack;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;

/**
 * The databases every stack has: the platform's own ({@code cdp}), the Iceberg JDBC catalog and the demo shop.
 * Trino does not create the Iceberg catalog tables, so they are created here, in the layout Iceberg's
 * {@code JdbcCatalog} uses with {@code jdbc.schema-version=V1}.
 */
final class PlatformDatabases {
    static final List<String> DATABASES = List.of(
            StackEndpoints.Postgres.PLATFORM_DATABASE,
            StackEndpoints.Postgres.ICEBERG_DATABASE,
            StackEndpoints.Postgres.SHOP_DATABASE);

    private PlatformDatabases() {}

    /** Creates the platform's role (private cluster only) and databases, when missing. */
    static void create(Connection superuser, StackEndpoints.Postgres endpoint) throws SQLException {
        if (Sql.queryString(superuser, "SELECT 1 FROM pg_roles WHERE rolname = ?", endpoint.user()) == null) {
            // Local stack only: the platform's user may create publications and replication slots for CDC.
            Sql.execute(
                    superuser,
                    "CREATE ROLE %s LOGIN SUPERUSER REPLICATION PASSWORD %s"
                            .formatted(Sql.identifier(endpoint.user()), Sql.literal(endpoint.password())));
        }
        createDatabases(superuser, endpoint.user());
    }

    static void createDatabases(Connection connection, String owner) throws SQLException {
        for (String database : DATABASES) {
            if (Sql.queryString(connection, "SELECT 1 FROM pg_database WHERE datname = ?", database) == null) {
                Sql.execute(
                        connection,
                        "CREATE DATABASE %s OWNER %s".formatted(Sql.identifier(database), Sql.identifier(owner)));
            }
        }
    }

    static void createIcebergCatalogTables(StackEndpoints endpoints) {
        StackEndpoints.Postgres postgres = endpoints.postgres();
        try (Connection connection =
                DriverManager.getConnection(endpoints.iceberg().jdbcUrl(), postgres.user(), postgres.password())) {
            Sql.execute(connection, """
                    CREATE TABLE IF NOT EXISTS iceberg_tables (
                        catalog_name VARCHAR(255) NOT NULL,
                        table_namespace VARCHAR(255) NOT NULL,
                        table_name VARCHAR(255) NOT NULL,
                        metadata_location VARCHAR(1000),
                        previous_metadata_location VARCHAR(1000),
                        iceberg_type VARCHAR(5),
                        PRIMARY KEY (catalog_name, table_namespace, table_name))
                    """);
            Sql.execute(connection, """
                    CREATE TABLE IF NOT EXISTS iceberg_namespace_properties (
                        catalog_name VARCHAR(255) NOT NULL,
                        namespace VARCHAR(255) NOT NULL,
                        property_key VARCHAR(255),
                        property_value VARCHAR(1000),
                        PRIMARY KEY (catalog_name, namespace, property_key))
                    """);
        } catch (SQLException e) {
            throw new StackException("Cannot create the Iceberg catalog tables: " + e.getMessage(), e);
        }
    }
}
