package org.casegraph.record;

/** A quote from a source document, as a record being written cites it. */
public record Citation(String document, String quote) {
}
