// The stored hashes of many articles at once, so an Ingest call tells new,
// unchanged and replaced articles apart with one read.
UNWIND $keys AS key
MATCH (a:Article {key: key})
RETURN a.key AS key, a.hash AS hash
