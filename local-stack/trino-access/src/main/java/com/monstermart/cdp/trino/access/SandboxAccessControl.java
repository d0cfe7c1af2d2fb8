package com.monstermart.cdp.trino.access;

import static java.util.Objects.requireNonNull;

import io.trino.plugin.base.security.AllowAllSystemAccessControl;
import io.trino.spi.connector.CatalogSchemaName;
import io.trino.spi.connector.CatalogSchemaTableName;
import io.trino.spi.connector.SchemaTableName;
import io.trino.spi.security.AccessDeniedException;
import io.trino.spi.security.Privilege;
import io.trino.spi.security.SystemSecurityContext;
import io.trino.spi.security.TrinoPrincipal;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Keeps every sandbox schema private to its user: anything in {@code <catalog>.<prefix><user>} is refused to every
 * other caller (administrators excepted), and others' sandboxes are not even listed. Everything else is allowed
 * here, so this access control is configured <em>beside</em> Trino's file-based rules
 * ({@code access-control.config-files}), and a request must pass both: the file rules let analysts own schemas
 * named {@code sandbox_.*}, this control narrows that to their own. File rules cannot say it alone: their user and
 * schema patterns are matched independently.
 */
public final class SandboxAccessControl extends AllowAllSystemAccessControl {
    private final Sandboxes sandboxes;

    public SandboxAccessControl(Sandboxes sandboxes) {
        this.sandboxes = requireNonNull(sandboxes, "sandboxes is null");
    }

    private void check(SystemSecurityContext context, String catalog, String schema, String action) {
        if (!sandboxes.mayUse(context.getIdentity(), catalog, schema)) {
            throw new AccessDeniedException("Cannot %s in %s.%s: it is the sandbox of user %s (yours is %s.%s)"
                    .formatted(
                            action,
                            catalog,
                            schema,
                            sandboxes.ownerOf(schema),
                            catalog,
                            sandboxes.sandboxOf(context.getIdentity().getUser())));
        }
    }

    private void check(SystemSecurityContext context, CatalogSchemaName schema, String action) {
        check(context, schema.getCatalogName(), schema.getSchemaName(), action);
    }

    private void check(SystemSecurityContext context, CatalogSchemaTableName table, String action) {
        check(context, table.getCatalogName(), table.getSchemaTableName().getSchemaName(), action);
    }

    private boolean mayUse(SystemSecurityContext context, String catalog, SchemaTableName table) {
        return sandboxes.mayUse(context.getIdentity(), catalog, table.getSchemaName());
    }

    // Schemas

    @Override
    public void checkCanCreateSchema(
            SystemSecurityContext context, CatalogSchemaName schema, Map<String, Object> properties) {
        check(context, schema, "create a schema");
    }

    @Override
    public void checkCanDropSchema(SystemSecurityContext context, CatalogSchemaName schema) {
        check(context, schema, "drop the schema");
    }

    @Override
    public void checkCanRenameSchema(SystemSecurityContext context, CatalogSchemaName schema, String newSchemaName) {
        check(context, schema, "rename the schema");
        check(context, schema.getCatalogName(), newSchemaName, "rename a schema");
    }

    @Override
    public void checkCanSetSchemaAuthorization(
            SystemSecurityContext context, CatalogSchemaName schema, TrinoPrincipal principal) {
        check(context, schema, "change the schema's owner");
    }

    @Override
    public void checkCanShowCreateSchema(SystemSecurityContext context, CatalogSchemaName schema) {
        check(context, schema, "show the schema");
    }

    @Override
    public void checkCanShowTables(SystemSecurityContext context, CatalogSchemaName schema) {
        check(context, schema, "list tables");
    }

