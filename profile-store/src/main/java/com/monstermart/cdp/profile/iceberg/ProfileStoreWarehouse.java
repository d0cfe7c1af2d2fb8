package com.monstermart.cdp.profile.iceberg;

import static java.util.Objects.requireNonNull;

import com.monstermart.cdp.profile.core.ProfileStoreErrorCode;
import com.monstermart.cdp.profile.core.ProfileStoreException;
import com.monstermart.cdp.profile.core.TableDefinition;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.CatalogProperties;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.exceptions.AlreadyExistsException;
import org.apache.iceberg.exceptions.NoSuchTableException;
import org.apache.iceberg.jdbc.JdbcCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store's tables in the Iceberg JDBC catalog: creates them (format v2) and evolves their schemas at start,
 * and hands them out. Wraps the Iceberg catalog so the rest of the store never deals with catalog properties.
 */
public final class ProfileStoreWarehouse implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ProfileStoreWarehouse.class);

    /** Table properties of every table the store creates. */
    public static final Map<String, String> TABLE_PROPERTIES = Map.of(
            TableProperties.FORMAT_VERSION, "2",
            TableProperties.PARQUET_COMPRESSION, "zstd",
            // Every commit writes a metadata file: keep only the recent ones.
            TableProperties.METADATA_DELETE_AFTER_COMMIT_ENABLED, "true",
            TableProperties.METADATA_PREVIOUS_VERSIONS_MAX, "20",
            TableProperties.MANIFEST_MIN_MERGE_COUNT, "50",
            TableProperties.COMMIT_NUM_RETRIES, "8",
            // Small dictionaries: low-cardinality columns (type, event, source, currency) keep dictionary encoding,
            // high-cardinality ones (ids, JSON) fall back to plain early instead of hashing every value.
            TableProperties.PARQUET_DICT_SIZE_BYTES, "262144");

    private final JdbcCatalog catalog;
    private final IcebergSettings settings;
    private final Namespace namespace;
    private final Map<String, TableDefinition> definitions;

    private ProfileStoreWarehouse(JdbcCatalog catalog, IcebergSettings settings, List<TableDefinition> definitions) {
        this.catalog = catalog;
        this.settings = settings;
        this.namespace = Namespace.of(settings.namespace());
        Map<String, TableDefinition> byName = new LinkedHashMap<>();
        definitions.forEach(definition -> byName.put(definition.name(), definition));
        this.definitions = java.util.Collections.unmodifiableMap(byName);
    }

    /** Connects to the catalog; call {@link #ensureTables()} before writing. */
    public static ProfileStoreWarehouse open(IcebergSettings settings, List<TableDefinition> definitions) {
        requireNonNull(settings, "settings is null");
        requireNonNull(definitions, "definitions is null");
        return new ProfileStoreWarehouse(catalog(settings), settings, definitions);
    }

    /** A JDBC catalog laid out as Trino expects it (schema version V1). */
    public static JdbcCatalog catalog(IcebergSettings settings) {
        Map<String, String> properties = new HashMap<>();
        properties.put(CatalogProperties.URI, settings.jdbcUrl());
        properties.put(CatalogProperties.WAREHOUSE_LOCATION, settings.warehouse());
        properties.put(JdbcCatalog.PROPERTY_PREFIX + "user", settings.user());
        properties.put(JdbcCatalog.PROPERTY_PREFIX + "password", settings.password());
        // Trino's layout of the catalog tables; Iceberg's Java default (V0) lacks the record type column.
        properties.put(JdbcCatalog.PROPERTY_PREFIX + "schema-version", "V1");
        properties.put(CatalogProperties.CLIENT_POOL_SIZE, "4");
        JdbcCatalog catalog = new JdbcCatalog();
        catalog.setConf(new org.apache.hadoop.conf.Configuration());
        try {
            catalog.initialize(settings.catalogName(), properties);
        } catch (RuntimeException e) {
            throw new ProfileStoreException(
                    ProfileStoreErrorCode.ICEBERG_FAILED,
                    "Cannot open the Iceberg JDBC catalog at %s: %s (is PostgreSQL running and the database there?)"
                            .formatted(settings.jdbcUrl(), e.getMessage()),
                    e);
        }
        return catalog;
    }

    public IcebergSettings settings() {
        return settings;
    }

    public Namespace namespace() {
        return namespace;
    }

    public JdbcCatalog catalog() {
        return catalog;
    }

    public Map<String, TableDefinition> definitions() {
        return definitions;
    }

    /** Creates the namespace and every missing table, and adds missing columns to existing ones. */
    public void ensureTables() {
        if (!catalog.namespaceExists(namespace)) {
            try {
                catalog.createNamespace(namespace, Map.of());
            } catch (AlreadyExistsException e) {
                LOG.debug("Namespace {} was created concurrently", namespace);
            }
        }
        for (TableDefinition definition : definitions.values()) {
            ensureTable(definition);
        }
    }

    private void ensureTable(TableDefinition definition) {
        TableIdentifier identifier = TableIdentifier.of(namespace, definition.name());
        try {
            Table table = catalog.loadTable(identifier);
            List<String> added = IcebergSchemas.addMissingColumns(table, definition);
            if (!added.isEmpty()) {
                LOG.info("Added columns {} to Iceberg table {}", added, identifier);
            }
        } catch (NoSuchTableException e) {
            Schema schema = IcebergSchemas.schema(definition);
            PartitionSpec spec = IcebergSchemas.spec(definition, schema);
            try {
                catalog.buildTable(identifier, schema)
                        .withPartitionSpec(spec)
                        .withProperties(TABLE_PROPERTIES)
                        .withProperty("comment", definition.doc())
                        .create();
                LOG.info("Created Iceberg table {}", identifier);
            } catch (AlreadyExistsException raced) {
                ensureTable(definition);
            }
        }
    }

    /** A table of the store, freshly loaded. */
    public Table table(String name) {
        if (!definitions.containsKey(name)) {
            throw new ProfileStoreException(
                    ProfileStoreErrorCode.TABLE_NOT_FOUND,
                    "The profile store has no table '%s'; its tables are %s".formatted(name, definitions.keySet()));
        }
        try {
            return catalog.loadTable(TableIdentifier.of(namespace, name));
        } catch (NoSuchTableException e) {
            throw new ProfileStoreException(
                    ProfileStoreErrorCode.TABLE_NOT_FOUND,
                    "Iceberg table %s.%s does not exist: start the profile store once to create it"
                            .formatted(namespace, name),
                    e);
        }
    }

    public TableDefinition definition(String name) {
        TableDefinition definition = definitions.get(name);
        if (definition == null) {
            throw new ProfileStoreException(
                    ProfileStoreErrorCode.TABLE_NOT_FOUND,
                    "The profile store has no table '%s'; its tables are %s".formatted(name, definitions.keySet()));
        }
        return definition;
    }

    @Override
    public void close() {
        catalog.close();
    }
}
