// A page of articles in key order after a cursor, for dumps.
MATCH (a:Article)
WHERE a.key > $after
RETURN a {.*} AS article
ORDER BY a.key
LIMIT $limit
