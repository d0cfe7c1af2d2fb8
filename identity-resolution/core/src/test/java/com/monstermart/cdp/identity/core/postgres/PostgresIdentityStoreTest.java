package com.monstermart.cdp.identity.core.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import com.monstermart.cdp.identity.core.graph.IdentityStore;
import com.monstermart.cdp.identity.core.graph.IdentityStoreContract;
import com.monstermart.cdp.identity.core.graph.JournalOperation;
import com.monstermart.cdp.identity.core.graph.Observation;
import com.monstermart.cdp.identity.core.graph.Resolution;
import com.monstermart.cdp.identity.core.identifier.Identifier;
import com.monstermart.cdp.identity.core.rules.ResolutionRules;
import com.monstermart.cdp.localstack.StackEndpoints;
import com.monstermart.cdp.localstack.testing.CdpStack;
import com.monstermart.cdp.localstack.testing.WithCdpStack;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

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

    @Test
    void identifierValuesWithQuotesBracesCommasAndBackslashesSurviveTheWriteAndTheJournal() {
        PostgresIdentityStore store = (PostgresIdentityStore) store(ResolutionRules.defaults());
        Identifier odd = Identifier.anonymousId("web", "a \"quoted\" {brace}, back\\slash");
        Identifier other = Identifier.deviceId("ünïcødé,NULL,{}");
        Observation observation = new Observation("odd-1", T0, "web", List.of(odd, other));

        Resolution resolution = store.resolve(observation);

        assertThat(store.profileOf(odd)).isEqualTo(resolution.profileId());
        assertThat(store.profileOf(other)).isEqualTo(resolution.profileId());
        assertThat(store.journal())
                .singleElement()
                .isInstanceOfSatisfying(JournalOperation.Observed.class, observed -> assertThat(
                                observed.observation().identifiers())
                        .containsExactly(odd, other));
    }
}
