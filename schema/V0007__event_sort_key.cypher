// Timelines and legal histories order events by sortKey, then id: by date, coarse before fine, and by ordinal
// among events of one date (see EventOrder.java, which computes the same key for every write). An index keeps
// timeline pages cheap.
CREATE INDEX event_sort_key IF NOT EXISTS FOR (n:Event) ON (n.sortKey);

// Events written before the key existed get it: each date part with the ordinal + 1000 in four digits in the
// slot of the date's own precision and 1000 (ordinal 0) in the coarser ones, e.g. 2009-10-05 with ordinal 2 is
// 2009.1000-10.1000-05.1002.
MATCH (e:Event) WHERE e.date IS NOT NULL
CALL (e) {
  WITH e, split(e.date, '-') AS parts, right('000' + toString(1000 + coalesce(e.ordinal, 0)), 4) AS ordinal
  SET e.sortKey = reduce(key = '', i IN range(0, size(parts) - 1) |
    key + CASE WHEN i > 0 THEN '-' ELSE '' END + parts[i] + '.' + CASE WHEN i = size(parts) - 1 THEN ordinal ELSE '1000' END)
} IN TRANSACTIONS OF 10000 ROWS;
