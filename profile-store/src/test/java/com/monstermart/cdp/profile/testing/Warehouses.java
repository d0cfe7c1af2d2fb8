package com.monstermart.cdp.profile.testing;

import com.monstermart.cdp.localstack.StackEndpoints;
import com.monstermart.cdp.profile.core.ProfileStoreTables;
import com.monstermart.cdp.profile.core.PromotedProperty;
import com.monstermart.cdp.profile.iceberg.IcebergSettings;
import com.monstermart.cdp.profile.iceberg.ProfileStoreWarehouse;
import java.util.List;

/** The store's tables in a test's own namespace (a Trino schema made by {@code stack.createTrinoSchema}). */
public final class Warehouses {
    private Warehouses() {}

    public static IcebergSettings settings(StackEndpoints endpoints, String namespace) {
        return new IcebergSettings(
                endpoints.iceberg().catalogName(),
                endpoints.iceberg().jdbcUrl(),
                endpoints.postgres().user(),
                endpoints.postgres().password(),
                endpoints.iceberg().warehouse(),
                namespace);
    }

    public static ProfileStoreWarehouse open(
            StackEndpoints endpoints, String namespace, List<PromotedProperty> promoted) {
        ProfileStoreWarehouse warehouse = ProfileStoreWarehouse.open(
                settings(endpoints, namespace),
                ProfileStoreTables.all(
                        promoted.stream().map(PromotedProperty::column).toList()));
        warehouse.ensureTables();
        return warehouse;
    }
}
