package org.casegraph.backup;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.casegraph.graph.Graph;
import org.casegraph.support.CaseGraphStartupException;
import org.neo4j.driver.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole graph to a file and back: one JSON object a line, entities first, then
 * relationships, then the other records (aliases of merged entities, merge records, the
 * audit trail, API keys issued through the API), with a checksum over the content that is
 * the same for two graphs exactly when they hold the same data.
 */
@Component
public class GraphBackup {

    static final String FORMAT = "casegraph-backup/1";

    private static final int BATCH = 2000;

    private final Graph graph;

    private final JsonMapper json = JsonMapper.builder().build();

    GraphBackup(Graph graph) {
        this.graph = graph;
    }

    /** What a backup or restore handled. */
    public record Summary(long entities, long relationships, long records, String checksum) {
    }

    /**
     * Date-times are kept as {@code {"$datetime": "..."}}, so that a restore writes them
     * back as date-times.
     */
    private static final String DATETIME = "$datetime";

    /**
     * Writes every entity and relationship to {@code file}, replacing it only once the
     * backup is complete.
     */
    public Summary backup(Path file) {
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        List<Map<String, Object>> nodes = this.graph.query(
                """
                        MATCH (n:Entity) RETURN [l IN labels(n) WHERE l <> 'Entity'][0] AS type, properties(n) AS props ORDER BY n.id
                        """,
                Map.of(), (r) -> line("entity", r.get("type").asString(), r.get("props")));
        List<Map<String, Object>> relationships = this.graph.query(
                """
                        MATCH (a:Entity)-[r]->(b:Entity)
                        RETURN type(r) AS type, a.id AS from, b.id AS to, properties(r) AS props ORDER BY a.id, type(r), b.id, r.id
                        """,
                Map.of(), (r) -> {
                    Map<String, Object> line = line("relationship", r.get("type").asString(), r.get("props"));
                    line.put("from", r.get("from").asString());
                    line.put("to", r.get("to").asString());
                    return line;
                });
        List<Map<String, Object>> records = this.graph.query("""
                MATCH (n) WHERE NOT n:Entity AND NOT n:__CaseGraphMigration
                OPTIONAL MATCH (n)-[:ALIAS_OF]->(e:Entity)
                RETURN labels(n)[0] AS type, properties(n) AS props, e.id AS aliasOf
                ORDER BY type, n.id, n.name, toString(n.at), n.action, n.target, n.before, n.after
                """, Map.of(), (r) -> {
            Map<String, Object> line = line("record", r.get("type").asString(), r.get("props"));
            if (!r.get("aliasOf").isNull()) {
                line.put("aliasOf", r.get("aliasOf").asString());
            }
            return line;
        });
        List<Map<String, Object>> all = concat(concat(nodes, relationships), records);
        try (BufferedWriter out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
            out.write(this.json.writeValueAsString(Map.of("format", FORMAT)));
            out.newLine();
            for (Map<String, Object> line : all) {
                out.write(this.json.writeValueAsString(line));
                out.newLine();
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException("cannot write the backup to " + file, ex);
        }
        move(partial, file);
        return new Summary(nodes.size(), relationships.size(), records.size(), checksum(all));
    }

    /**
     * Restores a backup into an empty database; on any failure the database is emptied
     * again.
     */
    public Summary restore(Path file) {
        long existing = this.graph.single("MATCH (n) WHERE NOT n:__CaseGraphMigration RETURN count(n) AS n", Map.of(),
                (r) -> r.get("n").asLong());
        if (existing > 0) {
            throw new CaseGraphStartupException("the database is not empty (" + existing
                    + " nodes); restore only into an empty database (a new --casegraph.data-dir)");
        }
        List<Map<String, Object>> lines = read(file);
        List<Map<String, Object>> entities = lines.stream()
            .filter((line) -> "entity".equals(line.get("kind")))
            .toList();
        List<Map<String, Object>> relationships = lines.stream()
            .filter((line) -> "relationship".equals(line.get("kind")))
            .toList();
        List<Map<String, Object>> records = lines.stream()
            .filter((line) -> "record".equals(line.get("kind")))
            .map(GraphBackup::withDateTimes)
            .toList();
        try {
            writeInBatches(entities, """
                    UNWIND $rows AS row
                    CREATE (n:Entity) SET n = row.props, n:$(row.type)
                    """);
            writeInBatches(relationships, """
                    UNWIND $rows AS row
                    MATCH (a:Entity {id: row.from}), (b:Entity {id: row.to})
                    CREATE (a)-[r:$(row.type)]->(b) SET r = row.props
                    """);
            writeInBatches(records, """
                    UNWIND $rows AS row
                    CREATE (n) SET n = row.props, n:$(row.type)
                    WITH n, row WHERE row.aliasOf IS NOT NULL
                    MATCH (e:Entity {id: row.aliasOf})
                    CREATE (n)-[:ALIAS_OF]->(e)
                    """);
        }
        catch (RuntimeException ex) {
            this.graph
                .writeUnbounded((tx) -> tx.run("MATCH (n) WHERE NOT n:__CaseGraphMigration DETACH DELETE n").consume());
            throw ex;
        }
        return new Summary(entities.size(), relationships.size(), records.size(), checksum(lines));
    }

    /**
     * Runs {@code cypher} with the lines as {@code $rows}, a batch of them at a time,
     * each in a transaction of its own.
     */
    private void writeInBatches(List<Map<String, Object>> lines, String cypher) {
        for (int i = 0; i < lines.size(); i += BATCH) {
            List<Map<String, Object>> batch = lines.subList(i, Math.min(lines.size(), i + BATCH));
            this.graph.writeUnbounded((tx) -> tx.run(cypher, Map.of("rows", batch)).consume());
        }
    }

    /** The checksum of what the database holds now, computed as a backup would. */
    public Summary current() {
        Path temp;
        try {
            temp = Files.createTempFile("casegraph-checksum", ".jsonl");
            Summary summary = backup(temp);
            Files.deleteIfExists(temp);
            return summary;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private Map<String, Object> line(String kind, String type, Value props) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("kind", kind);
        line.put("type", type);
        Map<String, Object> values = new TreeMap<>(props.asMap());
        values.replaceAll((key, value) -> value instanceof ZonedDateTime at ? Map.of(DATETIME, at.toString()) : value);
        line.put("props", values);
        return line;
    }

    /** A record line with its date-times as date-times again. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> withDateTimes(Map<String, Object> line) {
        Map<String, Object> props = new TreeMap<>((Map<String, Object>) line.get("props"));
        props.replaceAll((key, value) -> value instanceof Map<?, ?> map && map.get(DATETIME) instanceof String at
                ? ZonedDateTime.parse(at) : value);
        Map<String, Object> restored = new LinkedHashMap<>(line);
        restored.put("props", props);
        return restored;
    }

    private List<Map<String, Object>> read(Path file) {
        List<Map<String, Object>> lines = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            if (header == null || !header.contains(FORMAT)) {
                throw new CaseGraphStartupException(file + " is not a CaseGraph backup (" + FORMAT + ")");
            }
            String text;
            int number = 1;
            while ((text = in.readLine()) != null) {
                number++;
                if (text.isBlank()) {
                    continue;
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> line = this.json.readValue(text, Map.class);
                if (!(line.get("type") instanceof String type) || !type.matches("[A-Z][A-Za-z_]*")
                        || !(line.get("props") instanceof Map)) {
                    throw new CaseGraphStartupException(file + ":" + number + ": not a backup line");
                }
                lines.add(line);
            }
        }
        catch (IOException ex) {
            throw new CaseGraphStartupException("cannot read the backup " + file + ": " + ex.getMessage(), ex);
        }
        return lines;
    }

    private String checksum(List<Map<String, Object>> lines) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Map<String, Object> line : lines) {
                Map<String, Object> canonical = new TreeMap<>(line);
                @SuppressWarnings("unchecked")
                Map<String, Object> props = new TreeMap<>((Map<String, Object>) line.get("props"));
                canonical.put("props", props);
                digest.update(this.json.writeValueAsString(canonical).getBytes(StandardCharsets.UTF_8));
                digest.update((byte) '\n');
            }
            return HexFormat.of().formatHex(digest.digest());
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static List<Map<String, Object>> concat(List<Map<String, Object>> a, List<Map<String, Object>> b) {
        List<Map<String, Object>> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static void move(Path from, Path to) {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("cannot write the backup to " + to, ex);
        }
    }

}
