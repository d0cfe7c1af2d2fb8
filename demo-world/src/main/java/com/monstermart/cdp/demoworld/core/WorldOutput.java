package com.monstermart.cdp.demoworld.core;

import com.monstermart.cdp.demoworld.output.ChangeRouter;
import com.monstermart.cdp.demoworld.output.TruthWriter;

/** Where the simulation writes: source rows, files, events and the truth. */
public interface WorldOutput {
    ChangeRouter rows();

    /** A Segment event (one JSON object) of a visitor whose browser sends this privacy signal. */
    void segment(long time, Privacy privacy, String json);

    /** A REES46 events row (the mobile app's export). */
    void rees46(long time, String messyKind, String line);

    /** An electronics purchase history row (the partner marketplace). */
    void electronics(long time, String messyKind, String line);

    /** A UCI Online Retail II row (the mail-order catalogue). */
    void retail(long time, String messyKind, String line);

    /** A customer-service ticket row. */
    void ticket(long time, String messyKind, String line);

    TruthWriter truth();
}
