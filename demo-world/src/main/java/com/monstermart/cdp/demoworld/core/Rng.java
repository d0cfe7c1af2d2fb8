package com.monstermart.cdp.demoworld.core;

import java.util.List;
import java.util.SplittableRandom;

/** Random draws for the simulation on top of {@link SplittableRandom}; every stream is derived from the seed. */
public final class Rng {
    private final SplittableRandom random;

    private Rng(SplittableRandom random) {
        this.random = random;
    }

    /** A stream that depends only on the seed and the given keys (never on thread scheduling or order of use). */
    public static Rng derive(long seed, long... keys) {
        long state = mix(seed ^ 0x6A09E667F3BCC909L);
        for (long key : keys) {
            state = mix(state + 0x9E3779B97F4A7C15L * (key + 1));
        }
        return new Rng(new SplittableRandom(state));
    }

    /** SplitMix64's finaliser. */
    public static long mix(long value) {
        long z = value;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    public double uniform() {
        return random.nextDouble();
    }

    public double uniform(double low, double high) {
        return low + (high - low) * random.nextDouble();
    }

    public int nextInt(int bound) {
        return random.nextInt(bound);
    }

    public int nextInt(int low, int highExclusive) {
        return random.nextInt(low, highExclusive);
    }

    public long nextLong() {
        return random.nextLong();
    }

    public long nextLong(long bound) {
        return random.nextLong(bound);
    }

    public boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    public double exponential(double rate) {
        return -StrictMath.log(1.0 - random.nextDouble()) / rate;
    }

    public double normal() {
        // Box-Muller, so the draw does not depend on JDK internals.
        double u1 = 1.0 - random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2.0 * StrictMath.log(u1)) * StrictMath.cos(2.0 * Math.PI * u2);
    }

    /** Gamma with this shape and rate (mean shape / rate); Marsaglia and Tsang. */
    public double gamma(double shape, double rate) {
        if (shape < 1.0) {
            double u = 1.0 - random.nextDouble();
            return gamma(shape + 1.0, rate) * StrictMath.pow(u, 1.0 / shape);
        }
        double d = shape - 1.0 / 3.0;
        double c = 1.0 / Math.sqrt(9.0 * d);
        while (true) {
            double x;
            double v;
            do {
                x = normal();
                v = 1.0 + c * x;
            } while (v <= 0);
            v = v * v * v;
            double u = 1.0 - random.nextDouble();
            if (u < 1.0 - 0.0331 * x * x * x * x
                    || StrictMath.log(u) < 0.5 * x * x + d * (1.0 - v + StrictMath.log(v))) {
                return d * v / rate;
            }
        }
    }

    public double beta(double a, double b) {
        double x = gamma(a, 1.0);
        double y = gamma(b, 1.0);
        return x / (x + y);
    }

    /** Number of failures before the first success. */
    public int geometric(double successProbability) {
        return (int) Math.floor(StrictMath.log(1.0 - random.nextDouble()) / StrictMath.log(1.0 - successProbability));
    }

    public int poisson(double mean) {
        if (mean > 50) {
            return Math.max(0, (int) Math.round(mean + Math.sqrt(mean) * normal()));
        }
        double limit = StrictMath.exp(-mean);
        double product = random.nextDouble();
        int count = 0;
        while (product > limit) {
            product *= random.nextDouble();
            count++;
        }
        return count;
    }

    public <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    public <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }

    /** An index drawn with the given (not necessarily normalised) weights. */
    public int weighted(double[] weights) {
        double total = 0;
        for (double weight : weights) {
            total += weight;
        }
        double target = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            target -= weights[i];
            if (target < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    /** A version 4 UUID made from this stream. */
    public String uuid() {
        long high = (random.nextLong() & 0xFFFFFFFFFFFF0FFFL) | 0x0000000000004000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new java.util.UUID(high, low).toString();
    }

    public String digits(int count) {
        char[] chars = new char[count];
        for (int i = 0; i < count; i++) {
            chars[i] = (char) ('0' + random.nextInt(10));
        }
        return new String(chars);
    }
}
