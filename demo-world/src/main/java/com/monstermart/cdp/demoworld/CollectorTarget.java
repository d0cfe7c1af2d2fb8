package com.monstermart.cdp.demoworld;

import static java.util.Objects.requireNonNull;

import java.net.URI;

/**
 * An HTTP event collector speaking Segment's tracking API.
 *
 * @param baseUrl the collector's base URL; events go to {@code <baseUrl>/v1/batch}
 * @param writeKey the source's write key (HTTP Basic user name, empty password)
 */
public record CollectorTarget(URI baseUrl, String writeKey) {
    public CollectorTarget {
        requireNonNull(baseUrl, "baseUrl is null");
        requireNonNull(writeKey, "writeKey is null");
    }

    public URI batchUrl() {
        String base = baseUrl.toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/v1/batch");
    }

    @Override
    public String toString() {
        return "CollectorTarget[" + baseUrl + "]";
    }
}
