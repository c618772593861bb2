package org.casegraph.ingest;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.casegraph.embedded.EmbeddedNeo4jProperties;
import org.casegraph.graph.Graph;
import org.casegraph.graph.Vocabulary;
import org.springframework.stereotype.Service;

/**
 * Documents in: a file becomes a staged ingestion with proposed mentions; editors link,
 * create, reject and mark victims; publishing redacts every victim's name and only then
 * writes the Document and the accepted facts.
 */
@Service
public class IngestService {

    private final Graph graph;

    private final TextExtractor extractor;

    private final Staging<Ingestion> staging;

    private final IngestWrites writes;

    private final Vocabulary vocabulary;

    IngestService(Graph graph, Vocabulary vocabulary, EmbeddedNeo4jProperties casegraph, IngestProperties properties) {
        this.graph = graph;
        this.extractor = new TextExtractor(properties);
        this.staging = new Staging<>(casegraph.dataDir(), "ingest", Ingestion.class, "unpublished ingestion");
        this.writes = new IngestWrites(graph, vocabulary);
        this.vocabulary = vocabulary;
    }

    /** Where unpublished ingestions are kept. */
    public java.nio.file.Path stagingFolder() {
        return this.staging.folder();
    }

    /**
     * Stages a file: text, then proposals. The same bytes give the same ingestion
     * (returned as it is, decisions kept). Refuses bad input before anything is written.
     */
    public Ingestion ingest(byte[] content, String fileName, String title, String url, String published) {
        LocalDate publishedDate = parseDate(published);
        String text = this.extractor.extract(content, fileName);
        String id = sha256(content);
        List<String> publishedAs = this.graph.query("MATCH (d:Document {contentSha256: $id}) RETURN d.id AS id",
                Map.of("id", id), (r) -> r.get("id").asString());
        if (!publishedAs.isEmpty()) {
            throw new IngestException(IngestException.Kind.CONFLICT,
                    fileName + " is published already, as " + publishedAs.get(0) + "; nothing was staged");
        }
        var existing = this.staging.find(id);
        if (existing.isPresent()) {
            return existing.get();
        }
        NamedEntities.requireHeap();
        List<Mention> mentions = Proposals.propose(text, gazetteer(), NamedEntities.find(text), publishedDate);
        List<Mention> identified = new ArrayList<>();
        for (Mention m : mentions) {
            identified.add(new Mention(id + ":" + m.start() + "-" + m.end(), m.text(), m.start(), m.end(), m.type(),
                    m.entityId(), m.possibleVictim(), m.quote(), m.origin(), m.victim(), m.status(), m.newEntity(),
                    m.date(), m.dateQualifier()));
        }
        String name = (title == null || title.isBlank()) ? fileName : title.strip();
        Ingestion ingestion = new Ingestion(id, "document/" + slug(name) + "-" + id.substring(0, 8), fileName, name,
                url, publishedDate == null ? null : publishedDate.toString(), "pending", text, identified, 1,
                Instant.now().toString(), List.of());
        this.staging.save(ingestion);
        return ingestion;
    }

    /**
     * The graph's names and aliases; victims are never in it by name, documents are not
     * things a text names.
     */
    Gazetteer gazetteer() {
        List<Gazetteer.Name> names = this.graph.query("""
                MATCH (n:Entity) WHERE NOT n:Victim AND NOT n:Document AND NOT n:Statistic AND NOT n:Claim
                  AND coalesce(n.visibility, 'public') <> 'retracted'
                UNWIND [n.name] + coalesce(n.aliases, []) AS name
                RETURN name, n.id AS id, [l IN labels(n) WHERE l <> 'Entity'][0] AS type
                """, Map.of(),
                (r) -> new Gazetteer.Name(r.get("name").asString(), r.get("id").asString(), r.get("type").asString()));
        return new Gazetteer(names);
    }

    public java.util.Optional<Ingestion> find(String id) {
        return this.staging.find(id);
    }

    public List<Ingestion> list() {
        return this.staging.list();
    }

