// An entity merged into another stays resolvable by its old id through an Alias node.
CREATE CONSTRAINT alias_id IF NOT EXISTS FOR (a:Alias) REQUIRE a.id IS UNIQUE;

// Each merge is recorded so that it can be undone.
CREATE CONSTRAINT merge_record_id IF NOT EXISTS FOR (m:MergeRecord) REQUIRE m.id IS UNIQUE;
