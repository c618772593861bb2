package org.casegraph.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.casegraph.graph.EventOrder;
import org.casegraph.graph.Graph;
import tools.jackson.databind.json.JsonMapper;

/**
 * A synthetic graph shaped like the real one: people, organizations, cases, events,
 * documents and places, every node and relationship with a citation, about five
 * relationships per entity, and a few hub organizations with thousands of relationships
 * each.
 */
record GeneratedGraph(int entities, int relationships, double seconds, int people, int events, int hubs) {

    static final int HUB_DEGREE = 3000;

    private static final String[] SYLLABLES = { "ka", "ro", "mi", "sa", "to", "ven", "lar", "dri", "zen", "po", "li",
            "mar", "sek", "bo", "thu", "ran", "vi", "nel", "gor", "ash" };

    private static final int BATCH = 5000;

    String person(int i) {
        return "person/g-" + Math.floorMod(i * 7919, this.people);
    }

    String event(int i) {
        return "event/g-" + Math.floorMod(i * 104729 + 13, this.events);
    }

    String hub(int i) {
        return "organization/hub-" + Math.floorMod(i, this.hubs);
    }

    /** A person's name with one letter changed, as a person searching would type it. */
    /** A person's whole name, as the peer harness asks plain Lucene for it. */
    String personName(int i) {
        return name(Math.floorMod(i * 7919, this.people));
    }

    String searchName(int i) {
        String name = personName(i);
        int at = 1 + Math.floorMod(i, name.length() - 2);
        return name.charAt(at) == ' ' ? name : name.substring(0, at) + 'e' + name.substring(at + 1);
    }

    static String name(int i) {
        Random random = new Random(i);
        StringBuilder name = new StringBuilder();
        for (int word = 0; word < 2; word++) {
            if (word > 0) {
                name.append(' ');
            }
            int syllables = 2 + random.nextInt(2);
            for (int s = 0; s < syllables; s++) {
                String syllable = SYLLABLES[random.nextInt(SYLLABLES.length)];
                name.append(s == 0 ? Character.toUpperCase(syllable.charAt(0)) + syllable.substring(1) : syllable);
            }
        }
        return name.toString();
    }

    /**
     * Where generated entities and relationships go: the database directly, or import
     * files.
     */
    private interface Sink {

        void entity(String type, String id, String name, String summary, String quote, Map<String, Object> fields);

        void relationship(String type, String from, String to, String id, String quote);

        void close();

    }

    /** Generates the graph straight into the database with Cypher. */
    static GeneratedGraph generate(Graph graph, int size) {
        long started = System.nanoTime();
        GeneratedGraph generated = generate(new CypherSink(graph), size);
        graph.schema("CALL db.awaitIndexes(600)");
        return generated.took(started);
    }

    /**
     * Writes the graph as {@code entities.jsonl} and {@code relationships.jsonl} in
     * {@code folder}, for import.
     */
    static GeneratedGraph writeFiles(Path folder, int size) {
        long started = System.nanoTime();
        return generate(new FileSink(folder), size).took(started);
    }

    private GeneratedGraph took(long started) {
        return new GeneratedGraph(this.entities, this.relationships, (System.nanoTime() - started) / 1e9, this.people,
                this.events, this.hubs);
    }

    private static GeneratedGraph generate(Sink sink, int size) {
        Random random = new Random(42);
        int people = size * 30 / 100;
        int organizations = size * 10 / 100;
        int cases = size * 10 / 100;
        int events = size * 30 / 100;
        int documents = size * 15 / 100;
        int places = size - people - organizations - cases - events - documents;
        int hubs = 5;
        Map<String, Integer> counts = new HashMap<>();
        counts.put("Person", people);
        counts.put("Organization", organizations);
        counts.put("Case", cases);
        counts.put("Event", events);
        counts.put("Document", documents);
        counts.put("Place", places);
        int serial = 0;
        for (Map.Entry<String, Integer> type : counts.entrySet()) {
            for (int i = 0; i < type.getValue(); i++) {
                String prefix = type.getKey().toLowerCase();
                Map<String, Object> fields = new HashMap<>();
                if ("Event".equals(type.getKey())) {
                    fields.put("date", date(random));
                    fields.put("kind", "operation");
                }
                sink.entity(type.getKey(), prefix + "/g-" + i, name(serial++),
                        "A generated " + prefix + " for the benchmark, number " + i + ".", "generated quote " + i,
                        fields);
            }
        }
        for (int h = 0; h < hubs; h++) {
            sink.entity("Organization", "organization/hub-" + h, "Hub Organization " + h, null, "a hub", Map.of());
        }
        int relationships = 0;
        // About five relationships per entity, as SPEC §6 sizes the graph (1M entities,
        // 5M relationships).
        relationships += link(sink, "WORKS_FOR", "person", people, "organization", organizations, 1, random);
        relationships += link(sink, "PARTICIPATED_IN", "person", people, "event", events, 4, random);
        relationships += link(sink, "PARTNERED_WITH", "person", people, "person", people, 2, random);
        relationships += link(sink, "PART_OF", "event", events, "case", cases, 2, random);
        relationships += link(sink, "OCCURRED_IN", "event", events, "place", places, 1, random);
        relationships += link(sink, "MENTIONS", "document", documents, "person", people, 11, random);
        relationships += link(sink, "ABOUT", "document", documents, "case", cases, 2, random);
        relationships += link(sink, "LOCATED_IN", "organization", organizations, "place", places, 1, random);
        for (int h = 0; h < hubs; h++) {
            for (int k = 0; k < HUB_DEGREE; k++) {
                String from = "person/g-" + random.nextInt(people);
                String to = "organization/hub-" + h;
                sink.relationship("MEMBER_OF", from, to, from + "|" + to + "|" + k, "generated quote");
                relationships++;
            }
        }
        sink.close();
        return new GeneratedGraph(size + hubs, relationships, 0, people, events, hubs);
    }

