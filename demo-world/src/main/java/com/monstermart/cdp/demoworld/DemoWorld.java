package com.monstermart.cdp.demoworld;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.monstermart.cdp.demoworld.core.Calibration;
import com.monstermart.cdp.demoworld.core.Campaigns;
import com.monstermart.cdp.demoworld.core.Catalogue;
import com.monstermart.cdp.demoworld.core.Privacy;
import com.monstermart.cdp.demoworld.core.Propensity;
import com.monstermart.cdp.demoworld.core.Simulation;
import com.monstermart.cdp.demoworld.core.Stores;
import com.monstermart.cdp.demoworld.core.Times;
import com.monstermart.cdp.demoworld.core.World;
import com.monstermart.cdp.demoworld.core.WorldOutput;
import com.monstermart.cdp.demoworld.output.Change;
import com.monstermart.cdp.demoworld.output.ChangeRouter;
import com.monstermart.cdp.demoworld.output.DatabaseWriter;
import com.monstermart.cdp.demoworld.output.FileLayouts;
import com.monstermart.cdp.demoworld.output.SegmentSender;
import com.monstermart.cdp.demoworld.output.SortedFileSink;
import com.monstermart.cdp.demoworld.output.StagingWriter;
import com.monstermart.cdp.demoworld.output.TableSpec;
import com.monstermart.cdp.demoworld.output.TableSpec.Database;
import com.monstermart.cdp.demoworld.output.Tables;
import com.monstermart.cdp.demoworld.output.TruthWriter;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

/**
 * Generates the MonsterMart demo world: {@code DemoWorld.generate(settings)}. Same settings and seed, same files
 * and rows.
 */
public final class DemoWorld {
    /** The file name prefixes the generator owns in the drop directory (older files with them are replaced). */
    public static final List<String> DROP_PREFIXES =
            List.of("rees46-events-", "electronics-purchases-", "online-retail-ii-", "cs-tickets-");

    private static final String[] PROFILE_SOURCES = {
        "shop.customers", "pos.loyalty_members", "shop.orders:guest", "cs.tickets"
    };

    private static final int PILOT_PERSONS = 4000;

    private final DemoWorldSettings settings;
    private final ProgressListener progress;
    private final long start;
    private final long end;
    private final long cutoff;

    private DemoWorld(DemoWorldSettings settings, ProgressListener progress) {
        this.settings = settings;
        this.progress = progress;
        this.start = settings.start().toEpochMilli();
        this.end = settings.end().toEpochMilli();
        this.cutoff = settings.cutoff().toEpochMilli();
    }

    public static GenerationSummary generate(DemoWorldSettings settings) {
        return generate(settings, ProgressListener.SILENT);
    }

    public static GenerationSummary generate(DemoWorldSettings settings, ProgressListener progress) {
        return new DemoWorld(settings, progress).run();
    }

