package org.casegraph.entity;

/**
 * A verbatim quote and the id of the document it comes from; the document itself is
 * loaded in one batch.
 */
public record Citation(String documentId, String quote) {
}
