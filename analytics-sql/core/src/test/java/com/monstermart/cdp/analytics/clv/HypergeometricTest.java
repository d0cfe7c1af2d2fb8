package com.monstermart.cdp.analytics.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class HypergeometricTest {

    @Test
    void closedForms() {
        for (double z : new double[] {0, 0.1, 0.5, 0.9, 0.999}) {
            // 2F1(1, 1; 2; z) = -ln(1 - z) / z
            double log = z == 0 ? 1 : -Math.log1p(-z) / z;
            assertThat(Hypergeometric.gauss(1, 1, 2, z)).isCloseTo(log, within(1e-12 * log));
            // 2F1(a, b; b; z) = (1 - z)^-a
            double power = Math.pow(1 - z, -0.37);
            assertThat(Hypergeometric.gauss(0.37, 2.5, 2.5, z)).isCloseTo(power, within(1e-12 * power));
            // 2F1(1/2, 1; 3/2; z^2) = atanh(z) / z
            double atanh = z == 0 ? 1 : 0.5 * Math.log((1 + z) / (1 - z)) / z;
            if (z < 0.999) {
                assertThat(Hypergeometric.gauss(0.5, 1, 1.5, z * z)).isCloseTo(atanh, within(1e-12 * atanh));
            }
        }
    }

    @Test
    void terminatingSeriesIsAPolynomial() {
        // 2F1(-2, b; c; z) = 1 - 2bz/c + b(b+1)z^2/(c(c+1))
        double b = 1.7;
        double c = 3.2;
        double z = 0.6;
        double polynomial = 1 - 2 * b * z / c + b * (b + 1) * z * z / (c * (c + 1));
        assertThat(Hypergeometric.gauss(-2, b, c, z)).isCloseTo(polynomial, within(1e-15));
    }

    @Test
    void eulerTransformationAgreesWithTheDirectSeries() {
        // (1-z)^(r+x) 2F1(r+x, b+x; a+b+x-1; z) = (1-z)^(a-1) 2F1(a+b-1-r, a-1; a+b+x-1; z)
        double r = 0.243;
        double a = 0.793;
        double b = 2.426;
        for (int x : new int[] {0, 1, 5, 20}) {
            for (double z : new double[] {0.05, 0.5, 0.8}) {
                double direct = Math.pow(1 - z, r + x) * Hypergeometric.gauss(r + x, b + x, a + b + x - 1, z);
                double euler = Math.pow(1 - z, a - 1) * Hypergeometric.gauss(a + b - 1 - r, a - 1, a + b + x - 1, z);
                assertThat(euler).as("x = %d, z = %s", x, z).isCloseTo(direct, within(1e-11 * Math.abs(direct)));
            }
        }
    }

    @Test
    void failsLoudlyInsteadOfReturningATruncatedSum() {
        assertThatThrownBy(() -> Hypergeometric.gauss(1, 1, 1.5, 1 - 1e-9))
                .isInstanceOf(ClvException.class)
                .hasMessageContaining("did not converge")
                .hasMessageContaining("shorten the horizon");
        assertThatThrownBy(() -> Hypergeometric.gauss(1, 1, 2, 1))
                .isInstanceOf(ClvException.class)
                .hasMessageContaining("0 <= z < 1");
        assertThatThrownBy(() -> Hypergeometric.gauss(1, 1, -2, 0.5))
                .isInstanceOf(ClvException.class)
                .hasMessageContaining("c is 0 or a negative integer");
    }
}
