// Names and aliases, for search. Victims are deliberately absent: they are never found by name.
CREATE FULLTEXT INDEX entity_names IF NOT EXISTS
FOR (n:Person|Organization|Case|Event|Document|Place|Statistic|Claim)
ON EACH [n.name, n.aliasText]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-no-stop-words', `fulltext.eventually_consistent`: false}};

// Summaries and the quotes that back each entity, for searching what the sources say.
CREATE FULLTEXT INDEX entity_texts IF NOT EXISTS
FOR (n:Person|Organization|Case|Event|Document|Place|Statistic|Claim)
ON EACH [n.summary, n.quoteText]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-no-stop-words', `fulltext.eventually_consistent`: false}};
