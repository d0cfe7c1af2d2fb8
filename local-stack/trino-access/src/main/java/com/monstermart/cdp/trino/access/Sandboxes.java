package com.monstermart.cdp.trino.access;

import static java.util.Objects.requireNonNull;

import io.trino.spi.security.Identity;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which schemas are sandboxes and who may use each: schema {@code <prefix><user name>} of the catalog belongs to that
 * user alone; members of the bypass groups (administrators) may use every sandbox.
 *
 * @param catalog the catalog whose schemas can be sandboxes (e.g. {@code iceberg})
 * @param schemaPrefix what every sandbox schema's name starts with (e.g. {@code sandbox_})
 * @param bypassGroups groups whose members may use any sandbox
 */
public record Sandboxes(String catalog, String schemaPrefix, Set<String> bypassGroups) {
    static final String CATALOG = "cdp-sandbox.catalog";
    static final String SCHEMA_PREFIX = "cdp-sandbox.schema-prefix";
    static final String BYPASS_GROUPS = "cdp-sandbox.bypass-groups";

    public Sandboxes {
        requireNonNull(catalog, "catalog is null");
        requireNonNull(schemaPrefix, "schemaPrefix is null");
        if (schemaPrefix.isBlank()) {
            throw new IllegalArgumentException("The sandbox schema prefix must not be blank");
        }
        bypassGroups = Set.copyOf(bypassGroups);
    }

    /**
     * From the access control's properties: {@code cdp-sandbox.catalog} (default {@code iceberg}),
     * {@code cdp-sandbox.schema-prefix} (default {@code sandbox_}), {@code cdp-sandbox.bypass-groups}
     * (comma-separated, default {@code admin}).
     */
    public static Sandboxes fromConfig(Map<String, String> config) {
        Map<String, String> remaining = new HashMap<>(config);
        String catalog = remaining.remove(CATALOG);
        String prefix = remaining.remove(SCHEMA_PREFIX);
        String groups = remaining.remove(BYPASS_GROUPS);
        if (!remaining.isEmpty()) {
            throw new IllegalArgumentException("Unknown cdp-sandbox properties %s (known: %s, %s, %s)"
                    .formatted(remaining.keySet(), CATALOG, SCHEMA_PREFIX, BYPASS_GROUPS));
        }
        return new Sandboxes(
                catalog == null ? "iceberg" : catalog.strip(),
                prefix == null ? "sandbox_" : prefix.strip(),
                Arrays.stream((groups == null ? "admin" : groups).split(","))
                        .map(String::strip)
                        .filter(group -> !group.isEmpty())
                        .collect(Collectors.toUnmodifiableSet()));
    }

    /** The sandbox schema of a user (Trino user names are matched as lower case, like schema names). */
    public String sandboxOf(String user) {
        return schemaPrefix + user.toLowerCase(Locale.ROOT);
    }

    public boolean isSandbox(String catalog, String schema) {
        return this.catalog.equals(catalog) && schema.startsWith(schemaPrefix);
    }

    /** Whether the caller may see and use the schema (anything that is not a sandbox is left to other rules). */
    public boolean mayUse(Identity identity, String catalog, String schema) {
        return !isSandbox(catalog, schema)
                || schema.equals(sandboxOf(identity.getUser()))
                || !Collections.disjoint(identity.getGroups(), bypassGroups);
    }

    /** The user a sandbox belongs to. */
    public String ownerOf(String schema) {
        return schema.substring(schemaPrefix.length());
    }
}
