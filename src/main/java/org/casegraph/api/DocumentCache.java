package org.casegraph.api;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import org.casegraph.support.RecentlyUsed;

/**
 * Parsed and validated query documents by their text, least recently used first out. Apps
 * send the same few documents with different variables, so parsing and validating each
 * request again is wasted work.
 */
final class DocumentCache implements PreparsedDocumentProvider {

    private final Map<String, PreparsedDocumentEntry> entries;

    DocumentCache(int capacity) {
        this.entries = RecentlyUsed.map(capacity);
    }

    @Override
    public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
            Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
        String key = input.getQuery() + '\u0000' + input.getOperationName();
        PreparsedDocumentEntry entry = this.entries.get(key);
        if (entry == null) {
            entry = parseAndValidate.apply(input);
            if (!entry.hasErrors()) {
                this.entries.put(key, entry);
            }
        }
        return CompletableFuture.completedFuture(entry);
    }

}
