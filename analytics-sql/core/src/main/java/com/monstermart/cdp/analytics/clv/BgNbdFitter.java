package com.monstermart.cdp.analytics.clv;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Fits BG/NBD by maximum likelihood on customer summaries. */
public final class BgNbdFitter {
    private static final String[] NAMES = {"r", "alpha", "a", "b"};

    /**
     * Fits the model.
     *
     * @throws ClvException {@link ClvErrorCode#INVALID_INPUT} when there are no customers, no repeat purchases (the
     *     dropout process is then not identified) or every T is 0
     */
    public BgNbdFit fit(Collection<CustomerSummary> summaries) {
        if (summaries.isEmpty()) {
            throw ClvException.invalid(
                    "no customers to fit: the input has no customer with a purchase in the" + " calibration period");
        }
        double maximumAge = 0;
        boolean repeat = false;
        for (CustomerSummary summary : summaries) {
            maximumAge = Math.max(maximumAge, summary.age());
            repeat |= summary.frequency() > 0;
        }
        if (!repeat) {
            throw ClvException.invalid(
                    "none of the %d customers made a repeat purchase: BG/NBD cannot estimate"
                            + " dropout; use a longer calibration period",
                    summaries.size());
        }
        if (maximumAge == 0) {
            throw ClvException.invalid("every customer's T is 0: the calibration period ends on the first purchases;"
                    + " use a later calibration end");
        }
        BgNbdLikelihood likelihood = new BgNbdLikelihood(summaries);
        List<CustomerSummary> sample = MaximumLikelihood.searchSample(List.copyOf(summaries));
        BgNbdLikelihood search = sample.size() == summaries.size() ? likelihood : new BgNbdLikelihood(sample);
        // alpha is a time scale: start it at a tenth of the longest T (lifetimes scales T the same way).
        double alpha = maximumAge / 10;
        List<double[]> starts = List.of(logs(1, alpha, 1, 1), logs(0.3, alpha / 3, 0.5, 3), logs(3, alpha * 3, 2, 0.5));
        MaximumLikelihood.Estimate estimate =
                MaximumLikelihood.maximise(likelihood, search, sample.size(), NAMES, starts);
        double[] values = exp(estimate.logParameters());
        return new BgNbdFit(
                BgNbdParameters.of(values),
                estimate.logLikelihood(),
                likelihood.customers(),
                estimates(NAMES, values, estimate.standardErrorsOfLogs()),
                estimate.convergence());
    }

    static double[] logs(double... values) {
        double[] logs = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            logs[i] = Math.log(values[i]);
        }
        return logs;
    }

    static double[] exp(double[] logs) {
        double[] values = new double[logs.length];
        for (int i = 0; i < logs.length; i++) {
            values[i] = Math.exp(logs[i]);
        }
        return values;
    }

    /** Standard errors by the delta method: se(θ) = θ se(log θ). */
    static List<ParameterEstimate> estimates(String[] names, double[] values, double[] standardErrorsOfLogs) {
        List<ParameterEstimate> estimates = new ArrayList<>(names.length);
        for (int i = 0; i < names.length; i++) {
            estimates.add(new ParameterEstimate(names[i], values[i], values[i] * standardErrorsOfLogs[i]));
        }
        return estimates;
    }
}
