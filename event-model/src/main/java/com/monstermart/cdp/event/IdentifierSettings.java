package com.monstermart.cdp.event;

import static java.util.Objects.requireNonNull;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * The settings of identifier normalisation, one set for the whole platform: every service reads them with
 * {@link #fromConfig(Function)} under the same keys, so that identity resolution, the profile API and the privacy
 * service compute the same canonical form.
 *
 * <table>
 *   <caption>Keys (MicroProfile Config; environment variables in upper case with underscores)</caption>
 *   <tr><th>key</th><th>environment</th><th>default</th><th>what</th></tr>
 *   <tr><td>{@value #PHONE_DEFAULT_REGION_KEY}</td><td>{@code CDP_IDENTIFIERS_PHONE_DEFAULT_REGION}</td>
 *       <td>{@value #DEFAULT_PHONE_REGION}</td>
 *       <td>ISO 3166 region of phone numbers written without a country code</td></tr>
 * </table>
 *
 * @param phoneDefaultRegion ISO 3166 two-letter region (upper case) in which numbers without a country code are read
 */
public record IdentifierSettings(String phoneDefaultRegion) {
    /** The prefix of the platform's identifier settings. */
    public static final String PREFIX = "cdp.identifiers";

    /** The region of phone numbers written without a country code. */
    public static final String PHONE_DEFAULT_REGION_KEY = PREFIX + ".phone-default-region";

    /** MonsterMart's home market: its stores are in Great Britain. */
    public static final String DEFAULT_PHONE_REGION = "GB";

    public IdentifierSettings {
        requireNonNull(phoneDefaultRegion, "phoneDefaultRegion is null");
        String region = phoneDefaultRegion.strip().toUpperCase(Locale.ROOT);
        if (!PhoneNumberUtil.getInstance().getSupportedRegions().contains(region)) {
            throw new IllegalArgumentException(
                    "Unknown phone region '%s' (%s): use an ISO 3166 two-letter code such as GB, US or DE"
                            .formatted(phoneDefaultRegion, PHONE_DEFAULT_REGION_KEY));
        }
        phoneDefaultRegion = region;
    }

    /** The defaults: phone numbers without a country code are {@value #DEFAULT_PHONE_REGION} numbers. */
    public static IdentifierSettings defaults() {
        return new IdentifierSettings(DEFAULT_PHONE_REGION);
    }

    /**
     * The settings from a configuration, the same way in every service; unset keys take their defaults.
     *
     * @param config a configuration value by key, e.g. {@code key -> ConfigProvider.getConfig().getOptionalValue(key,
     *     String.class)}
     */
    public static IdentifierSettings fromConfig(Function<String, Optional<String>> config) {
        requireNonNull(config, "config is null");
        return new IdentifierSettings(config.apply(PHONE_DEFAULT_REGION_KEY)
                .filter(value -> !value.isBlank())
                .orElse(DEFAULT_PHONE_REGION));
    }
}
