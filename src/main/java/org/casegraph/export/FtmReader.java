package org.casegraph.export;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.casegraph.graph.PartialDate;
import org.casegraph.graph.Vocabulary;

/**
 * FollowTheMoney entities back into CaseGraph records in the seed-data form that
 * {@code import} validates: the reverse of {@link FtmWriter}'s table (README, "Import
 * from FollowTheMoney"), so that what CaseGraph exported comes back as it was, and
 * entities from Aleph or OpenSanctions come in as the nearest CaseGraph type. A line that
 * cannot be mapped is refused with an {@link IllegalArgumentException} whose message
 * names the property.
 */
public final class FtmReader {

    /** Between a quote and its document's name, as {@link FtmWriter#quote} writes it. */
    private static final String QUOTED_FROM = "\u201d \u2014 ";

    private static final Map<String, String> ENTITY_SCHEMATA = Map.ofEntries(Map.entry("Person", "Person"),
            Map.entry("Organization", "Organization"), Map.entry("PublicBody", "Organization"),
            Map.entry("Company", "Organization"), Map.entry("LegalEntity", "Organization"),
            Map.entry("CourtCase", "Case"), Map.entry("Event", "Event"), Map.entry("Document", "Document"),
            Map.entry("Article", "Document"), Map.entry("Address", "Place"), Map.entry("Note", "Claim"));

    /** Interval schemata, with the properties holding their two ends. */
    private static final Map<String, List<String>> LINK_SCHEMATA = Map.of("Employment", List.of("employee", "employer"),
            "Membership", List.of("member", "organization"), "Directorship", List.of("director", "organization"),
            "Representation", List.of("agent", "client"), "Associate", List.of("person", "associate"), "CourtCaseParty",
            List.of("party", "case"), "Documentation", List.of("document", "entity"), "UnknownLink",
            List.of("subject", "object"));

    /**
     * The relationship type each schema and role comes from first (FtmWriter's default
     * roles); any other role keeps the type the schema's first entry names.
     */
    private static final Map<String, Map<String, String>> TYPES_BY_ROLE = Map.of("Employment", Map.of("", "WORKS_FOR"),
            "Membership", Map.of("", "MEMBER_OF", "office holder", "HOLDS_OFFICE"), "Directorship",
            Map.of("", "OPERATED"), "Representation", Map.of("", "REPRESENTS"), "CourtCaseParty", Map.of("defendant",
                    "DEFENDANT_IN", "investigator", "INVESTIGATED", "prosecutor", "PROSECUTED", "assisted", "ASSISTED"),
            "Associate", Map.of("", "PARTNERED_WITH"), "Documentation", Map.of("", "MENTIONS"));

    /**
     * An event's outcome as {@code FtmWriter.outcome} writes it: date qualifier and
     * reasoning, sentence, fine, count.
     */
    private static final Pattern OUTCOME = Pattern.compile(
            "(?:date (exact|approximate|inferred)(?:: (.*?))?)?"
                    + "(?:(?:^|; )sentence: ([-0-9.Ee]+)(?:\u2013([-0-9.Ee]+))? years)?"
                    + "(?:(?:^|; )fine: ([-0-9.Ee]+)(?: (\\S+))?)?"
                    + "(?:(?:^|; )(?:(exact|approximate|at-least|more-than|at-most) )?(\\d+)(?: (.+))?)?",
            Pattern.DOTALL);

    /** A statistic's figure as {@code FtmWriter.figure} writes it. */
    private static final Pattern FIGURE = Pattern
        .compile("(.+): (?:(exact|approximate|at-least|more-than|at-most|up-to|less-than|nearly) )?([-0-9.Ee]+)"
                + "(?:\u2013([-0-9.Ee]+))? (.+?)(?: \\((.+)\\))?", Pattern.DOTALL);

    private final Vocabulary vocabulary;

