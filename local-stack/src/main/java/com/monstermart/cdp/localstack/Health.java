package com.monstermart.cdp.localstack;

import static java.util.Objects.requireNonNull;

/** The outcome of one readiness probe. */
public record Health(boolean healthy, String detail) {
    public Health {
        requireNonNull(detail, "detail is null");
    }

    public static Health healthy(String detail) {
        return new Health(true, detail);
    }

    public static Health unhealthy(String detail) {
        return new Health(false, detail);
    }
}
