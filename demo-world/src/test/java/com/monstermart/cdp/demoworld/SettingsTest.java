package com.monstermart.cdp.demoworld;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SettingsTest {
    @Test
    void defaultsAreThoseOfTheReadme() {
        DemoWorldSettings settings = DemoWorldSettings.builder().build();
        assertThat(settings.customers()).isEqualTo(1000);
        assertThat(settings.days()).isEqualTo(30);
        assertThat(settings.seed()).isEqualTo(42);
        assertThat(settings.end()).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
        assertThat(settings.start()).isEqualTo(Instant.parse("2026-10-02T00:00:00Z"));
        assertThat(settings.cutoff()).isEqualTo(Instant.parse("2026-10-31T18:00:00Z"));
        assertThat(settings.shop()).isEmpty();
        assertThat(settings.realtimeSpeed()).isEmpty();
        assertThat(settings.parameters().sessions().conversionRate())
                .isCloseTo(0.0558, org.assertj.core.api.Assertions.within(0.001));
    }

    @Test
    void invalidSettingsSayWhatIsWrong() {
        assertThatThrownBy(() -> DemoWorldSettings.builder().customers(0).build())
                .isInstanceOf(DemoWorldException.class)
                .hasMessage("customers must be between 1 and 10000000, was 0");
        assertThatThrownBy(() -> DemoWorldSettings.builder()
                        .days(2)
                        .liveWindow(Duration.ofDays(3))
                        .build())
                .isInstanceOf(DemoWorldException.class)
                .hasMessageContaining("the live window must be between 0 and the simulated period (2 days)");
        assertThatThrownBy(() -> DemoWorldSettings.builder().realtime(0).build())
                .hasMessage("the real-time speed must be above 0, was 0.0");
        assertThatThrownBy(() -> new WorldParameters.SessionRates(1.5, 0.3, 0.7, 30, 0.15))
                .isInstanceOf(DemoWorldException.class)
                .hasMessage("sessions.bounceRate must be between 0 and 1, was 1.5")
                .extracting(e -> ((DemoWorldException) e).code())
                .isEqualTo(DemoWorldErrorCode.INVALID_SETTINGS);
    }
}