    public FtmReader(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    /**
     * One FtM entity as a line holds it; {@code datasets} as OpenSanctions lists them.
     */
    public record FtmEntity(String id, String schema, Map<String, List<String>> properties, List<String> datasets) {

        /**
         * Reads the parts of one line's JSON object FtM defines; refuses one without id,
         * schema or properties as lists of strings.
         */
        public static FtmEntity of(Map<String, Object> json) {
            if (!(json.get("id") instanceof String id) || id.isBlank()) {
                throw new IllegalArgumentException("missing 'id' (an FtM entity id)");
            }
            if (!(json.get("schema") instanceof String schema) || schema.isBlank()) {
                throw new IllegalArgumentException("missing 'schema' (an FtM schema such as Person)");
            }
            Object raw = json.get("properties");
            if (!(raw instanceof Map<?, ?> rawProperties)) {
                throw new IllegalArgumentException("missing 'properties' (an object of lists of strings)");
            }
            Map<String, List<String>> properties = new LinkedHashMap<>();
            for (Map.Entry<?, ?> property : rawProperties.entrySet()) {
                if (!(property.getValue() instanceof List<?> values)
                        || !values.stream().allMatch((value) -> value instanceof String)) {
                    throw new IllegalArgumentException("property '" + property.getKey()
                            + "' must be a list of strings, as FtM writes every value");
                }
                properties.put(String.valueOf(property.getKey()),
                        values.stream()
                            .map(String.class::cast)
                            .map(String::strip)
                            .filter((v) -> !v.isEmpty())
                            .toList());
            }
            List<String> datasets = json.get("datasets") instanceof List<?> list
                    ? list.stream().filter((item) -> item instanceof String).map(String.class::cast).toList()
                    : List.of();
            return new FtmEntity(id, schema, properties, datasets);
        }

        public List<String> values(String property) {
            return this.properties.getOrDefault(property, List.of());
        }

        public String first(String property) {
            List<String> values = values(property);
            return values.isEmpty() ? null : values.get(0);
        }

    }

    /**
     * What an FtM id stands for: a CaseGraph entity's id and type, and for a document its
     * name and URL (quotes name their document).
     */
    public record Ref(String id, String type, String name, String url) {
    }

    /** Whether the schema is an interval that becomes a relationship. */
    public static boolean isLink(String schema) {
        return LINK_SCHEMATA.containsKey(schema);
    }

    /**
     * The CaseGraph type an entity schema becomes; refuses a schema CaseGraph has no type
     * or relationship for.
     */
    public static String entityType(FtmEntity entity) {
        String type = ENTITY_SCHEMATA.get(entity.schema());
        if (type == null && !isLink(entity.schema())) {
            throw new IllegalArgumentException("schema '" + entity.schema() + "' has no CaseGraph type; imported are "
                    + new TreeSet<>(ENTITY_SCHEMATA.keySet()) + " and the links "
                    + new TreeSet<>(LINK_SCHEMATA.keySet()));
        }
        if ("Note".equals(entity.schema()) && entity.id().startsWith("statistic.")) {
            return "Statistic";
        }
        return type;
    }

    /**
     * The CaseGraph id of an FtM entity: {@code person.x} from CaseGraph is
     * {@code person/x} again; any other id becomes the type's prefix and a slug of it.
     */
    public static String caseGraphId(String ftmId, String type) {
        String prefix = type.toLowerCase(Locale.ROOT) + ".";
        String rest = ftmId.startsWith(prefix) ? ftmId.substring(prefix.length()) : ftmId;
        String slug = rest.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return type.toLowerCase(Locale.ROOT) + "/" + (slug.isEmpty() ? "unnamed" : slug);
    }

    /**
     * The names a quote in {@code text} may say it is from: every ending after
     * {@code ” — }.
     */
    public static List<String> quotedNames(String text) {
        List<String> names = new ArrayList<>();
        if (text.startsWith("\u201c")) {
            for (int at = text.indexOf(QUOTED_FROM); at > 0; at = text.indexOf(QUOTED_FROM, at + 1)) {
                names.add(text.substring(at + QUOTED_FROM.length()));
            }
        }
        return names;
    }

    /**
     * An entity as a seed-data record. {@code refs} finds what an FtM id stands for,
     * {@code documentsNamed} the documents of a name; quotes that name no document are
     * kept as text, and an entity with no quote at all cites {@code fallbackDocument}
     * with its name.
     */
    public Map<String, Object> entity(FtmEntity ftm, String id, String type, Function<String, Ref> refs,
            Function<String, List<Ref>> documentsNamed, String fallbackDocument) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("id", id);
        fields.put("type", type);
        List<String> names = ftm.values("name");
        String name = !names.isEmpty() ? names.get(0)
                : firstOf(ftm, "title", "full", "fileName", "description", "caption");
        if (name == null) {
            throw new IllegalArgumentException("property 'name' is missing; CaseGraph needs a name for every entity");
        }
        fields.put("name", "Claim".equals(type) && names.isEmpty() ? shortened(name) : name);
        List<String> aliases = new ArrayList<>(names.size() > 1 ? names.subList(1, names.size()) : List.of());
        aliases.addAll(ftm.values("alias"));
        List<String> texts = new ArrayList<>();
        if (ftm.first("summary") != null) {
            texts.add(String.join("\n\n", ftm.values("summary")));
        }
        List<Ref> proof = new ArrayList<>();
        for (String proofId : ftm.values("proof")) {
            Ref document = refs.apply(proofId);
            if (document != null) {
                proof.add(document);
            }
        }
        List<Map<String, String>> sources = new ArrayList<>();
        Map<String, String> countries = new LinkedHashMap<>();
        for (String note : ftm.values("notes")) {
            Map<String, String> citation = citation(note, proof, documentsNamed, Set.of());
            if (citation != null) {
                sources.add(citation);
            }
            else if (note.matches("(nationality|country): .+")) {
                countries.putIfAbsent(note.substring(0, note.indexOf(':')), note.substring(note.indexOf(':') + 2));
            }
            else {
                texts.add(note);
            }
        }
        switch (type) {
            case "Person" -> {
                put(fields, "aliases", aliases);
                put(fields, "nationality", country(ftm.first("nationality"), countries.get("nationality")));
                put(fields, "titles", ftm.values("position"));
                put(fields, "party", ftm.first("political"));
            }
            case "Organization" -> {
                put(fields, "aliases", aliases);
                put(fields, "kind", organizationKind(ftm));
                put(fields, "country", country(ftm.first("country"), countries.get("country")));
            }
            case "Case" -> {
                put(fields, "aliases", aliases);
                put(fields, "status", ftm.first("status"));
                put(fields, "jurisdiction", country(ftm.first("country"), countries.get("country")));
                put(fields, "charges", ftm.values("category"));
            }
            case "Event" -> {
                String date = date(firstOf(ftm, "startDate", "date"), "startDate");
                if (date == null) {
                    throw new IllegalArgumentException(
                            "property 'startDate' is missing; a CaseGraph Event needs the date it happened");
                }
                fields.put("date", date);
                put(fields, "endDate", date(ftm.first("endDate"), "endDate"));
                put(fields, "kind", enumValue("Event", "kind", ftm.first("keywords")));
                String description = String.join("\n\n", ftm.values("description"));
                // Only CaseGraph's own events hold an outcome; a description from
                // elsewhere
                // stays text, however it reads.
                if (!description.isEmpty() && !(ftm.id().startsWith("event.") && outcome(description, fields))) {
                    texts.add(description);
                }
            }
            case "Document" -> {
                put(fields, "aliases", aliases);
                put(fields, "title", ftm.first("title"));
                put(fields, "publicationDate", date(firstOf(ftm, "publishedAt", "date"), "publishedAt"));
                put(fields, "url", ftm.first("sourceUrl"));
                String kind = enumValue("Document", "kind", ftm.first("keywords"));
                put(fields, "kind", kind == null && "Article".equals(ftm.schema()) ? "article" : kind);
                // FtmWriter names a document without a file by its id's slug.
                String fileName = ftm.first("fileName");
                if (fileName != null && !fileName.equals(id.substring(id.indexOf('/') + 1))) {
                    fields.put("seedFile", fileName);
                }
            }
            case "Place" -> {
                put(fields, "aliases", aliases);
                put(fields, "kind", enumValue("Place", "kind", ftm.first("keywords")));
            }
            case "Statistic" -> {
                String figure = ftm.first("description");
                Matcher matcher = figure == null ? null : FIGURE.matcher(figure);
                if (matcher == null || !matcher.matches()) {
                    throw new IllegalArgumentException("property 'description' is not a figure "
                            + "('metric: value unit (period)'), which a statistic.* Note holds");
                }
                fields.put("metric", matcher.group(1));
                put(fields, "qualifier", matcher.group(2));
                fields.put("value", Double.parseDouble(matcher.group(3)));
                put(fields, "valueMax", matcher.group(4) == null ? null : Double.parseDouble(matcher.group(4)));
                fields.put("unit", matcher.group(5));
                put(fields, "period", matcher.group(6));
            }
            case "Claim" -> {
                String statement = String.join("\n\n", ftm.values("description"));
                fields.put("statement", statement.isEmpty() ? name : statement);
            }
            default -> throw new IllegalStateException(type);
        }
        if (!texts.isEmpty()) {
            fields.put("summary", String.join("\n\n", texts));
        }
        if (sources.isEmpty()) {
            sources.add(Map.of("doc", fallbackDocument, "quote", name));
        }
        fields.put("sources", sources);
        return fields;
    }

