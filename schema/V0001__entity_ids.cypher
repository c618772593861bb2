// Every entity has a stable, unique, human-readable id such as person/alexander-trofimov.
CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;

// Timelines sort and filter events by their PartialDate; its ISO form sorts 2011 < 2011-12 < 2011-12-15.
CREATE INDEX event_date IF NOT EXISTS FOR (n:Event) ON (n.date);
