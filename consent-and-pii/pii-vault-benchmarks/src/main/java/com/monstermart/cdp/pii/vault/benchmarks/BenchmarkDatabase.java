package com.monstermart.cdp.pii.vault.benchmarks;

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

/**
 * A fresh database with the pii_vault schema on the local stack (./cdp up, or a private one this JVM starts), with a
 * small pool. Dropped when the JVM exits.
 */
final class BenchmarkDatabase implements AutoCloseable {
    private final AgroalDataSource dataSource;

    private BenchmarkDatabase(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    static BenchmarkDatabase create(String prefix, int poolSize) {
        CdpStack stack = CdpStack.get();
        StackEndpoints.Postgres postgres = stack.require("postgres").postgres();
        String name = stack.createDatabase(prefix);
        try {
            AgroalDataSource dataSource = AgroalDataSource.from(new AgroalDataSourceConfigurationSupplier()
                    .connectionPoolConfiguration(pool -> pool.minSize(poolSize)
                            .maxSize(poolSize)
                            .connectionFactoryConfiguration(factory -> factory.jdbcUrl(postgres.jdbcUrl(name))
                                    .principal(new NamePrincipal(postgres.user()))
                                    .credential(new SimplePassword(postgres.password())))));
            PiiVaultSchema.migrate(dataSource);
            return new BenchmarkDatabase(dataSource);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot open a pool on " + name, e);
        }
    }

    DataSource dataSource() {
        return dataSource;
    }

    long queryLong(String sql) {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    void execute(String sql) {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
