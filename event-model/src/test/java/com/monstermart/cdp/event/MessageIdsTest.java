package com.monstermart.cdp.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class MessageIdsTest {
    @Test
    void derivedIdsAreStableVersion5Uuids() {
        String id = MessageIds.derived("shop-postgres", "lsn=0/16B3748/public.customers/42/c");

        assertThat(id).isEqualTo(MessageIds.derived("shop-postgres", "lsn=0/16B3748/public.customers/42/c"));
        assertThat(UUID.fromString(id).version()).isEqualTo(5);
        assertThat(UUID.fromString(id).variant()).isEqualTo(2);
    }

    @Test
    void sourceAndPositionBothMatter() {
        String id = MessageIds.derived("a", "1");

        assertThat(id)
                .isNotEqualTo(MessageIds.derived("b", "1"))
                .isNotEqualTo(MessageIds.derived("a", "2"))
                .isNotEqualTo(MessageIds.derived("a1", ""));
    }

    @Test
    void randomIdsDiffer() {
        assertThat(MessageIds.random()).isNotEqualTo(MessageIds.random());
    }
}
