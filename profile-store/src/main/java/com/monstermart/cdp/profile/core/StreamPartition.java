package com.monstermart.cdp.profile.core;

import static java.util.Objects.requireNonNull;

/** A Kafka topic partition, the unit the store tracks its progress in. */
public record StreamPartition(String topic, int partition) implements Comparable<StreamPartition> {
    public StreamPartition {
        requireNonNull(topic, "topic is null");
        if (partition < 0) {
            throw new IllegalArgumentException("partition must not be negative: " + partition);
        }
    }

    @Override
    public int compareTo(StreamPartition other) {
        int byTopic = topic.compareTo(other.topic);
        return byTopic != 0 ? byTopic : Integer.compare(partition, other.partition);
    }

    @Override
    public String toString() {
        return topic + "/" + partition;
    }
}
