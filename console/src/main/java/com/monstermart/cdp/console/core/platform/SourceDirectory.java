package com.monstermart.cdp.console.core.platform;

import com.monstermart.cdp.console.core.Caller;
import java.util.List;

/** The ingestion service's source registry, read on the caller's behalf. */
public interface SourceDirectory {
    List<SourceSummary> sources(Caller caller);

    /** The newest dead letters of a source, without their payload. */
    List<DeadLetterSummary> deadLetters(Caller caller, String sourceId, int limit);
}
