package org.casegraph.access;

import graphql.language.Definition;
import graphql.language.DirectivesContainer;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;

/**
 * What a request document holds before it is validated: its aliases, and the most
 * directives on any one place. Validation reports each unknown directive as an error of
 * its own, so these are counted first.
 *
 * @param aliases aliased fields in the whole document, fragments included
 * @param mostDirectives the most directives on one field, fragment spread, inline
 * fragment or operation
 */
record DocumentShape(int aliases, int mostDirectives) {

    static DocumentShape of(Document document) {
        int[] counts = new int[2];
        for (Definition<?> definition : document.getDefinitions()) {
            if (definition instanceof OperationDefinition operation) {
                directives(operation, counts);
                selections(operation.getSelectionSet(), counts);
            }
            else if (definition instanceof FragmentDefinition fragment) {
                directives(fragment, counts);
                selections(fragment.getSelectionSet(), counts);
            }
        }
        return new DocumentShape(counts[0], counts[1]);
    }

    private static void selections(SelectionSet set, int[] counts) {
        if (set == null) {
            return;
        }
        for (Selection<?> selection : set.getSelections()) {
            if (selection instanceof DirectivesContainer<?> container) {
                directives(container, counts);
            }
            if (selection instanceof Field field) {
                if (field.getAlias() != null) {
                    counts[0]++;
                }
                selections(field.getSelectionSet(), counts);
            }
            else if (selection instanceof InlineFragment fragment) {
                selections(fragment.getSelectionSet(), counts);
            }
            else if (!(selection instanceof FragmentSpread)) {
                throw new IllegalStateException("unknown selection " + selection.getClass());
            }
        }
    }

    private static void directives(DirectivesContainer<?> container, int[] counts) {
        counts[1] = Math.max(counts[1], container.getDirectives().size());
    }

}
