package com.monstermart.cdp.profile.core;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The column types of the store's tables, with the Java type rows carry for each. Trino sees them as
 * {@code varchar}, {@code integer}, {@code bigint}, {@code boolean}, {@code decimal(18,2)},
 * {@code timestamp(6) with time zone} and {@code date}.
 */
public enum ColumnType {
    STRING(String.class),
    INT(Integer.class),
    LONG(Long.class),
    BOOLEAN(Boolean.class),
    /** decimal(18,2): money amounts; values are rounded half-up to cents. */
    DECIMAL(BigDecimal.class),
    TIMESTAMPTZ(Instant.class),
    DATE(LocalDate.class);

    /** Precision and scale of {@link #DECIMAL}. */
    public static final int DECIMAL_PRECISION = 18;

    public static final int DECIMAL_SCALE = 2;

    private final Class<?> javaType;

    ColumnType(Class<?> javaType) {
        this.javaType = javaType;
    }

    public Class<?> javaType() {
        return javaType;
    }

    /** The wire name used in configuration ({@code string}, {@code decimal}, ...). */
    public String configName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The type for a configuration name; throws naming the accepted names. */
    public static ColumnType fromConfigName(String name) {
        for (ColumnType type : values()) {
            if (type.configName().equalsIgnoreCase(name.strip())) {
                return type;
            }
        }
        throw new ProfileStoreException(
                ProfileStoreErrorCode.INVALID_CONFIGURATION,
                "Unknown column type '%s': use one of string, int, long, boolean, decimal, timestamptz, date"
                        .formatted(name));
    }
}
