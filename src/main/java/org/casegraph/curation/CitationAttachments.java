package org.casegraph.curation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.casegraph.access.Caller;
import org.casegraph.access.Permission;
import org.casegraph.entity.Citation;
import org.casegraph.graph.Graph;
import org.neo4j.driver.Value;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/**
 * Adds a source to a fact already in the graph, entity or relationship alike.
 */
@Controller
class CitationAttachments {

    private final Graph graph;

    CitationAttachments(Graph graph) {
        this.graph = graph;
    }

    record AttachCitationInput(String target, Integer expectedVersion, String document, String quote) {
    }

    record CitationPayload(String target, List<Citation> sources) {
    }

    @MutationMapping
    CitationPayload attachCitation(@Argument AttachCitationInput input, Caller caller) {
        caller.require(Permission.EDIT_GRAPH);
        String actor = caller.actor();
        if (input.quote() == null || input.quote().isBlank()) {
            throw CurationException.invalid(List.of("a citation needs a quote"));
        }
        String quote = input.quote().strip().replaceAll("\\s+", " ");
        return this.graph.write((tx) -> {
            boolean document = tx
                .run("MATCH (d:Document {id: $id}) RETURN count(d) > 0 AS found", Map.of("id", input.document()))
                .single()
                .get("found")
                .asBoolean();
            if (!document) {
                throw CurationException
                    .invalid(List.of("citations must name existing Documents; unknown: [" + input.document() + "]"));
            }
            Map<String, Object> parameters = Map.of("id", input.target(), "document", input.document(), "quote", quote);
            boolean isEntity = tx.run("MATCH (n:Entity {id: $id}) RETURN count(n) > 0 AS found", parameters)
                .single()
                .get("found")
                .asBoolean();
            Value sources;
            if (isEntity) {
                // The version is checked under the entity's write lock, like every other
                // entity write.
                CurationRepository.lockEntityAtVersion(tx, input.target(), input.expectedVersion());
                sources = tx
                    .run("""
                            MATCH (n:Entity {id: $id})
                            SET n.citeDocs = coalesce(n.citeDocs, []) + $document, n.citeQuotes = coalesce(n.citeQuotes, []) + $quote,
                                n.quoteText = CASE WHEN n:Victim THEN null ELSE coalesce(n.quoteText + '\\n', '') + $quote END,
                                n.version = coalesce(n.version, 1) + 1
                            RETURN {docs: n.citeDocs, quotes: n.citeQuotes} AS sources
                            """,
                            parameters)
                    .single()
                    .get("sources");
            }
            else {
                // Relationship ids read from|TYPE|to; the ends let the lookup use the
                // entity index.
                String[] parts = input.target().split("\\|");
                var found = parts.length == 3 ? tx
                    .run("""
                            MATCH (:Entity {id: $from})-[r {id: $id}]->(:Entity {id: $to})
                            SET r.citeDocs = coalesce(r.citeDocs, []) + $document, r.citeQuotes = coalesce(r.citeQuotes, []) + $quote
                            RETURN {docs: r.citeDocs, quotes: r.citeQuotes} AS sources
                            """,
                            Map.of("id", input.target(), "from", parts[0], "to", parts[2], "document", input.document(),
                                    "quote", quote))
                    .list() : List.<org.neo4j.driver.Record>of();
                if (found.isEmpty()) {
                    throw new CurationException(CurationException.Kind.NOT_FOUND,
                            "no entity or relationship has the id '" + input.target() + "'");
                }
                sources = found.get(0).get("sources");
            }
            // A first-person quote may not be attached to a small victim group or to one
            // of its links.
            String[] parts = input.target().split("\\|");
            CurationRepository.requireVictimGroupRule(tx,
                    isEntity ? List.of(input.target()) : List.of(parts[0], parts[2]));
            CurationRepository.audit(tx, actor, "attachCitation", input.target(), null,
                    Map.of("document", input.document(), "quote", quote));
            List<String> documents = sources.get("docs").asList(Value::asString);
            List<String> quotes = sources.get("quotes").asList(Value::asString);
            List<Citation> citations = new ArrayList<>();
            for (int i = 0; i < Math.min(documents.size(), quotes.size()); i++) {
                citations.add(new Citation(documents.get(i), quotes.get(i)));
            }
            return new CitationPayload(input.target(), citations);
        });
    }

}
