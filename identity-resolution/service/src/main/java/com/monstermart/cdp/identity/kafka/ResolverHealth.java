package com.monstermart.cdp.identity.kafka;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when every resolver thread runs. */
@Readiness
@ApplicationScoped
public class ResolverHealth implements HealthCheck {
    private final ResolverLoop loop;

    public ResolverHealth(ResolverLoop loop) {
        this.loop = loop;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("identity-resolvers")
                .status(loop.healthy())
                .build();
    }
}
