package com.monstermart.cdp.console.core.sales;

import static java.util.Objects.requireNonNull;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which orders live sales count, and how they recognise one order reported by several sources.
 *
 * @param excludedSources sources whose orders are not counted because another source records the same sales (the
 *     app's REES46 export repeats, unit by unit and under the session id, orders the shop database records)
 * @param sameOrderSources groups of sources whose order ids name the same orders (the web shop's tracker and its
 *     database): an order id is scoped by its group, else by its source
 * @param defaultCurrency the currency of lines whose event names none
 */
public record LiveSalesRules(Set<String> excludedSources, List<Set<String>> sameOrderSources, String defaultCurrency) {
    public LiveSalesRules {
        excludedSources = Set.copyOf(requireNonNull(excludedSources, "excludedSources is null"));
        sameOrderSources = requireNonNull(sameOrderSources, "sameOrderSources is null").stream()
                .map(Set::copyOf)
                .toList();
        requireNonNull(defaultCurrency, "defaultCurrency is null");
        Map<String, Integer> seen = new HashMap<>();
        for (int group = 0; group < sameOrderSources.size(); group++) {
            for (String source : sameOrderSources.get(group)) {
                Integer earlier = seen.put(source, group);
                if (earlier != null && earlier != group) {
                    throw new IllegalArgumentException(
                            "Source '%s' is in two groups of same-order sources".formatted(source));
                }
            }
        }
    }

    /**
     * Rules from their configured spelling.
     *
     * @param sameOrderSources each element a {@code +}-joined group, e.g. {@code shop-web+shop-postgres}
     */
    public static LiveSalesRules of(List<String> excludedSources, List<String> sameOrderSources, String currency) {
        return new LiveSalesRules(
                Set.copyOf(excludedSources.stream()
                        .map(String::strip)
                        .filter(each -> !each.isEmpty())
                        .toList()),
                sameOrderSources.stream()
                        .map(group -> Set.of(group.strip().split("\\s*\\+\\s*")))
                        .filter(group -> !group.isEmpty())
                        .toList(),
                currency);
    }

    public boolean counts(String sourceId) {
        return !excludedSources.contains(sourceId);
    }

    /** The scope of a source's order ids: its group's sources joined with {@code +}, else the source itself. */
    public String orderScope(String sourceId) {
        return sameOrderSources.stream()
                .filter(group -> group.contains(sourceId))
                .findFirst()
                .map(group -> String.join("+", group.stream().sorted().toList()))
                .orElse(sourceId);
    }
}
