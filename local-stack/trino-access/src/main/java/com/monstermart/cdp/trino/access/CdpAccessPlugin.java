package com.monstermart.cdp.trino.access;

import io.trino.spi.Plugin;
import io.trino.spi.security.GroupProviderFactory;
import io.trino.spi.security.SystemAccessControlFactory;
import java.util.List;

/**
 * MonsterMart CDP's Trino plugin: the {@value RealmRoleGroupProviderFactory#NAME} group provider (a user's groups are
 * their realm roles) and the {@value SandboxAccessControlFactory#NAME} system access control.
 */
public final class CdpAccessPlugin implements Plugin {
    @Override
    public Iterable<GroupProviderFactory> getGroupProviderFactories() {
        return List.of(new RealmRoleGroupProviderFactory());
    }

    @Override
    public Iterable<SystemAccessControlFactory> getSystemAccessControlFactories() {
        return List.of(new SandboxAccessControlFactory());
    }
}
