package com.monstermart.cdp.event.benchmarks;

import com.monstermart.cdp.event.CanonicalEvent;
import com.monstermart.cdp.event.EventJson;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * Parses and writes {@link EventWorkload}'s events for a given time per operation and prints wall-clock ns and this
 * thread's CPU ns per event (the machine is shared: CPU time is the number to compare). Not a test; run:
 *
 * <pre>
 * java -cp event-model/target/classes:event-model/target/test-classes:$(jackson jars) \
 *   com.monstermart.cdp.event.benchmarks.EventJsonHarness [seconds per round, default 5] [rounds, default 5]
 * </pre>
 */
public final class EventJsonHarness {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private EventJsonHarness() {}

    public static void main(String[] args) {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 5;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        List<CanonicalEvent> events = EventWorkload.events(2_000, 42);
        byte[][] raw = events.stream().map(EventJson::toBytes).toArray(byte[][]::new);
        CanonicalEvent[] parsed = events.toArray(CanonicalEvent[]::new);
        long bytes = 0;
        for (byte[] value : raw) {
            bytes += value.length;
        }
        System.out.printf(
                "%d events, %d bytes on average, %.1f s per round, %d rounds (first is warm-up)%n",
                raw.length, bytes / raw.length, seconds, rounds + 1);
        for (int round = 0; round <= rounds; round++) {
            String label = round == 0 ? "warm-up" : "round " + round;
            measure(label, "fromBytes", seconds, raw, value -> EventJson.fromBytes(value)
                    .identifiers()
                    .size());
            measure(label, "toBytes", seconds, parsed, event -> EventJson.toBytes(event).length);
            measure(label, "toTree", seconds, parsed, event -> EventJson.toTree(event)
                    .size());
        }
    }

    private static <T> void measure(String label, String name, double seconds, T[] inputs, ToIntFunction<T> operation) {
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        long sink = 0;
        long count = 0;
        long cpuStart = THREADS.getCurrentThreadCpuTime();
        long wallStart = System.nanoTime();
        while (System.nanoTime() < deadline) {
            for (T input : inputs) {
                sink += operation.applyAsInt(input);
            }
            count += inputs.length;
        }
        long wall = System.nanoTime() - wallStart;
        long cpu = THREADS.getCurrentThreadCpuTime() - cpuStart;
        System.out.printf(
                "%-8s %-9s %,10d events  %,7.0f ns/event wall  %,7.0f ns/event CPU  (%d)%n",
                label, name, count, (double) wall / count, (double) cpu / count, sink % 10);
    }
}
