package org.casegraph.graph;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.casegraph.support.CaseGraphStartupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Applies the versioned Cypher files {@code schema/V0001__name.cypher}, each once, in
 * version order, and remembers what it applied (with a checksum, so an edited migration
 * is noticed rather than skipped).
 */
@Component
public class SchemaMigrations {

    private static final Logger log = LoggerFactory.getLogger(SchemaMigrations.class);

    private static final Pattern SCHEMA_STATEMENT = Pattern.compile("(CREATE|DROP)\\s+(\\w+\\s+)?(INDEX|CONSTRAINT)\\b",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern FILE_NAME = Pattern.compile("V(\\d{4})__([A-Za-z0-9_]+)\\.cypher");

    private final Graph graph;

    SchemaMigrations(Graph graph) {
        this.graph = graph;
    }

    public record Migration(int version, String description, String checksum, List<String> statements) {
    }

    public void apply() {
        List<Migration> migrations = load();
        // On the leader and without the request timeout: this is the first statement of a
        // start, which on a cold
        // JVM on a busy machine can take longer than any request may.
        Map<Long, String> applied = this.graph.writeUnbounded((tx) -> tx.run("""
                MATCH (m:__CaseGraphMigration) RETURN m.version AS version, m.checksum AS checksum
                """).list((r) -> Map.entry(r.get("version").asLong(), r.get("checksum").asString())))
            .stream()
            .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        // A database CaseGraph has never migrated and that holds no entity has no data to
        // correct: its migrations' data statements would match nothing, and on a first
        // start each would only cost the cold database seconds of planning.
        boolean fresh = applied.isEmpty() && this.graph.holdsNoEntity();
        if (fresh) {
            log.info("New database: migrations create the schema; their data statements have nothing to change");
        }
        for (Migration migration : migrations) {
            String checksum = applied.get((long) migration.version());
            if (checksum != null) {
                if (!checksum.equals(migration.checksum())) {
                    throw new CaseGraphStartupException("schema migration V%04d__%s was changed after it was applied; "
                        .formatted(migration.version(), migration.description())
                            + "add a new migration instead of editing an applied one");
                }
                continue;
            }
            migration.statements()
                .stream()
                .filter((statement) -> !fresh || isSchema(statement))
                .forEach(this.graph::schema);
            this.graph.write(
                    (tx) -> tx
                        .run("""
                                MERGE (m:__CaseGraphMigration {version: $version})
                                SET m.description = $description, m.checksum = $checksum, m.appliedAt = datetime()
                                """,
                                Map.of("version", migration.version(), "description", migration.description(),
                                        "checksum", migration.checksum()))
                        .consume());
            log.info("Applied schema migration V{}__{}", "%04d".formatted(migration.version()),
                    migration.description());
        }
        this.graph.schema("CALL db.awaitIndexes(300)");
    }

    /**
     * Whether a statement changes the schema (creates or drops an index or a constraint)
     * rather than data.
     */
    static boolean isSchema(String statement) {
        return SCHEMA_STATEMENT.matcher(statement).lookingAt();
    }

    static List<Migration> load() {
        try {
            Resource[] resources = new PathMatchingResourcePatternResolver()
                .getResources("classpath*:schema/V*.cypher");
            List<Migration> migrations = new ArrayList<>();
            for (Resource resource : resources) {
                Matcher name = FILE_NAME.matcher(resource.getFilename());
                if (!name.matches()) {
                    throw new CaseGraphStartupException(
                            "schema migration " + resource.getFilename() + " is not named V0001__description.cypher");
                }
                String text = resource.getContentAsString(StandardCharsets.UTF_8);
                migrations
                    .add(new Migration(Integer.parseInt(name.group(1)), name.group(2), sha256(text), statements(text)));
            }
            migrations.sort(Comparator.comparingInt(Migration::version));
            return migrations;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * Statements end with a semicolon at the end of a line; lines starting with // are
     * comments.
     */
    static List<String> statements(String text) {
        String withoutComments = String.join("\n",
                Arrays.stream(text.split("\n")).filter((line) -> !line.strip().startsWith("//")).toList());
        return Arrays.stream(withoutComments.split(";\\s*(\n|$)"))
            .map(String::strip)
            .filter((statement) -> !statement.isEmpty())
            .toList();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

}
