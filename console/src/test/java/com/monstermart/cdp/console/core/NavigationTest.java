package com.monstermart.cdp.console.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NavigationTest {
    @Test
    void eachRoleSeesItsBuiltScreens() {
        assertThat(screens("sales-manager")).containsExactly(Screen.LIVE_SALES);
        assertThat(screens("marketer")).containsExactly(Screen.LIVE_SALES, Screen.CUSTOMERS);
        assertThat(screens("analyst")).containsExactly(Screen.LIVE_SALES, Screen.CUSTOMERS);
        assertThat(screens("privacy-officer")).containsExactly(Screen.CUSTOMERS);
        assertThat(screens("connector-operator")).containsExactly(Screen.OPERATIONS);
        assertThat(screens("admin")).containsExactly(Screen.LIVE_SALES, Screen.CUSTOMERS, Screen.OPERATIONS);
        assertThat(screens("offline_access", "uma_authorization")).isEmpty();
        assertThat(Navigation.of(Set.of()).home()).isEmpty();
        assertThat(Navigation.of(Role.of(Set.of("connector-operator"))).home()).contains(Screen.OPERATIONS);
    }

    @Test
    void plannedScreensStayOutOfTheNavigation() {
        assertThat(Navigation.of(Set.of(Role.values())).screens())
                .allSatisfy(screen -> assertThat(screen.status()).isEqualTo(Screen.Status.BUILT));
    }

    @Test
    void capabilitiesMirrorTheServicesRules() {
        assertThat(Capability.of(Role.of(Set.of("privacy-officer"))))
                .containsExactly(Capability.REVEAL_PERSONAL_DATA, Capability.READ_REVIEWS, Capability.DECIDE_REVIEWS);
        assertThat(Capability.of(Role.of(Set.of("marketer")))).containsExactly(Capability.READ_REVIEWS);
        assertThat(Capability.of(Role.of(Set.of("analyst", "connector-operator", "sales-manager"))))
                .isEmpty();
    }

    private static List<Screen> screens(String... realmRoles) {
        return Navigation.of(Role.of(Set.of(realmRoles))).screens();
    }
}
