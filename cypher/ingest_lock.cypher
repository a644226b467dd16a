// Serialises ingest: every ingest transaction first takes the write lock of
// this one node and keeps it until it commits, so two ingesters never
// resolve against each other's uncommitted entities. Readers are not held.
MERGE (l:IngestLock {name: 'ingest'})
SET l.ticks = coalesce(l.ticks, 0) + 1
