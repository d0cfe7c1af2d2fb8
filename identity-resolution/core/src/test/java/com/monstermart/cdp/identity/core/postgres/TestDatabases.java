package com.monstermart.cdp.identity.core.postgres;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;

/** A migrated identity schema in a fresh database, reached without a pool (tests only). */
public final class TestDatabases {
    private TestDatabases() {}

    public static void migrate(String jdbcUrl, String user, String password) {
        Flyway.configure()
                .dataSource(jdbcUrl, user, password)
                .schemas("identity")
                .locations("classpath:db/migration")
                .load()
                .migrate();
    }

    public static DataSource dataSource(String jdbcUrl, String user, String password) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(jdbcUrl);
        dataSource.setUser(user);
        dataSource.setPassword(password);
        dataSource.setReWriteBatchedInserts(true);
        return new SmallPool(dataSource);
    }
}
