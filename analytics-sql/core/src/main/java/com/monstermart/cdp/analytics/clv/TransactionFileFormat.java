package com.monstermart.cdp.analytics.clv;

import static java.util.Objects.requireNonNull;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * The layout of a transaction file: one purchase per line with a customer id, a date and (for the spend model) an
 * amount.
 *
 * @param delimiter how fields are separated
 * @param header the first line names the columns; without one, columns are given as 1-based numbers
 * @param customerColumn the customer id column; default the first of {@link #CUSTOMER_CANDIDATES}
 * @param dateColumn the date column; default the first of {@link #DATE_CANDIDATES}
 * @param amountColumn the amount column; default the first of {@link #AMOUNT_CANDIDATES}, and no spend when none is
 *     there; {@code none} = ignore amounts
 * @param datePattern a {@link java.time.format.DateTimeFormatter} pattern such as {@code yyyyMMdd} or
 *     {@code dd/MM/yyyy HH:mm}; default ISO dates, ISO timestamps and {@code yyyyMMdd}
 * @param zone the time zone whose calendar days timestamps fall on (default UTC)
 */
public record TransactionFileFormat(
        Delimiter delimiter,
        boolean header,
        Optional<String> customerColumn,
        Optional<String> dateColumn,
        Optional<String> amountColumn,
        Optional<String> datePattern,
        ZoneId zone) {
    public static final List<String> CUSTOMER_CANDIDATES = List.of("customer_id", "customer", "id", "customerid");
    public static final List<String> DATE_CANDIDATES =
            List.of("date", "datetime", "timestamp", "occurred_at", "order_date", "invoice_date");
    public static final List<String> AMOUNT_CANDIDATES =
            List.of("amount", "value", "revenue", "total", "monetary_value", "spend");

    public TransactionFileFormat {
        requireNonNull(delimiter, "delimiter is null");
        requireNonNull(customerColumn, "customerColumn is null");
        requireNonNull(dateColumn, "dateColumn is null");
        requireNonNull(amountColumn, "amountColumn is null");
        requireNonNull(datePattern, "datePattern is null");
        requireNonNull(zone, "zone is null");
    }

    /** A CSV file with a header, columns found by their usual names, dates in UTC. */
    public static TransactionFileFormat csv() {
        return new TransactionFileFormat(
                Delimiter.COMMA,
                true,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                ZoneOffset.UTC);
    }

    public TransactionFileFormat withDelimiter(Delimiter value) {
        return new TransactionFileFormat(value, header, customerColumn, dateColumn, amountColumn, datePattern, zone);
    }

    public TransactionFileFormat withoutHeader() {
        return new TransactionFileFormat(delimiter, false, customerColumn, dateColumn, amountColumn, datePattern, zone);
    }

    public TransactionFileFormat withColumns(String customer, String date, String amount) {
        return new TransactionFileFormat(
                delimiter,
                header,
                Optional.ofNullable(customer),
                Optional.ofNullable(date),
                Optional.ofNullable(amount),
                datePattern,
                zone);
    }

    public TransactionFileFormat withDatePattern(String pattern) {
        return new TransactionFileFormat(
                delimiter, header, customerColumn, dateColumn, amountColumn, Optional.of(pattern), zone);
    }

    public TransactionFileFormat withZone(ZoneId value) {
        return new TransactionFileFormat(
                delimiter, header, customerColumn, dateColumn, amountColumn, datePattern, value);
    }
}
