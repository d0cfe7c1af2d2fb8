package com.monstermart.cdp.localstack.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.monstermart.cdp.localstack.StackEndpoints;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;

@WithCdpStack("postgres")
class PostgresReplicationTest {
    @Test
    void logicalReplicationSlotStreamsChanges(CdpStack stack) throws Exception {
        StackEndpoints.Postgres postgres = stack.endpoints().postgres();
        String database = stack.createDatabase("replication_proof");
        String slot = database + "_slot";
        try (Connection connection =
                        DriverManager.getConnection(postgres.jdbcUrl(database), postgres.user(), postgres.password());
                Statement statement = connection.createStatement()) {
            assertThat(single(statement, "SHOW wal_level")).isEqualTo("logical");
            statement.execute("CREATE TABLE monsters (id bigint PRIMARY KEY, name text)");
            statement.execute("CREATE PUBLICATION proof FOR TABLE monsters");
            statement.execute("SELECT pg_create_logical_replication_slot('%s', 'pgoutput')".formatted(slot));
            try {
                statement.execute("INSERT INTO monsters VALUES (1, 'Nessie')");
                String peek = ("SELECT count(*) FROM pg_logical_slot_peek_binary_changes('%s', NULL, NULL,"
                                + " 'proto_version', '1', 'publication_names', 'proof')")
                        .formatted(slot);
                // BEGIN, RELATION, INSERT, COMMIT once the commit is flushed to the WAL
                await().atMost(Duration.ofSeconds(10))
                        .untilAsserted(() -> assertThat(Integer.parseInt(single(statement, peek)))
                                .isGreaterThanOrEqualTo(3));
            } finally {
                statement.execute("SELECT pg_drop_replication_slot('%s')".formatted(slot));
            }
        }
    }

    private static String single(Statement statement, String sql) throws Exception {
        try (ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getString(1);
        }
    }
}
