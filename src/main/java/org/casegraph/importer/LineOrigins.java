package org.casegraph.importer;

import java.nio.file.Path;
import java.util.List;

/**
 * Where the lines of an import's files came from: how a message names a line, and the
 * datasets its records are put down to. The files of {@code import DIR} are their own
 * origin; an FtM import's files are translations, whose lines point back at the FtM lines
 * they were made from.
 */
interface LineOrigins {

    /** The import's own files: {@code file:line}, and no dataset recorded. */
    LineOrigins FILES = new LineOrigins() {

        @Override
        public String name(Path file, int line) {
            return file + ":" + line;
        }

        @Override
        public List<String> datasets(Path file, int line) {
            return List.of();
        }

    };

    /** The line as messages name it. */
    String name(Path file, int line);

    /**
     * The datasets the line's record comes from, stored with it as
     * {@code importDatasets}; empty for none.
     */
    List<String> datasets(Path file, int line);

}
