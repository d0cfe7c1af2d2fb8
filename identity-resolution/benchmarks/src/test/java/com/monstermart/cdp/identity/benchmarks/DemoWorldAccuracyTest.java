package com.monstermart.cdp.identity.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Identity resolution against the demo world's known truth (real PostgreSQL and MariaDB as its sources): customers
 * with several accounts, cards, e-mails and phones, typos, shared family addresses and shared test addresses. The
 * core resolves the shop's accounts and orders and the stores' loyalty members deterministically, then links
 * profiles probabilistically (EM-estimated, no labels) under the default guardrails.
 */
class DemoWorldAccuracyTest {
    @Test
    void precisionAndRecallAgainstTheTruth() throws Exception {
        DemoWorldAccuracyHarness.Accuracy accuracy = DemoWorldAccuracyHarness.run(400, 30, 7, System.out);

        // Guardrails and blocked values keep different people apart: no profile mixes two persons.
        assertThat(accuracy.deterministic().mixedProfiles()).isZero();
        assertThat(accuracy.combined().precision()).isGreaterThanOrEqualTo(0.99);
        // Matching finds what no shared identifier links (typos, second cards, guest orders).
        assertThat(accuracy.combined().recall())
                .isGreaterThan(accuracy.deterministic().recall());
        // Measured 0.80 (deterministic 0.79) for this world; the rest is what the guardrails refuse (second accounts).
        assertThat(accuracy.combined().recall()).isGreaterThanOrEqualTo(0.75);
        assertThat(accuracy.linkedDifferentPersons()).isLessThanOrEqualTo(1);
    }
}