    private static int link(Sink sink, String type, String fromPrefix, int fromCount, String toPrefix, int toCount,
            int perNode, Random random) {
        int written = 0;
        for (int i = 0; i < fromCount; i++) {
            for (int k = 0; k < perNode; k++) {
                String from = fromPrefix + "/g-" + i;
                String to = toPrefix + "/g-" + random.nextInt(toCount);
                sink.relationship(type, from, to, from + "|" + to + "|" + k, "generated quote");
                written++;
            }
        }
        return written;
    }

    /**
     * Batches of rows by label or type, written with the Cypher the graph had before the
     * import command.
     */
    private static final class CypherSink implements Sink {

        private final Graph graph;

        private String label;

        private final List<Map<String, Object>> rows = new ArrayList<>();

        private boolean relationships;

        CypherSink(Graph graph) {
            this.graph = graph;
        }

        @Override
        public void entity(String type, String id, String name, String summary, String quote,
                Map<String, Object> fields) {
            switchTo(type, false);
            Map<String, Object> props = new HashMap<>(fields);
            props.put("id", id);
            props.put("name", name);
            if (summary != null) {
                props.put("summary", summary);
            }
            props.put("citeDocs", List.of("document/g-0"));
            props.put("citeQuotes", List.of(quote));
            props.put("quoteText", quote);
            if (props.get("date") instanceof String date) {
                // What every write path of the service derives from an event's date and
                // ordinal.
                props.put(EventOrder.SORT_KEY, EventOrder.sortKey(date, (Number) props.get("ordinal")));
            }
            add(props);
        }

        @Override
        public void relationship(String type, String from, String to, String id, String quote) {
            switchTo(type, true);
            add(Map.of("from", from, "to", to, "id", id, "citeDocs", List.of("document/g-0"), "citeQuotes",
                    List.of(quote)));
        }

        @Override
        public void close() {
            flush();
        }

        private void switchTo(String label, boolean relationships) {
            if (!label.equals(this.label) || relationships != this.relationships) {
                flush();
                this.label = label;
                this.relationships = relationships;
            }
        }

        private void add(Map<String, Object> row) {
            this.rows.add(row);
            if (this.rows.size() == BATCH) {
                flush();
            }
        }

        private void flush() {
            if (this.rows.isEmpty()) {
                return;
            }
            List<Map<String, Object>> batch = List.copyOf(this.rows);
            this.rows.clear();
            String cypher = this.relationships ? """
                    UNWIND $rows AS row
                    MATCH (a:Entity {id: row.from}), (b:Entity {id: row.to})
                    CREATE (a)-[r:%s]->(b) SET r = row {.id, .citeDocs, .citeQuotes}
                    """.formatted(this.label)
                    : "UNWIND $rows AS row CREATE (n:Entity:%s) SET n = row".formatted(this.label);
            this.graph.writeUnbounded((tx) -> tx.run(cypher, Map.of("rows", batch)).consume());
        }

    }

    /** One seed-data record a line, as the import command reads them. */
    private static final class FileSink implements Sink {

        private final JsonMapper json = JsonMapper.builder().build();

        private final BufferedWriter entities;

        private final BufferedWriter relationships;

        FileSink(Path folder) {
            try {
                this.entities = Files.newBufferedWriter(folder.resolve("entities.jsonl"));
                this.relationships = Files.newBufferedWriter(folder.resolve("relationships.jsonl"));
            }
            catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }

        @Override
        public void entity(String type, String id, String name, String summary, String quote,
                Map<String, Object> fields) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("id", id);
            line.put("type", type);
            line.put("name", name);
            if (summary != null) {
                line.put("summary", summary);
            }
            line.putAll(fields);
            line.put("sources", List.of(Map.of("doc", "document/g-0", "quote", quote)));
            write(this.entities, line);
        }

        @Override
        public void relationship(String type, String from, String to, String id, String quote) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("type", type);
            line.put("from", from);
            line.put("to", to);
            line.put("id", id);
            line.put("sources", List.of(Map.of("doc", "document/g-0", "quote", quote)));
            write(this.relationships, line);
        }

        private void write(BufferedWriter out, Map<String, Object> line) {
            try {
                out.write(this.json.writeValueAsString(line));
                out.newLine();
            }
            catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }

        @Override
        public void close() {
            try {
                this.entities.close();
                this.relationships.close();
            }
            catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }

    }

    private static String date(Random random) {
        int year = 1995 + random.nextInt(25);
        return switch (random.nextInt(3)) {
            case 0 -> String.valueOf(year);
            case 1 -> "%d-%02d".formatted(year, 1 + random.nextInt(12));
            default -> "%d-%02d-%02d".formatted(year, 1 + random.nextInt(12), 1 + random.nextInt(28));
        };
    }

}
