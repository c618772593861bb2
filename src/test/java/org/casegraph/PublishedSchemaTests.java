package org.casegraph;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import graphql.language.Document;
import graphql.language.FieldDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.language.InterfaceTypeDefinition;
import graphql.parser.Parser;
import graphql.schema.diff.DiffEvent;
import graphql.schema.diff.SchemaDiff;
import graphql.schema.diff.SchemaDiffSet;
import graphql.schema.diff.reporting.CapturingReporter;
import graphql.schema.idl.SchemaPrinter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.GraphQlSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public schema is a contract with the apps that query it. The build prints the
 * schema the service serves to {@code schema/published/casegraph.graphqls.snapshot} (a
 * name the schema loader ignores) and fails on a change that would break a client of the
 * committed snapshot: a removed type or field, a changed argument or nullability. Such a
 * change goes through only when it is marked: the field was deprecated in the snapshot
 * first (deprecate, then remove), or
 * {@code schema/published/accepted-breaking-changes.txt} names it
 * ({@code Type.field: why}).
 */
@CaseGraphTest
class PublishedSchemaTests {

    static final Path SNAPSHOT = Path.of("schema/published/casegraph.graphqls.snapshot");

    static final Path ACCEPTED = Path.of("schema/published/accepted-breaking-changes.txt");

    @Autowired
    GraphQlSource graphQl;

    @Test
    void theServedSchemaBreaksNoClientOfThePublishedOne() throws IOException {
        String served = new SchemaPrinter(SchemaPrinter.Options.defaultOptions()
            .includeDirectives((directive) -> directive.equals("deprecated") || directive.equals("specifiedBy")))
            .print(this.graphQl.schema());
        if (Files.exists(SNAPSHOT)) {
            String published = Files.readString(SNAPSHOT, StandardCharsets.UTF_8);
            List<String> unmarked = breakingChanges(published, served);
            assertThat(unmarked)
                .as("breaking changes against %s: deprecate a field before removing it, or name the change in %s",
                        SNAPSHOT, ACCEPTED)
                .isEmpty();
        }
        Files.createDirectories(SNAPSHOT.getParent());
        Files.writeString(SNAPSHOT, served, StandardCharsets.UTF_8);
    }

    /**
     * The test of the test: a removed field, a field made nullable and a new required
     * argument are each caught.
     */
    @Test
    void aBreakingChangeIsCaught() {
        String before = """
                type Query { entity(id: ID!): Entity  count: Int!  old: String }
                type Entity { id: ID!  name: String! }
                """;
        assertThat(breakingChanges(before, """
                type Query { entity(id: ID!): Entity  count: Int! }
                type Entity { id: ID!  name: String! }
                """)).singleElement().asString().contains("old");
        assertThat(breakingChanges(before, """
                type Query { entity(id: ID!): Entity  count: Int  old: String }
                type Entity { id: ID!  name: String! }
                """)).singleElement().asString().contains("count");
        assertThat(breakingChanges(before, """
                type Query { entity(id: ID!, kind: String!): Entity  count: Int!  old: String }
                type Entity { id: ID!  name: String! }
                """)).isNotEmpty();
        assertThat(breakingChanges(before, """
                type Query { entity(id: ID!): Entity  count: Int!  old: String  added(first: Int): [Entity!]! }
                type Entity { id: ID!  name: String!  summary: String }
                """)).as("additions break no client").isEmpty();
        String deprecated = before.replace("old: String", "old: String @deprecated(reason: \"use count\")");
        assertThat(breakingChanges(deprecated, """
                type Query { entity(id: ID!): Entity  count: Int! }
                type Entity { id: ID!  name: String! }
                """)).as("a deprecated field may go").isEmpty();
    }

    static List<String> breakingChanges(String published, String served) {
        CapturingReporter reporter = new CapturingReporter();
        new SchemaDiff().diffSchema(SchemaDiffSet.diffSetFromSdl(published, served), reporter);
        Set<String> deprecated = deprecatedFields(published);
        Set<String> accepted = accepted();
        return reporter.getBreakages()
            .stream()
            .filter((event) -> !deprecated.contains(key(event)) && !accepted.contains(key(event)))
            .map((event) -> key(event) + ": " + event.getReasonMsg())
            .toList();
    }

    private static String key(DiffEvent event) {
        return event.getFieldName() == null ? event.getTypeName() : event.getTypeName() + "." + event.getFieldName();
    }

    private static Set<String> deprecatedFields(String sdl) {
        Document document = Parser.parse(sdl);
        Set<String> deprecated = new HashSet<>();
        document.getDefinitionsOfType(ObjectTypeDefinition.class)
            .forEach((type) -> addDeprecated(type.getName(), type.getFieldDefinitions(), deprecated));
        document.getDefinitionsOfType(InterfaceTypeDefinition.class)
            .forEach((type) -> addDeprecated(type.getName(), type.getFieldDefinitions(), deprecated));
        return deprecated;
    }

    private static void addDeprecated(String type, List<FieldDefinition> fields, Set<String> deprecated) {
        fields.stream()
            .filter((field) -> field.hasDirective("deprecated"))
            .forEach((field) -> deprecated.add(type + "." + field.getName()));
    }

    private static Set<String> accepted() {
        try {
            if (!Files.exists(ACCEPTED)) {
                return Set.of();
            }
            Set<String> accepted = new HashSet<>();
            for (String line : Files.readAllLines(ACCEPTED, StandardCharsets.UTF_8)) {
                String entry = line.strip();
                if (!entry.isEmpty() && !entry.startsWith("#")) {
                    accepted.add(entry.split(":", 2)[0].strip());
                }
            }
            return accepted;
        }
        catch (IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
    }

}