    private GenerationSummary run() {
        long began = System.nanoTime();
        Path staging = settings.outputDirectory().resolve(".staging");
        prepareDirectories(staging);
        Catalogue catalogue = Catalogue.generate(settings.seed(), settings.customers(), start, end);
        Stores stores = Stores.generate(settings.seed(), settings.customers());
        Campaigns campaigns = Campaigns.generate(start, end);
        progress.phase("Calibrating the propensity model", 0);
        Propensity propensity = Calibration.refine(
                Calibration.calibrate(settings.parameters(), settings.seed()),
                settings.parameters(),
                model -> pilot(model, catalogue, stores, campaigns, staging.resolve("pilot")));

        Map<Database, StagingWriter> stagingWriters = new EnumMap<>(Database.class);
        if (settings.shop().isPresent()) {
            stagingWriters.put(Database.SHOP, new StagingWriter(staging.resolve("shop")));
        }
        if (settings.pos().isPresent()) {
            stagingWriters.put(Database.POS, new StagingWriter(staging.resolve("pos")));
        }
        Map<TableSpec, Long> rowCounts = new LinkedHashMap<>();
        List<Change> live = new ArrayList<>();
        ChangeRouter router = new ChangeRouter(
                cutoff,
                end,
                (table, values) -> {
                    rowCounts.merge(table, 1L, Long::sum);
                    StagingWriter writer = stagingWriters.get(table.database());
                    if (writer != null) {
                        writer.write(table, values);
                    }
                },
                live);
        Sinks sinks = new Sinks(staging);
        List<LiveEvent> liveEvents = new ArrayList<>();
        GenerationSummary summary;
        try (TruthWriter truth = new TruthWriter(settings.truthDirectory())) {
            WorldOutput output = sinks.output(router, truth, liveEvents);
            World world = new World(settings, catalogue, stores, campaigns, propensity, output);
            Simulation simulation = new Simulation(world);
            simulation.writeReferenceData();
            progress.phase("Simulating customers", settings.customers());
            long household = 0;
            long persons = 0;
            while (persons < settings.customers()) {
                persons += simulation.household(household++, persons + 1, (int) (settings.customers() - persons));
                if ((household & 255) == 0) {
                    progress.advance(persons);
                }
            }
            progress.advance(persons);
            stagingWriters.values().forEach(StagingWriter::close);

            progress.phase("Writing files", 0);
            List<Path> files = new ArrayList<>(sinks.finishInitial(truth));
            writeParameters(truth, catalogue, stores, campaigns, propensity);

            Map<String, Long> rowsByTable = rowsByTable(rowCounts, live);
            live.sort(Comparator.comparingLong(Change::time).thenComparingLong(Change::sequence));
            long posted = loadAndReplay(stagingWriters, live, liveEvents, sinks);
            files.addAll(sinks.finishLive(truth));

            Map<String, Long> duplicates = expectedDuplicates(truth);
            summary = new GenerationSummary(
                    persons,
                    new TreeMap<>(truth.recordsBySource()),
                    duplicates,
                    rowsByTable,
                    live.size(),
                    sinks.segmentLines(),
                    posted,
                    files,
                    Duration.ofNanos(System.nanoTime() - began));
            truth.writeJson("summary.json", json(summaryDocument(summary)));
        } finally {
            sinks.close();
            deleteTree(staging);
        }
        return summary;
    }

    /**
     * Runs a pilot world of 4,000 persons under a seed of its own with this model and returns its expected session
     * rates; the calibrated model depends on the seed, days and parameters, not on the number of customers.
     */
    private double[] pilot(Propensity model, Catalogue catalogue, Stores stores, Campaigns campaigns, Path directory) {
        DemoWorldSettings pilotSettings = settings.toBuilder()
                .customers(PILOT_PERSONS)
                .seed(com.monstermart.cdp.demoworld.core.Rng.mix(settings.seed() ^ 0x5EED_CA11_B8A7E5L))
                .build();
        ChangeRouter discard = new ChangeRouter(end, end, (table, values) -> {}, new ArrayList<>());
        try (TruthWriter truth = new TruthWriter(directory)) {
            WorldOutput output = new WorldOutput() {
                @Override
                public ChangeRouter rows() {
                    return discard;
                }

                @Override
                public void segment(long time, Privacy privacy, String json) {}

                @Override
                public void rees46(long time, String messyKind, String line) {}

                @Override
                public void electronics(long time, String messyKind, String line) {}

                @Override
                public void retail(long time, String messyKind, String line) {}

                @Override
                public void ticket(long time, String messyKind, String line) {}

                @Override
                public TruthWriter truth() {
                    return truth;
                }
            };
            Simulation simulation =
                    new Simulation(new World(pilotSettings, catalogue, stores, campaigns, model, output));
            long persons = 0;
            long household = 0;
            while (persons < pilotSettings.customers()) {
                persons += simulation.household(household++, persons + 1, (int) (pilotSettings.customers() - persons));
            }
            return simulation.expectedRates();
        } finally {
            deleteTree(directory);
        }
    }

