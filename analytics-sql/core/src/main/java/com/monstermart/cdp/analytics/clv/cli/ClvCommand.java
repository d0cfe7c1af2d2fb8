package com.monstermart.cdp.analytics.clv.cli;

import com.monstermart.cdp.analytics.clv.BgNbdFit;
import com.monstermart.cdp.analytics.clv.ClvErrorCode;
import com.monstermart.cdp.analytics.clv.ClvException;
import com.monstermart.cdp.analytics.clv.ClvFit;
import com.monstermart.cdp.analytics.clv.ClvFitter;
import com.monstermart.cdp.analytics.clv.Convergence;
import com.monstermart.cdp.analytics.clv.CustomerSummary;
import com.monstermart.cdp.analytics.clv.CustomerValue;
import com.monstermart.cdp.analytics.clv.CustomerValueCalculator;
import com.monstermart.cdp.analytics.clv.GammaGammaFit;
import com.monstermart.cdp.analytics.clv.ParameterEstimate;
import com.monstermart.cdp.analytics.clv.SummaryFileReader;
import com.monstermart.cdp.analytics.clv.SummarySettings;
import com.monstermart.cdp.analytics.clv.Transaction;
import com.monstermart.cdp.analytics.clv.TransactionFileReader;
import com.monstermart.cdp.analytics.clv.TransactionSummarizer;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code ./cdp clv fit <file> [options]}: fits BG/NBD and Gamma-Gamma on a transaction or summary file and prints the
 * parameters, log-likelihoods and convergence as JSON; optionally writes every customer's predictions as CSV.
 */
public final class ClvCommand {
    static final String USAGE = """
            Usage: ./cdp clv fit <file> [options]
              Fits BG/NBD (purchases and dropout) and Gamma-Gamma (spend) by maximum likelihood and prints JSON.
              <file> is a transaction file (one purchase per line: customer id, date, amount) or a summary file
              (one customer per line: frequency, recency, T [, monetary value]); the header tells which.

            Input:
              --input auto|transactions|summary   what the file holds (default auto: a header naming frequency and
                                                  recency columns is a summary)
              --delimiter C|tab|whitespace        field separator (default ,)
              --no-header                         no header line: give columns as 1-based numbers
            Transactions:
              --customer-column NAME|N            default customer_id, customer, id
              --date-column NAME|N                default date, datetime, timestamp, occurred_at, order_date, invoice_date
              --amount-column NAME|N|none         default amount, value, revenue, total, monetary_value, spend
                                                  (without one, only BG/NBD is fitted)
              --date-format PATTERN               java.time pattern, e.g. yyyyMMdd or dd/MM/yyyy HH:mm
                                                  (default ISO dates, ISO timestamps, yyyyMMdd)
              --time-zone ZONE                    calendar days of timestamps in this zone (default UTC)
              --calibration-end DATE              ignore later purchases; T runs to this day (default: the last purchase day)
              --period days|weeks                 unit of recency, T and every horizon (default days)
            Summaries:
              --frequency-column, --recency-column, --T-column, --monetary-column, --customer-column NAME|N
                                                  default frequency|x, recency|t_x, T|age, monetary_value|monetary|zbar|m_x
            Per-customer predictions (needs amounts):
              --customers-output FILE             write customer_id, frequency, recency, T, monetary_value,
                                                  expected_purchases, p_alive, expected_average_spend, clv as CSV
              --horizon N                         periods of expected_purchases (default one year)
              --clv-months N                      months of the lifetime value (default 12)
              --discount-rate R                   monthly discount rate of the lifetime value (default 0.01)
              --margin M                          share of spend counted as value (default 1)

            Example (the CDNOW sample, 39-week calibration):
              ./cdp clv fit ../shared/data/cdnow/CDNOW_sample.txt --delimiter whitespace --no-header \\
                  --customer-column 2 --date-column 3 --amount-column 5 --calibration-end 1997-09-30 --period weeks
            """;

    private ClvCommand() {}

    public static void main(String[] arguments) {
        System.exit(run(arguments, System.out, System.err, Path.of("").toAbsolutePath()));
    }

