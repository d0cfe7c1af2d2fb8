package com.monstermart.cdp.identity.core.rules;

import static java.util.Objects.requireNonNull;

import com.monstermart.cdp.event.IdentifierType;
import com.monstermart.cdp.identity.core.IdentityErrorCode;
import com.monstermart.cdp.identity.core.IdentityException;
import com.monstermart.cdp.identity.core.identifier.Identifier;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The deterministic resolution rules: one {@link IdentifierRule} per identifier type.
 *
 * <p>Text form (a properties map, also what {@link #toProperties()} writes; unknown keys are errors, types not
 * mentioned keep {@link #defaults()}):
 *
 * <pre>
 * email.priority=80
 * email.max-per-profile=5
 * email.window=P30D
 * email.blocked-values=test@example.com,noreply@example.com
 * email.blocked-pattern.1=^(test|noreply|no-reply)@.*
 * </pre>
 */
public final class ResolutionRules {
    private static final Set<String> KEYS =
            Set.of("priority", "max-per-profile", "window", "blocked-values", "blocked-pattern");

    private final Map<IdentifierType, IdentifierRule> rules;
    private final Map<IdentifierType, List<Pattern>> patterns;
    private final String version;

    private ResolutionRules(Map<IdentifierType, IdentifierRule> rules) {
        EnumMap<IdentifierType, IdentifierRule> copy = new EnumMap<>(IdentifierType.class);
        copy.putAll(rules);
        for (IdentifierType type : IdentifierType.canonicalTypes()) {
            if (!copy.containsKey(type)) {
                throw new IdentityException(IdentityErrorCode.INVALID_RULES, "No rule for " + type.wireName());
            }
        }
        this.rules = copy;
        EnumMap<IdentifierType, List<Pattern>> compiled = new EnumMap<>(IdentifierType.class);
        copy.forEach((type, rule) -> compiled.put(type, compile(type, rule.blockedPatterns())));
        this.patterns = compiled;
        this.version = fingerprint(toProperties());
    }

    public static ResolutionRules of(Map<IdentifierType, IdentifierRule> rules) {
        return new ResolutionRules(requireNonNull(rules, "rules is null"));
    }

    /**
     * The defaults: user ids 100 (one per namespace), loyalty cards 90 (2), emails 80 (5), phones 70 (3), devices
     * 50 (10), anonymous ids 10 (no limit); placeholders ({@code null}, {@code undefined}, {@code anonymous}, all
     * zeros) and shared test addresses never link.
     */
    public static ResolutionRules defaults() {
        List<String> placeholders = List.of("^[0-]*$", "^(null|nil|none|undefined|unknown|anonymous|guest|n/a)$");
        EnumMap<IdentifierType, IdentifierRule> rules = new EnumMap<>(IdentifierType.class);
        rules.put(
                IdentifierType.USER_ID,
                new IdentifierRule(IdentifierType.USER_ID, 100, 1, Optional.empty(), Set.of(), placeholders));
        rules.put(
                IdentifierType.LOYALTY_CARD,
                new IdentifierRule(IdentifierType.LOYALTY_CARD, 90, 2, Optional.empty(), Set.of(), placeholders));
        rules.put(
                IdentifierType.EMAIL,
                new IdentifierRule(
                        IdentifierType.EMAIL,
                        80,
                        5,
                        Optional.empty(),
                        Set.of(
                                "test@test.com",
                                "test@example.com",
                                "noreply@example.com",
                                "a@a.com",
                                "null@null.com",
                                "none@none.com",
                                "customer@monstermart.example"),
                        List.of(
                                "^(test|noreply|no-reply|donotreply|do-not-reply)@.*$",
                                "^(no-?email|no-?mail|none|null|nobody|unknown|na|n-a)@.*$")));
        rules.put(
                IdentifierType.PHONE,
                new IdentifierRule(
                        IdentifierType.PHONE,
                        70,
                        3,
                        Optional.empty(),
                        Set.of(),
                        // fictional ranges reserved for drama and examples: UK 07700 900xxx, North America 555-01xx
                        List.of("^\\+447700900\\d{3}$", "^\\+1\\d{3}55501\\d{2}$")));
        rules.put(
                IdentifierType.DEVICE_ID,
                new IdentifierRule(IdentifierType.DEVICE_ID, 50, 10, Optional.empty(), Set.of(), placeholders));
        rules.put(
                IdentifierType.ANONYMOUS_ID,
                new IdentifierRule(IdentifierType.ANONYMOUS_ID, 10, 0, Optional.empty(), Set.of(), placeholders));
        return new ResolutionRules(rules);
    }

    /** The defaults overridden by a properties map in the format of the class comment. */
    public static ResolutionRules parse(Map<String, String> properties) {
        requireNonNull(properties, "properties is null");
        EnumMap<IdentifierType, IdentifierRule> rules = new EnumMap<>(defaults().rules);
        Map<IdentifierType, List<String>> patternOverrides = new EnumMap<>(IdentifierType.class);
        for (Map.Entry<String, String> entry : new TreeMap<>(properties).entrySet()) {
            String key = entry.getKey().strip();
            String value = entry.getValue() == null ? "" : entry.getValue().strip();
            int dot = key.indexOf('.');
            if (dot < 0) {
                throw invalid("Rule key '%s' must look like <type>.<setting>".formatted(key));
            }
            IdentifierType type = IdentifierType.fromWireName(key.substring(0, dot))
                    .orElseThrow(() -> invalid("Rule key '%s' names an unknown identifier type".formatted(key)));
            if (type.canonicalType() != type) {
                throw invalid("Rule key '%s': a %s is stored as a %s, so it follows the %s rules"
                        .formatted(
                                key,
                                type.wireName(),
                                type.canonicalType().wireName(),
                                type.canonicalType().wireName()));
            }
            String setting = key.substring(dot + 1);
            String base = setting.startsWith("blocked-pattern") ? "blocked-pattern" : setting;
            if (!KEYS.contains(base)) {
                throw invalid(("Unknown rule setting '%s' (use priority, max-per-profile, window, blocked-values,"
                                + " blocked-pattern.<n>)")
                        .formatted(key));
            }
            IdentifierRule rule = rules.get(type);
            switch (base) {
                case "priority" -> rules.put(type, rule.withPriority(integer(key, value)));
                case "max-per-profile" -> rules.put(type, rule.withLimit(integer(key, value), rule.window()));
                case "window" ->
                    rules.put(
                            type,
                            rule.withLimit(
                                    rule.maxPerProfile(),
                                    value.isEmpty() ? Optional.empty() : Optional.of(duration(key, value))));
                case "blocked-values" ->
                    rules.put(
                            type,
                            rule.withBlocked(
                                    value.isEmpty()
                                            ? Set.of()
                                            : new LinkedHashSet<>(Arrays.asList(value.split("\\s*,\\s*"))),
                                    rule.blockedPatterns()));
                default -> {
                    List<String> list = patternOverrides.computeIfAbsent(type, ignored -> new ArrayList<>());
                    if (!value.isEmpty()) {
                        list.add(value);
                    }
                }
            }
        }
        patternOverrides.forEach((type, list) ->
                rules.put(type, rules.get(type).withBlocked(rules.get(type).blockedValues(), list)));
        return new ResolutionRules(rules);
    }

    /** This rule set as a complete properties map; {@link #parse} of it gives an equal rule set. */
    public Map<String, String> toProperties() {
        TreeMap<String, String> out = new TreeMap<>();
        rules.forEach((type, rule) -> {
            String prefix = type.wireName() + ".";
            out.put(prefix + "priority", Integer.toString(rule.priority()));
            out.put(prefix + "max-per-profile", Integer.toString(rule.maxPerProfile()));
            out.put(prefix + "window", rule.window().map(Duration::toString).orElse(""));
            out.put(prefix + "blocked-values", String.join(",", new java.util.TreeSet<>(rule.blockedValues())));
            List<String> list = rule.blockedPatterns();
            if (list.isEmpty()) {
                out.put(prefix + "blocked-pattern.1", "");
            }
            for (int i = 0; i < list.size(); i++) {
                out.put(prefix + "blocked-pattern." + (i + 1), list.get(i));
            }
        });
        return out;
    }

    public IdentifierRule rule(IdentifierType type) {
        return rules.get(type);
    }

    public Map<IdentifierType, IdentifierRule> all() {
        return Map.copyOf(rules);
    }

    /** A short fingerprint of the rules, recorded with every journal entry they decided. */
    public String version() {
        return version;
    }

    /** Why an identifier never links, or empty when it may. The reason names the rule, never the value. */
    public Optional<String> blockReason(Identifier identifier) {
        IdentifierRule rule = rules.get(identifier.type());
        String lower = identifier.value().toLowerCase(Locale.ROOT);
        if (rule.blockedValues().contains(lower)) {
            return Optional.of("%s.blocked-values".formatted(identifier.type().wireName()));
        }
        List<Pattern> list = patterns.get(identifier.type());
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).matcher(identifier.value()).matches()) {
                return Optional.of(
                        "%s.blocked-pattern.%d".formatted(identifier.type().wireName(), i + 1));
            }
        }
        return Optional.empty();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ResolutionRules that && rules.equals(that.rules);
    }

    @Override
    public int hashCode() {
        return rules.hashCode();
    }

    @Override
    public String toString() {
        return "ResolutionRules[" + version + "]";
    }

    private static List<Pattern> compile(IdentifierType type, List<String> sources) {
        List<Pattern> out = new ArrayList<>(sources.size());
        for (String source : sources) {
            try {
                out.add(Pattern.compile(source, Pattern.CASE_INSENSITIVE));
            } catch (PatternSyntaxException e) {
                throw invalid("%s.blocked-pattern '%s' is not a regular expression: %s"
                        .formatted(type.wireName(), source, e.getDescription()));
            }
        }
        return List.copyOf(out);
    }

    private static int integer(String key, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw invalid("%s must be an integer, got '%s'".formatted(key, value));
        }
    }

    private static Duration duration(String key, String value) {
        try {
            return Duration.parse(value.toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException e) {
            throw invalid("%s must be an ISO-8601 duration such as P30D or PT12H, got '%s'".formatted(key, value));
        }
    }

    private static IdentityException invalid(String message) {
        return new IdentityException(IdentityErrorCode.INVALID_RULES, message);
    }

    private static String fingerprint(Map<String, String> properties) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            properties.forEach(
                    (key, value) -> digest.update((key + "=" + value + "\n").getBytes(StandardCharsets.UTF_8)));
            return HexFormat.of().formatHex(digest.digest(), 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JDK", e);
        }
    }
}
