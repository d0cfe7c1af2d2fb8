package com.monstermart.cdp.demoworld.output;

import com.monstermart.cdp.demoworld.DemoWorldErrorCode;
import com.monstermart.cdp.demoworld.DemoWorldException;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The ground truth files under {@code <output>/truth/}; see the README for their columns. Rows are written in
 * simulation order, which the seed fixes.
 */
public final class TruthWriter implements Closeable {
    public static final String PERSONS = "persons.csv";
    public static final String RECORDS = "records.csv";
    public static final String SESSIONS = "sessions.csv";
    public static final String TRANSACTIONS = "transactions.csv";
    public static final String CLV = "clv.csv";
    public static final String CONSENTS = "consents.csv";
    public static final String MESSY_ROWS = "messy-rows.csv";

    private static final Map<String, String> HEADERS = new LinkedHashMap<>();

    static {
        HEADERS.put(
                PERSONS,
                "person_id,household_id,first_name,last_name,email,second_email,mobile,landline,birth_date,street,"
                        + "city,postcode,country,moved_at,new_street,new_city,new_postcode,existing_customer,"
                        + "arrived_at,gpc,experiment_variant,store_share,marketplace_share,catalogue_share,"
                        + "online_share");
        HEADERS.put(RECORDS, "source,record_id,person_id,kind,shared_identifier");
        HEADERS.put(
                SESSIONS,
                "session_id,person_id,channel,anonymous_id,user_id,device,traffic_source,campaign,returning,hour,"
                        + "cart_value,experiment_variant,started_at,ended_at,events,outcome,p_bounce,p_cart,"
                        + "p_checkout,propensity,order_number");
        HEADERS.put(TRANSACTIONS, "person_id,occurred_at,channel,amount,reference");
        HEADERS.put(
                CLV,
                "person_id,existing_customer,arrived_at,lambda_per_day,dropout_probability,gamma_gamma_nu,"
                        + "first_purchase_at,repeat_purchases,last_purchase_at,t_x_days,t_days,alive_at_end");
        HEADERS.put(CONSENTS, "person_id,purpose,granted,source");
        HEADERS.put(MESSY_ROWS, "file,line,kind");
    }

    private final Path directory;
    private final Map<String, Writer> writers = new LinkedHashMap<>();
    private final Map<String, Long> recordsBySource = new TreeMap<>();
    private final Map<String, Long> rows = new LinkedHashMap<>();
    private final Map<String, java.util.BitSet> personsBySource = new TreeMap<>();

    public TruthWriter(Path directory) {
        this.directory = directory;
        try {
            Files.createDirectories(directory);
            for (Map.Entry<String, String> entry : HEADERS.entrySet()) {
                Writer writer = new BufferedWriter(
                        Files.newBufferedWriter(directory.resolve(entry.getKey()), StandardCharsets.UTF_8), 1 << 16);
                writer.write(entry.getValue());
                writer.write('\n');
                writers.put(entry.getKey(), writer);
                rows.put(entry.getKey(), 0L);
            }
        } catch (IOException e) {
            throw failed(e);
        }
    }

    public Path directory() {
        return directory;
    }

    public void write(String file, Object... fields) {
        try {
            Writer writer = writers.get(file);
            writer.write(Csv.line(fields));
            writer.write('\n');
        } catch (IOException e) {
            throw failed(e);
        }
        rows.merge(file, 1L, Long::sum);
    }

    /** A source record and the true person behind it. */
    public void record(String source, Object recordId, long personId, String kind, String sharedIdentifier) {
        write(RECORDS, source, recordId, personId, kind, sharedIdentifier);
        recordsBySource.merge(source, 1L, Long::sum);
        personsBySource.computeIfAbsent(source, key -> new java.util.BitSet()).set(Math.toIntExact(personId));
        if (kind.equals("guest")) {
            recordsBySource.merge(source + ":guest", 1L, Long::sum);
            personsBySource
                    .computeIfAbsent(source + ":guest", key -> new java.util.BitSet())
                    .set(Math.toIntExact(personId));
        }
    }

    /** The persons behind a source's records (or behind several sources'). */
    public java.util.BitSet persons(String... sources) {
        java.util.BitSet union = new java.util.BitSet();
        for (String source : sources) {
            java.util.BitSet persons = personsBySource.get(source);
            if (persons != null) {
                union.or(persons);
            }
        }
        return union;
    }

    public Map<String, Long> recordsBySource() {
        return Map.copyOf(recordsBySource);
    }

    public long rows(String file) {
        return rows.getOrDefault(file, 0L);
    }

    public void writeJson(String file, String json) {
        try {
            Files.writeString(directory.resolve(file), json, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw failed(e);
        }
    }

    @Override
    public void close() {
        for (Writer writer : writers.values()) {
            try {
                writer.close();
            } catch (IOException e) {
                throw failed(e);
            }
        }
        writers.clear();
    }

    private DemoWorldException failed(IOException e) {
        return new DemoWorldException(
                DemoWorldErrorCode.FILE_FAILED,
                "Cannot write the truth files in %s: %s (check the directory and free disk space)"
                        .formatted(directory, e),
                e);
    }
}