    /** Runs the command; returns the exit code (0 done, 2 bad input or options, 1 other failure). */
    static int run(String[] arguments, PrintStream out, PrintStream err, Path workingDirectory) {
        if (arguments.length == 0 || arguments[0].equals("--help") || arguments[0].equals("help")) {
            (arguments.length == 0 ? err : out).print(USAGE);
            return arguments.length == 0 ? 2 : 0;
        }
        if (!arguments[0].equals("fit")) {
            err.println("Unknown clv command '" + arguments[0] + "'.");
            err.print(USAGE);
            return 2;
        }
        String[] rest = java.util.Arrays.copyOfRange(arguments, 1, arguments.length);
        if (List.of(rest).contains("--help")) {
            out.print(USAGE);
            return 0;
        }
        try {
            FitOptions options = FitOptions.parse(rest, workingDirectory);
            Map<String, Object> report = fit(options, err);
            out.println(Json.write(report));
            return 0;
        } catch (ClvException e) {
            err.println("clv fit failed (" + e.code() + "): " + e.getMessage());
            return e.code() == ClvErrorCode.INVALID_INPUT ? 2 : 1;
        }
    }

    private static Map<String, Object> fit(FitOptions options, PrintStream err) {
        long started = System.nanoTime();
        boolean summary =
                switch (options.kind()) {
                    case SUMMARY -> true;
                    case TRANSACTIONS -> false;
                    case AUTO ->
                        options.transactionFormat().header()
                                && SummaryFileReader.isSummaryFile(
                                        options.file(),
                                        options.transactionFormat().delimiter());
                };
        List<CustomerSummary> customers;
        boolean withSpend;
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("file", options.file().toString());
        input.put("kind", summary ? "summary" : "transactions");
        if (summary) {
            SummaryFileReader.SummaryLog log = new SummaryFileReader(
                            options.transactionFormat().delimiter(), options.summaryColumns())
                    .read(options.file());
            customers = log.summaries();
            withSpend = log.hasMonetaryValue();
        } else {
            TransactionFileReader.TransactionLog log =
                    new TransactionFileReader(options.transactionFormat()).read(options.file());
            SummarySettings settings = new SummarySettings(options.calibrationEnd(), options.unit());
            customers = new TransactionSummarizer(settings).summarize(log.transactions());
            withSpend = log.hasAmounts();
            input.put("transactions", log.transactions().size());
            input.put(
                    "calibrationEnd",
                    calibrationEnd(log.transactions(), options.calibrationEnd()).toString());
        }
        input.put("customers", customers.size());
        input.put(
                "repeatCustomers",
                customers.stream().filter(c -> c.frequency() > 0).count());
        input.put("periodUnit", summary ? "as in the file" : options.unit().label());
        long read = System.nanoTime();
        ClvFit fit = new ClvFitter().fit(customers, withSpend ? ClvFitter.SpendModel.FIT : ClvFitter.SpendModel.SKIP);
        long fitted = System.nanoTime();
        warnIfNotConverged("BG/NBD", fit.bgNbd().convergence(), err);
        fit.gammaGamma().ifPresent(spend -> warnIfNotConverged("Gamma-Gamma", spend.convergence(), err));

        Map<String, Object> report = new LinkedHashMap<>();
        report.put("bgnbd", bgNbd(fit.bgNbd()));
        report.put("gammaGamma", fit.gammaGamma().map(ClvCommand::gammaGamma).orElse(null));
        report.put("input", input);
        Map<String, Object> timing = new LinkedHashMap<>();
        timing.put("readSeconds", seconds(read - started));
        timing.put("fitSeconds", seconds(fitted - read));
        if (options.customersOutput().isPresent()) {
            Path output = options.customersOutput().get();
            CustomerValueCalculator calculator = fit.calculator(options.valueSettings());
            writeCustomers(output, calculator.values(customers));
            Map<String, Object> written = new LinkedHashMap<>();
            written.put("file", output.toString());
            written.put("horizonPeriods", options.valueSettings().predictionHorizon());
            written.put("clvMonths", options.valueSettings().lifetimeSteps());
            written.put("monthlyDiscountRate", options.valueSettings().discountRatePerStep());
            written.put("margin", options.valueSettings().margin());
            report.put("customersOutput", written);
            timing.put("predictSeconds", seconds(System.nanoTime() - fitted));
        }
        report.put("timing", timing);
        return report;
    }

