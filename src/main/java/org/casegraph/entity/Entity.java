package org.casegraph.entity;

import java.util.List;

/**
 * An entity of the graph. Java type names equal GraphQL type names, so the schema's
 * interfaces resolve by class.
 */
public sealed interface Entity permits Person, Victim, Organization, Case, Event, Document, Place, Statistic, Claim {

    String id();

    String name();

    String summary();

    List<Citation> sources();

    /** The fields only investigators and up see; empty for everyone else. */
    List<String> sensitiveFields();

}
