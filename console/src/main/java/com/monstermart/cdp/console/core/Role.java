package com.monstermart.cdp.console.core;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** The realm {@code cdp}'s roles (local-stack's cdp-realm.json); {@code admin} holds every other one. */
public enum Role {
    SALES_MANAGER("sales-manager"),
    MARKETER("marketer"),
    ANALYST("analyst"),
    PRIVACY_OFFICER("privacy-officer"),
    CONNECTOR_OPERATOR("connector-operator"),
    ADMIN("admin");

    private final String realmName;

    Role(String realmName) {
        this.realmName = realmName;
    }

    /** The role's name in the realm. */
    public String realmName() {
        return realmName;
    }

    public static Optional<Role> ofRealmName(String name) {
        return Arrays.stream(values())
                .filter(role -> role.realmName.equals(name))
                .findFirst();
    }

    /** The console's roles among a token's realm roles (others are ignored). */
    public static Set<Role> of(Collection<String> realmNames) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : realmNames) {
            ofRealmName(name).ifPresent(roles::add);
        }
        return roles;
    }
}
