package org.casegraph.ingest;

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
        String status, String text, List<Mention> mentions, int version, String createdAt) {

    Ingestion withMentions(List<Mention> mentions) {
        return new Ingestion(this.id, this.documentId, this.fileName, this.title, this.url, this.published, this.status,
                this.text, mentions, this.version + 1, this.createdAt);
    }

    Mention mention(String mentionId) {
        return this.mentions.stream()
            .filter((m) -> m.id().equals(mentionId))
            .findFirst()
            .orElseThrow(() -> new IngestException(IngestException.Kind.NOT_FOUND,
                    "no mention has the id '" + mentionId + "'"));
    }

}
