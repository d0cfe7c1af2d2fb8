package com.monstermart.cdp.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TopicsTest {
    @Test
    void namesTheArchitectureTopics() {
        assertThat(Topics.RAW_EVENTS).isEqualTo("cdp.raw.events");
        assertThat(Topics.RESOLVED_EVENTS).isEqualTo("cdp.resolved.events");
        assertThat(Topics.IDENTITY_CHANGES).isEqualTo("cdp.identity.changes");
        assertThat(Topics.PRIVACY_COMMANDS).isEqualTo("cdp.privacy.commands");
    }

    @Test
    void deadLetterTopicPerSource() {
        assertThat(Topics.deadLetter("shop-postgres")).isEqualTo("cdp.dead-letter.shop-postgres");
        assertThat(Topics.sourceOfDeadLetter("cdp.dead-letter.shop-postgres")).contains("shop-postgres");
        assertThat(Topics.sourceOfDeadLetter(Topics.RAW_EVENTS)).isEmpty();
        assertThatThrownBy(() -> Topics.deadLetter("Shop Postgres"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid source id 'Shop Postgres': use 1-63 lower-case letters, digits and dashes");
    }
}
