package com.monstermart.cdp.analytics.clv;

/** What went wrong in a lifetime-value computation, by who can fix it. */
public enum ClvErrorCode {
    /** The input data or an option is invalid (a bad row, an empty file, a negative amount): fix the input. */
    INVALID_INPUT,
    /** A file could not be read: check the path and its permissions. */
    FILE_FAILED,
    /** A numerical computation did not converge or left the range of doubles: report the parameters and input. */
    NUMERICAL_FAILURE
}
