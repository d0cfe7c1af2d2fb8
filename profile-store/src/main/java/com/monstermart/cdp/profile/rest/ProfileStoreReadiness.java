package com.monstermart.cdp.profile.rest;

import com.monstermart.cdp.profile.kafka.IngestionService;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the tables exist (the warehouse bean opened them) and ingestion runs (unless disabled). */
@Readiness
@Singleton
public class ProfileStoreReadiness implements HealthCheck {
    private final IngestionService ingestion;

    public ProfileStoreReadiness(IngestionService ingestion) {
        this.ingestion = ingestion;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder builder = HealthCheckResponse.named("profile-store-ingestion");
        boolean up = !ingestion.enabled() || ingestion.running();
        builder.status(up).withData("enabled", ingestion.enabled()).withData("running", ingestion.running());
        ingestion.lastCommit().ifPresent(at -> builder.withData("lastCommit", at.toString()));
        ingestion.lastFailure().ifPresent(failure -> builder.withData("lastFailure", failure));
        return builder.build();
    }
}
