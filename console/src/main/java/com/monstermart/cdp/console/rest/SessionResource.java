package com.monstermart.cdp.console.rest;

import com.monstermart.cdp.console.core.Capability;
import com.monstermart.cdp.console.core.Navigation;
import com.monstermart.cdp.console.core.Role;
import com.monstermart.cdp.console.core.Screen;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Who is signed in and which screens they see: the page shell builds its navigation from this. */
@Path("/api/console/session")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class SessionResource {
    private final SignedInUser user;

    public SessionResource(SignedInUser user) {
        this.user = user;
    }

    /**
     * @param roles the console's roles the user holds (realm names)
     * @param capabilities what the screens let the user do beyond looking
     * @param screens the screens the user may open, in navigation order
     * @param home the screen shown first; null for a user without any console role
     * @param planned screens not built yet that the user's roles will see
     */
    public record Session(
            String username,
            String name,
            List<String> roles,
            List<String> capabilities,
            List<ScreenEntry> screens,
            String home,
            List<ScreenEntry> planned) {}

    public record ScreenEntry(String id, String title) {
        static ScreenEntry of(Screen screen) {
            return new ScreenEntry(screen.id(), screen.title());
        }
    }

    @GET
    @Operation(summary = "The signed-in user, their roles, capabilities and screens")
    public Session session() {
        Set<Role> roles = user.roles();
        Navigation navigation = Navigation.of(roles);
        return new Session(
                user.username(),
                user.displayName(),
                roles.stream().map(Role::realmName).toList(),
                Capability.of(roles).stream().map(Capability::id).toList(),
                navigation.screens().stream().map(ScreenEntry::of).toList(),
                navigation.home().map(Screen::id).orElse(null),
                Arrays.stream(Screen.values())
                        .filter(screen -> screen.status() == Screen.Status.PLANNED)
                        .filter(screen -> screen.allows(roles))
                        .map(ScreenEntry::of)
                        .toList());
    }
}
