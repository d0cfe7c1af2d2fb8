package com.monstermart.cdp.ingestion.contract;

import static org.awaitility.Awaitility.await;

import com.monstermart.cdp.event.SourceKind;
import com.monstermart.cdp.ingestion.core.SourceSpec;
import com.monstermart.cdp.ingestion.core.SpecJson;
import com.monstermart.cdp.ingestion.testing.Sources;
import com.monstermart.cdp.ingestion.testing.Sql;
import com.monstermart.cdp.localstack.StackEndpoints;
import com.monstermart.cdp.localstack.testing.CdpStack;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * The contract for PostgreSQL CDC. The slot is kept from advancing ({@code flush.lsn.source=false}) so that restored
 * offsets can replay, as after a crash between writing events and saving the position.
 */
@QuarkusTest
class PostgresContractTest extends SourceContractTest {
    @Inject
    DataSource dataSource;

    private Sql sql;
    private CdcContractSupport offsets;

    @Override
    protected SourceKind kind() {
        return SourceKind.POSTGRES;
    }

    @Override
    protected String createSource() {
        CdpStack stack = CdpStack.get();
        StackEndpoints.Postgres postgres = stack.endpoints().postgres();
        String database = stack.createDatabase("contract_pg");
        sql = new Sql(postgres.jdbcUrl(database), postgres.user(), postgres.password());
        sql.execute(
                "CREATE TABLE touchpoints (n INT PRIMARY KEY, user_id TEXT NOT NULL)",
                "INSERT INTO touchpoints VALUES (-1, 'seed')");
        offsets = new CdcContractSupport(dataSource);
        String id = Sources.uniqueId("contract-pg");
        registry.create(
                SpecJson.readYaml(
                        """
                        id: %s
                        kind: postgres
                        namespace: shop
                        database:
                          {host: %s, port: %d, database: %s, user: %s, password: %s, debezium: {flush.lsn.source: "false"}}
                        tables:
                          public.touchpoints:
                            events: [{type: track, event: Product Viewed, userId: "${user_id}", properties: {n: "${n}"}}]
                        """.formatted(
                                id, postgres.host(), postgres.port(), database, postgres.user(), postgres.password()),
                        SourceSpec.class,
                        "test"),
                "contract test");
        return id;
    }

    @Override
    protected void started(String id) {
        await().atMost(Duration.ofSeconds(30)).until(() -> offsets.hasOffsets(id));
        offsets.save(id);
    }

    @Override
    protected void produce(String id, int from, int count) {
        for (int n = from; n < from + count; n++) {
            sql.execute("INSERT INTO touchpoints VALUES (%d, 'u%d')".formatted(n, n));
        }
    }

    @Override
    protected void replay(String id) {
        registry.pause(id, "contract test");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> registry.status(id).state() == com.monstermart.cdp.ingestion.core.SourceState.PAUSED);
        offsets.restore(id);
        registry.resume(id, "contract test");
    }
}
