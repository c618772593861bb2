package org.casegraph.ingest;

/**
 * A proposed span of an ingestion's text: what it names, the entity it links to (or none:
 * new), the sentence around it as the candidate quote, and where the proposal came from.
 *
 * @param victim the editor's decision: {@code true} marked a victim, {@code false}
 * cleared, {@code null} unresolved (then {@code possibleVictim} decides, and an
 * unresolved flag redacts)
 * @param status {@code proposed}, {@code accepted} or {@code rejected}
 * @param newEntity what {@code acceptMention} asked to create, when it did not link to an
 * existing entity
 * @param date for an Event date: the PartialDate it stands for; {@code dateQualifier}
 * says {@code inferred} when it was resolved against the document's publication date
 */
public record Mention(String id, String text, int start, int end, String type, String entityId, boolean possibleVictim,
        String quote, String origin, Boolean victim, String status, NewEntity newEntity, String date,
        String dateQualifier) {

    public record NewEntity(String id, String type, String name, String summary, java.util.Map<String, Object> fields) {
    }

    /**
     * Whether publishing replaces this name with {@code [victim]}: marked, or flagged and
     * not cleared.
     */
    boolean redacts() {
        return Boolean.TRUE.equals(this.victim) || (this.victim == null && this.possibleVictim);
    }

    /**
     * The entity an accepted mention stands for: the linked one, or the one to create;
     * null when neither.
     */
    String entityKey() {
        return this.entityId != null ? this.entityId : this.newEntity == null ? null : this.newEntity.id();
    }

    Mention withDecision(String status, String entityId, NewEntity newEntity) {
        return new Mention(this.id, this.text, this.start, this.end, this.type, entityId, this.possibleVictim,
                this.quote, this.origin, this.victim, status, newEntity, this.date, this.dateQualifier);
    }

    /**
     * The mention retyped or moved to {@code [start, end)} of {@code text}: back to
     * {@code proposed}, its link kept only while its words stay the same.
     */
    Mention corrected(String type, int start, int end, String text, String quote) {
        boolean sameWords = this.text.equals(text.substring(start, end));
        return new Mention(this.id, text.substring(start, end), start, end, type,
                sameWords && type.equals(this.type) ? this.entityId : null, this.possibleVictim, quote, this.origin,
                this.victim, "proposed", null, "Event".equals(type) ? this.date : null,
                "Event".equals(type) ? this.dateQualifier : null);
    }

    Mention withVictim(Boolean victim) {
        return new Mention(this.id, this.text, this.start, this.end, this.type, this.entityId, this.possibleVictim,
                this.quote, this.origin, victim, this.status, this.newEntity, this.date, this.dateQualifier);
    }

}
