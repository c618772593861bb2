package org.casegraph.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.casegraph.entity.Entity;

/**
 * A zip of {@code nodes.csv} and {@code edges.csv} (RFC 4180: comma-separated, CRLF line
 * ends, a field quoted when it holds a comma, a quote or a line break, quotes doubled),
 * with the column names Gephi's spreadsheet import recognises ({@code Id}, {@code Label};
 * {@code Source}, {@code Target}, {@code Type} = Directed) and the {@link Attributes}
 * after them.
 */
final class CsvZipWriter implements ExportWriter {

    static final String NODES = "nodes.csv";

    static final String EDGES = "edges.csv";

    private final ZipOutputStream zip;

    private final Writer csv;

    private boolean edgesStarted;

    private final Written written = new Written();

    CsvZipWriter(OutputStream out) throws IOException {
        this.zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        this.csv = new OutputStreamWriter(this.zip, StandardCharsets.UTF_8);
        this.zip.putNextEntry(new ZipEntry(NODES));
        List<String> header = new ArrayList<>(List.of("Id", "Label"));
        header.addAll(Attributes.NODE);
        row(header);
    }

    @Override
    public void entities(List<Entity> page, Map<String, Entity> documents) throws IOException {
        for (Entity entity : page) {
            List<String> row = new ArrayList<>(List.of(entity.id(), entity.name()));
            row.addAll(Attributes.of(entity));
            row(row);
            this.written.entity();
        }
        this.csv.flush();
    }

    @Override
    public void relationships(List<ExportRepository.Link> page, Map<String, Entity> documents) throws IOException {
        startEdges();
        for (ExportRepository.Link link : page) {
            List<String> row = new ArrayList<>(List.of(link.relationship().fromId(), link.relationship().toId(),
                    "Directed", link.relationship().id(), link.relationship().type()));
            row.addAll(Attributes.of(link.relationship()));
            row(row);
            this.written.relationship();
        }
        this.csv.flush();
    }

    private void startEdges() throws IOException {
        if (this.edgesStarted) {
            return;
        }
        this.csv.flush();
        this.zip.closeEntry();
        this.zip.putNextEntry(new ZipEntry(EDGES));
        List<String> header = new ArrayList<>(List.of("Source", "Target", "Type", "Id", "Label"));
        header.addAll(Attributes.EDGE.stream().map((name) -> "type".equals(name) ? "relationship" : name).toList());
        row(header);
        this.edgesStarted = true;
    }

    private void row(List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                this.csv.write(',');
            }
            this.csv.write(field(fields.get(i)));
        }
        this.csv.write("\r\n");
    }

    static String field(String value) {
        if (value == null) {
            return "";
        }
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }

    @Override
    public void finish() throws IOException {
        startEdges();
        this.csv.flush();
        this.zip.closeEntry();
        this.zip.finish();
        this.zip.flush();
    }

    @Override
    public Written written() {
        return this.written;
    }

}
