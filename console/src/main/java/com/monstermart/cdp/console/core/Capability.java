package com.monstermart.cdp.console.core;

import static com.monstermart.cdp.console.core.Role.ADMIN;
import static com.monstermart.cdp.console.core.Role.MARKETER;
import static com.monstermart.cdp.console.core.Role.PRIVACY_OFFICER;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What a screen offers beyond looking, by role. These mirror the rules of the service that does the work (it
 * enforces them; the console only hides what would be refused).
 */
public enum Capability {
    /** The profile API decrypts personal values for these roles when a purpose is stated (and audits it). */
    REVEAL_PERSONAL_DATA("reveal-personal-data", PRIVACY_OFFICER, ADMIN),
    /** Identity resolution lists its review queue to these roles. */
    READ_REVIEWS("read-reviews", ADMIN, PRIVACY_OFFICER, MARKETER),
    /** Identity resolution lets these roles accept or reject a proposed link. */
    DECIDE_REVIEWS("decide-reviews", ADMIN, PRIVACY_OFFICER);

    private final String id;
    private final Set<Role> roles;

    Capability(String id, Role first, Role... others) {
        this.id = id;
        this.roles = EnumSet.of(first, others);
    }

    public String id() {
        return id;
    }

    public boolean allows(Set<Role> held) {
        return held.stream().anyMatch(roles::contains);
    }

    public static List<Capability> of(Set<Role> held) {
        return Arrays.stream(values())
                .filter(capability -> capability.allows(held))
                .toList();
    }
}
