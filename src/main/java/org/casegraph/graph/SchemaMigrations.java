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
        // start, which on a cold JVM on a busy machine can take longer than any request
        // may.
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
            createSchema(migrations);
        }
        else {
            migrate(migrations, applied);
        }
        this.graph.schema("CALL db.awaitIndexes(300)");
    }

    /**
     * A new database: every migration's schema statements in one transaction, and the
     * record of every migration in one more. On a cold database each transaction costs
     * time, and there is nothing for the migrations' data statements to change.
     */
    private void createSchema(List<Migration> migrations) {
        this.graph.writeUnbounded((tx) -> {
            migrations.stream()
                .flatMap((migration) -> migration.statements().stream())
                .filter(SchemaMigrations::isSchema)
                .forEach((statement) -> tx.run(statement).consume());
            return null;
        });
        record(migrations);
        log.info("New database: created the schema of migrations V0001 to V{}; their data statements have nothing"
                + " to change", "%04d".formatted(migrations.get(migrations.size() - 1).version()));
    }

    /**
     * A database migrated before: each migration not applied yet, in order, statement by
     * statement; one applied already must be as it was.
     */
    private void migrate(List<Migration> migrations, Map<Long, String> applied) {
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
            migration.statements().forEach(this.graph::schema);
            record(List.of(migration));
            log.info("Applied schema migration V{}__{}", "%04d".formatted(migration.version()),
                    migration.description());
        }
    }

    /** Records that these migrations were applied. */
    private void record(List<Migration> migrations) {
        this.graph.write(
                (tx) -> tx
                    .run("""
                            UNWIND $migrations AS migration
                            MERGE (m:__CaseGraphMigration {version: migration.version})
                            SET m.description = migration.description, m.checksum = migration.checksum, m.appliedAt = datetime()
                            """,
                            Map.of("migrations",
                                    migrations.stream()
                                        .map((migration) -> Map.of("version", migration.version(), "description",
                                                migration.description(), "checksum", migration.checksum()))
                                        .toList()))
                    .consume());
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