    /**
     * Links a mention to an existing entity, or records the entity to create for it at
     * publication.
     */
    public Ingestion accept(String mentionId, String entityId, Mention.NewEntity newEntity, Integer expectedVersion) {
        Ingestion ingestion = ingestionOf(mentionId);
        Mention mention = ingestion.mention(mentionId);
        if ((entityId == null) == (newEntity == null)) {
            throw new IngestException(IngestException.Kind.INVALID,
                    "give either entityId (link) or newEntity (create), not both");
        }
        String type = newEntity != null ? newEntity.type() : typeOf(entityId);
        if (mention.redacts() && "Person".equals(type)) {
            throw new IngestException(IngestException.Kind.INVALID, "mention " + mentionId + " is flagged as a victim: "
                    + "a victim never becomes a Person; link it to an anonymized Victim group, or clear the flag with "
                    + "markVictim if the context misled the flag");
        }
        return update(ingestion, mention.withDecision("accepted", entityId, newEntity), expectedVersion);
    }

    public Ingestion reject(String mentionId, Integer expectedVersion) {
        Ingestion ingestion = ingestionOf(mentionId);
        return update(ingestion, ingestion.mention(mentionId).withDecision("rejected", null, null), expectedVersion);
    }

    /**
     * Corrects a proposal: another type, or a span extended or trimmed (offsets into the
     * ingestion's text). The corrected mention is proposed again; a span may not overlap
     * another mention's.
     */
    public Ingestion correctMention(String mentionId, String type, Integer start, Integer end,
            Integer expectedVersion) {
        Ingestion ingestion = ingestionOf(mentionId);
        Mention mention = ingestion.mention(mentionId);
        String newType = type == null ? mention.type() : type;
        int from = start == null ? mention.start() : start;
        int to = end == null ? mention.end() : end;
        List<String> problems = new ArrayList<>();
        if (!"Event".equals(newType) && this.vocabulary.entityType(newType) == null) {
            problems.add("type '" + newType + "' is not one of "
                    + new java.util.TreeSet<>(this.vocabulary.entityTypeNames()));
        }
        if (from < 0 || to > ingestion.text().length() || from >= to) {
            problems.add("start and end must satisfy 0 <= start < end <= " + ingestion.text().length() + ", not " + from
                    + " and " + to);
        }
        else if (ingestion.text().substring(from, to).isBlank()) {
            problems.add("the span " + from + "-" + to + " holds no words");
        }
        if (problems.isEmpty()) {
            ingestion.mentions()
                .stream()
                .filter((other) -> !other.id().equals(mentionId) && other.start() < to && from < other.end())
                .findFirst()
                .ifPresent((other) -> problems.add("the span " + from + "-" + to + " overlaps the mention \""
                        + other.text() + "\" (" + other.start() + "-" + other.end() + "); reject that one first"));
        }
        if (!problems.isEmpty()) {
            throw new IngestException(IngestException.Kind.INVALID, String.join("; ", problems));
        }
        String quote = new Sentences(ingestion.text()).quote(from, to);
        return update(ingestion, mention.corrected(newType, from, to, ingestion.text(), quote), expectedVersion);
    }

    /** Marks ({@code true}) or clears ({@code false}) a mention as a victim's name. */
    public Ingestion markVictim(String mentionId, boolean victim, Integer expectedVersion) {
        Ingestion ingestion = ingestionOf(mentionId);
        Mention mention = ingestion.mention(mentionId);
        if (victim && "accepted".equals(mention.status()) && mention.newEntity() != null
                && "Person".equals(mention.newEntity().type())) {
            mention = mention.withDecision("proposed", null, null);
        }
        return update(ingestion, mention.withVictim(victim), expectedVersion);
    }

