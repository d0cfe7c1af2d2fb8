package com.monstermart.cdp.trino.access;

import java.util.Set;

/** The realm roles of a user, effective ones (composite roles expanded). */
interface RealmRoles {
    /** Empty when the realm has no such user. */
    Set<String> of(String username);
}
