package com.monstermart.cdp.identity.core.postgres;

import com.monstermart.cdp.identity.core.graph.IdentityStore;
import com.monstermart.cdp.identity.core.graph.IdentityStoreContract;
import com.monstermart.cdp.identity.core.rules.ResolutionRules;
import com.monstermart.cdp.localstack.StackEndpoints;
import com.monstermart.cdp.localstack.testing.CdpStack;
import com.monstermart.cdp.localstack.testing.WithCdpStack;
import java.time.Clock;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeAll;

@WithCdpStack("postgres")
class PostgresIdentityStoreTest extends IdentityStoreContract {
    private static CdpStack stack;

    @BeforeAll
    static void stack(CdpStack cdpStack) {
        stack = cdpStack;
    }

    @Override
    protected IdentityStore store(ResolutionRules rules) {
        StackEndpoints.Postgres postgres = stack.endpoints().postgres();
        String database = stack.createDatabase("identity");
        TestDatabases.migrate(postgres.jdbcUrl(database), postgres.user(), postgres.password());
        return new PostgresIdentityStore(
                TestDatabases.dataSource(postgres.jdbcUrl(database), postgres.user(), postgres.password()),
                rules,
                Clock.fixed(T0.plusSeconds(86_400), ZoneOffset.UTC));
    }
}
