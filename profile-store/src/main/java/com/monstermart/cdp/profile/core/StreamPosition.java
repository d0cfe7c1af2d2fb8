package com.monstermart.cdp.profile.core;

import static java.util.Objects.requireNonNull;

/** Where a record sits in the input streams: a Kafka topic, partition and offset. */
public record StreamPosition(String topic, int partition, long offset) {
    public StreamPosition {
        requireNonNull(topic, "topic is null");
        if (partition < 0) {
            throw new IllegalArgumentException("partition must not be negative: " + partition);
        }
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative: " + offset);
        }
    }

    public StreamPartition streamPartition() {
        return new StreamPartition(topic, partition);
    }

    @Override
    public String toString() {
        return topic + "/" + partition + "@" + offset;
    }
}
