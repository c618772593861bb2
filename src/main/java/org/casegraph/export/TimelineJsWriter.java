package org.casegraph.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.casegraph.entity.Citation;
import org.casegraph.entity.Document;
import org.casegraph.entity.Entity;
import org.casegraph.entity.Event;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * A TimelineJS 3 timeline (https://timeline.knightlab.com/docs/json-format.html), written
 * an event at a time: a {@code title} slide, then {@code events}, each with a
 * {@code start_date} of the precision its date has (a year-only date gives only a year),
 * {@code text.headline} and {@code text.text}, the case it belongs to as {@code group},
 * and its sources as {@code media.credit} (with the quotes as the caption, and a cited
 * document's URL when one has any). TimelineJS shows text as HTML, so everything from the
 * graph is escaped.
 */
final class TimelineJsWriter {

    private final OutputStream out;

    private final JsonMapper json = JsonMapper.builder().build();

    private boolean first = true;

    private long events;

    TimelineJsWriter(OutputStream out, String headline, String text) throws IOException {
        this.out = out;
        Map<String, Object> title = Map.of("text",
                Map.of("headline", HtmlUtils.htmlEscape(headline), "text", HtmlUtils.htmlEscape(text)));
        write("{\"title\":");
        this.out.write(this.json.writeValueAsBytes(title));
        write(",\n\"events\":[\n");
    }

    void events(List<Event> page, Map<String, ExportRepository.EventCase> cases, Map<String, Entity> documents)
            throws IOException {
        for (Event event : page) {
            Map<String, Object> slide = new LinkedHashMap<>();
            slide.put("unique_id", event.id().replaceAll("[^A-Za-z0-9-]", "-"));
            slide.put("start_date", date(event.date()));
            if (event.endDate() != null) {
                slide.put("end_date", date(event.endDate()));
            }
            if (event.dateQualifier() != null && !"exact".equals(event.dateQualifier())) {
                slide.put("display_date", event.date() + (event.endDate() == null ? "" : " \u2013 " + event.endDate())
                        + " (" + event.dateQualifier() + ")");
            }
            List<String> quotes = new ArrayList<>();
            Set<String> sources = new LinkedHashSet<>();
            String url = null;
            for (Citation citation : event.sources()) {
                if (documents.get(citation.documentId()) instanceof Document document) {
                    quotes.add("\u201c" + citation.quote() + "\u201d \u2014 " + document.name());
                    sources.add(document.name());
                    url = url == null ? document.url() : url;
                }
            }
            StringBuilder text = new StringBuilder();
            if (event.summary() != null) {
                text.append("<p>").append(HtmlUtils.htmlEscape(event.summary())).append("</p>");
            }
            for (String quote : quotes) {
                text.append("<blockquote>").append(HtmlUtils.htmlEscape(quote)).append("</blockquote>");
            }
            slide.put("text", Map.of("headline", HtmlUtils.htmlEscape(event.name()), "text", text.toString()));
            ExportRepository.EventCase matter = cases.get(event.id());
            if (matter != null) {
                slide.put("group", HtmlUtils.htmlEscape(matter.caseName()));
            }
            Map<String, Object> media = new LinkedHashMap<>();
            if (url != null) {
                media.put("url", url);
            }
            media.put("caption", HtmlUtils.htmlEscape(String.join(" ", quotes)));
            media.put("credit", HtmlUtils.htmlEscape(String.join("; ", sources)));
            slide.put("media", media);
            if (!this.first) {
                write(",\n");
            }
            this.first = false;
            this.out.write(this.json.writeValueAsBytes(slide));
            this.events++;
        }
        this.out.flush();
    }

    /**
     * A TimelineJS date of the PartialDate's precision: {@code 2011} gives only a year.
     */
    static Map<String, Object> date(String partialDate) {
        String[] parts = partialDate.split("-");
        Map<String, Object> date = new LinkedHashMap<>();
        date.put("year", Integer.parseInt(parts[0]));
        if (parts.length > 1) {
            date.put("month", Integer.parseInt(parts[1]));
        }
        if (parts.length > 2) {
            date.put("day", Integer.parseInt(parts[2]));
        }
        return date;
    }

    void finish() throws IOException {
        write("\n]}\n");
        this.out.flush();
    }

    long eventsWritten() {
        return this.events;
    }

    private void write(String text) throws IOException {
        this.out.write(text.getBytes(StandardCharsets.UTF_8));
    }

}
