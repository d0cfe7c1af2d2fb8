package com.monstermart.cdp.ingestion.core;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The HTTP collector settings of a source.
 *
 * @param writeKey the Segment write key clients authenticate with (write-only: stored as a SHA-256 hash, never
 *     returned; when a source is created without one, a random key is generated and returned once)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HttpSpec(String writeKey) {}
