package org.casegraph.export;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.casegraph.entity.Entity;

/**
 * Writes one export format as the pages come: entities first, then relationships, then
 * whatever closes the file. {@code documents} holds the visible documents the page's
 * citations name, by id (a citation of a document the caller may not see is left out, as
 * GraphQL leaves it out).
 */
interface ExportWriter {

    void entities(List<Entity> page, Map<String, Entity> documents) throws IOException;

    void relationships(List<ExportRepository.Link> page, Map<String, Entity> documents) throws IOException;

    void finish() throws IOException;

    /** The entities and relationships written so far. */
    Written written();

}
