package com.monstermart.cdp.analytics.clv;

/** Argument checks shared by the records of this package. */
final class Checks {
    private Checks() {}

    static void positive(String name, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw ClvException.invalid("%s must be a finite number above 0, was %s", name, value);
        }
    }

    static void notNegative(String name, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw ClvException.invalid("%s must be a finite number of 0 or more, was %s", name, value);
        }
    }
}
