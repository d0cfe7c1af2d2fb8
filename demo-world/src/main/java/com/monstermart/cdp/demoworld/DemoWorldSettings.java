package com.monstermart.cdp.demoworld;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What to generate and where to write it.
 *
 * @param customers true persons (monsters) to simulate
 * @param days length of the simulated period, ending at {@code end}
 * @param seed drives every random draw: same settings and seed, same output
 * @param end the (exclusive) end of the simulated period
 * @param liveWindow the last part of the period is applied after the initial load, as inserts, updates and
 *     deletes in time order (and posted as events), so CDC sees changes; zero loads everything at once
 * @param outputDirectory Segment NDJSON ({@code segment/}) and ground truth ({@code truth/})
 * @param dropDirectory the file drops in the public formats and the customer-service tickets
 * @param shop the shop PostgreSQL database, if written
 * @param pos the POS MariaDB database, if written
 * @param collector where Segment events are posted, if anywhere
 * @param realtimeSpeed when present, the live window is replayed in real time accelerated by this factor
 * @param messyRowRate share of file rows made deliberately messy (decimal commas, odd dates, gaps)
 * @param parameters the generating parameters
 */
public record DemoWorldSettings(
        int customers,
        int days,
        long seed,
        Instant end,
        Duration liveWindow,
        Path outputDirectory,
        Path dropDirectory,
        Optional<DatabaseTarget> shop,
        Optional<DatabaseTarget> pos,
        Optional<CollectorTarget> collector,
        OptionalDouble realtimeSpeed,
        double messyRowRate,
        WorldParameters parameters) {

    /** A fixed default end, so that the same seed gives byte-identical output on any day. */
    public static final Instant DEFAULT_END = Instant.parse("2026-11-01T00:00:00Z");

    public static final int MAX_CUSTOMERS = 10_000_000;

    public DemoWorldSettings {
        requireNonNull(end, "end is null");
        requireNonNull(liveWindow, "liveWindow is null");
        requireNonNull(outputDirectory, "outputDirectory is null");
        requireNonNull(dropDirectory, "dropDirectory is null");
        requireNonNull(shop, "shop is null");
        requireNonNull(pos, "pos is null");
        requireNonNull(collector, "collector is null");
        requireNonNull(realtimeSpeed, "realtimeSpeed is null");
        requireNonNull(parameters, "parameters is null");
        if (customers < 1 || customers > MAX_CUSTOMERS) {
            throw invalid("customers must be between 1 and %d, was %d".formatted(MAX_CUSTOMERS, customers));
        }
        if (days < 1 || days > 3660) {
            throw invalid("days must be between 1 and 3660, was " + days);
        }
        if (liveWindow.isNegative() || liveWindow.compareTo(Duration.ofDays(days)) > 0) {
            throw invalid("the live window must be between 0 and the simulated period (%d days), was %s"
                    .formatted(days, liveWindow));
        }
        if (end.toEpochMilli() % 1000 != 0) {
            throw invalid("end must be a whole second, was " + end);
        }
        if (realtimeSpeed.isPresent() && !(realtimeSpeed.getAsDouble() > 0)) {
            throw invalid("the real-time speed must be above 0, was " + realtimeSpeed.getAsDouble());
        }
        if (!(messyRowRate >= 0 && messyRowRate <= 0.5)) {
            throw invalid("the messy row rate must be between 0 and 0.5, was " + messyRowRate);
        }
    }

    private static DemoWorldException invalid(String message) {
        return new DemoWorldException(DemoWorldErrorCode.INVALID_SETTINGS, message);
    }

    public Instant start() {
        return end.minus(Duration.ofDays(days));
    }

    /** Where the initial load stops and the live window begins. */
    public Instant cutoff() {
        return end.minus(liveWindow);
    }

    public Path truthDirectory() {
        return outputDirectory.resolve("truth");
    }

    public Path segmentDirectory() {
        return outputDirectory.resolve("segment");
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder builder = new Builder()
                .customers(customers)
                .days(days)
                .seed(seed)
                .end(end)
                .liveWindow(liveWindow)
                .outputDirectory(outputDirectory)
                .dropDirectory(dropDirectory)
                .messyRowRate(messyRowRate)
                .parameters(parameters);
        shop.ifPresent(builder::shop);
        pos.ifPresent(builder::pos);
        collector.ifPresent(builder::collector);
        realtimeSpeed.ifPresent(builder::realtime);
        return builder;
    }

    /** Defaults: 1,000 customers, 30 days, seed 42, end {@link #DEFAULT_END}, a 6-hour live window. */
    public static final class Builder {
        private int customers = 1000;
        private int days = 30;
        private long seed = 42;
        private Instant end = DEFAULT_END;
        private Duration liveWindow = Duration.ofHours(6);
        private Path outputDirectory = Path.of(".cdp", "demo-world");
        private Path dropDirectory = Path.of(".cdp", "drop");
        private DatabaseTarget shop;
        private DatabaseTarget pos;
        private CollectorTarget collector;
        private OptionalDouble realtimeSpeed = OptionalDouble.empty();
        private double messyRowRate = 0.005;
        private WorldParameters parameters = WorldParameters.defaults();

        private Builder() {}

        public Builder customers(int customers) {
            this.customers = customers;
            return this;
        }

        public Builder days(int days) {
            this.days = days;
            return this;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public Builder end(Instant end) {
            this.end = end;
            return this;
        }

        public Builder liveWindow(Duration liveWindow) {
            this.liveWindow = liveWindow;
            return this;
        }

        public Builder outputDirectory(Path outputDirectory) {
            this.outputDirectory = outputDirectory;
            return this;
        }

        public Builder dropDirectory(Path dropDirectory) {
            this.dropDirectory = dropDirectory;
            return this;
        }

        public Builder shop(DatabaseTarget shop) {
            this.shop = shop;
            return this;
        }

        public Builder withoutShop() {
            this.shop = null;
            return this;
        }

        public Builder pos(DatabaseTarget pos) {
            this.pos = pos;
            return this;
        }

        public Builder withoutPos() {
            this.pos = null;
            return this;
        }

        public Builder collector(CollectorTarget collector) {
            this.collector = collector;
            return this;
        }

        /** Replays the live window in real time, {@code speed} times faster than the simulated clock. */
        public Builder realtime(double speed) {
            this.realtimeSpeed = OptionalDouble.of(speed);
            return this;
        }

        public Builder messyRowRate(double messyRowRate) {
            this.messyRowRate = messyRowRate;
            return this;
        }

        public Builder parameters(WorldParameters parameters) {
            this.parameters = parameters;
            return this;
        }

        public DemoWorldSettings build() {
            return new DemoWorldSettings(
                    customers,
                    days,
                    seed,
                    end,
                    liveWindow,
                    outputDirectory,
                    dropDirectory,
                    Optional.ofNullable(shop),
                    Optional.ofNullable(pos),
                    Optional.ofNullable(collector),
                    realtimeSpeed,
                    messyRowRate,
                    parameters);
        }
    }
}
