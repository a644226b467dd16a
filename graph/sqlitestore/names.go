package sqlitestore

import (
	"context"
	"slices"
	"sort"
	"strings"

	"github.com/actorgraph/actorgraph/graph"
)

// names is every entity and every normalised form of its names in memory,
// for entity reads and searches: a search for a part of a name ("ara" in
// "araghchi") is a scan in SQL, and a busy server answers such searches,
// and reads the entities of its answers, many times a second. Like the path
// index it is built on first use from one snapshot and dropped by an
// ingest (see Store.gen); it is never changed once built.
type names struct {
	ents   []graph.Entity // by id
	pos    map[string]int32
	forms  []nameForm         // sorted by form, then type, then entity
	exact  map[string][]int32 // form → indices into forms
	grams  map[string][]int32 // three-byte piece of a form → indices into forms, each once
	byRank []int32            // entities by mention count (most first), then id
	rank   []int32            // entity → its place in byRank
}

// nameForm is one row of the forms table.
type nameForm struct {
	form string
	typ  graph.EntityType
	ent  int32
}

// names returns the current name index, building it when there is none.
func (s *Store) names(ctx context.Context) (*names, error) {
	s.mu.Lock()
	nm, ok := s.nm, s.nm != nil && s.nmGen == s.gen
	s.mu.Unlock()
	if ok {
		return nm, nil
	}
	s.nmBuilding.Lock()
	defer s.nmBuilding.Unlock()
	s.mu.Lock()
	nm, gen := s.nm, s.gen
	ok = nm != nil && s.nmGen == gen
	s.mu.Unlock()
	if ok {
		return nm, nil // built while this caller waited
	}
	nm, err := s.buildNames(ctx)
	if err != nil {
		return nil, err
	}
	s.mu.Lock()
	if s.gen == gen {
		s.nm, s.nmGen = nm, gen
	}
	s.mu.Unlock()
	return nm, nil
}

func (s *Store) buildNames(ctx context.Context) (*names, error) {
	tx, err := s.readTx(ctx)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	nm := &names{pos: map[string]int32{}, exact: map[string][]int32{}, grams: map[string][]int32{}}
	rows, err := tx.QueryContext(ctx, `SELECT `+entityColumns+` FROM entities e ORDER BY e.id`)
	if err != nil {
		return nil, dbError(err, "cannot read entities")
	}
	for rows.Next() {
		e, err := scanEntity(rows)
		if err != nil {
			rows.Close()
			return nil, dbError(err, "cannot read entities")
		}
		nm.pos[e.ID] = int32(len(nm.ents))
		nm.ents = append(nm.ents, e)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, dbError(err, "cannot read entities")
	}
	rows, err = tx.QueryContext(ctx, `SELECT form, type, entity_id FROM forms ORDER BY form, type, entity_id`)
	if err != nil {
		return nil, dbError(err, "cannot read names")
	}
	for rows.Next() {
		var f nameForm
		var typ, id string
		if err := rows.Scan(&f.form, &typ, &id); err != nil {
			rows.Close()
			return nil, dbError(err, "cannot read names")
		}
		i, ok := nm.pos[id]
		if !ok {
			continue
		}
		f.typ, f.ent = graph.EntityType(typ), i
		nm.forms = append(nm.forms, f)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, dbError(err, "cannot read names")
	}
	for i, f := range nm.forms {
		nm.exact[f.form] = append(nm.exact[f.form], int32(i))
		seen := map[string]bool{}
		for j := 0; j+3 <= len(f.form); j++ {
			g := f.form[j : j+3]
			if !seen[g] {
				seen[g] = true
				nm.grams[g] = append(nm.grams[g], int32(i))
			}
		}
	}
	nm.byRank = make([]int32, len(nm.ents))
	for i := range nm.byRank {
		nm.byRank[i] = int32(i)
	}
	sort.Slice(nm.byRank, func(a, b int) bool { return nm.before(nm.byRank[a], nm.byRank[b]) })
	nm.rank = make([]int32, len(nm.ents))
	for r, e := range nm.byRank {
		nm.rank[e] = int32(r)
	}
	return nm, nil
}

// before orders entities as searches rank them within a kind of match:
// most mentioned first, then by id.
func (nm *names) before(a, b int32) bool {
	ea, eb := &nm.ents[a], &nm.ents[b]
	if ea.MentionCount != eb.MentionCount {
		return ea.MentionCount > eb.MentionCount
	}
	return ea.ID < eb.ID
}

// find answers FindEntities from memory, exactly as the SQL it replaces
// did: exact form, then prefix, then a match further in (instr > 1),
// each kind by mentions and id, an entity once, at most n.
func (nm *names) find(q string, types []graph.EntityType, n int) []graph.Entity {
	out := []graph.Entity{}
	typeOK := func(t graph.EntityType) bool {
		if len(types) == 0 {
			return true
		}
		for _, w := range types {
			if w == t {
				return true
			}
		}
		return false
	}
	if q == "" {
		for _, i := range nm.byRank {
			if len(out) == n {
				break
			}
			if typeOK(nm.ents[i].Type) {
				out = append(out, nm.ents[i])
			}
		}
		return out
	}
	seen := map[int32]bool{}
	take := func(match func(f *nameForm) bool, cands []int32) {
		if len(out) >= n {
			return
		}
		// The matching entities' places in byRank, sorted and each once:
		// integers to sort, where comparing entities (before) and a set
		// of them took most of a busy server's search time.
		var found []int32
		for _, fi := range cands {
			f := &nm.forms[fi]
			if !typeOK(f.typ) || seen[f.ent] || !match(f) {
				continue
			}
			found = append(found, nm.rank[f.ent])
		}
		slices.Sort(found)
		found = slices.Compact(found)
		for _, r := range found {
			if len(out) == n {
				return
			}
			if e := nm.byRank[r]; !seen[e] {
				seen[e] = true
				out = append(out, nm.ents[e])
			}
		}
	}
	take(func(*nameForm) bool { return true }, nm.exact[q])
	// Forms starting with q sort together from q on.
	lo := sort.Search(len(nm.forms), func(i int) bool { return nm.forms[i].form > q })
	hi := lo + sort.Search(len(nm.forms)-lo, func(i int) bool { return !strings.HasPrefix(nm.forms[lo+i].form, q) })
	prefix := make([]int32, 0, hi-lo)
	for i := lo; i < hi; i++ {
		prefix = append(prefix, int32(i))
	}
	take(func(*nameForm) bool { return true }, prefix)
	// Further in: instr(form, q) > 1, the first occurrence not at the
	// start. The forms holding q's rarest three-byte piece are the
	// candidates; a shorter q is looked for in every form.
	var cands []int32
	if len(q) >= 3 {
		for j := 0; j+3 <= len(q); j++ {
			if g := nm.grams[q[j:j+3]]; j == 0 || len(g) < len(cands) {
				cands = g
			}
		}
	} else {
		cands = make([]int32, len(nm.forms))
		for i := range cands {
			cands[i] = int32(i)
		}
	}
	take(func(f *nameForm) bool { return strings.Index(f.form, q) > 0 }, cands)
	return out
}