    @Override
    public Set<String> filterSchemas(SystemSecurityContext context, String catalog, Set<String> schemas) {
        return schemas.stream()
                .filter(schema -> sandboxes.mayUse(context.getIdentity(), catalog, schema))
                .collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public void checkCanGrantSchemaPrivilege(
            SystemSecurityContext context,
            Privilege privilege,
            CatalogSchemaName schema,
            TrinoPrincipal grantee,
            boolean grantOption) {
        check(context, schema, "grant privileges");
    }

    @Override
    public void checkCanDenySchemaPrivilege(
            SystemSecurityContext context, Privilege privilege, CatalogSchemaName schema, TrinoPrincipal grantee) {
        check(context, schema, "deny privileges");
    }

    @Override
    public void checkCanRevokeSchemaPrivilege(
            SystemSecurityContext context,
            Privilege privilege,
            CatalogSchemaName schema,
            TrinoPrincipal revokee,
            boolean grantOption) {
        check(context, schema, "revoke privileges");
    }

    // Tables, views and materialized views

    @Override
    public Set<SchemaTableName> filterTables(
            SystemSecurityContext context, String catalog, Set<SchemaTableName> tables) {
        return tables.stream().filter(table -> mayUse(context, catalog, table)).collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public Set<String> filterColumns(SystemSecurityContext context, CatalogSchemaTableName table, Set<String> columns) {
        return sandboxes.mayUse(
                        context.getIdentity(),
                        table.getCatalogName(),
                        table.getSchemaTableName().getSchemaName())
                ? columns
                : Set.of();
    }

    @Override
    public Map<SchemaTableName, Set<String>> filterColumns(
            SystemSecurityContext context, String catalog, Map<SchemaTableName, Set<String>> columns) {
        return columns.entrySet().stream()
                .filter(entry -> mayUse(context, catalog, entry.getKey()))
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    @Override
    public void checkCanShowCreateTable(SystemSecurityContext context, CatalogSchemaTableName table) {
        check(context, table, "show a table");
    }

    @Override
    public void checkCanCreateTable(
            SystemSecurityContext context, CatalogSchemaTableName table, Map<String, Object> properties) {
        check(context, table, "create a table");
    }

    @Override
    public void checkCanDropTable(SystemSecurityContext context, CatalogSchemaTableName table) {
        check(context, table, "drop a table");
    }

    @Override
    public void checkCanRenameTable(
            SystemSecurityContext context, CatalogSchemaTableName table, CatalogSchemaTableName newTable) {
        check(context, table, "rename a table");
        check(context, newTable, "rename a table");
    }

    @Override
    public void checkCanSetTableProperties(
            SystemSecurityContext context, CatalogSchemaTableName table, Map<String, Optional<Object>> properties) {
        check(context, table, "change a table's properties");
    }

    @Override
    public void checkCanSetTableComment(SystemSecurityContext context, CatalogSchemaTableName table) {
        check(context, table, "comment on a table");
    }

    @Override
    public void checkCanSetViewComment(SystemSecurityContext context, CatalogSchemaTableName view) {
        check(context, view, "comment on a view");
    }

    @Override
    public void checkCanSetColumnComment(SystemSecurityContext context, CatalogSchemaTableName table) {
        check(context, table, "comment on a column");
    }

    @Override
    public void checkCanShowColumns(SystemSecurityContext context, CatalogSchemaTableName table) {
        check(context, table, "show columns");
    }

    @Override
    public void checkCanAddColumn(SystemSecurityContext context, CatalogSchemaTableName table) {
        check(context, table, "add a column");
    }

    @Override
    public void checkCanAlterColumn(SystemSecurityContext context, CatalogSchemaTableName table) {
        check(context, table, "alter a column");
    }

    @Override
    public void checkCanDropColumn(SystemSecurityContext context, CatalogSchemaTableName table) {
        check(context, table, "drop a column");
    }

    @Override
    public void checkCanRenameColumn(SystemSecurityContext context, CatalogSchemaTableName table) {
        check(context, table, "rename a column");
    }

    @Override
    public void checkCanSetTableAuthorization(
            SystemSecurityContext context, CatalogSchemaTableName table, TrinoPrincipal principal) {
        check(context, table, "change a table's owner");
    }

    @Override
    public void checkCanSelectFromColumns(
            SystemSecurityContext context, CatalogSchemaTableName table, Set<String> columns) {
        check(context, table, "select");
    }

    @Override
    public void checkCanInsertIntoTable(SystemSecurityContext context, CatalogSchemaTableName table) {
        check(context, table, "insert");
    }

    @Override
    public void checkCanDeleteFromTable(SystemSecurityContext context, CatalogSchemaTableName table) {
        check(context, table, "delete");
    }

    @Override
    public void checkCanTruncateTable(SystemSecurityContext context, CatalogSchemaTableName table) {
        check(context, table, "truncate");
    }

    @Override
    public void checkCanUpdateTableColumns(
            SystemSecurityContext context, CatalogSchemaTableName table, Set<String> updatedColumnNames) {
        check(context, table, "update");
    }

    @Override
    public void checkCanCreateView(SystemSecurityContext context, CatalogSchemaTableName view) {
        check(context, view, "create a view");
    }

    @Override
    public void checkCanRenameView(
            SystemSecurityContext context, CatalogSchemaTableName view, CatalogSchemaTableName newView) {
        check(context, view, "rename a view");
        check(context, newView, "rename a view");
    }

    @Override
    public void checkCanSetViewAuthorization(
            SystemSecurityContext context, CatalogSchemaTableName view, TrinoPrincipal principal) {
        check(context, view, "change a view's owner");
    }

    @Override
    public void checkCanDropView(SystemSecurityContext context, CatalogSchemaTableName view) {
        check(context, view, "drop a view");
    }

    @Override
    public void checkCanCreateViewWithSelectFromColumns(
            SystemSecurityContext context, CatalogSchemaTableName table, Set<String> columns) {
        check(context, table, "select in a view");
    }

    @Override
    public void checkCanCreateMaterializedView(
            SystemSecurityContext context, CatalogSchemaTableName view, Map<String, Object> properties) {
        check(context, view, "create a materialized view");
    }

    @Override
    public void checkCanRefreshMaterializedView(SystemSecurityContext context, CatalogSchemaTableName view) {
        check(context, view, "refresh a materialized view");
    }

    @Override
    public void checkCanSetMaterializedViewProperties(
            SystemSecurityContext context, CatalogSchemaTableName view, Map<String, Optional<Object>> properties) {
        check(context, view, "change a materialized view's properties");
    }

    @Override
    public void checkCanDropMaterializedView(SystemSecurityContext context, CatalogSchemaTableName view) {
        check(context, view, "drop a materialized view");
    }

    @Override
    public void checkCanRenameMaterializedView(
            SystemSecurityContext context, CatalogSchemaTableName view, CatalogSchemaTableName newView) {
        check(context, view, "rename a materialized view");
        check(context, newView, "rename a materialized view");
    }

    @Override
    public void checkCanGrantTablePrivilege(
            SystemSecurityContext context,
            Privilege privilege,
            CatalogSchemaTableName table,
            TrinoPrincipal grantee,
            boolean grantOption) {
        check(context, table, "grant privileges");
    }

    @Override
    public void checkCanDenyTablePrivilege(
            SystemSecurityContext context, Privilege privilege, CatalogSchemaTableName table, TrinoPrincipal grantee) {
        check(context, table, "deny privileges");
    }

    @Override
    public void checkCanRevokeTablePrivilege(
            SystemSecurityContext context,
            Privilege privilege,
            CatalogSchemaTableName table,
            TrinoPrincipal revokee,
            boolean grantOption) {
        check(context, table, "revoke privileges");
    }

    @Override
    public void checkCanExecuteTableProcedure(
            SystemSecurityContext context, CatalogSchemaTableName table, String procedure) {
        check(context, table, "run " + procedure);
    }
}
