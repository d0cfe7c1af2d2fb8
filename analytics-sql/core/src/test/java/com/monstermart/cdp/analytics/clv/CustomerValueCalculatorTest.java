package com.monstermart.cdp.analytics.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CustomerValueCalculatorTest {
    static final BgNbdParameters PURCHASES = new BgNbdParameters(0.243, 4.414, 0.793, 2.426);
    static final GammaGammaParameters SPEND = new GammaGammaParameters(6.25, 3.74, 15.44);
    static final CustomerSummary CUSTOMER = new CustomerSummary("0001", 2, 30.43, 38.86, 22.35);

    @Test
    void rowCombinesTheModelsPredictions() {
        ValueSettings settings = ValueSettings.defaults(PeriodUnit.WEEKS);
        CustomerValue value = new CustomerValueCalculator(PURCHASES, SPEND, settings).value(CUSTOMER);
        BgNbd bgNbd = new BgNbd(PURCHASES);
        assertThat(value.customerId()).isEqualTo("0001");
        assertThat(value.frequency()).isEqualTo(2);
        assertThat(value.expectedPurchases())
                .isEqualTo(bgNbd.conditionalExpectedPurchases(365.25 / 7, 2, 30.43, 38.86));
        assertThat(value.probabilityAlive()).isEqualTo(bgNbd.probabilityAlive(2, 30.43, 38.86));
        assertThat(value.expectedAverageSpend()).isCloseTo(24.65, within(0.02));
    }

    @Test
    void undiscountedValueIsSpendTimesExpectedPurchasesOverTheHorizon() {
        // With no discounting the monthly increments telescope to E[Y(12 months)].
        ValueSettings undiscounted = new ValueSettings(52, 12, 365.25 / 12 / 7, 0, 1);
        CustomerValue value = new CustomerValueCalculator(PURCHASES, SPEND, undiscounted).value(CUSTOMER);
        double purchases = new BgNbd(PURCHASES).conditionalExpectedPurchases(365.25 / 7, 2, 30.43, 38.86);
        assertThat(value.lifetimeValue()).isCloseTo(value.expectedAverageSpend() * purchases, within(1e-9));
    }

    @Test
    void discountingAndMarginLowerTheValueAsTheyShould() {
        ValueSettings base = ValueSettings.defaults(PeriodUnit.WEEKS);
        double undiscounted = new CustomerValueCalculator(
                        PURCHASES, SPEND, new ValueSettings(52, 12, base.stepLength(), 0, 1))
                .value(CUSTOMER)
                .lifetimeValue();
        double discounted = new CustomerValueCalculator(PURCHASES, SPEND, base)
                .value(CUSTOMER)
                .lifetimeValue();
        double halfMargin = new CustomerValueCalculator(
                        PURCHASES, SPEND, new ValueSettings(52, 12, base.stepLength(), 0.01, 0.5))
                .value(CUSTOMER)
                .lifetimeValue();
        // 1 % a month over a year: the value is between the undiscounted one and that discounted a full year.
        assertThat(discounted).isLessThan(undiscounted).isGreaterThan(undiscounted / Math.pow(1.01, 12));
        assertThat(halfMargin).isCloseTo(discounted / 2, within(1e-12));
    }

    @Test
    void aOneStepValueIsTheDiscountedExpectation() {
        ValueSettings oneStep = new ValueSettings(10, 1, 10, 0.05, 1);
        CustomerValue value = new CustomerValueCalculator(PURCHASES, SPEND, oneStep).value(CUSTOMER);
        assertThat(value.lifetimeValue())
                .isCloseTo(value.expectedAverageSpend() * value.expectedPurchases() / 1.05, within(1e-12));
    }

    @Test
    void customersWithoutRepeatPurchasesGetThePopulationMeanSpend() {
        CustomerValue value = new CustomerValueCalculator(PURCHASES, SPEND, ValueSettings.defaults(PeriodUnit.WEEKS))
                .value(new CustomerSummary("0003", 0, 0, 38.86, 0));
        assertThat(value.expectedAverageSpend()).isEqualTo(SPEND.populationMeanSpend());
        assertThat(value.probabilityAlive()).isEqualTo(1);
        assertThat(value.lifetimeValue()).isPositive();
    }

    @Test
    void refusesASpendModelWithoutAFiniteMean() {
        assertThatThrownBy(() -> new CustomerValueCalculator(
                        PURCHASES, new GammaGammaParameters(2, 0.9, 10), ValueSettings.defaults(PeriodUnit.DAYS)))
                .isInstanceOf(ClvException.class)
                .hasMessageContaining("q = 0.9 is not above 1");
    }
}
