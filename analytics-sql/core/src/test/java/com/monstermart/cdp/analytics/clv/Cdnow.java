package com.monstermart.cdp.analytics.clv;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/** The CDNOW sample in the test resources (see {@code cdnow/README.md}). */
final class Cdnow {
    /** End of the 39-week calibration period of Fader, Hardie and Lee (2005). */
    static final LocalDate CALIBRATION_END = LocalDate.of(1997, 9, 30);

    private Cdnow() {}

    static Path file(String name) {
        try {
            return Path.of(Cdnow.class.getResource("/cdnow/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The published summary (frequency, recency, T in weeks) without amounts. */
    static List<CustomerSummary> summaries() {
        return new SummaryFileReader(Delimiter.COMMA, SummaryFileReader.SummaryColumns.defaults())
                .read(file("cdnow_customers_summary.csv"))
                .summaries();
    }

    /** The published summary with the mean repeat spend (x, t_x, T, zbar). */
    static List<CustomerSummary> summariesWithSpend() {
        return new SummaryFileReader(Delimiter.COMMA, SummaryFileReader.SummaryColumns.defaults())
                .read(file("cdnow_customers_summary_with_transactions.csv"))
                .summaries();
    }

    /** The transaction log of the sample: whitespace-separated, sample id in column 2, date 3, dollars 5. */
    static TransactionFileFormat transactionFormat() {
        return TransactionFileFormat.csv()
                .withDelimiter(Delimiter.WHITESPACE)
                .withoutHeader()
                .withColumns("2", "3", "5");
    }

    static List<Transaction> transactions() {
        return new TransactionFileReader(transactionFormat())
                .read(file("CDNOW_sample.txt"))
                .transactions();
    }
}
