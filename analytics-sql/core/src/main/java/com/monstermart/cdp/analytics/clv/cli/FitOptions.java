package com.monstermart.cdp.analytics.clv.cli;

import static java.util.Objects.requireNonNull;

import com.monstermart.cdp.analytics.clv.ClvException;
import com.monstermart.cdp.analytics.clv.Delimiter;
import com.monstermart.cdp.analytics.clv.PeriodUnit;
import com.monstermart.cdp.analytics.clv.SummaryFileReader.SummaryColumns;
import com.monstermart.cdp.analytics.clv.TransactionFileFormat;
import com.monstermart.cdp.analytics.clv.ValueSettings;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The options of {@code ./cdp clv fit}, parsed and checked. */
record FitOptions(
        Path file,
        InputKind kind,
        TransactionFileFormat transactionFormat,
        SummaryColumns summaryColumns,
        Optional<LocalDate> calibrationEnd,
        PeriodUnit unit,
        Optional<Path> customersOutput,
        ValueSettings valueSettings) {
    FitOptions {
        requireNonNull(file, "file is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(transactionFormat, "transactionFormat is null");
        requireNonNull(summaryColumns, "summaryColumns is null");
        requireNonNull(calibrationEnd, "calibrationEnd is null");
        requireNonNull(unit, "unit is null");
        requireNonNull(customersOutput, "customersOutput is null");
        requireNonNull(valueSettings, "valueSettings is null");
    }

    /** What the input file holds. */
    enum InputKind {
        AUTO,
        TRANSACTIONS,
        SUMMARY
    }

    private static final Set<String> FLAGS = Set.of("--no-header");
    private static final Set<String> VALUED = Set.of(
            "--input",
            "--delimiter",
            "--customer-column",
            "--date-column",
            "--amount-column",
            "--date-format",
            "--time-zone",
            "--calibration-end",
            "--period",
            "--frequency-column",
            "--recency-column",
            "--T-column",
            "--monetary-column",
            "--customers-output",
            "--horizon",
            "--clv-months",
            "--discount-rate",
            "--margin");

    /** Parses {@code <file> [options]}; relative paths are resolved against {@code workingDirectory}. */
    static FitOptions parse(String[] arguments, Path workingDirectory) {
        Path file = null;
        Map<String, String> values = new HashMap<>();
        boolean noHeader = false;
        for (int i = 0; i < arguments.length; i++) {
            String argument = arguments[i];
            if (FLAGS.contains(argument)) {
                noHeader = true;
            } else if (VALUED.contains(argument)) {
                if (i + 1 >= arguments.length) {
                    throw invalid("option %s needs a value", argument);
                }
                values.put(argument, arguments[++i]);
            } else if (argument.startsWith("--")) {
                throw invalid("unknown option %s (see ./cdp clv --help)", argument);
            } else if (file == null) {
                file = workingDirectory.resolve(argument);
            } else {
                throw invalid("one input file only; also got '%s'", argument);
            }
        }
        if (file == null) {
            throw invalid("no input file: ./cdp clv fit <file> [options]");
        }
        InputKind kind =
                switch (values.getOrDefault("--input", "auto")) {
                    case "auto" -> InputKind.AUTO;
                    case "transactions" -> InputKind.TRANSACTIONS;
                    case "summary" -> InputKind.SUMMARY;
                    default ->
                        throw invalid("--input must be auto, transactions or summary, was '%s'", values.get("--input"));
                };
        Delimiter delimiter = Delimiter.parse(values.getOrDefault("--delimiter", ","));
        TransactionFileFormat format = TransactionFileFormat.csv()
                .withDelimiter(delimiter)
                .withColumns(
                        values.get("--customer-column"), values.get("--date-column"), values.get("--amount-column"));
        if (noHeader) {
            format = format.withoutHeader();
        }
        if (values.containsKey("--date-format")) {
            format = format.withDatePattern(values.get("--date-format"));
        }
        if (values.containsKey("--time-zone")) {
            try {
                format = format.withZone(ZoneId.of(values.get("--time-zone")));
            } catch (DateTimeException e) {
                throw invalid(
                        "--time-zone '%s' is not a time zone (e.g. UTC, Europe/London)", values.get("--time-zone"));
            }
        }
        SummaryColumns summaryColumns = new SummaryColumns(
                Optional.ofNullable(values.get("--customer-column")),
                Optional.ofNullable(values.get("--frequency-column")),
                Optional.ofNullable(values.get("--recency-column")),
                Optional.ofNullable(values.get("--T-column")),
                Optional.ofNullable(values.get("--monetary-column")));
        Optional<LocalDate> calibrationEnd = Optional.ofNullable(values.get("--calibration-end"))
                .map(text -> {
                    try {
                        return LocalDate.parse(text);
                    } catch (DateTimeParseException e) {
                        throw invalid("--calibration-end must be a date like 1997-09-30, was '%s'", text);
                    }
                });
        PeriodUnit unit = PeriodUnit.parse(values.getOrDefault("--period", "days"));
        ValueSettings defaults = ValueSettings.defaults(unit);
        double months = number(values, "--clv-months", 12);
        if (months < 1 || months != Math.rint(months)) {
            throw invalid("--clv-months must be a whole number of 1 or more, was %s", values.get("--clv-months"));
        }
        ValueSettings valueSettings = new ValueSettings(
                number(values, "--horizon", defaults.predictionHorizon()),
                (int) months,
                defaults.stepLength(),
                number(values, "--discount-rate", defaults.discountRatePerStep()),
                number(values, "--margin", defaults.margin()));
        return new FitOptions(
                file,
                kind,
                format,
                summaryColumns,
                calibrationEnd,
                unit,
                Optional.ofNullable(values.get("--customers-output")).map(workingDirectory::resolve),
                valueSettings);
    }

    private static double number(Map<String, String> values, String option, double fallback) {
        String text = values.get(option);
        if (text == null) {
            return fallback;
        }
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw invalid("%s must be a number, was '%s'", option, text);
        }
    }

    private static ClvException invalid(String format, Object... arguments) {
        return new ClvException(
                com.monstermart.cdp.analytics.clv.ClvErrorCode.INVALID_INPUT, format.formatted(arguments));
    }
}
