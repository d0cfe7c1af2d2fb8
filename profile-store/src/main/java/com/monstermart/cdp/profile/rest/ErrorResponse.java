package com.monstermart.cdp.profile.rest;

/** Every error the API returns: a stable code and a message saying what to do. */
public record ErrorResponse(String code, String message) {}
