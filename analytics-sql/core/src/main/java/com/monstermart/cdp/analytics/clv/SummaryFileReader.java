package com.monstermart.cdp.analytics.clv;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a summary file: one customer per line with frequency, recency and T (and optionally the monetary value), in
 * the column names of lifetimes ({@code frequency, recency, T, monetary_value}) or of Fader and Hardie
 * ({@code x, t_x, T, zbar}), or named by the caller.
 */
public final class SummaryFileReader {
    public static final List<String> CUSTOMER_CANDIDATES = List.of("customer_id", "id", "customer");
    public static final List<String> FREQUENCY_CANDIDATES = List.of("frequency", "x");
    public static final List<String> RECENCY_CANDIDATES = List.of("recency", "t_x");
    public static final List<String> AGE_CANDIDATES = List.of("T", "age");
    public static final List<String> MONETARY_CANDIDATES =
            List.of("monetary_value", "monetary", "zbar", "m_x", "average_spend");

    private final Delimiter delimiter;
    private final SummaryColumns requested;

    public SummaryFileReader(Delimiter delimiter, SummaryColumns requested) {
        this.delimiter = requireNonNull(delimiter, "delimiter is null");
        this.requested = requireNonNull(requested, "requested is null");
    }

    /** Whether a header looks like a summary file's (it names a frequency and a recency column). */
    public static boolean looksLikeSummary(List<String> header) {
        Columns columns = new Columns(header, "");
        return columns.has(FREQUENCY_CANDIDATES) && columns.has(RECENCY_CANDIDATES);
    }

    /** Whether the file's first line is a summary file's header (see {@link #looksLikeSummary(List)}). */
    public static boolean isSummaryFile(Path file, Delimiter delimiter) {
        try (DelimitedReader reader = new DelimitedReader(file, delimiter)) {
            List<String> header = reader.next();
            return header != null && looksLikeSummary(header);
        }
    }

    public SummaryLog read(Path file) {
        String name = file.getFileName().toString();
        try (DelimitedReader reader = new DelimitedReader(file, delimiter)) {
            List<String> header = reader.next();
            if (header == null) {
                throw ClvException.invalid("%s is empty: expected a header and one customer per line", name);
            }
            Columns columns = new Columns(header, name);
            Optional<Integer> customer = columns.find("customer", requested.customer(), CUSTOMER_CANDIDATES);
            int frequency = columns.require("frequency", requested.frequency(), FREQUENCY_CANDIDATES);
            int recency = columns.require("recency", requested.recency(), RECENCY_CANDIDATES);
            int age = columns.require("T", requested.age(), AGE_CANDIDATES);
            Optional<Integer> monetary = columns.find("monetary", requested.monetary(), MONETARY_CANDIDATES);
            List<CustomerSummary> summaries = new ArrayList<>();
            for (List<String> fields = reader.next(); fields != null; fields = reader.next()) {
                long line = reader.lineNumber();
                List<String> row = fields;
                try {
                    double x = number(fields, frequency, "frequency");
                    if (x != Math.rint(x) || x > Integer.MAX_VALUE) {
                        throw ClvException.invalid("frequency must be a whole number, was %s", x);
                    }
                    summaries.add(new CustomerSummary(
                            customer.map(index -> field(row, index, "customer id"))
                                    .orElse(Long.toString(line)),
                            (int) x,
                            number(fields, recency, "recency"),
                            number(fields, age, "T"),
                            monetary.isPresent() ? number(fields, monetary.get(), "monetary value") : 0));
                } catch (ClvException e) {
                    throw ClvException.invalid("%s line %d: %s", name, line, e.getMessage());
                }
            }
            if (summaries.isEmpty()) {
                throw ClvException.invalid("%s has a header but no customers", name);
            }
            return new SummaryLog(summaries, monetary.isPresent());
        }
    }

    private static String field(List<String> fields, int index, String role) {
        if (index >= fields.size()) {
            throw ClvException.invalid("no %s field (%d fields; check --delimiter)", role, fields.size());
        }
        return fields.get(index);
    }

    private static double number(List<String> fields, int index, String role) {
        String text = field(fields, index, role);
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw ClvException.invalid("%s '%s' is not a number", role, text);
        }
    }

    /**
     * Column names (or 1-based numbers) the caller chose; empty = the usual names.
     *
     * @param customer customer id (default customer_id, id, customer; else the line number)
     * @param frequency repeat purchases (default frequency, x)
     * @param recency (default recency, t_x)
     * @param age T (default T, age)
     * @param monetary mean repeat spend (default monetary_value, monetary, zbar, m_x, average_spend; else none)
     */
    public record SummaryColumns(
            Optional<String> customer,
            Optional<String> frequency,
            Optional<String> recency,
            Optional<String> age,
            Optional<String> monetary) {
        public SummaryColumns {
            requireNonNull(customer, "customer is null");
            requireNonNull(frequency, "frequency is null");
            requireNonNull(recency, "recency is null");
            requireNonNull(age, "age is null");
            requireNonNull(monetary, "monetary is null");
        }

        public static SummaryColumns defaults() {
            return new SummaryColumns(
                    Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        }
    }

    /**
     * What a summary file held.
     *
     * @param summaries the customers in file order
     * @param hasMonetaryValue the file had a monetary value column
     */
    public record SummaryLog(List<CustomerSummary> summaries, boolean hasMonetaryValue) {
        public SummaryLog {
            summaries = List.copyOf(summaries);
        }
    }
}
