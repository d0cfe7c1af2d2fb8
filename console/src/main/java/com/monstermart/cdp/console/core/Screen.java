package com.monstermart.cdp.console.core;

import static com.monstermart.cdp.console.core.Role.ADMIN;
import static com.monstermart.cdp.console.core.Role.ANALYST;
import static com.monstermart.cdp.console.core.Role.CONNECTOR_OPERATOR;
import static com.monstermart.cdp.console.core.Role.MARKETER;
import static com.monstermart.cdp.console.core.Role.PRIVACY_OFFICER;
import static com.monstermart.cdp.console.core.Role.SALES_MANAGER;

import java.util.EnumSet;
import java.util.Set;

/**
 * The console's screens, who sees them and whether they are built. The browser shows a screen from the module of the
 * same id in {@code web/app/screens/}; a planned screen is listed here so its roles are decided in one place, and
 * appears in the navigation once it is {@link Status#BUILT}.
 */
public enum Screen {
    LIVE_SALES("live-sales", "Live sales", Status.BUILT, SALES_MANAGER, MARKETER, ANALYST, ADMIN),
    KPIS("kpis", "KPIs", Status.PLANNED, SALES_MANAGER, MARKETER, ANALYST, ADMIN),
    SALES_ANALYSIS("sales-analysis", "Sales analysis", Status.PLANNED, SALES_MANAGER, MARKETER, ANALYST, ADMIN),
    CUSTOMERS("customers", "Customers", Status.BUILT, MARKETER, ANALYST, PRIVACY_OFFICER, ADMIN),
    PREDICTION("prediction", "Prediction", Status.PLANNED, SALES_MANAGER, MARKETER, ANALYST, ADMIN),
    AUDIENCES("audiences", "Audiences", Status.PLANNED, MARKETER, ADMIN),
    PRIVACY("privacy", "Privacy requests", Status.PLANNED, PRIVACY_OFFICER, ADMIN),
    OPERATIONS("operations", "Operations", Status.BUILT, CONNECTOR_OPERATOR, ADMIN);

    /** Whether the screen exists yet. */
    public enum Status {
        BUILT,
        PLANNED
    }

    private final String id;
    private final String title;
    private final Status status;
    private final Set<Role> roles;

    Screen(String id, String title, Status status, Role first, Role... others) {
        this.id = id;
        this.title = title;
        this.status = status;
        this.roles = EnumSet.of(first, others);
    }

    /** The screen's id: its route ({@code #/<id>}) and its module ({@code web/app/screens/<id>.js}). */
    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    public Status status() {
        return status;
    }

    public Set<Role> roles() {
        return Set.copyOf(roles);
    }

    /** Whether someone holding these roles may use the screen. */
    public boolean allows(Set<Role> held) {
        return held.stream().anyMatch(roles::contains);
    }
}