    /**
     * Accepts a proposed relationship between two mentions with the type the curator
     * chose; {@code reversed} makes the later mention its start. The type must be one the
     * vocabulary allows between the two entities' types.
     */
    public Ingestion acceptRelationship(String proposalId, String type, boolean reversed, Integer expectedVersion) {
        Ingestion ingestion = ingestionOf(proposalId);
        RelationshipProposal proposal = ingestion.relationship(proposalId);
        // The proposal may hold an earlier decision's direction: start from the
        // sentence's order.
        boolean inOrder = proposal.from().start() < proposal.to().start();
        Mention first = inOrder ? proposal.from() : proposal.to();
        Mention second = inOrder ? proposal.to() : proposal.from();
        Mention from = reversed ? second : first;
        Mention to = reversed ? first : second;
        List<String> problems = new ArrayList<>();
        this.writes.validator()
            .relationshipType(type, entityType(from), entityType(to), (field, message) -> problems.add(message));
        if (!problems.isEmpty()) {
            throw new IngestException(IngestException.Kind.INVALID, String.join("; ", problems));
        }
        return save(ingestion,
                ingestion.withDecision(new RelationshipProposal.Decision(proposalId, type, reversed, "accepted")),
                expectedVersion);
    }

    public Ingestion rejectRelationship(String proposalId, Integer expectedVersion) {
        Ingestion ingestion = ingestionOf(proposalId);
        ingestion.relationship(proposalId);
        return save(ingestion,
                ingestion.withDecision(new RelationshipProposal.Decision(proposalId, null, false, "rejected")),
                expectedVersion);
    }

    /**
     * The relationship types the vocabulary allows from an entity of one type to one of
     * another, alphabetically.
     */
    public List<String> allowedTypes(String fromType, String toType) {
        return this.vocabulary.relationshipTypeNames()
            .stream()
            .filter((name) -> !"MENTIONS".equals(name)
                    && this.vocabulary.relationshipType(name).allows(fromType, toType))
            .sorted()
            .toList();
    }

    /**
     * The type of each mention's entity: the one it will create, or the one it links to
     * (read in one query for all of them).
     */
    public Map<Mention, String> typesOf(Collection<Mention> mentions) {
        List<String> linked = mentions.stream()
            .filter((mention) -> mention.newEntity() == null && mention.entityId() != null)
            .map(Mention::entityId)
            .distinct()
            .toList();
        Map<String, String> byId = new HashMap<>();
        this.graph.query("""
                UNWIND $ids AS id
                MATCH (n:Entity {id: id})
                RETURN id, [l IN labels(n) WHERE l <> 'Entity'][0] AS type
                """, Map.of("ids", linked), (r) -> Map.entry(r.get("id").asString(), r.get("type").asString()))
            .forEach((row) -> byId.put(row.getKey(), row.getValue()));
        Map<Mention, String> types = new HashMap<>();
        for (Mention mention : mentions) {
            String type = mention.newEntity() != null ? mention.newEntity().type() : byId.get(mention.entityId());
            if (type != null) {
                types.put(mention, type);
            }
        }
        return types;
    }

    private String entityType(Mention mention) {
        return mention.newEntity() != null ? mention.newEntity().type() : typeOf(mention.entityId());
    }

    /**
     * Redacts, then writes the Document (its text redacted), the accepted entities with
     * citations quoting the published text, and a MENTIONS link to each; then forgets the
     * staged copy. Returns the published text.
     */
    public Published publish(String id, Integer expectedVersion, String actor) {
        Ingestion ingestion = this.staging.get(id);
        if (expectedVersion != null) {
            requireVersion(ingestion, expectedVersion);
        }
        Redaction redaction = Redaction.of(ingestion);
        String text = redaction.text();
        Sentences sentences = new Sentences(ingestion.text());
        List<IngestWrites.Accepted> accepted = new ArrayList<>();
        for (Mention mention : ingestion.mentions()) {
            if (!"accepted".equals(mention.status()) || mention.redacts()) {
                continue;
            }
            Sentences.Span sentence = sentences.around(mention.start());
            accepted.add(new IngestWrites.Accepted(mention.entityId(), mention.newEntity(),
                    redaction.quote(sentence.start(), Math.max(sentence.end(), mention.end()))));
        }
        List<IngestWrites.Link> links = new ArrayList<>();
        for (RelationshipProposal proposal : ingestion.relationships()) {
            if ("accepted".equals(proposal.status())) {
                Sentences.Span sentence = sentences.around(proposal.from().start());
                int start = Math.min(sentence.start(), proposal.to().start());
                int end = Math.max(sentence.end(), Math.max(proposal.from().end(), proposal.to().end()));
                links.add(new IngestWrites.Link(proposal.from().entityKey(), proposal.type(), proposal.to().entityKey(),
                        redaction.quote(start, end)));
            }
        }
        String firstLine = text.lines().filter((line) -> !line.isBlank()).findFirst().orElse(text).strip();
        Map<String, Object> fields = new java.util.LinkedHashMap<>();
        fields.put("name", ingestion.title());
        fields.put("title", ingestion.title());
        fields.put("url", ingestion.url());
        fields.put("publicationDate", ingestion.published());
        fields.put("text", text);
        fields.put("contentSha256", ingestion.id());
        List<String> mentioned = this.writes.publish(actor, ingestion.documentId(), fields,
                firstLine.replaceAll("\\s+", " "), accepted, links);
        this.staging.delete(id);
        return new Published(ingestion.documentId(), text, mentioned);
    }

