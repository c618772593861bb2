package org.casegraph.ingest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * The fixed shape that {@code ingest --json} prints (one object a line) and
 * {@code POST /ingest} answers with:
 * {@code {"ingestionId","documentId","text","mentions":[{"id","text","start","end","type","entityId",
 * "possibleVictim","quote","origin"}]}}. Scripts rely on it: add fields only at the end,
 * never rename.
 */
final class IngestJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private IngestJson() {
    }

    static Map<String, Object> of(Ingestion ingestion) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("ingestionId", ingestion.id());
        out.put("documentId", ingestion.documentId());
        out.put("text", ingestion.text());
        List<Map<String, Object>> mentions = ingestion.mentions().stream().map((m) -> {
            Map<String, Object> mention = new LinkedHashMap<>();
            mention.put("id", m.id());
            mention.put("text", m.text());
            mention.put("start", m.start());
            mention.put("end", m.end());
            mention.put("type", m.type());
            mention.put("entityId", m.entityId());
            mention.put("possibleVictim", m.possibleVictim());
            mention.put("quote", m.quote());
            mention.put("origin", m.origin());
            return mention;
        }).toList();
        out.put("mentions", mentions);
        return out;
    }

    static String line(Ingestion ingestion) {
        return JSON.writeValueAsString(of(ingestion));
    }

}