    /**
     * An interval schema as a seed-data relationship, of the type its schema, role and
     * ends map back to; quotes in {@code description} become its citations, or, if it has
     * none, {@code fallbackDocument} is cited with the FtM id.
     */
    public Map<String, Object> relationship(FtmEntity ftm, Function<String, Ref> refs,
            Function<String, List<Ref>> documentsNamed, String fallbackDocument) {
        List<String> endProperties = LINK_SCHEMATA.get(ftm.schema());
        Ref from = end(ftm, endProperties.get(0), refs);
        Ref to = end(ftm, endProperties.get(1), refs);
        String roleProperty = "Associate".equals(ftm.schema()) ? "relationship" : "role";
        String role = ftm.first(roleProperty);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("id", ftm.first("recordId") != null ? ftm.first("recordId") : ftm.id());
        String type = type(ftm.schema(), role, from.type(), to.type());
        if (type == null) {
            throw new IllegalArgumentException(
                    "no CaseGraph relationship is a " + ftm.schema() + " from a " + from.type() + " ('"
                            + endProperties.get(0) + "') to a " + to.type() + " ('" + endProperties.get(1) + "')");
        }
        fields.put("type", type);
        fields.put("from", from.id());
        fields.put("to", to.id());
        String defaultRole = FtmWriter.edge(type, from.type(), to.type()).role();
        if (role != null && !role.equals(defaultRole)) {
            fields.put("role", role);
        }
        put(fields, "validFrom", date(ftm.first("startDate"), "startDate"));
        put(fields, "validTo", date(ftm.first("endDate"), "endDate"));
        List<String> notes = new ArrayList<>(ftm.values("summary"));
        List<Map<String, String>> sources = new ArrayList<>();
        Set<String> urls = new LinkedHashSet<>(ftm.values("sourceUrl"));
        for (String description : ftm.values("description")) {
            Map<String, String> citation = citation(description, List.of(), documentsNamed, urls);
            if (citation != null) {
                sources.add(citation);
            }
            else {
                notes.add(description);
            }
        }
        if (!notes.isEmpty()) {
            fields.put("note", String.join("\n\n", notes));
        }
        if (sources.isEmpty()) {
            sources.add(Map.of("doc", fallbackDocument, "quote", ftm.id()));
        }
        fields.put("sources", sources);
        return fields;
    }