    // ---------------------------------------------------------------- directories and files

    private void prepareDirectories(Path staging) {
        try {
            Files.createDirectories(settings.outputDirectory());
            Files.createDirectories(settings.dropDirectory());
            deleteTree(staging);
            deleteTree(settings.truthDirectory());
            deleteTree(settings.segmentDirectory());
            try (Stream<Path> files = Files.list(settings.dropDirectory())) {
                for (Path file : files.toList()) {
                    String name = file.getFileName().toString();
                    if (DROP_PREFIXES.stream()
                            .anyMatch(prefix -> name.startsWith(prefix) || name.startsWith("." + prefix))) {
                        Files.delete(file);
                    }
                }
            }
        } catch (IOException e) {
            throw new DemoWorldException(
                    DemoWorldErrorCode.FILE_FAILED,
                    "Cannot prepare the output directories %s and %s: %s"
                            .formatted(settings.outputDirectory(), settings.dropDirectory(), e),
                    e);
        }
    }

    private static void deleteTree(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(directory)) {
            for (Path each : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(each);
            }
        } catch (IOException e) {
            throw new DemoWorldException(DemoWorldErrorCode.FILE_FAILED, "Cannot delete " + directory + ": " + e, e);
        }
    }

    /** A Segment event of the live window, kept for the replay. */
    private record LiveEvent(long time, long sequence, Privacy privacy, String json) {}

    /** The file sinks: initial ones (up to the cutoff) and live ones (the live window). */
    private final class Sinks implements AutoCloseable {
        private final SortedFileSink segment;
        private final SortedFileSink segmentLive;
        private final SortedFileSink[] drops = new SortedFileSink[4];
        private final SortedFileSink[] dropsLive = new SortedFileSink[4];
        private long liveSequence;

        Sinks(Path staging) {
            // Time buckets are sorted in memory one at a time: about 300,000 Segment events each at most (each
            // customer makes about 0.4 a day), and at most 2,000 bucket files per sink.
            long days = Math.max(1, settings.days());
            long byVolume = Math.max(Times.HOUR, (long) (800_000.0 / settings.customers() * Times.DAY));
            long bucket =
                    Math.max(Math.min(Math.max(1, (days + 63) / 64) * Times.DAY, byVolume), days * Times.DAY / 2000);
            segment = new SortedFileSink(staging.resolve("segment"), start, bucket);
            segmentLive = new SortedFileSink(staging.resolve("segment-live"), start, Long.MAX_VALUE / 4);
            for (int i = 0; i < drops.length; i++) {
                drops[i] = new SortedFileSink(staging.resolve("drop-" + i), start, bucket);
                dropsLive[i] = new SortedFileSink(staging.resolve("drop-live-" + i), start, Long.MAX_VALUE / 4);
            }
        }

        WorldOutput output(ChangeRouter router, TruthWriter truth, List<LiveEvent> liveEvents) {
            return new WorldOutput() {
                @Override
                public ChangeRouter rows() {
                    return router;
                }

                @Override
                public void segment(long time, Privacy privacy, String json) {
                    if (time >= end) {
                        return;
                    }
                    if (time < cutoff) {
                        segment.add(time, null, json);
                    } else {
                        segmentLive.add(time, null, json);
                        liveEvents.add(new LiveEvent(time, liveSequence++, privacy, json));
                    }
                }

                @Override
                public void rees46(long time, String messyKind, String line) {
                    drop(0, time, messyKind, line);
                }

                @Override
                public void electronics(long time, String messyKind, String line) {
                    drop(1, time, messyKind, line);
                }

                @Override
                public void retail(long time, String messyKind, String line) {
                    drop(2, time, messyKind, line);
                }

                @Override
                public void ticket(long time, String messyKind, String line) {
                    drop(3, time, messyKind, line);
                }

                @Override
                public TruthWriter truth() {
                    return truth;
                }
            };
        }

        private void drop(int kind, long time, String messyKind, String line) {
            if (time >= end) {
                return;
            }
            (time < cutoff ? drops[kind] : dropsLive[kind]).add(time, messyKind, line);
        }

        long segmentLines() {
            return segment.lines() + segmentLive.lines();
        }

        private SortedFileSink.Layout dropLayout(int kind, String liveSuffix) {
            String latin1 = "online-retail-ii-" + Times.date(start).toString().substring(0, 7) + ".csv";
            return switch (kind) {
                case 0 ->
                    FileLayouts.monthly(
                            "rees46-events",
                            ".csv.gz",
                            FileLayouts.REES46_HEADER,
                            FileLayouts.Compression.GZIP,
                            null,
                            liveSuffix);
                case 1 ->
                    FileLayouts.monthly(
                            "electronics-purchases",
                            ".csv",
                            FileLayouts.ELECTRONICS_HEADER,
                            FileLayouts.Compression.NONE,
                            null,
                            liveSuffix);
                case 2 ->
                    FileLayouts.monthly(
                            "online-retail-ii",
                            ".csv",
                            FileLayouts.RETAIL_HEADER,
                            FileLayouts.Compression.NONE,
                            liveSuffix == null ? latin1 : null,
                            liveSuffix);
                default ->
                    FileLayouts.monthly(
                            "cs-tickets",
                            ".csv",
                            FileLayouts.TICKETS_HEADER,
                            FileLayouts.Compression.NONE,
                            null,
                            liveSuffix);
            };
        }

        List<Path> finishInitial(TruthWriter truth) {
            List<Path> files = new ArrayList<>();
            for (String name :
                    segment.finish(settings.segmentDirectory(), FileLayouts.segment(null), (f, l, k) -> {})) {
                files.add(settings.segmentDirectory().resolve(name));
            }
            for (String name : segmentLive.finish(
                    settings.segmentDirectory(), FileLayouts.segment(FileLayouts.stamp(cutoff)), (f, l, k) -> {})) {
                files.add(settings.segmentDirectory().resolve(name));
            }
            String latin1 = "online-retail-ii-" + Times.date(start).toString().substring(0, 7) + ".csv";
            for (int kind = 0; kind < drops.length; kind++) {
                for (String name : drops[kind].finish(
                        settings.dropDirectory(),
                        dropLayout(kind, null),
                        (file, line, messy) -> truth.write(TruthWriter.MESSY_ROWS, file, line, messy))) {
                    files.add(settings.dropDirectory().resolve(name));
                    if (name.equals(latin1)) {
                        truth.write(TruthWriter.MESSY_ROWS, name, 0, "latin1_encoding");
                    }
                }
            }
            return files;
        }

        List<Path> finishLive(TruthWriter truth) {
            List<Path> files = new ArrayList<>();
            for (int kind = 0; kind < dropsLive.length; kind++) {
                for (String name : dropsLive[kind].finish(
                        settings.dropDirectory(),
                        dropLayout(kind, FileLayouts.stamp(cutoff)),
                        (file, line, messy) -> truth.write(TruthWriter.MESSY_ROWS, file, line, messy))) {
                    files.add(settings.dropDirectory().resolve(name));
                }
            }
            return files;
        }

        @Override
        public void close() {
            segment.close();
            segmentLive.close();
            for (int i = 0; i < drops.length; i++) {
                drops[i].close();
                dropsLive[i].close();
            }
        }
    }

    // ---------------------------------------------------------------- databases, collector, live window

    private long loadAndReplay(
            Map<Database, StagingWriter> staging, List<Change> live, List<LiveEvent> liveEvents, Sinks sinks) {
        Map<Database, DatabaseWriter> writers = new EnumMap<>(Database.class);
        SegmentSender sender = settings.collector().map(SegmentSender::new).orElse(null);
        try {
            settings.shop().ifPresent(target -> writers.put(Database.SHOP, new DatabaseWriter(Database.SHOP, target)));
            settings.pos().ifPresent(target -> writers.put(Database.POS, new DatabaseWriter(Database.POS, target)));
            long rows = staging.values().stream()
                    .mapToLong(writer ->
                            Tables.SHOP_TABLES.stream().mapToLong(writer::count).sum()
                                    + Tables.POS_TABLES.stream()
                                            .mapToLong(writer::count)
                                            .sum())
                    .sum();
            if (!writers.isEmpty()) {
                progress.phase("Loading the databases", rows);
                bulkLoad(writers, staging);
            }
            if (sender != null) {
                postHistory(sender);
            }
            if (settings.realtimeSpeed().isPresent()) {
                replayInRealTime(writers, live, liveEvents, sender);
            } else {
                applyLive(writers, live, liveEvents, sender);
            }
            if (sender != null) {
                sender.flush();
            }
            return sender == null ? 0 : sender.sentEvents();
        } finally {
            writers.values().forEach(DatabaseWriter::close);
        }
    }

    private void bulkLoad(Map<Database, DatabaseWriter> writers, Map<Database, StagingWriter> staging) {
        ExecutorService executor = Executors.newFixedThreadPool(writers.size(), runnable -> {
            Thread thread = new Thread(runnable, "demo-world-load");
            thread.setDaemon(true);
            return thread;
        });
        try {
            long[] done = new long[1];
            List<Future<?>> futures = new ArrayList<>();
            for (Map.Entry<Database, DatabaseWriter> entry : writers.entrySet()) {
                DatabaseWriter writer = entry.getValue();
                StagingWriter staged = staging.get(entry.getKey());
                futures.add(executor.submit(() -> {
                    writer.createTables();
                    for (TableSpec table : Tables.of(entry.getKey())) {
                        writer.load(table, staged.file(table));
                        synchronized (done) {
                            done[0] += staged.count(table);
                            progress.advance(done[0]);
                        }
                    }
                    writer.addConstraints();
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof DemoWorldException failure) {
                throw failure;
            }
            throw new DemoWorldException(DemoWorldErrorCode.INTERNAL, "Loading failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DemoWorldException(DemoWorldErrorCode.INTERNAL, "Interrupted while loading", e);
        } finally {
            executor.shutdownNow();
        }
    }

    private void postHistory(SegmentSender sender) {
        List<Path> files;
        try (Stream<Path> listing = Files.list(settings.segmentDirectory())) {
            files = listing.filter(path -> {
                        String name = path.getFileName().toString();
                        return name.startsWith("segment-events-2") || name.startsWith("segment-events-1");
                    })
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new DemoWorldException(
                    DemoWorldErrorCode.FILE_FAILED, "Cannot list " + settings.segmentDirectory(), e);
        }
        progress.phase("Posting events to the collector", files.size());
        int done = 0;
        for (Path file : files) {
            try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                String line;
                while ((line = reader.readLine()) != null) {
                    sender.add(line, line.contains("\"gpc\":true") ? Privacy.GLOBAL_PRIVACY_CONTROL : Privacy.DEFAULT);
                }
            } catch (IOException e) {
                throw new DemoWorldException(DemoWorldErrorCode.FILE_FAILED, "Cannot read " + file, e);
            }
            progress.advance(++done);
        }
        sender.flush();
    }

    private void applyLive(
            Map<Database, DatabaseWriter> writers,
            List<Change> live,
            List<LiveEvent> liveEvents,
            SegmentSender sender) {
        progress.phase("Applying live changes", live.size());
        for (Map.Entry<Database, DatabaseWriter> entry : writers.entrySet()) {
            List<Change> changes = live.stream()
                    .filter(change -> change.table().database() == entry.getKey())
                    .toList();
            for (int from = 0; from < changes.size(); ) {
                // Changes of one moment (a store sale and its items) commit together: CDC reads the items of a
                // sale when the sale arrives.
                int to = Math.min(changes.size(), from + 2000);
                while (to < changes.size()
                        && changes.get(to).time() == changes.get(to - 1).time()) {
                    to++;
                }
                entry.getValue().apply(changes.subList(from, to));
                progress.advance(to);
                from = to;
            }
        }
        if (sender != null) {
            for (LiveEvent event : liveEvents) {
                sender.add(event.json(), event.privacy());
            }
        }
    }

    /** Replays the live window: each change and event happens when its time comes, accelerated by the speed. */
    private void replayInRealTime(
            Map<Database, DatabaseWriter> writers,
            List<Change> live,
            List<LiveEvent> liveEvents,
            SegmentSender sender) {
        double speed = settings.realtimeSpeed().orElseThrow();
        progress.phase("Replaying the live window (x" + speed + ")", live.size() + liveEvents.size());
        long wallStart = System.nanoTime();
        int changeIndex = 0;
        int eventIndex = 0;
        long done = 0;
        while (changeIndex < live.size() || eventIndex < liveEvents.size()) {
            long nextTime = Math.min(
                    changeIndex < live.size() ? live.get(changeIndex).time() : Long.MAX_VALUE,
                    eventIndex < liveEvents.size() ? liveEvents.get(eventIndex).time() : Long.MAX_VALUE);
            long dueNanos = wallStart + (long) ((nextTime - cutoff) * 1_000_000.0 / speed);
            long wait = dueNanos - System.nanoTime();
            if (wait > 0) {
                if (sender != null) {
                    sender.flush();
                }
                LockSupport.parkNanos(Math.min(wait, Duration.ofSeconds(1).toNanos()));
                continue;
            }
            long simulatedNow = cutoff + (long) ((System.nanoTime() - wallStart) / 1_000_000.0 * speed);
            Map<Database, List<Change>> due = new EnumMap<>(Database.class);
            while (changeIndex < live.size() && live.get(changeIndex).time() <= simulatedNow) {
                Change change = live.get(changeIndex++);
                due.computeIfAbsent(change.table().database(), key -> new ArrayList<>())
                        .add(change);
                done++;
            }
            for (Map.Entry<Database, List<Change>> entry : due.entrySet()) {
                DatabaseWriter writer = writers.get(entry.getKey());
                if (writer != null) {
                    writer.apply(entry.getValue());
                }
            }
            while (eventIndex < liveEvents.size() && liveEvents.get(eventIndex).time() <= simulatedNow) {
                LiveEvent event = liveEvents.get(eventIndex++);
                if (sender != null) {
                    sender.add(event.json(), event.privacy());
                }
                done++;
            }
            progress.advance(done);
        }
    }

    // ---------------------------------------------------------------- truth documents

    private Map<String, Long> rowsByTable(Map<TableSpec, Long> snapshot, List<Change> live) {
        Map<String, Long> rows = new TreeMap<>();
        for (TableSpec table : Tables.SHOP_TABLES) {
            rows.put("shop." + table.name(), snapshot.getOrDefault(table, 0L));
        }
        for (TableSpec table : Tables.POS_TABLES) {
            rows.put("pos." + table.name(), snapshot.getOrDefault(table, 0L));
        }
        for (Change change : live) {
            String key = (change.table().database() == Database.SHOP ? "shop." : "pos.")
                    + change.table().name();
            switch (change.operation()) {
                case INSERT -> rows.merge(key, 1L, Long::sum);
                case DELETE -> rows.merge(key, -1L, Long::sum);
                case UPDATE -> {}
            }
        }
        return rows;
    }

    private static Map<String, Long> expectedDuplicates(TruthWriter truth) {
        Map<String, Long> duplicates = new TreeMap<>();
        long profileRecords = 0;
        for (Map.Entry<String, Long> entry : truth.recordsBySource().entrySet()) {
            duplicates.put(
                    entry.getKey(),
                    entry.getValue() - truth.persons(entry.getKey()).cardinality());
        }
        for (String source : PROFILE_SOURCES) {
            profileRecords += truth.recordsBySource().getOrDefault(source, 0L);
        }
        duplicates.put(
                "profiles", profileRecords - truth.persons(PROFILE_SOURCES).cardinality());
        duplicates.put("profiles.persons", (long) truth.persons(PROFILE_SOURCES).cardinality());
        return duplicates;
    }

    private void writeParameters(
            TruthWriter truth, Catalogue catalogue, Stores stores, Campaigns campaigns, Propensity propensity) {
        Map<String, Object> document = new LinkedHashMap<>();
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("customers", settings.customers());
        run.put("days", settings.days());
        run.put("seed", settings.seed());
        run.put("start", settings.start().toString());
        run.put("end", settings.end().toString());
        run.put("cutoff", settings.cutoff().toString());
        run.put("liveWindow", settings.liveWindow().toString());
        run.put("lastSessionStartsBefore", Times.iso(end - 5 * Times.MINUTE));
        run.put("messyRowRate", settings.messyRowRate());
        run.put("currency", "GBP");
        document.put("run", run);
        document.put("parameters", settings.parameters());
        document.put("targetConversionRate", settings.parameters().sessions().conversionRate());
        document.put("propensity", propensity.describe());
        List<Map<String, Object>> categories = new ArrayList<>();
        for (Catalogue.Category category : catalogue.categories()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("categoryId", category.id());
            entry.put("categoryCode", category.code());
            entry.put("share", category.share());
            entry.put("seasonalAmplitude", category.seasonalAmplitude());
            entry.put("peakDayOfYear", category.peakDayOfYear());
            entry.put("annualTrend", category.annualTrend());
            entry.put("medianPrice", category.medianPrice());
            categories.add(entry);
        }
        document.put(
                "seasonality",
                Map.of(
                        "formula",
                        "demand(category, t) = share * max(0.05, 1 + amplitude * cos(2 pi (dayOfYear(t) - peak) / 365.25))"
                                + " * (1 + trend * years since start); the total purchase rate is stationary (BG/NBD),"
                                + " seasonality moves the category mix",
                        "categories",
                        categories));
        document.put("products", catalogue.products().size());
        document.put("stores", stores.all().size());
        List<Map<String, Object>> campaignList = new ArrayList<>();
        for (Campaigns.Campaign campaign : campaigns.all()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", campaign.name());
            entry.put("source", campaign.source());
            entry.put("medium", campaign.medium());
            entry.put("from", Times.iso(campaign.from()));
            entry.put("until", Times.iso(campaign.until()));
            campaignList.add(entry);
        }
        document.put("campaigns", campaignList);
        document.put(
                "experiment",
                Map.of(
                        "id", "checkout-redesign",
                        "assignment", "per person, 50/50 (persons.csv experiment_variant)",
                        "effect", "variant B adds 0.15 to the checkout log-odds"));
        truth.writeJson("parameters.json", json(document));
    }

    private Map<String, Object> summaryDocument(GenerationSummary summary) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("persons", summary.persons());
        document.put("recordsBySource", summary.recordsBySource());
        document.put("expectedDuplicates", summary.expectedDuplicates());
        document.put("rowsByTable", summary.rowsByTable());
        document.put("liveChanges", summary.liveChanges());
        document.put("segmentEvents", summary.segmentEvents());
        return document;
    }

    static String json(Object document) {
        try {
            return new ObjectMapper()
                            .enable(SerializationFeature.INDENT_OUTPUT)
                            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                            .writeValueAsString(document)
                    + "\n";
        } catch (IOException e) {
            throw new DemoWorldException(DemoWorldErrorCode.INTERNAL, "Cannot write JSON: " + e, e);
        }
    }

    /** For the command line: the stack's databases, read from {@code stack.properties}. */
    public static Optional<Path> stackProperties(Path home) {
        Path file = home.resolve(".cdp").resolve("stack.properties");
        return Files.exists(file) ? Optional.of(file) : Optional.empty();
    }
}
