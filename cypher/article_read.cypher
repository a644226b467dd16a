// One article's metadata and provenance by key.
MATCH (a:Article {key: $key})
RETURN a {.*} AS article
