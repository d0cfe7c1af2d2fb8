package com.monstermart.cdp.analytics.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input fails with the input error code, the line and what to do — never a stack trace or a silent fit. */
class InputValidationTest {
    @TempDir
    Path directory;

    @Test
    void emptyTransactionFile() throws IOException {
        assertThatThrownBy(() -> readTransactions(""))
                .isInstanceOf(ClvException.class)
                .hasMessageContaining("transactions.csv is empty")
                .extracting("code")
                .isEqualTo(ClvErrorCode.INVALID_INPUT);
        assertThatThrownBy(() -> readTransactions("customer_id,date,amount\n\n"))
                .isInstanceOf(ClvException.class)
                .hasMessageContaining("has a header but no transactions");
    }

    @Test
    void negativeAmount() {
        assertThatThrownBy(() -> readTransactions("customer_id,date,amount\nc1,2026-01-01,10\nc1,2026-01-05,-3.50\n"))
                .isInstanceOf(ClvException.class)
                .hasMessageContaining("line 3")
                .hasMessageContaining("amount -3.5 is negative")
                .hasMessageContaining("net returns out");
    }

    @Test
    void amountThatIsNotANumber() {
        assertThatThrownBy(() -> readTransactions("customer_id,date,amount\nc1,2026-01-01,\"12,99\"\n"))
                .isInstanceOf(ClvException.class)
                .hasMessageContaining("line 2: amount '12,99' is not a number");
    }

    @Test
    void unparsableDates() {
        assertThatThrownBy(() -> readTransactions("customer_id,date,amount\nc1,2026-13-01,10\n"))
                .isInstanceOf(ClvException.class)
                .hasMessageContaining("line 2: date '2026-13-01' cannot be parsed")
                .hasMessageContaining("--date-format");
        assertThatThrownBy(() -> readTransactions("customer_id,date,amount\nc1,yesterday,10\n"))
                .isInstanceOf(ClvException.class)
                .hasMessageContaining("date 'yesterday' cannot be parsed");
        assertThatThrownBy(() -> new TransactionFileReader(
                                TransactionFileFormat.csv().withDatePattern("qqqq-bb"))
                        .read(write("customer_id,date,amount\nc1,2026-01-01,1\n")))
                .isInstanceOf(ClvException.class)
                .hasMessageContaining("is not a valid pattern");
    }

    @Test
    void missingColumnsNameTheOption() {
        assertThatThrownBy(() -> readTransactions("who,when,amount\nc1,2026-01-01,10\n"))
                .isInstanceOf(ClvException.class)
                .hasMessageContaining("no customer column")
                .hasMessageContaining("--customer-column");
        assertThatThrownBy(() -> new TransactionFileReader(
                                TransactionFileFormat.csv().withColumns("who", "day", null))
                        .read(write("who,when,amount\nc1,2026-01-01,10\n")))
                .isInstanceOf(ClvException.class)
                .hasMessageContaining("date column 'day' is not in the header");
    }

    @Test
    void shortRowsPointAtTheDelimiter() {
        assertThatThrownBy(() -> readTransactions("customer_id;date;amount\nc1;2026-01-01;10\n"))
                .isInstanceOf(ClvException.class)
                .hasMessageContaining("no customer column");
        assertThatThrownBy(() -> readTransactions("customer_id,date,amount\nc1 2026-01-01 10\n"))
                .isInstanceOf(ClvException.class)
                .hasMessageContaining("line 2: 1 fields, expected at least 3 (check --delimiter)");
    }

    @Test
    void timestampsAndFormatsBecomeCalendarDays() throws IOException {
        Path file = write("customer_id,occurred_at,amount\n"
                + "a,2026-10-04T23:30:00Z,1\n"
                + "a,2026-10-05 08:00:00,2\n"
                + "a,20261006,3\n"
                + "a,2026-10-07 10:00:00 UTC,4\n"
                + "a,2026-10-08T01:30:00+02:00,5\n");
        List<Transaction> transactions = new TransactionFileReader(TransactionFileFormat.csv())
                .read(file)
                .transactions();
        assertThat(transactions)
                .extracting(Transaction::date)
                .containsExactly(
                        LocalDate.of(2026, 10, 4),
                        LocalDate.of(2026, 10, 5),
                        LocalDate.of(2026, 10, 6),
                        LocalDate.of(2026, 10, 7),
                        LocalDate.of(2026, 10, 7)); // 01:30 at +02:00 is 23:30 UTC the day before
        List<Transaction> london = new TransactionFileReader(
                        TransactionFileFormat.csv().withZone(java.time.ZoneId.of("Europe/London")))
                .read(file)
                .transactions();
        assertThat(london.get(0).date()).isEqualTo(LocalDate.of(2026, 10, 5)); // 23:30Z is 00:30 BST
    }

