package com.monstermart.cdp.analytics.clv;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a transaction log into customer summaries the way lifetimes' {@code summary_data_from_transaction_data} does
 * with daily periods: a customer's purchases on one day are one transaction (amounts summed); frequency counts the
 * days with a purchase after the first; recency and T run from the first purchase day to the last purchase day and to
 * the calibration end; the monetary value is the mean of the repeat days' amounts (the first purchase excluded, as
 * the Gamma-Gamma model expects). Customers keep the order of their first row.
 */
public final class TransactionSummarizer {
    private final SummarySettings settings;

    public TransactionSummarizer(SummarySettings settings) {
        this.settings = requireNonNull(settings, "settings is null");
    }

    public List<CustomerSummary> summarize(Iterable<Transaction> transactions) {
        Map<String, Purchases> customers = new LinkedHashMap<>();
        long lastDay = Long.MIN_VALUE;
        long end = settings.calibrationEnd().map(LocalDate::toEpochDay).orElse(Long.MAX_VALUE);
        for (Transaction transaction : transactions) {
            long day = transaction.date().toEpochDay();
            if (day > end) {
                continue;
            }
            lastDay = Math.max(lastDay, day);
            customers
                    .computeIfAbsent(transaction.customerId(), id -> new Purchases())
                    .add(day, transaction.amount());
        }
        if (customers.isEmpty()) {
            throw ClvException.invalid(
                    settings.calibrationEnd().isPresent()
                            ? "no transaction on or before the calibration end "
                                    + settings.calibrationEnd().get()
                            : "no transactions in the input");
        }
        long observationEnd = settings.calibrationEnd().isPresent() ? end : lastDay;
        double unitDays = settings.unit().days();
        List<CustomerSummary> summaries = new ArrayList<>(customers.size());
        for (Map.Entry<String, Purchases> entry : customers.entrySet()) {
            summaries.add(entry.getValue().summary(entry.getKey(), observationEnd, unitDays));
        }
        return summaries;
    }

    /** One customer's purchase days and amounts, in arrival order until summarised. */
    private static final class Purchases {
        private long[] days = new long[4];
        private double[] amounts = new double[4];
        private int size;

        void add(long day, double amount) {
            if (size == days.length) {
                days = Arrays.copyOf(days, size * 2);
                amounts = Arrays.copyOf(amounts, size * 2);
            }
            days[size] = day;
            amounts[size] = amount;
            size++;
        }

        CustomerSummary summary(String customerId, long observationEnd, double unitDays) {
            Integer[] order = new Integer[size];
            for (int i = 0; i < size; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (left, right) -> Long.compare(days[left], days[right]));
            long first = days[order[0]];
            long previous = first;
            int frequency = 0;
            double repeatSpend = 0;
            for (int k = 1; k < size; k++) {
                long day = days[order[k]];
                if (day != previous) {
                    frequency++;
                    previous = day;
                }
                if (day != first) {
                    repeatSpend += amounts[order[k]];
                }
            }
            long last = previous;
            return new CustomerSummary(
                    customerId,
                    frequency,
                    (last - first) / unitDays,
                    (observationEnd - first) / unitDays,
                    frequency == 0 ? 0 : repeatSpend / frequency);
        }
    }
}
