package com.monstermart.cdp.analytics.clv;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.hipparchus.exception.MathIllegalArgumentException;
import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.CholeskyDecomposition;
import org.hipparchus.linear.DecompositionSolver;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.optim.InitialGuess;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.PointValuePair;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunction;
import org.hipparchus.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.hipparchus.optim.nonlinear.scalar.noderiv.SimplexOptimizer;

/**
 * Maximises a log-likelihood over log-parameters: Hipparchus' Nelder-Mead simplex from several starting points (each
 * restarted at its end until it stops improving, the usual cure for a simplex that collapsed early; on a subsample of
 * large inputs), then Newton steps from the best point with the analytic gradient and a Hessian from central differences of it. The Hessian
 * also gives the standard errors.
 */
final class MaximumLikelihood {
    /** A fit has converged when one more Newton step would gain less log-likelihood than this. */
    static final double IMPROVEMENT_TOLERANCE = 1e-6;

    /**
     * Above this many customers the starting-point searches run on a systematic subsample of this size: their optimum
     * is within the sampling error of the full one, and Newton's method (quadratic near the optimum) finishes on all
     * customers in a few steps instead of the searches' thousands of evaluations.
     */
    static final int SEARCH_SAMPLE = 25_000;

    /** Every k-th element so that at most {@link #SEARCH_SAMPLE} remain, or the list itself when it is small. */
    static <T> List<T> searchSample(List<T> all) {
        if (all.size() <= SEARCH_SAMPLE) {
            return all;
        }
        int stride = (all.size() + SEARCH_SAMPLE - 1) / SEARCH_SAMPLE;
        List<T> sample = new ArrayList<>(SEARCH_SAMPLE);
        for (int i = 0; i < all.size(); i += stride) {
            sample.add(all.get(i));
        }
        return sample;
    }

    private static final int MAX_EVALUATIONS_PER_SEARCH = 20_000;
    private static final int MAX_RESTARTS = 5;
    private static final int MAX_NEWTON_STEPS = 50;
    private static final double SIMPLEX_SIDE = 0.5;
    private static final double HESSIAN_STEP = 1e-5;
    private static final double SAME_OPTIMUM = 1e-3;

    /**
     * A parameter whose log has a standard error above this (a 95 % interval wider than a factor e^20) is not
     * identified by the data: the likelihood is flat along it, typically because the estimate runs off to 0 or
     * infinity.
     */
    static final double MAX_LOG_STANDARD_ERROR = 5;

    private MaximumLikelihood() {}

    record Estimate(
            double[] logParameters, double logLikelihood, double[] standardErrorsOfLogs, Convergence convergence) {}

    /**
     * Maximises {@code full}. The Nelder-Mead searches run on {@code search} — the same likelihood over a systematic
     * subsample of a large input (or {@code full} itself) — and the Newton steps on {@code full}; should those not
     * converge from the subsample's optimum, one more search runs on {@code full} from there.
     */
    static Estimate maximise(
            LogLikelihood full, LogLikelihood search, long searchCustomers, String[] names, List<double[]> starts) {
        AtomicLong evaluations = new AtomicLong();
        ObjectiveFunction searchObjective = objective(search, evaluations);
        List<PointValuePair> optima = new ArrayList<>();
        for (double[] start : starts) {
            optima.add(search(search.dimension(), searchObjective, start));
        }
        PointValuePair best = optima.get(0);
        for (PointValuePair optimum : optima) {
            if (optimum.getValue() > best.getValue()) {
                best = optimum;
            }
        }
        int atOptimum = 0;
        for (PointValuePair optimum : optima) {
            if (best.getValue() - optimum.getValue() <= SAME_OPTIMUM) {
                atOptimum++;
            }
        }
        if (!Double.isFinite(best.getValue())) {
            throw new ClvException(
                    ClvErrorCode.NUMERICAL_FAILURE,
                    "the log-likelihood is not finite at any point the search reached (best %s): check the input for"
                                    .formatted(best.getValue())
                            + " extreme values");
        }
        Run run = new Run(names, evaluations, starts.size(), atOptimum, searchCustomers);
        if (search == full) {
            return polish(full, run, best.getPoint(), best.getValue());
        }
        double[] point = best.getPoint();
        Estimate estimate = polish(full, run, point, full.value(point));
        if (!estimate.convergence().converged()) {
            PointValuePair refined = search(full.dimension(), objective(full, evaluations), point);
            estimate = polish(full, run, refined.getPoint(), refined.getValue());
        }
        return estimate;
    }

    /** What the searches left for the Newton polish to report. */
    private record Run(String[] names, AtomicLong evaluations, int starts, int atOptimum, long searchCustomers) {}

    private static ObjectiveFunction objective(LogLikelihood likelihood, AtomicLong evaluations) {
        return new ObjectiveFunction(point -> {
            evaluations.incrementAndGet();
            double value = likelihood.value(point);
            return Double.isNaN(value) ? Double.NEGATIVE_INFINITY : value;
        });
    }

    private static PointValuePair search(int dimension, ObjectiveFunction objective, double[] start) {
        SimplexOptimizer optimizer = new SimplexOptimizer(1e-12, 1e-12);
        PointValuePair current = null;
        double[] point = start.clone();
        for (int restart = 0; restart <= MAX_RESTARTS; restart++) {
            PointValuePair next;
            try {
                next = optimizer.optimize(
                        new MaxEval(MAX_EVALUATIONS_PER_SEARCH),
                        objective,
                        GoalType.MAXIMIZE,
                        new InitialGuess(point),
                        new NelderMeadSimplex(dimension, SIMPLEX_SIDE));
            } catch (MathIllegalStateException tooManyEvaluations) {
                break; // keep the best point so far; the Newton polish and the convergence report judge it
            }
            boolean improved = current == null || next.getValue() - current.getValue() > 1e-9;
            if (current == null || next.getValue() >= current.getValue()) {
                current = next;
                point = next.getPoint();
            }
            if (!improved) {
                break;
            }
        }
        if (current == null) {
            return new PointValuePair(start, objective.getObjectiveFunction().value(start));
        }
        return current;
    }

