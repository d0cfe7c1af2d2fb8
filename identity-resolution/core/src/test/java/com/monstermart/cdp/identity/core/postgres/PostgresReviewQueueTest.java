package com.monstermart.cdp.identity.core.postgres;

import com.monstermart.cdp.identity.core.review.ReviewQueue;
import com.monstermart.cdp.identity.core.review.ReviewQueueContract;
import com.monstermart.cdp.localstack.StackEndpoints;
import com.monstermart.cdp.localstack.testing.CdpStack;
import com.monstermart.cdp.localstack.testing.WithCdpStack;
import org.junit.jupiter.api.BeforeAll;

@WithCdpStack("postgres")
class PostgresReviewQueueTest extends ReviewQueueContract {
    private static CdpStack stack;

    @BeforeAll
    static void stack(CdpStack cdpStack) {
        stack = cdpStack;
    }

    @Override
    protected ReviewQueue queue() {
        StackEndpoints.Postgres postgres = stack.endpoints().postgres();
        String database = stack.createDatabase("review");
        TestDatabases.migrate(postgres.jdbcUrl(database), postgres.user(), postgres.password());
        return new PostgresReviewQueue(
                TestDatabases.dataSource(postgres.jdbcUrl(database), postgres.user(), postgres.password()));
    }
}
