package com.monstermart.cdp.identity.config;

import com.monstermart.cdp.event.IdentifierNormaliser;
import com.monstermart.cdp.event.IdentifierSettings;
import com.monstermart.cdp.identity.core.IdentityErrorCode;
import com.monstermart.cdp.identity.core.IdentityException;
import com.monstermart.cdp.identity.core.golden.GoldenRecord;
import com.monstermart.cdp.identity.core.golden.Survivorship;
import com.monstermart.cdp.identity.core.golden.SurvivorshipPolicy;
import com.monstermart.cdp.identity.core.golden.TraitRule;
import com.monstermart.cdp.identity.core.identifier.TraitNormalizer;
import com.monstermart.cdp.identity.core.matching.IncrementalMatcher;
import com.monstermart.cdp.identity.core.matching.MatchModel;
import com.monstermart.cdp.identity.core.matching.MatchSettings;
import com.monstermart.cdp.identity.core.matching.MatchThresholds;
import com.monstermart.cdp.identity.core.pipeline.IdentityPipeline;
import com.monstermart.cdp.identity.core.pipeline.ProfileTraits;
import com.monstermart.cdp.identity.core.postgres.PostgresIdentityStore;
import com.monstermart.cdp.identity.core.postgres.PostgresReviewQueue;
import com.monstermart.cdp.identity.core.review.ReviewDecisions;
import com.monstermart.cdp.identity.core.review.ReviewQueue;
import com.monstermart.cdp.identity.core.rules.ResolutionRules;
import com.monstermart.cdp.identity.persistence.PostgresForgetList;
import com.monstermart.cdp.identity.persistence.VaultProfileTraits;
import com.monstermart.cdp.identity.resolution.EventProtector;
import com.monstermart.cdp.identity.resolution.ForgetList;
import com.monstermart.cdp.identity.resolution.IdentifierProtector;
import com.monstermart.cdp.identity.resolution.MatchTraits;
import com.monstermart.cdp.identity.resolution.ResolutionService;
import com.monstermart.cdp.pii.vault.PiiVaults;
import com.monstermart.cdp.pii.vault.api.PiiVault;
import com.monstermart.cdp.pii.vault.eviction.KafkaKeyEvictionBus;
import com.monstermart.cdp.pii.vault.kek.LocalKeysetKek;
import com.monstermart.cdp.pii.vault.store.PiiVaultSchema;
import io.quarkus.logging.Log;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Wires the framework-free core and the vault into CDI. */
public class IdentityBeans {
    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    /** The vault: keys in the datasource's pii_vault schema; decryptions logged without values. */
    @Produces
    @Singleton
    PiiVault vault(
            PiiSettings pii,
            DataSource dataSource,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        if (pii.migrateVault()) {
            PiiVaultSchema.migrate(dataSource);
        }
        PiiVaults.Builder builder = PiiVaults.builder()
                .dataSource(dataSource)
                .keyEncryptionKey(LocalKeysetKek.openOrCreate(pii.kekFile()
                        .orElseThrow(() -> new IdentityException(
                                IdentityErrorCode.STORE_FAILURE,
                                "cdp.identity.pii.kek-file is not set: point it at the key-encryption keyset the"
                                        + " other services use (CDP_IDENTITY_PII_KEK_FILE)"))))
                .auditor(event -> Log.debugf(
                        "decryption by %s for '%s' of %s %s: %s",
                        event.access().caller(),
                        event.access().purpose(),
                        event.subject(),
                        event.field(),
                        event.outcome()));
        if (pii.evictionBus()) {
            builder.evictionBus(KafkaKeyEvictionBus.connect(bootstrapServers));
        }
        return builder.build();
    }

    void closeVault(@Disposes PiiVault vault) {
        vault.close();
    }

