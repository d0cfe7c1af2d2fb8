package com.monstermart.cdp.ingestion.core;

import static java.util.Objects.requireNonNull;

import com.monstermart.cdp.event.CampaignContext;
import com.monstermart.cdp.event.CanonicalEvent;
import com.monstermart.cdp.event.EventContext;
import com.monstermart.cdp.event.EventType;
import com.monstermart.cdp.event.EventValidator;
import com.monstermart.cdp.event.IdentifierHint;
import com.monstermart.cdp.event.IdentifierType;
import com.monstermart.cdp.event.LibraryContext;
import com.monstermart.cdp.event.MessageIds;
import com.monstermart.cdp.event.PageContext;
import com.monstermart.cdp.event.SourceRef;
import com.monstermart.cdp.event.ValidationProblem;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The compiled mapping of one table or file pattern: turns rows into canonical events by its rules, then checks the
 * contract and the data-quality rules. A row is all or nothing: if any of its events is invalid the row is rejected
 * with every problem.
 */
public final class RowMapping {
    /** The {@code context.library} of events made by mappings. */
    public static final LibraryContext LIBRARY = new LibraryContext("monstermart-cdp-ingestion", "0.1.0");

    private final SourceIdentity source;
    private final String table;
    private final Map<String, CompiledLookup> lookups;
    private final List<Rule> rules;
    private final Group group;
    private final ParseSettings settings;
    private final QualityChecker quality;

    private RowMapping(
            SourceIdentity source,
            String table,
            Map<String, CompiledLookup> lookups,
            List<Rule> rules,
            Group group,
            ParseSettings settings,
            QualityChecker quality) {
        this.source = source;
        this.table = table;
        this.lookups = lookups;
        this.rules = rules;
        this.group = group;
        this.settings = settings;
        this.quality = quality;
    }

    /**
     * Compiles a mapping.
     *
     * @param path where the mapping is in the source definition ({@code tables.public.customers}), for messages
     * @throws IngestionException {@link ErrorCode#INVALID_SOURCE} naming the bad field
     */
    public static RowMapping compile(
            SourceIdentity source,
            String table,
            Map<String, LookupSpec> lookups,
            List<EventRuleSpec> rules,
            GroupSpec group,
            ParseSettings settings,
            QualityChecker quality,
            String path) {
        requireNonNull(source, "source is null");
        try {
            Map<String, CompiledLookup> compiledLookups = new LinkedHashMap<>();
            for (Map.Entry<String, LookupSpec> lookup : lookups.entrySet()) {
                String at = path + ".lookups." + lookup.getKey();
                if (lookup.getValue().query() == null
                        || lookup.getValue().query().isBlank()) {
                    throw new IllegalArgumentException(at + ".query: is required");
                }
                if (lookup.getKey().equals("before") || lookup.getKey().contains(".")) {
                    throw new IllegalArgumentException(at + ": a lookup may not be called 'before' or contain a dot");
                }
                List<Template> parameters = new ArrayList<>();
                for (int i = 0; i < lookup.getValue().parameters().size(); i++) {
                    parameters.add(compileTemplate(
                            lookup.getValue().parameters().get(i), "%s.parameters[%d]".formatted(at, i)));
                }
                compiledLookups.put(lookup.getKey(), new CompiledLookup(lookup.getValue(), parameters));
            }
            if (rules.isEmpty()) {
                throw new IllegalArgumentException(path + ".events: at least one rule is required");
            }
            List<Rule> compiledRules = new ArrayList<>();
            for (int i = 0; i < rules.size(); i++) {
                compiledRules.add(Rule.compile(source, rules.get(i), i, "%s.events[%d]".formatted(path, i)));
            }
            Group compiledGroup = group == null ? null : Group.compile(group, path + ".group");
            return new RowMapping(
                    source,
                    table,
                    Map.copyOf(compiledLookups),
                    List.copyOf(compiledRules),
                    compiledGroup,
                    settings,
                    quality);
        } catch (IllegalArgumentException e) {
            throw new IngestionException(ErrorCode.INVALID_SOURCE, e.getMessage(), e);
        }
    }

