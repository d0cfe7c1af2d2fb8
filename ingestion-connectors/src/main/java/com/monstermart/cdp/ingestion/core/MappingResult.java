package com.monstermart.cdp.ingestion.core;

import com.monstermart.cdp.event.CanonicalEvent;
import com.monstermart.cdp.event.ValidationProblem;
import java.util.List;

/**
 * What a row became: events, or the problems that reject it (all or nothing per row).
 *
 * @param events the events (empty when rejected or when no rule applied)
 * @param problems why the row is rejected; empty when accepted
 * @param qualityErrors data-quality problems that cleared a field but let the event through
 */
public record MappingResult(
        List<CanonicalEvent> events, List<ValidationProblem> problems, List<ValidationProblem> qualityErrors) {
    public MappingResult {
        events = List.copyOf(events);
        problems = List.copyOf(problems);
        qualityErrors = List.copyOf(qualityErrors);
    }

    public static MappingResult accepted(List<CanonicalEvent> events, List<ValidationProblem> qualityErrors) {
        return new MappingResult(events, List.of(), qualityErrors);
    }

    public static MappingResult rejected(List<ValidationProblem> problems) {
        return new MappingResult(List.of(), problems, List.of());
    }

    public boolean rejected() {
        return !problems.isEmpty();
    }

    /** Accepted, but no rule produced an event. */
    public boolean skipped() {
        return problems.isEmpty() && events.isEmpty();
    }
}
