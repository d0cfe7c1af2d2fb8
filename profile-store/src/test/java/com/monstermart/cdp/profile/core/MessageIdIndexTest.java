package com.monstermart.cdp.profile.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.monstermart.cdp.profile.core.MessageIdIndex.Sighting;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MessageIdIndexTest {
    @Test
    void tellsFirstSightingsReplaysAndDuplicatesApart() {
        MessageIdIndex index = new MessageIdIndex(10);

        assertThat(index.record("m-1", 0, 5)).isEqualTo(Sighting.FIRST);
        assertThat(index.record("m-1", 0, 5)).isEqualTo(Sighting.SAME_RECORD);
        assertThat(index.record("m-1", 0, 6)).isEqualTo(Sighting.DUPLICATE);
        assertThat(index.record("m-1", 1, 5)).isEqualTo(Sighting.DUPLICATE);
        assertThat(index.size()).isEqualTo(1);
    }

    @Test
    void evictsTheOldestAndKeepsEveryOtherEntryFindable() {
        int capacity = 1_000;
        MessageIdIndex index = new MessageIdIndex(capacity);
        Random random = new Random(7);
        int total = 25_000;
        for (int i = 0; i < total; i++) {
            assertThat(index.record("m-" + i, random.nextInt(3), i)).isEqualTo(Sighting.FIRST);
        }
        assertThat(index.size()).isEqualTo(capacity);
        random = new Random(7);
        for (int i = 0; i < total; i++) {
            int partition = random.nextInt(3);
            if (i >= total - capacity) {
                assertThat(index.record("m-" + i, partition, i)).as("m-%d", i).isEqualTo(Sighting.SAME_RECORD);
            }
        }
        assertThat(index.record("m-0", 0, 0)).isEqualTo(Sighting.FIRST);
    }

    @Test
    void refusesAnEmptyCapacity() {
        assertThatThrownBy(() -> new MessageIdIndex(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("capacity must be positive: 0");
    }
}
