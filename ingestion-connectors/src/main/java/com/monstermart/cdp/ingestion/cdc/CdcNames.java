package com.monstermart.cdp.ingestion.cdc;

import com.monstermart.cdp.ingestion.core.DatabaseSpec;
import com.monstermart.cdp.ingestion.core.SourceSpec;

/** Default names and numbers derived from a source id (slot, publication, server id, JDBC URL). */
public final class CdcNames {
    private CdcNames() {}

    public static String slot(SourceSpec spec) {
        DatabaseSpec database = spec.database();
        return database.slot() != null ? database.slot() : "cdp_" + spec.id().replace('-', '_');
    }

    public static String publication(SourceSpec spec) {
        DatabaseSpec database = spec.database();
        return database.publication() != null
                ? database.publication()
                : "cdp_" + spec.id().replace('-', '_');
    }

    /** A replica server id in 5400..1,005,399, stable per source id, unless set. */
    public static long serverId(SourceSpec spec) {
        Long configured = spec.database().serverId();
        return configured != null ? configured : 5400 + Math.floorMod(spec.id().hashCode(), 1_000_000);
    }

    public static int port(SourceSpec spec) {
        Integer port = spec.database().port();
        if (port != null) {
            return port;
        }
        return switch (spec.kind()) {
            case POSTGRES -> 5432;
            default -> 3306;
        };
    }

    /** The JDBC URL of the captured database (lookups, tests of the connection). */
    public static String jdbcUrl(SourceSpec spec) {
        DatabaseSpec database = spec.database();
        return switch (spec.kind()) {
            case POSTGRES -> "jdbc:postgresql://%s:%d/%s".formatted(database.host(), port(spec), database.database());
            default -> "jdbc:mariadb://%s:%d/%s".formatted(database.host(), port(spec), database.database());
        };
    }
}
