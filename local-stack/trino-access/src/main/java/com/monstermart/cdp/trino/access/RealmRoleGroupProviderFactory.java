package com.monstermart.cdp.trino.access;

import io.trino.spi.security.GroupProvider;
import io.trino.spi.security.GroupProviderFactory;
import java.time.Clock;
import java.util.Map;

/** {@code group-provider.name=cdp-keycloak-roles} with the keys of {@link KeycloakSettings#fromConfig}. */
public final class RealmRoleGroupProviderFactory implements GroupProviderFactory {
    public static final String NAME = "cdp-keycloak-roles";

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public GroupProvider create(Map<String, String> config) {
        KeycloakSettings settings = KeycloakSettings.fromConfig(config);
        return new RealmRoleGroupProvider(new KeycloakRealmRoles(settings), settings.cacheTtl(), Clock.systemUTC());
    }
}
