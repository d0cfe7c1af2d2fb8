package com.monstermart.cdp.console.rest;

/** The body of every error the console answers: a code (see {@code ConsoleErrorCode}) and what to do. */
public record ErrorResponse(String code, String message) {}
