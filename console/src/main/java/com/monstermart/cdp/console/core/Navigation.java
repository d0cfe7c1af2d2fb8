package com.monstermart.cdp.console.core;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a signed-in user sees: the built screens their roles allow, in the order of {@link Screen}, and the first of
 * them as their home.
 */
public record Navigation(List<Screen> screens) {
    public Navigation {
        screens = List.copyOf(requireNonNull(screens, "screens is null"));
    }

    public static Navigation of(Set<Role> roles) {
        return new Navigation(Arrays.stream(Screen.values())
                .filter(screen -> screen.status() == Screen.Status.BUILT)
                .filter(screen -> screen.allows(roles))
                .toList());
    }

    /** The screen shown after sign-in; empty when the user may see none (no console role). */
    public Optional<Screen> home() {
        return screens.stream().findFirst();
    }
}
