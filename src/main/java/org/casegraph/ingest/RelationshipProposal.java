package org.casegraph.ingest;

/**
 * Two accepted mentions in one sentence: a relationship the text may state, with the
 * sentence as its quote. The curator chooses its type (and, with {@code reversed}, its
 * direction) or rejects it; until then it is {@code proposed}.
 *
 * @param id the two mention ids, joined by {@code ~}
 * @param from the earlier mention in the sentence (the later when reversed)
 * @param to the other mention
 */
public record RelationshipProposal(String id, Mention from, Mention to, String quote, String type, String status) {

    /** A curator's decision on a proposal, kept with the ingestion in staging. */
    public record Decision(String id, String type, boolean reversed, String status) {
    }

    static String idOf(Mention first, Mention second) {
        return first.id() + "~" + second.id();
    }

}
