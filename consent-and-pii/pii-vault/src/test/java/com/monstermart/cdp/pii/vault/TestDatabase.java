package com.monstermart.cdp.pii.vault;

import com.monstermart.cdp.localstack.StackEndpoints;
import com.monstermart.cdp.localstack.testing.CdpStack;
import com.monstermart.cdp.pii.vault.store.PiiVaultSchema;
import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.agroal.api.security.NamePrincipal;
import io.agroal.api.security.SimplePassword;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/** A fresh PostgreSQL database of the local stack with a small connection pool; close it after the test. */
public final class TestDatabase implements AutoCloseable {
    private final String name;
    private final String jdbcUrl;
    private final StackEndpoints.Postgres postgres;
    private final AgroalDataSource dataSource;

    private TestDatabase(String name, StackEndpoints.Postgres postgres) throws SQLException {
        this.name = name;
        this.postgres = postgres;
        this.jdbcUrl = postgres.jdbcUrl(name);
        this.dataSource = AgroalDataSource.from(
                new AgroalDataSourceConfigurationSupplier().connectionPoolConfiguration(pool -> pool.minSize(0)
                        .maxSize(6)
                        .connectionFactoryConfiguration(factory -> factory.jdbcUrl(jdbcUrl)
                                .principal(new NamePrincipal(postgres.user()))
                                .credential(new SimplePassword(postgres.password())))));
    }

    /** A new database with the pii_vault schema migrated. */
    public static TestDatabase migrated(CdpStack stack, String prefix) {
        TestDatabase database = empty(stack, prefix);
        PiiVaultSchema.migrate(database.dataSource());
        return database;
    }

    /** A new database without the schema. */
    public static TestDatabase empty(CdpStack stack, String prefix) {
        String name = stack.createDatabase(prefix);
        try {
            return new TestDatabase(name, stack.require("postgres").postgres());
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot open a pool on " + name, e);
        }
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public String name() {
        return name;
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    public String user() {
        return postgres.user();
    }

    public String password() {
        return postgres.password();
    }

    public void execute(String sql) {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    public long queryLong(String sql) {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
