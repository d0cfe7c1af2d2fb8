package com.monstermart.cdp.ingestion.rest;

/**
 * The body of every error response of the registry API.
 *
 * @param code the error code ({@code INVALID_SOURCE}, {@code SOURCE_NOT_FOUND}, ...)
 * @param message what failed and what to do
 */
public record ErrorBody(String code, String message) {}