    private static Estimate polish(LogLikelihood likelihood, Run run, double[] start, double startValue) {
        String[] names = run.names();
        AtomicLong evaluations = run.evaluations();
        double[] point = start.clone();
        double value = startValue;
        int steps = 0;
        double improvement = Double.NaN;
        RealMatrix information = null;
        double[] gradient = likelihood.gradient(point);
        for (int iteration = 0; iteration <= MAX_NEWTON_STEPS; iteration++) {
            information = negativeHessian(likelihood, point);
            DecompositionSolver solver = solver(information);
            if (solver == null) {
                improvement = Double.NaN;
                break;
            }
            double[] direction = solver.solve(new ArrayRealVector(gradient)).toArray();
            improvement = dot(gradient, direction) / 2;
            if (improvement < IMPROVEMENT_TOLERANCE / 1000 || iteration == MAX_NEWTON_STEPS) {
                break;
            }
            double stepLength = 1;
            boolean moved = false;
            while (stepLength > 1e-8) {
                double[] candidate = new double[point.length];
                for (int j = 0; j < point.length; j++) {
                    candidate[j] = point[j] + stepLength * direction[j];
                }
                double candidateValue = likelihood.value(candidate);
                evaluations.incrementAndGet();
                if (candidateValue >= value) {
                    point = candidate;
                    value = candidateValue;
                    moved = true;
                    break;
                }
                stepLength /= 2;
            }
            if (!moved) {
                break; // at the optimum to machine precision
            }
            steps++;
            gradient = likelihood.gradient(point);
        }
        double[] standardErrors = new double[point.length];
        java.util.Arrays.fill(standardErrors, Double.NaN);
        DecompositionSolver solver = information == null ? null : solver(information);
        if (solver != null) {
            RealMatrix covariance = solver.getInverse();
            for (int j = 0; j < point.length; j++) {
                standardErrors[j] = Math.sqrt(covariance.getEntry(j, j));
            }
        }
        double gradientNorm = 0;
        for (double derivative : gradient) {
            gradientNorm = Math.max(gradientNorm, Math.abs(derivative));
        }
        String unidentified = null;
        for (int j = 0; j < point.length && solver != null; j++) {
            if (!(standardErrors[j] <= MAX_LOG_STANDARD_ERROR)) {
                unidentified = "%s = %.4g (log standard error %.3g)"
                        .formatted(names[j], Math.exp(point[j]), standardErrors[j]);
                break;
            }
        }
        boolean converged = solver != null && improvement < IMPROVEMENT_TOLERANCE && unidentified == null;
        String message;
        if (converged) {
            message = "converged: a proper maximum (information matrix positive definite, a further Newton step gains"
                    + " < 1e-6 log-likelihood)";
        } else if (solver == null) {
            message = "not converged: the information matrix is not positive definite at the best point (the data may"
                    + " not identify every parameter, e.g. too few repeat purchases, or an estimate runs to a bound)";
        } else if (unidentified != null) {
            message = "not converged: the data do not identify " + unidentified
                    + "; the likelihood is flat along it (too few customers or repeat purchases)";
        } else {
            message =
                    "not converged: a further Newton step would still gain %.3g log-likelihood".formatted(improvement);
        }
        return new Estimate(
                point,
                value,
                standardErrors,
                new Convergence(
                        converged,
                        run.starts(),
                        run.atOptimum(),
                        run.searchCustomers(),
                        evaluations.get(),
                        steps,
                        gradientNorm,
                        improvement,
                        message));
    }

    /** The observed information: minus the Hessian, by central differences of the analytic gradient, symmetrised. */
    static RealMatrix negativeHessian(LogLikelihood likelihood, double[] point) {
        int n = point.length;
        double[][] hessian = new double[n][n];
        for (int j = 0; j < n; j++) {
            double[] up = point.clone();
            double[] down = point.clone();
            up[j] += HESSIAN_STEP;
            down[j] -= HESSIAN_STEP;
            double[] gradientUp = likelihood.gradient(up);
            double[] gradientDown = likelihood.gradient(down);
            for (int i = 0; i < n; i++) {
                hessian[i][j] = (gradientUp[i] - gradientDown[i]) / (2 * HESSIAN_STEP);
            }
        }
        double[][] information = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                information[i][j] = -(hessian[i][j] + hessian[j][i]) / 2;
            }
        }
        return new Array2DRowRealMatrix(information, false);
    }

    private static DecompositionSolver solver(RealMatrix information) {
        for (int i = 0; i < information.getRowDimension(); i++) {
            for (int j = 0; j < information.getColumnDimension(); j++) {
                if (!Double.isFinite(information.getEntry(i, j))) {
                    return null;
                }
            }
        }
        try {
            return new CholeskyDecomposition(information, 1e-12, 1e-14).getSolver();
        } catch (MathIllegalArgumentException notPositiveDefinite) {
            return null;
        }
    }

    private static double dot(double[] left, double[] right) {
        double sum = 0;
        for (int i = 0; i < left.length; i++) {
            sum += left[i] * right[i];
        }
        return sum;
    }
}
