package com.monstermart.cdp.console.kafka;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.ZoneId;

/** The time the aggregate keeps: from yesterday's midnight (in the business's zone) on. */
record SalesCalendar(ZoneId zone) {
    SalesCalendar {
        requireNonNull(zone, "zone is null");
    }

    /** Orders before this count only for the catalogue. */
    Instant countedFrom(Instant now) {
        return now.atZone(zone).toLocalDate().minusDays(1).atStartOfDay(zone).toInstant();
    }
}
