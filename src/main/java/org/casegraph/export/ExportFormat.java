package org.casegraph.export;

import java.util.Arrays;
import java.util.Locale;

import org.casegraph.support.InvalidArgumentException;

/**
 * The formats the graph exports to, with what an HTTP client or a file needs to know of
 * each.
 */
public enum ExportFormat {

    /**
     * FollowTheMoney entities, one JSON object a line, for Aleph and OpenSanctions
     * tooling.
     */
    FTM("ftm", "application/x-ndjson", "casegraph.ftm.json"),

    /** A TimelineJS 3 timeline of events. */
    TIMELINEJS("timelinejs", "application/json", "casegraph-timeline.json"),

    /** GraphML for Gephi, yEd and Cytoscape. */
    GRAPHML("graphml", "application/graphml+xml", "casegraph.graphml"),

    /** A zip of nodes.csv and edges.csv, in Gephi's spreadsheet import's column names. */
    CSV("csv", "application/zip", "casegraph-csv.zip");

    private final String name;

    private final String mediaType;

    private final String fileName;

    ExportFormat(String name, String mediaType, String fileName) {
        this.name = name;
        this.mediaType = mediaType;
        this.fileName = fileName;
    }

    public String formatName() {
        return this.name;
    }

    public String mediaType() {
        return this.mediaType;
    }

    public String fileName() {
        return this.fileName;
    }

    /**
     * The format called {@code name}; {@code argument} names the parameter in the error.
     */
    public static ExportFormat parse(String argument, String name) {
        String wanted = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
            .filter((format) -> format.name.equals(wanted))
            .findFirst()
            .orElseThrow(() -> new InvalidArgumentException(argument, "unknown format '" + name + "'; one of "
                    + Arrays.stream(values()).map(ExportFormat::formatName).toList()));
    }

}
