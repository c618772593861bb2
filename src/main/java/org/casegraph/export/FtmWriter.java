package org.casegraph.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.casegraph.entity.Case;
import org.casegraph.entity.Citation;
import org.casegraph.entity.Claim;
import org.casegraph.entity.Document;
import org.casegraph.entity.Entity;
import org.casegraph.entity.Event;
import org.casegraph.entity.Organization;
import org.casegraph.entity.Person;
import org.casegraph.entity.Place;
import org.casegraph.entity.Relationship;
import org.casegraph.entity.Statistic;
import org.casegraph.entity.Victim;
import tools.jackson.databind.json.JsonMapper;

/**
 * FollowTheMoney entities, one JSON object a line ({@code id}, {@code schema},
 * {@code properties} with lists of strings), as Aleph's and OpenSanctions' tools read
 * them. The mapping is the README's table ("Export"): a Victim has no FtM schema and is
 * left out, with every relationship that touches one. Quotes go to {@code notes}
 * (entities) and {@code description} (relationships, whose interval schemata have no
 * {@code proof}); entities' {@code proof} names the cited documents, which the export
 * always holds.
 */
final class FtmWriter implements ExportWriter {

    /**
     * FtM entity ids: letters, digits, dots and hyphens, at most 200 characters
     * (followthemoney's entity type).
     */
    static final Pattern ID = Pattern.compile("[0-9a-zA-Z]([0-9a-zA-Z.\\-]*[0-9a-zA-Z])?");

    /** Organization kinds that FtM calls a PublicBody. */
    private static final Set<String> PUBLIC_BODIES = Set.of("police", "court", "prosecutor", "ministry", "government",
            "legislature", "legislative-office", "agency");

    /** Document kinds that FtM calls an Article. */
    private static final Set<String> ARTICLES = Set.of("article", "blog-post", "newsletter", "press-release",
            "letter-to-the-editor");

    private static final byte[] NEWLINE = { '\n' };

    private final OutputStream out;

    private final JsonMapper json = JsonMapper.builder().build();

    /**
     * Entities this export left out (victims), so that no relationship points at them.
     */
    private final Set<String> written = new java.util.HashSet<>();

    private final Written counts = new Written();

    FtmWriter(OutputStream out) {
        this.out = out;
    }

    /**
     * The FtM id of a CaseGraph entity or relationship id: {@code person/x} becomes
     * {@code person.x}.
     */
    static String id(String casegraphId) {
        String dotted = casegraphId.replace('/', '.');
        if (dotted.length() <= 200 && ID.matcher(dotted).matches()) {
            return dotted;
        }
        return "cg-" + sha1(casegraphId);
    }

    @Override
    public void entities(List<Entity> page, Map<String, Entity> documents) throws IOException {
        for (Entity entity : page) {
            if (entity instanceof Victim) {
                continue;
            }
            Properties properties = new Properties();
            properties.add("name", entity.name());
            properties.add("summary", entity.summary());
            for (Citation citation : entity.sources()) {
                if (documents.get(citation.documentId()) instanceof Document document) {
                    properties.add("notes", quote(citation, document));
                    properties.add("proof", id(document.id()));
                }
            }
            String schema = schema(entity, properties);
            line(id(entity.id()), schema, properties);
            this.written.add(entity.id());
            this.counts.entity();
        }
    }

    @Override
    public void relationships(List<ExportRepository.Link> page, Map<String, Entity> documents) throws IOException {
        for (ExportRepository.Link link : page) {
            Relationship relationship = link.relationship();
            if (!this.written.contains(relationship.fromId()) || !this.written.contains(relationship.toId())) {
                continue;
            }
            Edge edge = edge(relationship.type(), link.fromType(), link.toType());
            Properties properties = new Properties();
            properties.add(edge.source(), id(relationship.fromId()));
            properties.add(edge.target(), id(relationship.toId()));
            String role = relationship.role() != null ? relationship.role() : edge.role();
            properties.add("Associate".equals(edge.schema()) ? "relationship" : "role", role);
            properties.add("startDate", relationship.validFrom());
            properties.add("endDate", relationship.validTo());
            properties.add("recordId", relationship.id());
            properties.add("summary", relationship.note());
            for (Citation citation : relationship.sources()) {
                if (documents.get(citation.documentId()) instanceof Document document) {
                    properties.add("description", quote(citation, document));
                    properties.add("sourceUrl", document.url());
                }
            }
            line(id(relationship.id()), edge.schema(), properties);
            this.counts.relationship();
        }
    }

