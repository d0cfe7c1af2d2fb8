package com.monstermart.cdp.ingestion.contract;

import static org.awaitility.Awaitility.await;

import com.monstermart.cdp.event.SourceKind;
import com.monstermart.cdp.ingestion.core.SourceSpec;
import com.monstermart.cdp.ingestion.core.SourceState;
import com.monstermart.cdp.ingestion.core.SpecJson;
import com.monstermart.cdp.ingestion.testing.Sources;
import com.monstermart.cdp.ingestion.testing.Sql;
import com.monstermart.cdp.localstack.StackEndpoints;
import com.monstermart.cdp.localstack.testing.CdpStack;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;

/** The contract for MariaDB CDC; restored offsets make the connector read the binlog from there again. */
@QuarkusTest
class MariaDbContractTest extends SourceContractTest {
    @Inject
    DataSource dataSource;

    private Sql sql;
    private CdcContractSupport offsets;

    @Override
    protected SourceKind kind() {
        return SourceKind.MARIADB;
    }

    @Override
    protected String createSource() {
        CdpStack stack = CdpStack.get();
        StackEndpoints.MariaDb mariadb = stack.endpoints().mariadb();
        String database = stack.createMariaDbDatabase("contract_pos");
        sql = new Sql(mariadb.jdbcUrl(database), mariadb.user(), mariadb.password());
        sql.execute(
                "CREATE TABLE touchpoints (n INT NOT NULL PRIMARY KEY, user_id VARCHAR(20) NOT NULL) ENGINE=InnoDB",
                "INSERT INTO touchpoints VALUES (-1, 'seed')");
        offsets = new CdcContractSupport(dataSource);
        String id = Sources.uniqueId("contract-pos");
        registry.create(
                SpecJson.readYaml(
                        """
                        id: %s
                        kind: mariadb
                        namespace: pos
                        database: {host: %s, port: %d, database: %s, user: %s, password: %s, serverId: %d}
                        tables:
                          %s.touchpoints:
                            events: [{type: track, event: Product Viewed, userId: "${user_id}", properties: {n: "${n}"}}]
                        """.formatted(
                                        id,
                                        mariadb.host(),
                                        mariadb.port(),
                                        database,
                                        mariadb.user(),
                                        mariadb.password(),
                                        200_000 + ThreadLocalRandom.current().nextInt(1_000_000),
                                        database),
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
        await().atMost(Duration.ofSeconds(30)).until(() -> registry.status(id).state() == SourceState.PAUSED);
        offsets.restore(id);
        registry.resume(id, "contract test");
    }
}