    private static LocalDate calibrationEnd(List<Transaction> transactions, Optional<LocalDate> requested) {
        if (requested.isPresent()) {
            return requested.get();
        }
        LocalDate last = LocalDate.MIN;
        for (Transaction transaction : transactions) {
            if (transaction.date().isAfter(last)) {
                last = transaction.date();
            }
        }
        return last;
    }

    private static Map<String, Object> bgNbd(BgNbdFit fit) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("r", fit.parameters().r());
        json.put("alpha", fit.parameters().alpha());
        json.put("a", fit.parameters().a());
        json.put("b", fit.parameters().b());
        json.put("logLikelihood", fit.logLikelihood());
        json.put("customers", fit.customers());
        json.put("standardErrors", standardErrors(fit.estimates()));
        json.put("convergence", convergence(fit.convergence()));
        return json;
    }

    private static Map<String, Object> gammaGamma(GammaGammaFit fit) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("p", fit.parameters().p());
        json.put("q", fit.parameters().q());
        json.put("v", fit.parameters().v());
        json.put("logLikelihood", fit.logLikelihood());
        json.put("customers", fit.customers());
        json.put("populationMeanSpend", fit.parameters().populationMeanSpend());
        json.put("standardErrors", standardErrors(fit.estimates()));
        json.put("convergence", convergence(fit.convergence()));
        return json;
    }

    private static Map<String, Object> standardErrors(List<ParameterEstimate> estimates) {
        Map<String, Object> json = new LinkedHashMap<>();
        for (ParameterEstimate estimate : estimates) {
            json.put(estimate.name(), estimate.standardError());
        }
        return json;
    }

    private static Map<String, Object> convergence(Convergence convergence) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("converged", convergence.converged());
        json.put("starts", convergence.starts());
        json.put("startsAtOptimum", convergence.startsAtOptimum());
        json.put("searchCustomers", convergence.searchCustomers());
        json.put("evaluations", convergence.evaluations());
        json.put("newtonSteps", convergence.newtonSteps());
        json.put("gradientNorm", convergence.gradientNorm());
        json.put("expectedImprovement", convergence.expectedImprovement());
        json.put("message", convergence.message());
        return json;
    }

    private static void warnIfNotConverged(String model, Convergence convergence, PrintStream err) {
        if (!convergence.converged()) {
            err.println("Warning: " + model + " " + convergence.message());
        } else if (convergence.startsAtOptimum() < convergence.starts()) {
            err.printf(
                    "Note: %s: %d of %d starting points reached the best optimum; the others stopped at a lower"
                            + " local one.%n",
                    model, convergence.startsAtOptimum(), convergence.starts());
        }
    }

    private static void writeCustomers(Path output, List<CustomerValue> values) {
        try (BufferedWriter writer = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
            writer.write("customer_id,frequency,recency,T,monetary_value,expected_purchases,p_alive,"
                    + "expected_average_spend,clv\n");
            for (CustomerValue value : values) {
                writer.write(csv(value.customerId()));
                writer.write(String.format(
                        Locale.ROOT,
                        ",%d,%s,%s,%s,%s,%s,%s,%s\n",
                        value.frequency(),
                        value.recency(),
                        value.age(),
                        value.monetaryValue(),
                        value.expectedPurchases(),
                        value.probabilityAlive(),
                        value.expectedAverageSpend(),
                        value.lifetimeValue()));
            }
        } catch (IOException e) {
            throw new ClvException(
                    ClvErrorCode.FILE_FAILED, "cannot write %s: %s".formatted(output, e.getMessage()), e);
        }
    }

    private static String csv(String field) {
        if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0) {
            return field;
        }
        return '"' + field.replace("\"", "\"\"") + '"';
    }

    private static double seconds(long nanos) {
        return Math.round(nanos / 1e6) / 1e3;
    }
}
