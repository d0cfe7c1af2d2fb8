package com.monstermart.cdp.console.rest;

import static java.util.Objects.requireNonNull;

import com.monstermart.cdp.console.core.Caller;
import com.monstermart.cdp.console.core.ConsoleErrorCode;
import com.monstermart.cdp.console.core.ConsoleException;
import com.monstermart.cdp.console.core.Role;
import com.monstermart.cdp.console.core.Screen;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The person behind a request (signed in through the browser, or a bearer token): roles, name, token. */
@RequestScoped
public class SignedInUser {
    private final SecurityIdentity identity;

    public SignedInUser(SecurityIdentity identity) {
        this.identity = requireNonNull(identity, "identity is null");
    }

    public String username() {
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            String preferred = token.getClaim("preferred_username");
            if (preferred != null) {
                return preferred;
            }
        }
        return identity.getPrincipal().getName();
    }

    /** The person's name as the realm has it, else the user name. */
    public String displayName() {
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            String name = token.getClaim("name");
            if (name != null && !name.isBlank()) {
                return name;
            }
        }
        return username();
    }

    public Set<Role> roles() {
        return Role.of(identity.getRoles());
    }

    /**
     * @throws ConsoleException {@link ConsoleErrorCode#FORBIDDEN} when no role of the user may use the screen
     */
    public void require(Screen screen) {
        if (!screen.allows(roles())) {
            throw new ConsoleException(
                    ConsoleErrorCode.FORBIDDEN,
                    "The %s screen is for %s; ask an administrator for one of these roles"
                            .formatted(
                                    screen.title(),
                                    String.join(
                                            ", ",
                                            screen.roles().stream()
                                                    .map(Role::realmName)
                                                    .sorted()
                                                    .toList())));
        }
    }

    /** The user as a caller of the platform's services: their own access token. */
    public Caller caller() {
        AccessTokenCredential token = identity.getCredential(AccessTokenCredential.class);
        if (token == null) {
            throw new ConsoleException(ConsoleErrorCode.FORBIDDEN, "Sign in again: the session holds no access token");
        }
        return new Caller(username(), token.getToken());
    }
}
