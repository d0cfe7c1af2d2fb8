package com.monstermart.cdp.identity.core.graph;

import com.monstermart.cdp.identity.core.rules.ResolutionRules;
import java.time.Clock;
import java.time.ZoneOffset;

class InMemoryIdentityStoreTest extends IdentityStoreContract {
    @Override
    protected IdentityStore store(ResolutionRules rules) {
        return new InMemoryIdentityStore(rules, Clock.fixed(T0.plusSeconds(86_400), ZoneOffset.UTC));
    }
}