    /**
     * The platform's identifier normalisation, with the settings every service reads the same way
     * ({@code cdp.identifiers.*}, see event-model's {@code IdentifierSettings}).
     */
    @Produces
    @Singleton
    IdentifierNormaliser identifierNormaliser(Config config) {
        IdentifierSettings settings = IdentifierSettings.fromConfig(key -> config.getOptionalValue(key, String.class));
        Log.infof("Phone numbers without a country code are read as %s numbers", settings.phoneDefaultRegion());
        return new IdentifierNormaliser(settings);
    }

    @Produces
    @Singleton
    PostgresIdentityStore identityStore(DataSource dataSource, ResolutionSettings settings, Clock clock) {
        return new PostgresIdentityStore(dataSource, ResolutionRules.parse(settings.rules()), clock);
    }

    @Produces
    @Singleton
    ReviewQueue reviewQueue(DataSource dataSource) {
        return new PostgresReviewQueue(dataSource);
    }

    @Produces
    @Singleton
    ReviewDecisions reviewDecisions(ReviewQueue queue, PostgresIdentityStore store, Clock clock) {
        return new ReviewDecisions(queue, store, clock);
    }

    @Produces
    @Singleton
    ForgetList forgetList(DataSource dataSource, Clock clock) {
        return new PostgresForgetList(dataSource, clock);
    }

    @Produces
    @Singleton
    ProfileTraits profileTraits(DataSource dataSource, PiiVault vault, Clock clock) {
        return new VaultProfileTraits(dataSource, vault, clock);
    }

    @Produces
    @Singleton
    MatchSettings matchSettings(MatchingSettings matching) {
        return MatchSettings.personDefaults()
                .withThresholds(new MatchThresholds(matching.autoMergeThreshold(), matching.reviewThreshold()));
    }

    /** The streaming matcher: a conservative prior model until one is estimated; indexed with every profile. */
    @Produces
    @Singleton
    Optional<IncrementalMatcher> matcher(MatchingSettings matching, MatchSettings settings, ProfileTraits traits) {
        if (!matching.enabled()) {
            return Optional.empty();
        }
        IncrementalMatcher matcher =
                new IncrementalMatcher(settings, MatchModel.conservativePrior(settings.comparisons()));
        for (Map.Entry<UUID, GoldenRecord> entry : traits.all().entrySet()) {
            matcher.add(IdentityPipeline.matchRecord(entry.getKey(), entry.getValue()));
        }
        Log.infof("Matching index loaded with %d profiles", matcher.size());
        return Optional.of(matcher);
    }

    @Produces
    @Singleton
    IdentityPipeline pipeline(
            PostgresIdentityStore store,
            ProfileTraits traits,
            ResolutionSettings settings,
            Optional<IncrementalMatcher> matcher,
            ReviewQueue queue,
            Clock clock) {
        Survivorship survivorship = new Survivorship(
                List.of(
                        new TraitRule("given_name", SurvivorshipPolicy.SOURCE_PRIORITY, settings.trustedSources()),
                        new TraitRule("family_name", SurvivorshipPolicy.SOURCE_PRIORITY, settings.trustedSources()),
                        new TraitRule("date_of_birth", SurvivorshipPolicy.MOST_FREQUENT, List.of())),
                SurvivorshipPolicy.MOST_RECENT);
        return new IdentityPipeline(store, traits, survivorship, matcher, queue, clock);
    }

    @Produces
    @Singleton
    IdentifierProtector identifierProtector(IdentifierNormaliser normaliser, PiiVault vault) {
        return new IdentifierProtector(normaliser, vault);
    }

    @Produces
    @Singleton
    ResolutionService resolutionService(
            IdentifierProtector protector,
            IdentifierNormaliser normaliser,
            ForgetList forgetList,
            IdentityPipeline pipeline,
            PostgresIdentityStore store,
            PiiVault vault,
            PiiSettings pii,
            KafkaSettings kafka,
            Clock clock) {
        return new ResolutionService(
                protector,
                new MatchTraits(new TraitNormalizer(clock), normaliser),
                forgetList,
                pipeline,
                store::rules,
                new EventProtector(vault, pii.fieldTable(), pii.encryptedPaths()),
                vault,
                kafka.resolvedTopic(),
                kafka.changesTopic());
    }
}