    /**
     * The relationship type for a schema and role between entities of these types: the
     * one FtmWriter writes so when the role is its default, else the schema's usual type,
     * else the first type (by name) that links these types and that FtmWriter writes as
     * this schema; null if none does.
     */
    String type(String schema, String role, String fromType, String toType) {
        List<String> candidates = new ArrayList<>();
        if ("UnknownLink".equals(schema) || "Associate".equals(schema) || "Documentation".equals(schema)) {
            if (role != null) {
                candidates.add(role.toUpperCase(Locale.ROOT).replace(' ', '_'));
            }
        }
        Map<String, String> byRole = TYPES_BY_ROLE.getOrDefault(schema, Map.of());
        if (role != null && byRole.containsKey(role)) {
            candidates.add(byRole.get(role));
        }
        if (byRole.containsKey("")) {
            candidates.add(byRole.get(""));
        }
        candidates.addAll(new TreeSet<>(this.vocabulary.relationshipTypeNames()));
        for (String candidate : candidates) {
            Vocabulary.RelationshipType type = this.vocabulary.relationshipType(candidate);
            if (type != null && type.allows(fromType, toType)
                    && schema.equals(FtmWriter.edge(candidate, fromType, toType).schema())) {
                return candidate;
            }
        }
        return null;
    }

