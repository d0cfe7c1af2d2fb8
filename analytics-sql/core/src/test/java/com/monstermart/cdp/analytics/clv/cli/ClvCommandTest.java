package com.monstermart.cdp.analytics.clv.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./cdp clv fit}: the JSON an analyst gets, and the exit codes and messages of bad input. */
class ClvCommandTest {
    @TempDir
    Path directory;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void fitsTheCdnowTransactionsAndPrintsThePublishedNumbers() throws IOException {
        Path perCustomer = directory.resolve("clv.csv");
        int code = run(
                "fit",
                resource("CDNOW_sample.txt").toString(),
                "--delimiter",
                "whitespace",
                "--no-header",
                "--customer-column",
                "2",
                "--date-column",
                "3",
                "--amount-column",
                "5",
                "--calibration-end",
                "1997-09-30",
                "--period",
                "weeks",
                "--customers-output",
                "clv.csv");
        assertThat(code).as(err.toString()).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
        JsonNode bgNbd = json.get("bgnbd");
        assertThat(bgNbd.get("r").asDouble()).isCloseTo(0.243, within(0.0005));
        assertThat(bgNbd.get("alpha").asDouble()).isCloseTo(4.414, within(0.0005));
        assertThat(bgNbd.get("a").asDouble()).isCloseTo(0.793, within(0.0005));
        assertThat(bgNbd.get("b").asDouble()).isCloseTo(2.426, within(0.0005));
        assertThat(bgNbd.get("logLikelihood").asDouble()).isCloseTo(-9582.4, within(0.05));
        assertThat(bgNbd.at("/convergence/converged").asBoolean()).isTrue();
        JsonNode spend = json.get("gammaGamma");
        assertThat(spend.get("p").asDouble()).isCloseTo(6.25, within(0.005));
        assertThat(spend.get("q").asDouble()).isCloseTo(3.74, within(0.005));
        assertThat(spend.get("v").asDouble()).isCloseTo(15.44, within(0.005));
        assertThat(spend.get("customers").asInt()).isEqualTo(946);
        assertThat(spend.get("logLikelihood").isNumber()).isTrue();
        assertThat(json.at("/input/customers").asInt()).isEqualTo(2357);
        assertThat(json.at("/input/calibrationEnd").asText()).isEqualTo("1997-09-30");

        List<String> rows = Files.readAllLines(perCustomer);
        assertThat(rows).hasSize(2358);
        assertThat(rows.get(0))
                .isEqualTo("customer_id,frequency,recency,T,monetary_value,expected_purchases,p_alive,"
                        + "expected_average_spend,clv");
        String[] first = rows.get(1).split(",");
        assertThat(first[0]).isEqualTo("0001");
        assertThat(Double.parseDouble(first[7])).isCloseTo(24.65, within(0.005));
    }

    @Test
    void fitsASummaryFileWithoutAmountsAsBgNbdOnly() throws IOException {
        int code = run("fit", resource("cdnow_customers_summary.csv").toString());
        assertThat(code).as(err.toString()).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(json.at("/bgnbd/r").asDouble()).isCloseTo(0.243, within(0.0005));
        assertThat(json.at("/bgnbd/logLikelihood").asDouble()).isCloseTo(-9582.4, within(0.05));
        assertThat(json.get("gammaGamma").isNull()).isTrue();
        assertThat(json.at("/input/kind").asText()).isEqualTo("summary");
    }

    @Test
    void readsFaderAndHardiesColumnNames() throws IOException {
        int code = run(
                "fit", resource("cdnow_customers_summary_with_transactions.csv").toString());
        assertThat(code).as(err.toString()).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(json.at("/gammaGamma/customers").asInt()).isEqualTo(946);
        assertThat(json.at("/gammaGamma/p").asDouble()).isCloseTo(6.25, within(0.005));
    }

    @Test
    void relativePathsAreResolvedAgainstTheCallersDirectory() throws IOException {
        Files.copy(resource("cdnow_customers_summary.csv"), directory.resolve("summary.csv"));
        assertThat(run("fit", "summary.csv")).as(err.toString()).isZero();
    }

    @Test
    void badInputExitsWithTwoAndAMessage() throws IOException {
        Path empty = Files.writeString(directory.resolve("empty.csv"), "");
        assertThat(run("fit", empty.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("clv fit failed (INVALID_INPUT): empty.csv is empty");
        assertThat(out.toString()).isEmpty();

        err.reset();
        Path negative = Files.writeString(
                directory.resolve("negative.csv"), "customer_id,date,amount\nc1,2026-01-01,10\nc1,2026-01-02,-5\n");
        assertThat(run("fit", negative.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("negative.csv line 3: amount -5.0 is negative");

        err.reset();
        Path dates = Files.writeString(directory.resolve("dates.csv"), "customer_id,date,amount\nc1,01/02/2026,10\n");
        assertThat(run("fit", dates.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("dates.csv line 2: date '01/02/2026' cannot be parsed");
        err.reset();
        assertThat(run("fit", dates.toString(), "--date-format", "dd/MM/yyyy")).isEqualTo(2);
        assertThat(err.toString()).contains("none of the 1 customers made a repeat purchase");
    }

    @Test
    void usageErrors() {
        assertThat(run()).isEqualTo(2);
        assertThat(err.toString()).contains("Usage: ./cdp clv fit <file>");
        err.reset();
        assertThat(run("fit")).isEqualTo(2);
        assertThat(err.toString()).contains("no input file");
        err.reset();
        assertThat(run("fit", "x.csv", "--frobnicate")).isEqualTo(2);
        assertThat(err.toString()).contains("unknown option --frobnicate");
        err.reset();
        assertThat(run("fit", "x.csv", "--period", "fortnights")).isEqualTo(2);
        assertThat(err.toString()).contains("period unit must be days or weeks");
        err.reset();
        assertThat(run("fit", "missing.csv")).isEqualTo(1);
        assertThat(err.toString()).contains("FILE_FAILED").contains("file not found");
        assertThat(run("fit", "--help")).isZero();
        assertThat(out.toString()).contains("--calibration-end");
    }

    private int run(String... arguments) {
        return ClvCommand.run(
                arguments,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                directory);
    }

    private static Path resource(String name) {
        try {
            return Path.of(ClvCommandTest.class.getResource("/cdnow/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
