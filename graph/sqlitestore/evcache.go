package sqlitestore

import (
	"sync"

	"github.com/actorgraph/actorgraph/graph"
)

// Bounds of the evidence cache: entries, rows in all, and rows in one
// entry (an edge read whole with thousands of sentences is not kept).
const (
	evCacheEntries  = 1 << 16
	evCacheRows     = 1 << 17
	evCacheEntryMax = 256
)

// evKey is one edge's evidence as read with one cap (see
// graph.EvidenceCap).
type evKey struct {
	id string
	n  int
}

// evEntry is what fillEvidence sets on an edge for a key: its evidence
// and, when found is set, its total.
type evEntry struct {
	evs   []graph.Evidence
	total int
	found bool
}

// evCache keeps edges' evidence as fillEvidence read it, so that a server
// answering the same paths again builds them from memory: each read was a
// query, and every query took the C allocator's one lock many times.
// Entries belong to one generation of the store (Store.gen, bumped by
// every ingest, when the path index is dropped) and the cache is emptied
// when it sees a newer one; an entry read before an ingest is never kept
// after it. When full it is emptied whole: simpler than an LRU, and a
// busy server refills it in a moment.
type evCache struct {
	mu   sync.RWMutex
	gen  uint64
	m    map[evKey]evEntry
	rows int
}

// generation returns the store's current generation.
func (s *Store) generation() uint64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.gen
}

// get returns the entry of k read in generation gen.
func (c *evCache) get(gen uint64, k evKey) (evEntry, bool) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	if c.gen != gen {
		return evEntry{}, false
	}
	e, ok := c.m[k]
	return e, ok
}

// put keeps entries read in generation gen, unless the store has moved
// on since: cur is checked under the cache's lock, so an ingest finishing
// meanwhile either comes first (and nothing is kept) or bumps the
// generation after (and the next get misses).
func (c *evCache) put(gen uint64, cur func() uint64, entries map[evKey]evEntry) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if cur() != gen {
		return
	}
	if c.gen != gen || c.m == nil {
		c.gen, c.m, c.rows = gen, map[evKey]evEntry{}, 0
	}
	for k, e := range entries {
		if len(e.evs) > evCacheEntryMax {
			continue
		}
		if _, ok := c.m[k]; ok {
			continue
		}
		if len(c.m) >= evCacheEntries || c.rows+len(e.evs) > evCacheRows {
			c.m, c.rows = map[evKey]evEntry{}, 0
		}
		c.m[k] = e
		c.rows += len(e.evs)
	}
}