    private static Ref end(FtmEntity ftm, String property, Function<String, Ref> refs) {
        String id = ftm.first(property);
        if (id == null) {
            throw new IllegalArgumentException("property '" + property + "' is missing; "
                    + ("AEIOU".indexOf(ftm.schema().charAt(0)) >= 0 ? "an " : "a ") + ftm.schema()
                    + " links two entities and CaseGraph needs both");
        }
        Ref ref = refs.apply(id);
        if (ref == null) {
            throw new IllegalArgumentException("property '" + property + "' refers to '" + id
                    + "', which is neither in the import nor in the database");
        }
        return ref;
    }

    /**
     * A note or description written as {@code “quote” — document name} as a citation: the
     * document among {@code proof} first, else by name (one whose URL is among
     * {@code urls} first); null if it is no quote of a known document.
     */
    private static Map<String, String> citation(String text, List<Ref> proof,
            Function<String, List<Ref>> documentsNamed, Set<String> urls) {
        List<String> names = quotedNames(text);
        for (int i = names.size() - 1; i >= 0; i--) {
            String name = names.get(i);
            Ref document = proof.stream().filter((ref) -> name.equals(ref.name())).findFirst().orElse(null);
            if (document == null) {
                List<Ref> named = documentsNamed.apply(name);
                document = named.stream()
                    .filter((ref) -> urls.contains(ref.url()))
                    .findFirst()
                    .orElse(named.isEmpty() ? null : named.get(0));
            }
            if (document != null) {
                String quote = text.substring(1, text.length() - name.length() - QUOTED_FROM.length());
                return Map.of("doc", document.id(), "quote", quote);
            }
        }
        return null;
    }

    /**
     * Reads {@code FtmWriter.outcome} back into the event's fields; false if the text is
     * not one (a description from elsewhere).
     */
    private static boolean outcome(String text, Map<String, Object> fields) {
        Matcher matcher = OUTCOME.matcher(text);
        if (!matcher.matches()) {
            return false;
        }
        put(fields, "dateQualifier", matcher.group(1));
        put(fields, "dateReasoning", matcher.group(2));
        put(fields, "sentenceYears", number(matcher.group(3)));
        put(fields, "sentenceYearsMax", number(matcher.group(4)));
        put(fields, "fineAmount", number(matcher.group(5)));
        put(fields, "fineCurrency", matcher.group(6));
        put(fields, "countQualifier", matcher.group(7));
        put(fields, "count", matcher.group(8) == null ? null : Long.parseLong(matcher.group(8)));
        put(fields, "countOf", matcher.group(9));
        return true;
    }

    private String organizationKind(FtmEntity ftm) {
        String kind = enumValue("Organization", "kind", ftm.first("classification"));
        if (kind != null) {
            return kind;
        }
        return switch (ftm.schema()) {
            case "PublicBody" -> "government";
            case "Company" -> "business";
            default -> null;
        };
    }

    /** The value if the vocabulary allows it for the field, else null. */
    private String enumValue(String type, String field, String value) {
        Vocabulary.FieldSpec spec = this.vocabulary.entityType(type).fields().get(field);
        return value != null && spec.values().contains(value) ? value : null;
    }

    /**
     * FtM dates may carry a time ({@code 2011-12-15T10:00:00}); CaseGraph keeps the date.
     */
    private static String date(String value, String property) {
        if (value == null) {
            return null;
        }
        String date = value.length() > 10 && value.charAt(10) == 'T' ? value.substring(0, 10) : value;
        if (!PartialDate.isValid(date)) {
            throw new IllegalArgumentException(
                    "property '" + property + "' is not a date (2011, 2011-12 or 2011-12-15): '" + value + "'");
        }
        return date;
    }

    /**
     * A country name for an FtM code, or the name FtmWriter kept in notes when it had no
     * code.
     */
    private static String country(String code, String noted) {
        return code != null ? Countries.name(code) : noted;
    }

    private static Double number(String text) {
        return text == null ? null : Double.valueOf(text);
    }

    private static String firstOf(FtmEntity ftm, String... properties) {
        for (String property : properties) {
            if (ftm.first(property) != null) {
                return ftm.first(property);
            }
        }
        return null;
    }

    private static String shortened(String text) {
        String line = text.strip().replaceAll("\\s+", " ");
        return line.length() <= 80 ? line : line.substring(0, 79) + "\u2026";
    }

    private static void put(Map<String, Object> fields, String field, Object value) {
        if (value != null && !(value instanceof List<?> list && list.isEmpty())) {
            fields.put(field, value);
        }
    }

}
