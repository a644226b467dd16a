// The stored hash of an article, to tell new, unchanged and replaced apart.
MATCH (a:Article {key: $key})
RETURN a.hash AS hash