    @Override
    public void finish() throws IOException {
        this.out.flush();
    }

    @Override
    public Written written() {
        return this.counts;
    }

    /**
     * Whether a document is in the export already (a subgraph's citations may name
     * documents outside it).
     */
    boolean holds(String id) {
        return this.written.contains(id);
    }

    /**
     * An FtM edge schema, its source and target properties, and the role to state when
     * the link has none.
     */
    record Edge(String schema, String source, String target, String role) {
    }

    /** The README's relationship table. */
    static Edge edge(String type, String fromType, String toType) {
        boolean legalFrom = "Person".equals(fromType) || "Organization".equals(fromType);
        String role = type.toLowerCase(Locale.ROOT).replace('_', ' ');
        switch (type) {
            case "WORKS_FOR":
                if ("Person".equals(fromType) && "Organization".equals(toType)) {
                    return new Edge("Employment", "employee", "employer", null);
                }
                break;
            case "MEMBER_OF", "HOLDS_OFFICE":
                if (legalFrom && "Organization".equals(toType)) {
                    return new Edge("Membership", "member", "organization",
                            "HOLDS_OFFICE".equals(type) ? "office holder" : null);
                }
                break;
            case "OPERATED":
                if (legalFrom && "Organization".equals(toType)) {
                    return new Edge("Directorship", "director", "organization", "operated");
                }
                break;
            case "REPRESENTS":
                if (legalFrom && ("Organization".equals(toType) || "Person".equals(toType))) {
                    return new Edge("Representation", "agent", "client", null);
                }
                break;
            case "DEFENDANT_IN", "INVESTIGATED", "PROSECUTED", "ASSISTED":
                if ("Case".equals(toType)) {
                    return new Edge("CourtCaseParty", "party", "case", switch (type) {
                        case "DEFENDANT_IN" -> "defendant";
                        case "INVESTIGATED" -> "investigator";
                        case "PROSECUTED" -> "prosecutor";
                        default -> "assisted";
                    });
                }
                break;
            case "PARTNERED_WITH", "TRAINED", "PROTECTED", "PRAISED", "CRITICIZED":
                if ("Person".equals(fromType) && "Person".equals(toType)) {
                    return new Edge("Associate", "person", "associate", role);
                }
                break;
            case "MENTIONS", "ABOUT":
                if ("Document".equals(fromType)) {
                    return new Edge("Documentation", "document", "entity", role);
                }
                break;
            default:
                break;
        }
        return new Edge("UnknownLink", "subject", "object", role);
    }

