package com.monstermart.cdp.identity.core.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import com.monstermart.cdp.identity.core.graph.JournalOperation;
import com.monstermart.cdp.identity.core.identifier.Identifier;
import com.monstermart.cdp.identity.core.rules.ResolutionRules;
import com.monstermart.cdp.localstack.StackEndpoints;
import com.monstermart.cdp.localstack.testing.CdpStack;
import com.monstermart.cdp.localstack.testing.WithCdpStack;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/** V3 moves anonymous ids stored as {@code anonymous_id::<namespace>/<id>} into their namespace, everywhere. */
@WithCdpStack("postgres")
class AnonymousIdMigrationTest {
    @Test
    void anonymousIdsMoveIntoTheirNamespaceInEveryTable(CdpStack stack) throws SQLException {
        StackEndpoints.Postgres postgres = stack.endpoints().postgres();
        String url = postgres.jdbcUrl(stack.createDatabase("identity_v3"));
        Flyway.configure()
                .dataSource(url, postgres.user(), postgres.password())
                .schemas("identity")
                .locations("classpath:db/migration")
                .target("2")
                .load()
                .migrate();
        UUID profile = UUID.randomUUID();
        try (Connection connection = TestDatabases.dataSource(url, postgres.user(), postgres.password())
                        .getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO identity.profiles VALUES ('%s', 1, now(), NULL, NULL)".formatted(profile));
            for (String[] row : List.of(
                    new String[] {"user_id:shop:u1", "user_id", "shop", "u1"},
                    new String[] {"anonymous_id::shop/a", "anonymous_id", "", "shop/a"},
                    new String[] {"anonymous_id::shop-x/b", "anonymous_id", "", "shop-x/b"},
                    new String[] {"anonymous_id::Odd Space/c", "anonymous_id", "", "Odd Space/c"})) {
                statement.execute("INSERT INTO identity.identifiers VALUES ('%s', '%s', '%s', '%s', '%s', now())"
                        .formatted(row[0], row[1], row[2], row[3], profile));
            }
            statement.execute("INSERT INTO identity.edges (a_key, b_key, kind, message_id, at, rule, score) VALUES"
                    + " ('user_id:shop:u1', 'anonymous_id::shop/a', 'OBSERVED', 'm1', now(), 'observed', 1),"
                    + " ('anonymous_id::shop-x/b', 'anonymous_id::shop/a', 'OBSERVED', 'm2', now(), 'observed', 1)");
            statement.execute("INSERT INTO identity.observations (message_id, event_time, source, identifiers,"
                    + " profile_id, outcome) VALUES ('m1', now(), 'shop-web',"
                    + " ARRAY['user_id:shop:u1', 'anonymous_id::shop/a'], '%s', 'CREATED')".formatted(profile));
        }

        TestDatabases.migrate(url, postgres.user(), postgres.password());

        try (Connection connection = TestDatabases.dataSource(url, postgres.user(), postgres.password())
                        .getConnection();
                Statement statement = connection.createStatement()) {
            assertThat(strings(statement, "SELECT key || ' ' || namespace || ' ' || value FROM identity.identifiers"))
                    .containsExactlyInAnyOrder(
                            "user_id:shop:u1 shop u1",
                            "anonymous_id:shop:a shop a",
                            "anonymous_id:shop-x:b shop-x b",
                            "anonymous_id::Odd Space/c  Odd Space/c");
            assertThat(strings(statement, "SELECT a_key || ' ' || b_key FROM identity.edges"))
                    .containsExactlyInAnyOrder(
                            "user_id:shop:u1 anonymous_id:shop:a", "anonymous_id:shop:a anonymous_id:shop-x:b");
        }
        PostgresIdentityStore store = new PostgresIdentityStore(
                TestDatabases.dataSource(url, postgres.user(), postgres.password()),
                ResolutionRules.defaults(),
                Clock.systemUTC());
        assertThat(store.profileOf(Identifier.anonymousId("shop", "a"))).contains(profile);
        assertThat(store.journal())
                .singleElement()
                .isInstanceOfSatisfying(JournalOperation.Observed.class, observed -> assertThat(
                                observed.observation().identifiers())
                        .containsExactly(Identifier.userId("shop", "u1"), Identifier.anonymousId("shop", "a")));
    }

    private static List<String> strings(Statement statement, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                out.add(rows.getString(1));
            }
        }
        return out;
    }
}
