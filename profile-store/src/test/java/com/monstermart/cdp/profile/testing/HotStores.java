package com.monstermart.cdp.profile.testing;

import com.monstermart.cdp.localstack.StackEndpoints;
import com.monstermart.cdp.profile.persistence.PostgresHotStore;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;

/** A migrated hot store in a test's own database, without Quarkus. */
public final class HotStores {
    private HotStores() {}

    public static DataSource dataSource(StackEndpoints endpoints, String database) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(endpoints.postgres().jdbcUrl(database) + "?reWriteBatchedInserts=true");
        dataSource.setUser(endpoints.postgres().user());
        dataSource.setPassword(endpoints.postgres().password());
        return dataSource;
    }

    /** Applies the service's migrations as Quarkus would. */
    public static DataSource migrated(StackEndpoints endpoints, String database) {
        DataSource dataSource = dataSource(endpoints, database);
        Flyway.configure()
                .dataSource(dataSource)
                .schemas(PostgresHotStore.SCHEMA)
                .locations("classpath:db/profile-store")
                .load()
                .migrate();
        return dataSource;
    }
}
