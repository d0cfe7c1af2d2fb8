package com.monstermart.cdp.demoworld;

/** What went wrong while generating, by who can fix it. */
public enum DemoWorldErrorCode {
    /** A setting or command-line option is invalid: fix the call. */
    INVALID_SETTINGS,
    /** A database refused the schema, a load or a change: check the server and the URL. */
    DATABASE_FAILED,
    /** The event collector refused or did not answer: check its URL, write key and health. */
    COLLECTOR_FAILED,
    /** A file could not be written or read: check the directory and the disk. */
    FILE_FAILED,
    /** A bug in the generator. */
    INTERNAL
}
