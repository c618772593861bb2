// Everything a bulk import writes carries its importId, so that a failed import removes exactly what it wrote.
CREATE INDEX entity_import_id IF NOT EXISTS FOR (n:Entity) ON (n.importId);