    @Test
    void summaryRowsAreChecked() {
        assertThatThrownBy(() -> readSummary("frequency,recency,T\n1.5,2,3\n"))
                .isInstanceOf(ClvException.class)
                .hasMessageContaining("line 2: frequency must be a whole number");
        assertThatThrownBy(() -> readSummary("frequency,recency,T\n2,5,3\n"))
                .isInstanceOf(ClvException.class)
                .hasMessageContaining("line 2: recency must be between 0 and T");
        assertThatThrownBy(() -> readSummary("frequency,recency,T\n0,1,3\n"))
                .isInstanceOf(ClvException.class)
                .hasMessageContaining("recency must be 0 for a customer without repeat purchases");
        assertThatThrownBy(() -> readSummary("frequency,recency,T,monetary_value\n1,1,3,-2\n"))
                .isInstanceOf(ClvException.class)
                .hasMessageContaining("monetary value must be a finite amount of 0 or more");
        assertThatThrownBy(() -> readSummary("frequency,recency,T\n1,x,3\n"))
                .isInstanceOf(ClvException.class)
                .hasMessageContaining("recency 'x' is not a number");
        assertThatThrownBy(() -> readSummary("frequency,recency\n1,1\n"))
                .isInstanceOf(ClvException.class)
                .hasMessageContaining("no T column");
    }

    @Test
    void dataThatCannotIdentifyTheModelsIsRefused() {
        List<CustomerSummary> noRepeats =
                List.of(new CustomerSummary("a", 0, 0, 10, 0), new CustomerSummary("b", 0, 0, 5, 0));
        assertThatThrownBy(() -> new BgNbdFitter().fit(noRepeats))
                .isInstanceOf(ClvException.class)
                .hasMessageContaining("none of the 2 customers made a repeat purchase");
        assertThatThrownBy(() -> new BgNbdFitter().fit(List.of()))
                .isInstanceOf(ClvException.class)
                .hasMessageContaining("no customers to fit");
        assertThatThrownBy(() -> new GammaGammaFitter().fit(List.of(new CustomerSummary("a", 2, 3, 10, 0))))
                .isInstanceOf(ClvException.class)
                .hasMessageContaining("no customer has a repeat purchase with a positive monetary value");
        assertThatThrownBy(() -> new TransactionSummarizer(
                                SummarySettings.of(PeriodUnit.DAYS).withCalibrationEnd(LocalDate.of(2020, 1, 1)))
                        .summarize(List.of(new Transaction("a", LocalDate.of(2026, 1, 1), 1))))
                .isInstanceOf(ClvException.class)
                .hasMessageContaining("no transaction on or before the calibration end 2020-01-01");
    }

    @Test
    void customerIdsStayOutOfMessages() {
        assertThatThrownBy(
                        () -> readTransactions("customer_id,date,amount\ngrizelda@fangsworth.example,2026-01-01,-1\n"))
                .isInstanceOf(ClvException.class)
                .message()
                .doesNotContain("grizelda");
    }

    @Test
    void theFitterSeesPoorlyIdentifiedDataAndSaysSo() {
        // Six customers, one repeat purchase: the fit runs but cannot pin four parameters down.
        List<CustomerSummary> tiny = List.of(
                new CustomerSummary("a", 1, 3, 10, 5),
                new CustomerSummary("b", 0, 0, 10, 0),
                new CustomerSummary("c", 0, 0, 9, 0),
                new CustomerSummary("d", 0, 0, 8, 0),
                new CustomerSummary("e", 0, 0, 7, 0),
                new CustomerSummary("f", 0, 0, 6, 0));
        BgNbdFit fit = new BgNbdFitter().fit(tiny);
        assertThat(fit.convergence().converged()).isFalse();
        assertThat(fit.convergence().message()).startsWith("not converged: the data do not identify");
    }

    private List<Transaction> readTransactions(String content) throws IOException {
        return new TransactionFileReader(TransactionFileFormat.csv())
                .read(write(content))
                .transactions();
    }

    private List<CustomerSummary> readSummary(String content) throws IOException {
        Path file = directory.resolve("summary.csv");
        Files.writeString(file, content);
        return new SummaryFileReader(Delimiter.COMMA, SummaryFileReader.SummaryColumns.defaults())
                .read(file)
                .summaries();
    }

    private Path write(String content) throws IOException {
        Path file = directory.resolve("transactions.csv");
        Files.writeString(file, content);
        return file;
    }
}
