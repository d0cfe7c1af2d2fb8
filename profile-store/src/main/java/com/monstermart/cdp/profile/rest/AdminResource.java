package com.monstermart.cdp.profile.rest;

import com.monstermart.cdp.profile.config.ApiConfig;
import com.monstermart.cdp.profile.core.ProfileStoreErrorCode;
import com.monstermart.cdp.profile.core.ProfileStoreException;
import com.monstermart.cdp.profile.iceberg.ProfileStoreWarehouse;
import com.monstermart.cdp.profile.iceberg.TableMaintenance.CompactionReport;
import com.monstermart.cdp.profile.iceberg.TableMaintenance.ExpiryReport;
import com.monstermart.cdp.profile.iceberg.TableMaintenance.OrphanReport;
import com.monstermart.cdp.profile.iceberg.TableStats;
import com.monstermart.cdp.profile.kafka.IngestionService;
import com.monstermart.cdp.profile.maintenance.MaintenanceService;
import com.monstermart.cdp.profile.persistence.PostgresHotStore;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Operating the store: what the tables hold, and maintenance on demand (erasure calls these to purge). */
@Path("/api/admin")
@Produces(MediaType.APPLICATION_JSON)
public class AdminResource {
    private final ProfileStoreWarehouse warehouse;
    private final MaintenanceService maintenance;
    private final PostgresHotStore hotStore;
    private final IngestionService ingestion;
    private final ApiConfig api;
    private final Clock clock;

    public AdminResource(
            ProfileStoreWarehouse warehouse,
            MaintenanceService maintenance,
            PostgresHotStore hotStore,
            IngestionService ingestion,
            ApiConfig api,
            Clock clock) {
        this.warehouse = warehouse;
        this.maintenance = maintenance;
        this.hotStore = hotStore;
        this.ingestion = ingestion;
        this.api = api;
        this.clock = clock;
    }

    /**
     * The store at a glance: rows per Iceberg table, hot-store profiles by status, ingestion state, and where and how
     * an analyst queries the tables.
     */
    public record StoreStatus(
            String namespace,
            List<TableStats.Stats> tables,
            Map<String, Long> hotStoreProfiles,
            boolean ingestionRunning,
            Instant lastCommit,
            String lastFailure,
            String trinoJdbcUrl,
            String sampleQuery) {}

    @GET
    @Path("/tables")
    @RolesAllowed({"admin", "analyst", "privacy-officer"})
    @Operation(summary = "Rows, files and snapshots per Iceberg table; profiles in the hot store by status")
    public StoreStatus tables() {
        return new StoreStatus(
                warehouse.settings().namespace(),
                TableStats.of(warehouse),
                hotStore.profileCounts(),
                ingestion.running(),
                ingestion.lastCommit().orElse(null),
                ingestion.lastFailure().orElse(null),
                api.trinoUrl()
                        .map(url -> url.replaceFirst("^https?://", "jdbc:trino://") + "/iceberg/"
                                + warehouse.settings().namespace()
                                // Trino signs callers in only over TLS; the caller adds its token.
                                + (url.startsWith("https://") ? "?SSL=true" : ""))
                        .orElse(null),
                ("SELECT date(occurred_at) AS day, type, count(*) AS events FROM iceberg.%s.events"
                                + " GROUP BY 1, 2 ORDER BY 1, 2")
                        .formatted(warehouse.settings().namespace()));
    }

    @POST
    @Path("/maintenance/compaction")
    @RolesAllowed({"admin", "privacy-officer"})
    @Operation(summary = "Compacts small files and applies row-level deletes (one table, or all)")
    public List<CompactionReport> compact(@QueryParam("table") String table) {
        return maintenance.compact(Optional.ofNullable(table));
    }

    @POST
    @Path("/maintenance/snapshot-expiry")
    @RolesAllowed({"admin", "privacy-officer"})
    @Operation(summary = "Expires snapshots older than olderThan (ISO instant or duration, default PT1H ago)")
    public List<ExpiryReport> expire(
            @QueryParam("table") String table,
            @QueryParam("olderThan") String olderThan,
            @QueryParam("retainLast") Integer retainLast) {
        int keep = retainLast == null ? 1 : retainLast;
        if (keep < 1) {
            throw new ProfileStoreException(
                    ProfileStoreErrorCode.INVALID_REQUEST, "retainLast must be at least 1, not " + keep);
        }
        return maintenance.expireSnapshots(Optional.ofNullable(table), cutoff(olderThan), keep);
    }

    @POST
    @Path("/maintenance/orphan-files")
    @RolesAllowed({"admin", "privacy-officer"})
    @Operation(summary = "Removes files no snapshot references, older than olderThan (never younger than 5 min)")
    public List<OrphanReport> orphans(@QueryParam("table") String table, @QueryParam("olderThan") String olderThan) {
        return maintenance.removeOrphanFiles(Optional.ofNullable(table), cutoff(olderThan));
    }

    /** An instant ({@code 2026-11-21T10:00:00Z}) or a duration before now ({@code PT30M}); default one hour ago. */
    private Instant cutoff(String olderThan) {
        if (olderThan == null || olderThan.isBlank()) {
            return clock.instant().minus(Duration.ofHours(1));
        }
        try {
            return olderThan.startsWith("P")
                    ? clock.instant().minus(Duration.parse(olderThan))
                    : Instant.parse(olderThan);
        } catch (DateTimeParseException e) {
            throw new ProfileStoreException(
                    ProfileStoreErrorCode.INVALID_REQUEST,
                    "olderThan must be an ISO instant (2026-11-21T10:00:00Z) or a duration (PT30M), not '%s'"
                            .formatted(olderThan));
        }
    }
}
