package com.monstermart.cdp.console.core.platform;

import com.monstermart.cdp.console.core.Caller;
import java.util.List;

/** Identity resolution's review queue of probable matches, on the caller's behalf. */
public interface ReviewQueue {
    List<ReviewSummary> open(Caller caller, int limit);

    /** Links the two profiles (identity resolution's rules still apply). */
    ReviewSummary accept(Caller caller, String reviewId);

    /** Keeps the two profiles apart; they are never proposed again. */
    ReviewSummary reject(Caller caller, String reviewId);
}
