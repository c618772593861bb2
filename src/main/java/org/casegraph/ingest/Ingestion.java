package org.casegraph.ingest;

import java.util.ArrayList;
import java.util.List;

/**
 * A document on its way in, kept in staging (never in the graph) until an editor
 * publishes or rejects it.
 *
 * @param id the SHA-256 of the file's bytes, so the same file twice is the same ingestion
 * @param documentId the Document it becomes when published
 * @param version counts the editor's decisions, for {@code expectedVersion}
 */
public record Ingestion(String id, String documentId, String fileName, String title, String url, String published,
        String status, String text, List<Mention> mentions, int version, String createdAt,
        List<RelationshipProposal.Decision> decisions) implements Staging.Staged {

    public Ingestion {
        decisions = decisions == null ? List.of() : List.copyOf(decisions);
    }

    Ingestion withMentions(List<Mention> mentions) {
        return new Ingestion(this.id, this.documentId, this.fileName, this.title, this.url, this.published, this.status,
                this.text, mentions, this.version + 1, this.createdAt, this.decisions);
    }

    Ingestion withDecision(RelationshipProposal.Decision decision) {
        List<RelationshipProposal.Decision> kept = new ArrayList<>(
                this.decisions.stream().filter((d) -> !d.id().equals(decision.id())).toList());
        kept.add(decision);
        return new Ingestion(this.id, this.documentId, this.fileName, this.title, this.url, this.published, this.status,
                this.text, this.mentions, this.version + 1, this.createdAt, kept);
    }

    /**
     * Every pair of accepted mentions in one sentence that name two different entities
     * and neither of which is redacted, with the curator's decision on it.
     */
    List<RelationshipProposal> relationships() {
        List<Mention> accepted = this.mentions.stream()
            .filter((m) -> "accepted".equals(m.status()) && !m.redacts() && m.entityKey() != null)
            .sorted(java.util.Comparator.comparingInt(Mention::start))
            .toList();
        Sentences sentences = new Sentences(this.text);
        List<RelationshipProposal> proposals = new ArrayList<>();
        for (int i = 0; i < accepted.size(); i++) {
            Sentences.Span sentence = sentences.around(accepted.get(i).start());
            for (int j = i + 1; j < accepted.size(); j++) {
                Mention first = accepted.get(i);
                Mention second = accepted.get(j);
                if (sentences.around(second.start()).start() != sentence.start()
                        || first.entityKey().equals(second.entityKey())) {
                    continue;
                }
                String id = RelationshipProposal.idOf(first, second);
                RelationshipProposal.Decision decision = this.decisions.stream()
                    .filter((d) -> d.id().equals(id))
                    .findFirst()
                    .orElse(null);
                boolean reversed = decision != null && decision.reversed();
                proposals.add(new RelationshipProposal(id, reversed ? second : first, reversed ? first : second,
                        sentences.quote(first.start(), second.end()), decision == null ? null : decision.type(),
                        decision == null ? "proposed" : decision.status()));
            }
        }
        return proposals;
    }

    RelationshipProposal relationship(String proposalId) {
        return relationships().stream()
            .filter((r) -> r.id().equals(proposalId))
            .findFirst()
            .orElseThrow(
                    () -> new IngestException(IngestException.Kind.NOT_FOUND, "no relationship proposal has the id '"
                            + proposalId + "': both mentions must be accepted, in one sentence"));
    }

    Mention mention(String mentionId) {
        return this.mentions.stream()
            .filter((m) -> m.id().equals(mentionId))
            .findFirst()
            .orElseThrow(() -> new IngestException(IngestException.Kind.NOT_FOUND,
                    "no mention has the id '" + mentionId + "'"));
    }

}