    /** The entity's FtM schema, its type's properties added to {@code properties}. */
    private static String schema(Entity entity, Properties properties) {
        if (entity instanceof Person person) {
            properties.addAll("alias", person.aliases());
            country(properties, "nationality", person.nationality());
            properties.addAll("position", person.titles());
            properties.add("political", person.party());
            return "Person";
        }
        if (entity instanceof Organization organization) {
            properties.addAll("alias", organization.aliases());
            properties.add("classification", organization.kind());
            country(properties, "country", organization.country());
            return PUBLIC_BODIES.contains(organization.kind()) ? "PublicBody" : "Organization";
        }
        if (entity instanceof Case matter) {
            properties.addAll("alias", matter.aliases());
            properties.add("status", matter.status());
            country(properties, "country", matter.jurisdiction());
            properties.addAll("category", matter.charges());
            return "CourtCase";
        }
        if (entity instanceof Event event) {
            properties.add("startDate", event.date());
            properties.add("endDate", event.endDate());
            properties.add("keywords", event.kind());
            properties.add("description", outcome(event));
            return "Event";
        }
        if (entity instanceof Document document) {
            properties.addAll("alias", document.aliases());
            properties.add("title", document.title());
            properties.add("publishedAt", document.publicationDate());
            properties.add("sourceUrl", document.url());
            properties.add("keywords", document.kind());
            // FtM requires a file name of a Document; where CaseGraph has no file, the
            // id's slug stands in.
            properties.add("fileName", document.seedFile() != null ? document.seedFile()
                    : document.id().substring(document.id().indexOf('/') + 1));
            return ARTICLES.contains(document.kind()) ? "Article" : "Document";
        }
        if (entity instanceof Place place) {
            properties.addAll("alias", place.aliases());
            properties.add("full", place.name());
            properties.add("keywords", place.kind());
            if ("country".equals(place.kind())) {
                country(properties, "country", place.name());
            }
            return "Address";
        }
        if (entity instanceof Statistic statistic) {
            properties.add("description", figure(statistic));
            return "Note";
        }
        if (entity instanceof Claim claim) {
            properties.add("description", claim.statement());
            return "Note";
        }
        throw new IllegalStateException(entity.getClass().getSimpleName() + " has no FtM schema");
    }

    private void line(String id, String schema, Properties properties) throws IOException {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("id", id);
        line.put("schema", schema);
        line.put("properties", properties.values);
        this.out.write(this.json.writeValueAsBytes(line));
        this.out.write(NEWLINE);
    }

    private static void country(Properties properties, String property, String name) {
        String code = Countries.code(name);
        if (code != null) {
            properties.add(property, code);
        }
        else if (name != null) {
            properties.add("notes", property + ": " + name);
        }
    }

    static String quote(Citation citation, Document document) {
        return "\u201c" + citation.quote() + "\u201d \u2014 " + document.name();
    }

    /**
     * An event's outcome and how sure its date is, which FtM's Event has no fields for.
     */
    private static String outcome(Event event) {
        List<String> parts = new ArrayList<>();
        if (event.dateQualifier() != null) {
            parts.add("date " + event.dateQualifier()
                    + (event.dateReasoning() == null ? "" : ": " + event.dateReasoning()));
        }
        if (event.sentenceYears() != null) {
            parts.add("sentence: " + number(event.sentenceYears())
                    + (event.sentenceYearsMax() == null ? "" : "\u2013" + number(event.sentenceYearsMax())) + " years");
        }
        if (event.fineAmount() != null) {
            parts.add("fine: " + number(event.fineAmount())
                    + (event.fineCurrency() == null ? "" : " " + event.fineCurrency()));
        }
        if (event.count() != null) {
            parts.add((event.countQualifier() == null ? "" : event.countQualifier() + " ") + event.count()
                    + (event.countOf() == null ? "" : " " + event.countOf()));
        }
        return parts.isEmpty() ? null : String.join("; ", parts);
    }

    private static String figure(Statistic statistic) {
        return statistic.metric() + ": " + (statistic.qualifier() == null ? "" : statistic.qualifier() + " ")
                + number(statistic.value())
                + (statistic.valueMax() == null ? "" : "\u2013" + number(statistic.valueMax())) + " " + statistic.unit()
                + (statistic.period() == null ? "" : " (" + statistic.period() + ")");
    }

    static String number(Double value) {
        return value == Math.rint(value) ? String.valueOf(value.longValue()) : String.valueOf(value);
    }

    private static String sha1(String text) {
        try {
            return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /**
     * An FtM properties object: every value a list of distinct strings, empty values left
     * out.
     */
    private static final class Properties {

        private final Map<String, Set<String>> values = new LinkedHashMap<>();

        void add(String property, String value) {
            if (value != null && !value.isBlank()) {
                this.values.computeIfAbsent(property, (key) -> new LinkedHashSet<>()).add(value);
            }
        }

        void addAll(String property, List<String> values) {
            values.forEach((value) -> add(property, value));
        }

    }

}
