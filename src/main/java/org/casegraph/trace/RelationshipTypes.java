package org.casegraph.trace;

import java.util.List;
import java.util.stream.Collectors;

import org.casegraph.graph.Vocabulary;
import org.casegraph.support.InvalidArgumentException;

/**
 * Relationship types a client asks to follow, checked against the vocabulary. Cypher
 * cannot take a relationship type as a parameter in a variable-length pattern, so the
 * checked names are written into the pattern; nothing a client sends reaches Cypher
 * unchecked.
 */
final class RelationshipTypes {

    private RelationshipTypes() {
    }

    /** {@code :A|B} for a pattern, or the empty string for any type. */
    static String pattern(Vocabulary vocabulary, String argument, List<String> types) {
        if (types == null) {
            return "";
        }
        if (types.isEmpty()) {
            throw new InvalidArgumentException(argument, "must name at least one relationship type, or be left out");
        }
        for (String type : types) {
            if (vocabulary.relationshipType(type) == null) {
                throw new InvalidArgumentException(argument, "unknown relationship type '" + type + "'; one of "
                        + vocabulary.relationshipTypeNames().stream().sorted().toList());
            }
        }
        return ":" + types.stream().distinct().collect(Collectors.joining("|"));
    }

}