    public record Published(String documentId, String text, List<String> mentioned) {
    }

    /** Drops an ingestion unpublished: nothing of it stays. */
    public void discard(String id) {
        this.staging.remove(id);
    }

    private Ingestion update(Ingestion ingestion, Mention changed, Integer expectedVersion) {
        List<Mention> mentions = ingestion.mentions()
            .stream()
            .map((m) -> m.id().equals(changed.id()) ? changed : m)
            .toList();
        return save(ingestion, ingestion.withMentions(mentions), expectedVersion);
    }

    /**
     * Stores an editor's decision: {@code read} must still be at the version the editor
     * read, and staging refuses it if another decision landed meanwhile.
     */
    private Ingestion save(Ingestion read, Ingestion updated, Integer expectedVersion) {
        requireVersion(read, expectedVersion);
        this.staging.replace(updated, (current) -> requireVersion(current, read.version()));
        return updated;
    }

    private static void requireVersion(Ingestion ingestion, Integer expectedVersion) {
        if (expectedVersion == null || expectedVersion != ingestion.version()) {
            throw new IngestException(IngestException.Kind.CONFLICT,
                    "ingestion '" + ingestion.id() + "' is at version " + ingestion.version() + ", not "
                            + expectedVersion + ": someone changed it since you read it; read it again");
        }
    }

    private Ingestion ingestionOf(String mentionId) {
        int colon = mentionId == null ? -1 : mentionId.indexOf(':');
        if (colon < 0) {
            throw new IngestException(IngestException.Kind.NOT_FOUND, "no mention has the id '" + mentionId + "'");
        }
        return this.staging.get(mentionId.substring(0, colon));
    }

    private String typeOf(String entityId) {
        List<String> types = this.graph.query("""
                MATCH (n:Entity {id: $id}) RETURN [l IN labels(n) WHERE l <> 'Entity'][0] AS type
                """, Map.of("id", entityId), (r) -> r.get("type").asString());
        if (types.isEmpty()) {
            throw new IngestException(IngestException.Kind.NOT_FOUND, "no entity has the id '" + entityId + "'");
        }
        return types.get(0);
    }

    private static LocalDate parseDate(String published) {
        if (published == null || published.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(published.strip());
        }
        catch (DateTimeParseException ex) {
            throw new IngestException(IngestException.Kind.INVALID,
                    "--published must be a date as YYYY-MM-DD, not '" + published + "'");
        }
    }

    static String slug(String name) {
        String base = java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD)
            .replaceAll("\\p{M}", "")
            .toLowerCase(Locale.ROOT)
            .replaceAll("\\.[a-z0-9]{2,4}$", "")
            .replaceAll("[^a-z0-9]+", "-")
            .replaceAll("(^-+|-+$)", "");
        base = base.length() > 60 ? base.substring(0, 60).replaceAll("-+$", "") : base;
        return base.isEmpty() ? "document" : base;
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

}
