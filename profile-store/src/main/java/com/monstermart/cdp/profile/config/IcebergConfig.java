package com.monstermart.cdp.profile.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** The Iceberg JDBC catalog the store writes its tables to (shared with Trino's {@code iceberg} catalog). */
@ConfigMapping(prefix = "cdp.profile-store.iceberg")
public interface IcebergConfig {
    /** The catalog name in the JDBC catalog tables; Trino's {@code iceberg.jdbc-catalog.catalog-name}. */
    @WithDefault("iceberg")
    String catalogName();

    /** The PostgreSQL database of the catalog tables, e.g. {@code jdbc:postgresql://127.0.0.1:15432/iceberg_catalog}. */
    String jdbcUrl();

    /** Its user; defaults to the datasource's user. */
    Optional<String> user();

    /** Its password (a secret: give it by environment); defaults to the datasource's password. */
    Optional<String> password();

    /** Where new tables' files go, e.g. {@code file:///srv/cdp/warehouse} or {@code s3://bucket/warehouse}. */
    String warehouse();

    /** The namespace (Trino schema) of the store's tables. */
    @WithDefault("cdp")
    String namespace();
}
