package com.monstermart.cdp.trino.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trino.spi.QueryId;
import io.trino.spi.connector.CatalogSchemaName;
import io.trino.spi.connector.CatalogSchemaTableName;
import io.trino.spi.connector.SchemaTableName;
import io.trino.spi.security.AccessDeniedException;
import io.trino.spi.security.Identity;
import io.trino.spi.security.SystemAccessControl;
import io.trino.spi.security.SystemSecurityContext;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The sandbox rule on its own; {@code TrinoAccessTest} in local-stack/testing proves it inside a real Trino. */
class SandboxAccessControlTest {
    private final SystemAccessControl control =
            new SandboxAccessControlFactory().create(Map.of("cdp-sandbox.bypass-groups", "admin, operators"), null);

    @Test
    void theOwnerUsesItsSandbox() {
        SystemSecurityContext ana = context("ana", "analyst");

        assertThatNoException().isThrownBy(() -> {
            control.checkCanCreateSchema(ana, new CatalogSchemaName("iceberg", "sandbox_ana"), Map.of());
            control.checkCanCreateTable(ana, table("sandbox_ana", "t"), Map.of());
            control.checkCanInsertIntoTable(ana, table("sandbox_ana", "t"));
            control.checkCanDropSchema(ana, new CatalogSchemaName("iceberg", "sandbox_ana"));
        });
    }

    @Test
    void othersAreRefusedEverythingInIt() {
        SystemSecurityContext bob = context("bob", "analyst");

        assertThatThrownBy(() -> control.checkCanSelectFromColumns(bob, table("sandbox_ana", "t"), Set.of("a")))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessage("Access Denied: Cannot select in iceberg.sandbox_ana: it is the sandbox of user ana"
                        + " (yours is iceberg.sandbox_bob)");
        assertThatThrownBy(() -> control.checkCanInsertIntoTable(bob, table("sandbox_ana", "t")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() ->
                        control.checkCanCreateSchema(bob, new CatalogSchemaName("iceberg", "sandbox_ana"), Map.of()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> control.checkCanRenameTable(bob, table("sandbox_bob", "t"), table("sandbox_ana", "t")))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(control.filterSchemas(bob, "iceberg", Set.of("cdp", "sandbox_ana", "sandbox_bob")))
                .containsExactlyInAnyOrder("cdp", "sandbox_bob");
        assertThat(control.filterTables(
                        bob,
                        "iceberg",
                        Set.of(new SchemaTableName("sandbox_ana", "t"), new SchemaTableName("cdp", "events"))))
                .containsExactly(new SchemaTableName("cdp", "events"));
        assertThat(control.filterColumns(bob, table("sandbox_ana", "t"), Set.of("a")))
                .isEmpty();
    }

    @Test
    void membersOfABypassGroupUseEverySandbox() {
        SystemSecurityContext operator = context("service-account-cdp-operations", "operators");

        assertThatNoException().isThrownBy(() -> control.checkCanDropTable(operator, table("sandbox_ana", "t")));
        assertThat(control.filterSchemas(operator, "iceberg", Set.of("sandbox_ana")))
                .containsExactly("sandbox_ana");
    }

    @Test
    void schemasThatAreNotSandboxesAreLeftToTheOtherRules() {
        SystemSecurityContext bob = context("bob", "analyst");

        assertThatNoException().isThrownBy(() -> {
            control.checkCanCreateTable(bob, table("cdp", "t"), Map.of());
            control.checkCanSelectFromColumns(
                    bob, new CatalogSchemaTableName("other", "sandbox_ana", "t"), Set.of("a"));
        });
    }

    @Test
    void configurationIsCheckedAndDefaulted() {
        assertThat(Sandboxes.fromConfig(Map.of())).isEqualTo(new Sandboxes("iceberg", "sandbox_", Set.of("admin")));
        assertThatThrownBy(() -> Sandboxes.fromConfig(Map.of("cdp-sandbox.prefix", "x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Unknown cdp-sandbox properties [cdp-sandbox.prefix]");
        assertThat(new Sandboxes("iceberg", "sandbox_", Set.of()).sandboxOf("Privacy-Officer"))
                .isEqualTo("sandbox_privacy-officer");
    }

    @Test
    void thePluginIsFoundAsTrinoFindsIt() {
        List<io.trino.spi.Plugin> plugins = ServiceLoader.load(io.trino.spi.Plugin.class).stream()
                .map(ServiceLoader.Provider::get)
                .toList();
        assertThat(plugins).hasSize(1);
        assertThat(plugins.get(0).getSystemAccessControlFactories())
                .extracting(factory -> factory.getName())
                .containsExactly(SandboxAccessControlFactory.NAME);
        assertThat(plugins.get(0).getGroupProviderFactories())
                .extracting(factory -> factory.getName())
                .containsExactly(RealmRoleGroupProviderFactory.NAME);
    }

    private static CatalogSchemaTableName table(String schema, String table) {
        return new CatalogSchemaTableName("iceberg", schema, table);
    }

    private static SystemSecurityContext context(String user, String... groups) {
        return new SystemSecurityContext(
                Identity.forUser(user).withGroups(Set.of(groups)).build(),
                QueryId.valueOf("20260101_000000_00000_aaaaa"),
                Instant.now());
    }
}