    private static Template compileTemplate(String text, String path) {
        try {
            return Template.compile(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(path + ": " + e.getMessage());
        }
    }

    public String table() {
        return table;
    }

    public SourceIdentity source() {
        return source;
    }

    /** Whether consecutive rows are grouped into one event (see {@link GroupSpec}). */
    public boolean grouped() {
        return group != null;
    }

    /** The group key of a row (grouped mappings only); null when the row has none. */
    public String groupKey(SourceRow row) throws ValueException {
        Object key = group.key.evaluate(new RowScope(row, lookups, LookupExecutor.NONE, settings));
        return key == null ? null : Conversions.text(key);
    }

    /** Maps one row. */
    public MappingResult map(SourceRow row, Instant receivedAt, LookupExecutor executor) {
        return map(List.of(row), receivedAt, executor);
    }

    /**
     * Maps a group of rows (one row unless the mapping groups): the rules see the first row, the items come from
     * every row.
     */
    public MappingResult map(List<? extends SourceRow> rows, Instant receivedAt, LookupExecutor executor) {
        SourceRow first = rows.getFirst();
        RowScope scope = new RowScope(first, lookups, executor, settings);
        List<ValidationProblem> problems = new ArrayList<>();
        Map<String, Object> groupProperties = new LinkedHashMap<>();
        if (group != null) {
            group.evaluate(rows, lookups, executor, settings, groupProperties, problems);
        }
        List<CanonicalEvent> events = new ArrayList<>();
        List<ValidationProblem> cleared = new ArrayList<>();
        if (problems.isEmpty()) {
            for (Rule rule : rules) {
                try {
                    if (!rule.matches(first, scope)) {
                        continue;
                    }
                    if (rule.reject != null) {
                        problems.add(new ValidationProblem("$", "rule '%s': %s".formatted(rule.name, rule.reject)));
                        continue;
                    }
                    Optional<CanonicalEvent> event =
                            rule.produce(source, first, scope, receivedAt, groupProperties, problems);
                    if (event.isEmpty()) {
                        continue;
                    }
                    CanonicalEvent withHints = event.get();
                    List<ValidationProblem> invalid = EventValidator.validate(withHints);
                    if (!invalid.isEmpty()) {
                        problems.addAll(invalid);
                        continue;
                    }
                    QualityChecker.Result checked = quality.check(withHints);
                    problems.addAll(checked.rejections());
                    cleared.addAll(checked.cleared());
                    if (checked.rejections().isEmpty()) {
                        events.add(checked.event());
                    }
                } catch (ValueException e) {
                    problems.add(new ValidationProblem(
                            "$.where." + rule.name, "cannot evaluate the conditions: " + e.getMessage()));
                } catch (SkipRowException e) {
                    // an unmapped value with 'unmapped: skip' in the conditions: no event from this rule
                }
            }
        }
        return problems.isEmpty() ? MappingResult.accepted(events, cleared) : MappingResult.rejected(problems);
    }

    /** A lookup with its compiled parameter templates. */
    record CompiledLookup(LookupSpec spec, List<Template> parameters) {}

    private static final class Rule {
        private final String name;
        private final Set<Operation> operations;
        private final List<Condition> where;
        private final List<String> changed;
        private final EventType type;
        private final ValueSpec event;
        private final ValueSpec userId;
        private final ValueSpec anonymousId;
        private final ValueSpec previousId;
        private final ValueSpec pageName;
        private final ValueSpec category;
        private final ValueSpec timestamp;
        private final ValueSpec traits;
        private final ValueSpec properties;
        private final ValueSpec context;
        private final List<CompiledIdentifier> identifiers;
        private final String reject;

        private Rule(
                String name,
                Set<Operation> operations,
                List<Condition> where,
                List<String> changed,
                EventType type,
                ValueSpec event,
                ValueSpec userId,
                ValueSpec anonymousId,
                ValueSpec previousId,
                ValueSpec pageName,
                ValueSpec category,
                ValueSpec timestamp,
                ValueSpec traits,
                ValueSpec properties,
                ValueSpec context,
                List<CompiledIdentifier> identifiers,
                String reject) {
            this.name = name;
            this.operations = operations;
            this.where = where;
            this.changed = changed;
            this.type = type;
            this.event = event;
            this.userId = userId;
            this.anonymousId = anonymousId;
            this.previousId = previousId;
            this.pageName = pageName;
            this.category = category;
            this.timestamp = timestamp;
            this.traits = traits;
            this.properties = properties;
            this.context = context;
            this.identifiers = identifiers;
            this.reject = reject;
        }

        static Rule compile(SourceIdentity source, EventRuleSpec spec, int index, String path) {
            String name = spec.rule() == null || spec.rule().isBlank() ? Integer.toString(index) : spec.rule();
            Set<Operation> operations = EnumSet.noneOf(Operation.class);
            for (String operation : spec.operations()) {
                operations.add(Operation.fromWireName(operation)
                        .orElseThrow(() -> new IllegalArgumentException(
                                "%s.operations: '%s' is not insert, update, delete or snapshot"
                                        .formatted(path, operation))));
            }
            List<Condition> conditions = new ArrayList<>();
            spec.where()
                    .forEach((reference, condition) ->
                            conditions.add(Condition.compile(reference, condition, path + ".where." + reference)));
            if (spec.reject() != null) {
                if (spec.reject().isBlank()) {
                    throw new IllegalArgumentException(path + ".reject: must say why the row is rejected");
                }
                ValueSpec none = new ValueSpec.Constant(null);
                return new Rule(
                        name,
                        operations,
                        List.copyOf(conditions),
                        spec.changed(),
                        EventType.TRACK,
                        none,
                        none,
                        none,
                        none,
                        none,
                        none,
                        none,
                        none,
                        none,
                        none,
                        List.of(),
                        spec.reject());
            }
            if (spec.type() == null) {
                throw new IllegalArgumentException(path + ".type: is required (identify, track, page or alias)");
            }
            EventType type = EventType.fromWireName(spec.type())
                    .orElseThrow(() -> new IllegalArgumentException(
                            "%s.type: '%s' is not identify, track, page or alias".formatted(path, spec.type())));
            if (type == EventType.TRACK && spec.event() == null) {
                throw new IllegalArgumentException(path + ".event: is required for track rules");
            }
            if (type == EventType.ALIAS && (spec.userId() == null || spec.previousId() == null)) {
                throw new IllegalArgumentException(path + ": alias rules need userId and previousId");
            }
            if (type != EventType.ALIAS && spec.userId() == null && spec.anonymousId() == null) {
                throw new IllegalArgumentException(path + ": a rule needs userId or anonymousId");
            }
            List<CompiledIdentifier> identifiers = new ArrayList<>();
            for (int i = 0; i < spec.identifiers().size(); i++) {
                identifiers.add(CompiledIdentifier.compile(
                        source, spec.identifiers().get(i), "%s.identifiers[%d]".formatted(path, i)));
            }
            if (spec.traits() != null && !spec.traits().isObject()) {
                throw new IllegalArgumentException(path + ".traits: must be an object");
            }
            if (spec.properties() != null && !spec.properties().isObject()) {
                throw new IllegalArgumentException(path + ".properties: must be an object");
            }
            if (spec.context() != null && !spec.context().isObject()) {
                throw new IllegalArgumentException(path + ".context: must be an object");
            }
            return new Rule(
                    name,
                    operations,
                    List.copyOf(conditions),
                    spec.changed(),
                    type,
                    ValueSpec.compile(spec.event(), path + ".event"),
                    ValueSpec.compile(spec.userId(), path + ".userId"),
                    ValueSpec.compile(spec.anonymousId(), path + ".anonymousId"),
                    ValueSpec.compile(spec.previousId(), path + ".previousId"),
                    ValueSpec.compile(spec.name(), path + ".name"),
                    ValueSpec.compile(spec.category(), path + ".category"),
                    ValueSpec.compile(spec.timestamp(), path + ".timestamp"),
                    ValueSpec.compile(spec.traits(), path + ".traits"),
                    ValueSpec.compile(spec.properties(), path + ".properties"),
                    ValueSpec.compile(spec.context(), path + ".context"),
                    List.copyOf(identifiers),
                    null);
        }

        boolean matches(SourceRow row, Scope scope) throws ValueException, SkipRowException {
            if (!operations.contains(row.operation())) {
                return false;
            }
            if (!changed.isEmpty() && !changed(row)) {
                return false;
            }
            for (Condition condition : where) {
                if (!condition.holds(scope)) {
                    return false;
                }
            }
            return true;
        }

        /** Inserts and snapshots count as changed; updates without a before image too (it is unknown). */
        private boolean changed(SourceRow row) {
            return switch (row.operation()) {
                case INSERT, SNAPSHOT -> true;
                case DELETE -> false;
                case UPDATE -> {
                    if (!row.beforeKnown()) {
                        yield true;
                    }
                    for (String column : changed) {
                        if (!java.util.Objects.equals(
                                Conversions.text(row.before(column)), Conversions.text(row.value(column)))) {
                            yield true;
                        }
                    }
                    yield false;
                }
            };
        }

        Optional<CanonicalEvent> produce(
                SourceIdentity source,
                SourceRow row,
                Scope scope,
                Instant receivedAt,
                Map<String, Object> groupProperties,
                List<ValidationProblem> problems)
                throws SkipRowException {
            int before = problems.size();
            String eventName = text(event, "$.event", scope, problems);
            String user = id(userId, "$.userId", scope, problems);
            String anonymous = id(anonymousId, "$.anonymousId", scope, problems);
            String previous = id(previousId, "$.previousId", scope, problems);
            String page = text(pageName, "$.name", scope, problems);
            String pageCategory = text(category, "$.category", scope, problems);
            Instant happened = null;
            Object time = evaluate(timestamp, "$.timestamp", scope, problems);
            if (time != null) {
                try {
                    happened = Conversions.instant(time, scope.settings());
                } catch (ValueException e) {
                    problems.add(new ValidationProblem("$.timestamp", e.getMessage()));
                }
            }
            Map<String, Object> traitValues = map(traits, "$.traits", scope, problems);
            Map<String, Object> propertyValues = map(properties, "$.properties", scope, problems);
            propertyValues.putAll(groupProperties);
            Map<String, Object> contextValues = map(context, "$.context", scope, problems);
            java.util.LinkedHashSet<IdentifierHint> hints = new java.util.LinkedHashSet<>();
            for (CompiledIdentifier identifier : identifiers) {
                identifier.evaluate(scope, problems).ifPresent(hints::add);
            }
            if (problems.size() > before) {
                return Optional.empty();
            }
            String position = row.position();
            EventContext eventContext =
                    context(new SourceRef(source.id(), source.kind(), position), contextValues, problems);
            if (eventContext == null) {
                return Optional.empty();
            }
            hints.addAll(com.monstermart.cdp.event.IdentifierHints.standard(
                    user, anonymous, traitValues, eventContext.extensions(), source.namespace()));
            return Optional.of(CanonicalEvent.builder(type)
                    .messageId(MessageIds.derived(source.id(), row.messageKey() + "#" + name))
                    .timestamp(happened != null ? happened : row.sourceTime().orElse(receivedAt))
                    .receivedAt(receivedAt)
                    .userId(user)
                    .anonymousId(anonymous)
                    .previousId(previous)
                    .event(type == EventType.TRACK ? eventName : null)
                    .name(page)
                    .category(pageCategory)
                    .traits(traitValues)
                    .properties(propertyValues)
                    .context(eventContext)
                    .identifiers(new ArrayList<>(hints))
                    .buildUnchecked());
        }

        private static Object evaluate(ValueSpec spec, String path, Scope scope, List<ValidationProblem> problems)
                throws SkipRowException {
            try {
                return spec.evaluate(scope);
            } catch (ValueException e) {
                problems.add(new ValidationProblem(path + e.path(), e.getMessage()));
                return null;
            }
        }

        private static String text(ValueSpec spec, String path, Scope scope, List<ValidationProblem> problems)
                throws SkipRowException {
            Object value = evaluate(spec, path, scope, problems);
            if (value instanceof Map<?, ?> || value instanceof List<?>) {
                problems.add(new ValidationProblem(path, "must be a text, not an object or a list"));
                return null;
            }
            String text = Conversions.text(value);
            return text == null || text.isBlank() ? null : text.strip();
        }

        private static String id(ValueSpec spec, String path, Scope scope, List<ValidationProblem> problems)
                throws SkipRowException {
            Object value = evaluate(spec, path, scope, problems);
            if (value instanceof Map<?, ?> || value instanceof List<?>) {
                problems.add(new ValidationProblem(path, "must be a text, not an object or a list"));
                return null;
            }
            return Conversions.id(value);
        }

        private static Map<String, Object> map(
                ValueSpec spec, String path, Scope scope, List<ValidationProblem> problems) throws SkipRowException {
            Object value = evaluate(spec, path, scope, problems);
            Map<String, Object> result = new LinkedHashMap<>();
            if (value instanceof Map<?, ?> map) {
                map.forEach((key, member) -> result.put((String) key, member));
            }
            return result;
        }

        private static EventContext context(
                SourceRef source, Map<String, Object> values, List<ValidationProblem> problems) {
            EventContext.Builder builder = EventContext.builder(source).library(LIBRARY);
            for (Map.Entry<String, Object> entry : values.entrySet()) {
                Object value = entry.getValue();
                switch (entry.getKey()) {
                    case "sessionId" -> builder.sessionId(Conversions.id(value));
                    case "ip" -> builder.ip(Conversions.text(value));
                    case "userAgent" -> builder.userAgent(Conversions.text(value));
                    case "locale" -> builder.locale(Conversions.text(value));
                    case "gpc" -> {
                        if (Boolean.TRUE.equals(value) || "true".equals(value)) {
                            builder.globalPrivacyControl();
                        }
                    }
                    case "page" -> {
                        if (value instanceof Map<?, ?> page) {
                            builder.page(new PageContext(
                                    optional(page.get("path")),
                                    optional(page.get("referrer")),
                                    optional(page.get("search")),
                                    optional(page.get("title")),
                                    optional(page.get("url"))));
                        }
                    }
                    case "campaign" -> {
                        if (value instanceof Map<?, ?> campaign) {
                            builder.campaign(new CampaignContext(
                                    optional(campaign.get("name")),
                                    optional(campaign.get("source")),
                                    optional(campaign.get("medium")),
                                    optional(campaign.get("term")),
                                    optional(campaign.get("content"))));
                        }
                    }
                    case "source", "library" ->
                        problems.add(new ValidationProblem(
                                "$.context." + entry.getKey(), "is set by ingestion; remove it from the mapping"));
                    default -> builder.extension(entry.getKey(), value);
                }
            }
            return problems.isEmpty() ? builder.build() : null;
        }

        private static Optional<String> optional(Object value) {
            return Optional.ofNullable(Conversions.text(value));
        }
    }

    private record CompiledIdentifier(IdentifierType type, String namespace, ValueSpec value, String path) {
        static CompiledIdentifier compile(SourceIdentity source, IdentifierSpec spec, String path) {
            if (spec.type() == null) {
                throw new IllegalArgumentException(path + ".type: is required");
            }
            IdentifierType type = IdentifierType.fromWireName(spec.type())
                    .orElseThrow(() -> new IllegalArgumentException(
                            "%s.type: '%s' is not one of user_id, anonymous_id, customer_id, email, phone, device_id, loyalty_card"
                                    .formatted(path, spec.type())));
            String namespace = type.scope() == IdentifierType.Scope.GLOBAL
                    ? IdentifierHint.GLOBAL_NAMESPACE
                    : spec.namespace() == null || spec.namespace().isBlank() ? source.namespace() : spec.namespace();
            if (spec.value() == null) {
                throw new IllegalArgumentException(path + ".value: is required");
            }
            return new CompiledIdentifier(type, namespace, ValueSpec.compile(spec.value(), path + ".value"), path);
        }

        Optional<IdentifierHint> evaluate(Scope scope, List<ValidationProblem> problems) throws SkipRowException {
            try {
                String text = Conversions.id(value.evaluate(scope));
                if (text == null || text.isBlank()) {
                    return Optional.empty();
                }
                return Optional.of(new IdentifierHint(type, namespace, text));
            } catch (ValueException e) {
                problems.add(new ValidationProblem("$.identifiers", e.getMessage()));
            } catch (IllegalArgumentException e) {
                problems.add(new ValidationProblem("$.identifiers", e.getMessage()));
            }
            return Optional.empty();
        }
    }

    private record Group(Template key, String itemsProperty, ValueSpec item, List<String> totals) {
        static Group compile(GroupSpec spec, String path) {
            if (spec.key() == null || spec.key().isBlank()) {
                throw new IllegalArgumentException(path + ".key: is required");
            }
            if (spec.item() == null || !spec.item().isObject()) {
                throw new IllegalArgumentException(path + ".item: must be an object of value specs");
            }
            return new Group(
                    compileTemplate(spec.key(), path + ".key"),
                    spec.itemsProperty(),
                    ValueSpec.compile(spec.item(), path + ".item"),
                    spec.totals());
        }

        void evaluate(
                List<? extends SourceRow> rows,
                Map<String, CompiledLookup> lookups,
                LookupExecutor executor,
                ParseSettings settings,
                Map<String, Object> out,
                List<ValidationProblem> problems) {
            List<Object> items = new ArrayList<>(rows.size());
            BigDecimal total = BigDecimal.ZERO;
            String path = "$.properties." + itemsProperty;
            for (int i = 0; i < rows.size(); i++) {
                try {
                    Object value = item.evaluate(new RowScope(rows.get(i), lookups, executor, settings));
                    if (value instanceof Map<?, ?> map) {
                        items.add(map);
                        BigDecimal price = Conversions.decimal(map.get("price"), settings);
                        BigDecimal quantity = map.get("quantity") == null
                                ? BigDecimal.ONE
                                : Conversions.decimal(map.get("quantity"), settings);
                        if (price != null) {
                            total = total.add(price.multiply(quantity));
                        }
                    }
                } catch (ValueException e) {
                    problems.add(new ValidationProblem(path + "[" + i + "]" + e.path(), e.getMessage()));
                } catch (SkipRowException e) {
                    // an unmapped item value with 'unmapped: skip': the item is left out
                }
            }
            out.put(itemsProperty, items);
            for (String name : totals) {
                out.put(name, total);
            }
        }
    }
}
