package com.monstermart.cdp.identity.core.graph;

import com.monstermart.cdp.identity.core.identifier.Identifier;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A seeded stream of web/store events for benchmarks: each person has a shop user id, 1-3 emails, a phone, a few
 * devices and many browser sessions; every event carries 2-3 of their identifiers (a session id plus the user id or
 * an email or a device). 1% of devices are shared by two people (family tablets).
 */
public final class SyntheticEvents {
    private SyntheticEvents() {}

    public static List<Observation> generate(int people, int eventsPerPerson, long seed) {
        Random random = new Random(seed);
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        List<Observation> out = new ArrayList<>(people * eventsPerPerson);
        for (int n = 0; n < people * eventsPerPerson; n++) {
            int person = random.nextInt(people);
            List<Identifier> identifiers = new ArrayList<>(3);
            identifiers.add(Identifier.anonymousId("web", "s-" + person + "-" + random.nextInt(20)));
            switch (random.nextInt(4)) {
                case 0 -> identifiers.add(Identifier.userId("shop", Integer.toString(person)));
                case 1 -> identifiers.add(Identifier.email("p" + person + "-" + random.nextInt(3) + "@mail.example"));
                case 2 -> {
                    int device = random.nextInt(100) == 0 ? (person + 1) % people : person;
                    identifiers.add(Identifier.deviceId("d-" + device + "-" + random.nextInt(2)));
                    identifiers.add(Identifier.userId("shop", Integer.toString(person)));
                }
                default -> identifiers.add(Identifier.phone("+1202" + String.format("%07d", person)));
            }
            out.add(new Observation("e-" + seed + "-" + n, start.plusSeconds(n), "bench", identifiers));
        }
        return out;
    }

    /** Links an event asks for: every identifier but the anchor is linked to it. */
    public static long links(List<Observation> observations) {
        long links = 0;
        for (Observation observation : observations) {
            links += observation.identifiers().size() - 1;
        }
        return links;
    }
}
