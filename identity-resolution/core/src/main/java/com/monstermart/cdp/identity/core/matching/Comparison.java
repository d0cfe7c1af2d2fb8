package com.monstermart.cdp.identity.core.matching;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How one field of two records compares, as a discrete agreement level: level 0 is the strongest agreement (exact),
 * the last level is "disagree". {@link #NULL} means a value is missing: the field then carries no evidence.
 *
 * <p>Fellegi–Sunter learns an m and u probability for each level of each comparison.
 */
public abstract class Comparison {
    public static final int NULL = -1;

    private final String field;
    private final List<String> labels;

    protected Comparison(String field, List<String> labels) {
        this.field = requireNonNull(field, "field is null");
        this.labels = List.copyOf(labels);
    }

    public String field() {
        return field;
    }

    public List<String> labels() {
        return labels;
    }

    public int levels() {
        return labels.size();
    }

    /** The level of two records' values of this field. */
    public int level(MatchRecord a, MatchRecord b) {
        String x = a.field(field);
        String y = b.field(field);
        if (x == null || y == null) {
            return NULL;
        }
        return level(x, y);
    }

    /** The level of two values, either of which may be null (missing). */
    public int levelOf(String a, String b) {
        return a == null || b == null ? NULL : level(a, b);
    }

    /** The level of two present values. */
    protected abstract int level(String a, String b);

    /** Exact agreement or not. */
    public static Comparison exact(String field) {
        return new Comparison(field, List.of("exact", "else")) {
            @Override
            protected int level(String a, String b) {
                return a.equals(b) ? 0 : 1;
            }
        };
    }

    /** Exact, then Jaro–Winkler similarity at or above each threshold (descending), else. */
    public static Comparison jaroWinkler(String field, double... thresholds) {
        double[] sorted = descending(thresholds);
        List<String> labels = new ArrayList<>();
        labels.add("exact");
        for (double threshold : sorted) {
            labels.add("jaro-winkler>=" + threshold);
        }
        labels.add("else");
        return new Comparison(field, labels) {
            @Override
            protected int level(String a, String b) {
                if (a.equals(b)) {
                    return 0;
                }
                double similarity = StringSimilarity.jaroWinkler(a, b);
                for (int i = 0; i < sorted.length; i++) {
                    if (similarity >= sorted[i]) {
                        return i + 1;
                    }
                }
                return sorted.length + 1;
            }
        };
    }

    /** Exact, then Levenshtein distance at most each bound (ascending), else. */
    public static Comparison levenshtein(String field, int... maxDistances) {
        int[] sorted = maxDistances.clone();
        Arrays.sort(sorted);
        List<String> labels = new ArrayList<>();
        labels.add("exact");
        for (int distance : sorted) {
            labels.add("levenshtein<=" + distance);
        }
        labels.add("else");
        int largest = sorted.length == 0 ? 0 : sorted[sorted.length - 1];
        return new Comparison(field, labels) {
            @Override
            protected int level(String a, String b) {
                if (a.equals(b)) {
                    return 0;
                }
                int distance = StringSimilarity.levenshtein(a, b, largest);
                for (int i = 0; i < sorted.length; i++) {
                    if (distance <= sorted[i]) {
                        return i + 1;
                    }
                }
                return sorted.length + 1;
            }
        };
    }

    /**
     * Dates (yyyy-MM-dd or yyyyMMdd): exact, one typo (Levenshtein 1, or day and month swapped), then within each
     * number of days (ascending), else. Unparseable values compare as text (exact or else).
     */
    public static Comparison date(String field, int... maxDays) {
        int[] sorted = maxDays.clone();
        Arrays.sort(sorted);
        List<String> labels = new ArrayList<>();
        labels.add("exact");
        labels.add("one-typo");
        for (int days : sorted) {
            labels.add("within-" + days + "-days");
        }
        labels.add("else");
        return new Comparison(field, labels) {
            @Override
            protected int level(String a, String b) {
                if (a.equals(b)) {
                    return 0;
                }
                if (StringSimilarity.levenshtein(a, b, 1) <= 1 || swappedDayMonth(a, b)) {
                    return 1;
                }
                long x = epochDay(a);
                long y = epochDay(b);
                if (x != Long.MIN_VALUE && y != Long.MIN_VALUE) {
                    long days = Math.abs(x - y);
                    for (int i = 0; i < sorted.length; i++) {
                        if (days <= sorted[i]) {
                            return i + 2;
                        }
                    }
                }
                return sorted.length + 2;
            }
        };
    }

    /** Numbers: exact, then absolute difference at most each bound (ascending), else. */
    public static Comparison numeric(String field, double... maxDifferences) {
        double[] sorted = maxDifferences.clone();
        Arrays.sort(sorted);
        List<String> labels = new ArrayList<>();
        labels.add("exact");
        for (double difference : sorted) {
            labels.add("within-" + difference);
        }
        labels.add("else");
        return new Comparison(field, labels) {
            @Override
            protected int level(String a, String b) {
                if (a.equals(b)) {
                    return 0;
                }
                try {
                    double difference = Math.abs(Double.parseDouble(a) - Double.parseDouble(b));
                    if (difference == 0) {
                        return 0;
                    }
                    for (int i = 0; i < sorted.length; i++) {
                        if (difference <= sorted[i]) {
                            return i + 1;
                        }
                    }
                } catch (NumberFormatException e) {
                    // not numbers: they differ
                }
                return sorted.length + 1;
            }
        };
    }

    private static double[] descending(double[] thresholds) {
        double[] sorted = thresholds.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < sorted.length / 2; i++) {
            double swap = sorted[i];
            sorted[i] = sorted[sorted.length - 1 - i];
            sorted[sorted.length - 1 - i] = swap;
        }
        return sorted;
    }

    /** Epoch day of yyyy-MM-dd or yyyyMMdd, or Long.MIN_VALUE when it is not a valid date (no exceptions). */
    static long epochDay(String value) {
        String digits = value.length() == 10 && value.charAt(4) == '-' && value.charAt(7) == '-'
                ? value.substring(0, 4) + value.substring(5, 7) + value.substring(8, 10)
                : value;
        if (digits.length() != 8) {
            return Long.MIN_VALUE;
        }
        int number = 0;
        for (int i = 0; i < 8; i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                return Long.MIN_VALUE;
            }
            number = number * 10 + (c - '0');
        }
        int year = number / 10_000;
        int month = number / 100 % 100;
        int day = number % 100;
        if (month < 1
                || month > 12
                || day < 1
                || day > java.time.YearMonth.of(year, month).lengthOfMonth()) {
            return Long.MIN_VALUE;
        }
        return LocalDate.of(year, month, day).toEpochDay();
    }

    private static boolean swappedDayMonth(String a, String b) {
        String x = a.length() == 10 ? a.replace("-", "") : a;
        String y = b.length() == 10 ? b.replace("-", "") : b;
        return x.length() == 8
                && y.length() == 8
                && x.regionMatches(0, y, 0, 4)
                && x.regionMatches(4, y, 6, 2)
                && x.regionMatches(6, y, 4, 2);
    }

    @Override
    public String toString() {
        return field + labels;
    }
}
