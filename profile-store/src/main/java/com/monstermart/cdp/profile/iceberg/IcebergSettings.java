package com.monstermart.cdp.profile.iceberg;

import static java.util.Objects.requireNonNull;

/**
 * How to reach the Iceberg JDBC catalog that Trino's {@code iceberg} catalog shares.
 *
 * @param catalogName the catalog name in the JDBC catalog tables (Trino's {@code iceberg.jdbc-catalog.catalog-name})
 * @param jdbcUrl the PostgreSQL database holding the catalog tables
 * @param warehouse where new tables go, e.g. {@code file:///work/main/.cdp/warehouse}
 * @param namespace the namespace of the store's tables (Trino schema), {@code cdp} by default
 */
public record IcebergSettings(
        String catalogName, String jdbcUrl, String user, String password, String warehouse, String namespace) {
    public IcebergSettings {
        requireNonNull(catalogName, "catalogName is null");
        requireNonNull(jdbcUrl, "jdbcUrl is null");
        requireNonNull(user, "user is null");
        requireNonNull(password, "password is null");
        requireNonNull(warehouse, "warehouse is null");
        requireNonNull(namespace, "namespace is null");
    }

    @Override
    public String toString() {
        return "IcebergSettings[catalogName=%s, jdbcUrl=%s, user=%s, warehouse=%s, namespace=%s]"
                .formatted(catalogName, jdbcUrl, user, warehouse, namespace);
    }
}
