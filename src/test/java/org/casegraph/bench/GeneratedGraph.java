package org.casegraph.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.casegraph.graph.Graph;

/**
 * A synthetic graph shaped like the real one: people, organizations, cases, events, documents and places, every
 * node and relationship with a citation, about five relationships per entity, and a few hub organizations with
 * thousands of relationships each.
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
    String searchName(int i) {
        String name = name(Math.floorMod(i * 7919, this.people));
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

    static GeneratedGraph generate(Graph graph, int size) {
        long started = System.nanoTime();
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
            List<Map<String, Object>> rows = new ArrayList<>();
            for (int i = 0; i < type.getValue(); i++) {
                String prefix = type.getKey().toLowerCase();
                Map<String, Object> props = new HashMap<>();
                props.put("id", prefix + "/g-" + i);
                props.put("name", name(serial++));
                props.put("summary", "A generated " + prefix + " for the benchmark, number " + i + ".");
                props.put("citeDocs", List.of("document/g-0"));
                props.put("citeQuotes", List.of("generated quote " + i));
                props.put("quoteText", "generated quote " + i);
                if ("Event".equals(type.getKey())) {
                    props.put("date", date(random));
                    props.put("kind", "operation");
                }
                rows.add(props);
                if (rows.size() == BATCH) {
                    writeNodes(graph, type.getKey(), rows);
                    rows = new ArrayList<>();
                }
            }
            writeNodes(graph, type.getKey(), rows);
        }
        List<Map<String, Object>> hubRows = new ArrayList<>();
        for (int h = 0; h < hubs; h++) {
            hubRows.add(Map.of("id", "organization/hub-" + h, "name", "Hub Organization " + h, "citeDocs",
                    List.of("document/g-0"), "citeQuotes", List.of("a hub"), "quoteText", "a hub"));
        }
        writeNodes(graph, "Organization", hubRows);
        int relationships = 0;
        relationships += link(graph, "WORKS_FOR", "person", people, "organization", organizations, 1, random);
        relationships += link(graph, "PARTICIPATED_IN", "person", people, "event", events, 2, random);
        relationships += link(graph, "PART_OF", "event", events, "case", cases, 1, random);
        relationships += link(graph, "OCCURRED_IN", "event", events, "place", places, 1, random);
        relationships += link(graph, "MENTIONS", "document", documents, "person", people, 3, random);
        List<Map<String, Object>> hubLinks = new ArrayList<>();
        for (int h = 0; h < hubs; h++) {
            for (int k = 0; k < HUB_DEGREE; k++) {
                hubLinks.add(relationship("person/g-" + random.nextInt(people), "organization/hub-" + h, k));
            }
        }
        writeRelationships(graph, "MEMBER_OF", hubLinks);
        relationships += hubLinks.size();
        graph.schema("CALL db.awaitIndexes(600)");
        return new GeneratedGraph(size + hubs, relationships, (System.nanoTime() - started) / 1e9, people, events, hubs);
    }

    private static int link(Graph graph, String type, String fromPrefix, int fromCount, String toPrefix, int toCount,
            int perNode, Random random) {
        List<Map<String, Object>> rows = new ArrayList<>();
        int written = 0;
        for (int i = 0; i < fromCount; i++) {
            for (int k = 0; k < perNode; k++) {
                rows.add(relationship(fromPrefix + "/g-" + i, toPrefix + "/g-" + random.nextInt(toCount), k));
                if (rows.size() == BATCH) {
                    written += writeRelationships(graph, type, rows);
                    rows = new ArrayList<>();
                }
            }
        }
        return written + writeRelationships(graph, type, rows);
    }

    private static Map<String, Object> relationship(String from, String to, int k) {
        return Map.of("from", from, "to", to, "id", from + "|" + to + "|" + k, "citeDocs", List.of("document/g-0"),
                "citeQuotes", List.of("generated quote"));
    }

    private static void writeNodes(Graph graph, String label, List<Map<String, Object>> rows) {
        if (rows.isEmpty()) {
            return;
        }
        graph.writeUnbounded((tx) -> tx.run("UNWIND $rows AS row CREATE (n:Entity:%s) SET n = row".formatted(label),
                Map.of("rows", rows)).consume());
    }

    private static int writeRelationships(Graph graph, String type, List<Map<String, Object>> rows) {
        if (rows.isEmpty()) {
            return 0;
        }
        graph.writeUnbounded((tx) -> tx.run("""
                UNWIND $rows AS row
                MATCH (a:Entity {id: row.from}), (b:Entity {id: row.to})
                CREATE (a)-[r:%s]->(b) SET r = row {.id, .citeDocs, .citeQuotes}
                """.formatted(type), Map.of("rows", rows)).consume());
        return rows.size();
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
