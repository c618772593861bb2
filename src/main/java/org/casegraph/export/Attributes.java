package org.casegraph.export;

import java.util.Arrays;
import java.util.List;

import org.casegraph.entity.Case;
import org.casegraph.entity.Document;
import org.casegraph.entity.Entity;
import org.casegraph.entity.Event;
import org.casegraph.entity.Organization;
import org.casegraph.entity.Place;
import org.casegraph.entity.Relationship;

/**
 * The columns GraphML and CSV share, for tools that draw graphs (Gephi, yEd, Cytoscape):
 * what an entity or a relationship is, its dates and how many quotes it rests on. Values
 * are as GraphQL serves them to the caller; a Victim is a group record (its label and
 * type), like every other entity.
 */
final class Attributes {

    /**
     * Node columns after the id; date is an event's date or a document's publication
     * date.
     */
    static final List<String> NODE = List.of("type", "name", "kind", "date", "endDate", "summary", "sourceCount");

    /** Edge columns after the id and the ends. */
    static final List<String> EDGE = List.of("type", "role", "validFrom", "validTo", "sourceCount");

    private Attributes() {
    }

    /** The node's values, in {@link #NODE} order, null where the entity has none. */
    static List<String> of(Entity entity) {
        String kind = null;
        String date = null;
        String endDate = null;
        if (entity instanceof Event event) {
            kind = event.kind();
            date = event.date();
            endDate = event.endDate();
        }
        else if (entity instanceof Document document) {
            kind = document.kind();
            date = document.publicationDate();
        }
        else if (entity instanceof Organization organization) {
            kind = organization.kind();
        }
        else if (entity instanceof Place place) {
            kind = place.kind();
        }
        else if (entity instanceof Case matter) {
            kind = matter.status();
        }
        return Arrays.asList(entity.getClass().getSimpleName(), entity.name(), kind, date, endDate, entity.summary(),
                String.valueOf(entity.sources().size()));
    }

    /** The edge's values, in {@link #EDGE} order. */
    static List<String> of(Relationship relationship) {
        return Arrays.asList(relationship.type(), relationship.role(), relationship.validFrom(), relationship.validTo(),
                String.valueOf(relationship.sources().size()));
    }

}
