package com.monstermart.cdp.identity.rest;

import com.monstermart.cdp.identity.core.IdentityErrorCode;
import com.monstermart.cdp.identity.core.IdentityException;
import com.monstermart.cdp.identity.core.graph.IdentityChange;
import com.monstermart.cdp.identity.core.graph.RuleChangeReport;
import com.monstermart.cdp.identity.core.matching.CandidatePairs;
import com.monstermart.cdp.identity.core.matching.ExpectationMaximization;
import com.monstermart.cdp.identity.core.matching.IncrementalMatcher;
import com.monstermart.cdp.identity.core.matching.MatchModel;
import com.monstermart.cdp.identity.core.matching.MatchRecord;
import com.monstermart.cdp.identity.core.matching.MatchSettings;
import com.monstermart.cdp.identity.core.postgres.PostgresIdentityStore;
import com.monstermart.cdp.identity.core.rules.ResolutionRules;
import com.monstermart.cdp.identity.kafka.ChangePublisher;
import com.monstermart.cdp.identity.resolution.ChangeMessages;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Resolution rules (view, dry run, apply) and the matching model. */
@Path("/identity")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "rules")
public class RulesResource {
    private final PostgresIdentityStore store;
    private final ChangePublisher publisher;
    private final Optional<IncrementalMatcher> matcher;
    private final MatchSettings matchSettings;
    private final SecurityIdentity caller;

    public RulesResource(
            PostgresIdentityStore store,
            ChangePublisher publisher,
            Optional<IncrementalMatcher> matcher,
            MatchSettings matchSettings,
            SecurityIdentity caller) {
        this.store = store;
        this.publisher = publisher;
        this.matcher = matcher;
        this.matchSettings = matchSettings;
        this.caller = caller;
    }

    @GET
    @Path("/rules")
    @RolesAllowed({"admin", "privacy-officer", "analyst"})
    @Operation(summary = "The current rules (every key) and their version")
    public Dtos.RulesResponse rules() {
        ResolutionRules rules = store.rules();
        return new Dtos.RulesResponse(rules.version(), rules.toProperties());
    }

    @POST
    @Path("/rules/dry-run")
    @RolesAllowed("admin")
    @Operation(summary = "How profiles would change under these rules (keys not given keep their defaults)")
    public RuleChangeReport dryRun(Map<String, String> rules) {
        return store.dryRun(parse(rules));
    }

    @POST
    @Path("/rules/apply")
    @RolesAllowed("admin")
    @Operation(summary = "Re-resolve every profile under these rules and make them current")
    public RuleChangeReport apply(Map<String, String> rules) {
        RuleChangeReport report =
                store.applyRules(parse(rules), caller.getPrincipal().getName());
        for (IdentityChange change : report.changes()) {
            publisher.publish(change.profileId().toString(), ChangeMessages.of(change));
        }
        return report;
    }

    @POST
    @Path("/matching/estimate")
    @RolesAllowed("admin")
    @Operation(summary = "Re-estimate the matching model (EM, no labels) from the indexed profiles")
    public Dtos.EstimateResponse estimate() {
        IncrementalMatcher index = matcher.orElseThrow(() -> new IdentityException(
                IdentityErrorCode.INVALID_REQUEST, "Matching is off (cdp.identity.matching.enabled=false)"));
        List<MatchRecord> records = index.records();
        long[] pairs = CandidatePairs.generate(
                records, matchSettings.blocking(), matchSettings.scope(), matchSettings.maxBlockSize());
        MatchModel model = ExpectationMaximization.estimate(
                records, matchSettings.comparisons(), pairs, matchSettings.scope(), matchSettings.estimation());
        index.model(model);
        return new Dtos.EstimateResponse(records.size(), pairs.length, model.lambda());
    }

    private static ResolutionRules parse(Map<String, String> rules) {
        if (rules == null) {
            throw new IdentityException(IdentityErrorCode.INVALID_RULES, "Give the rules as a JSON object of keys");
        }
        return ResolutionRules.parse(rules);
    }
}
