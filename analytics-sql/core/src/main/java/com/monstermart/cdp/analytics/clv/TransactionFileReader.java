package com.monstermart.cdp.analytics.clv;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a transaction file into {@link Transaction}s. Every bad row fails the read with its line number and what to
 * do; values are quoted in messages only when they are dates or amounts, never customer ids.
 */
public final class TransactionFileReader {
    private final TransactionFileFormat format;

    public TransactionFileReader(TransactionFileFormat format) {
        this.format = requireNonNull(format, "format is null");
    }

    /** The transactions, and whether the file had amounts. */
    public TransactionLog read(Path file) {
        String name = file.getFileName().toString();
        try (DelimitedReader reader = new DelimitedReader(file, format.delimiter())) {
            List<String> first = reader.next();
            if (first == null) {
                throw ClvException.invalid("%s is empty: expected a header and one transaction per line", name);
            }
            Columns columns = new Columns(format.header() ? first : List.of(), name);
            int customer =
                    columns.require("customer", format.customerColumn(), TransactionFileFormat.CUSTOMER_CANDIDATES);
            int date = columns.require("date", format.dateColumn(), TransactionFileFormat.DATE_CANDIDATES);
            Optional<Integer> amount = format.amountColumn()
                            .filter(column -> column.equals("none"))
                            .isPresent()
                    ? Optional.empty()
                    : columns.find("amount", format.amountColumn(), TransactionFileFormat.AMOUNT_CANDIDATES);
            DateParser dates = new DateParser(format.datePattern(), format.zone());
            List<Transaction> transactions = new ArrayList<>();
            List<String> fields = format.header() ? reader.next() : first;
            int needed = Math.max(customer, Math.max(date, amount.orElse(0))) + 1;
            while (fields != null) {
                long line = reader.lineNumber();
                if (fields.size() < needed) {
                    throw ClvException.invalid(
                            "%s line %d: %d fields, expected at least %d (check --delimiter)",
                            name, line, fields.size(), needed);
                }
                String dateText = fields.get(date);
                LocalDate day = dates.parse(dateText)
                        .orElseThrow(() -> ClvException.invalid(
                                "%s line %d: date '%s' cannot be parsed (expected ISO dates like 2026-10-31,"
                                        + " timestamps like 2026-10-31T18:00:00Z, or yyyyMMdd; or set --date-format)",
                                name, line, dateText));
                double value = amount.isPresent() ? parseAmount(fields.get(amount.get()), name, line) : 0;
                try {
                    transactions.add(new Transaction(fields.get(customer), day, value));
                } catch (ClvException e) {
                    throw ClvException.invalid("%s line %d: %s", name, line, e.getMessage());
                }
                fields = reader.next();
            }
            if (transactions.isEmpty()) {
                throw ClvException.invalid("%s has a header but no transactions", name);
            }
            return new TransactionLog(transactions, amount.isPresent());
        }
    }

    private static double parseAmount(String text, String name, long line) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw ClvException.invalid(
                    "%s line %d: amount '%s' is not a number (use a dot for decimals, no currency sign)",
                    name, line, text);
        }
    }

    /**
     * What a transaction file held.
     *
     * @param transactions the purchases in file order
     * @param hasAmounts the file had an amount column (otherwise every amount is 0 and there is no spend model)
     */
    public record TransactionLog(List<Transaction> transactions, boolean hasAmounts) {
        public TransactionLog {
            transactions = List.copyOf(transactions);
        }
    }
}
