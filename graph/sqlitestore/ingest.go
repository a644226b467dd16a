package sqlitestore

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"slices"
	"sort"

	"github.com/actorgraph/actorgraph/graph"
)

// batchSize is how many articles share one transaction; each article has
// its own savepoint inside it, so a failure undoes that article only. A
// commit writes every page the transaction dirtied, and in a big graph
// nearly every edge lands on a page of its own (edge ids are hashes), so
// big loads want big transactions.
const batchSize = 1000

// Ingest stores extractions; see graph.Ingester and the graphtest package
// documentation for the rules.
func (s *Store) Ingest(ctx context.Context, xs []graph.Extraction) (graph.IngestReport, error) {
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	rep := graph.IngestReport{Results: make([]graph.IngestResult, 0, len(xs))}
	for start := 0; start < len(xs); start += batchSize {
		end := min(start+batchSize, len(xs))
		batch, err := s.ingestBatch(ctx, xs[start:end])
		s.invalidate()
		if err != nil {
			// The batch rolled back: report its articles failed and stop.
			for _, x := range xs[start:] {
				rep.Results = append(rep.Results, graph.IngestResult{Key: x.Article.Key(), ID: articleID(x.Article),
					Status: graph.IngestFailed, Error: graph.ErrorMessage(err)})
				rep.ArticlesFailed++
			}
			return rep, err
		}
		rep.Results = append(rep.Results, batch.Results...)
		rep.EntitiesAdded += batch.EntitiesAdded
		rep.RelationsAdded += batch.RelationsAdded
		rep.EvidenceAdded += batch.EvidenceAdded
		rep.ArticlesNew += batch.ArticlesNew
		rep.ArticlesSkipped += batch.ArticlesSkipped
		rep.ArticlesReplaced += batch.ArticlesReplaced
		rep.ArticlesFailed += batch.ArticlesFailed
	}
	return rep, nil
}

func articleID(a graph.Article) string {
	if a.ID != "" {
		return a.ID
	}
	return a.Key()
}

func (s *Store) ingestBatch(ctx context.Context, xs []graph.Extraction) (graph.IngestReport, error) {
	var rep graph.IngestReport
	if err := ctx.Err(); err != nil {
		return rep, graph.Wrap(graph.EINTERNAL, err, "ingest cancelled")
	}
	// Ingest writes rows only after those they refer to, and deletes
	// dependent rows itself (remove), so it needs no foreign key checks:
	// they cost a few index lookups for every row written. The pragma is
	// per connection and cannot change inside a transaction, so the batch
	// has a connection of its own; it is switched back for other users.
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return rep, dbError(err, "cannot start writing")
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, `PRAGMA foreign_keys = OFF`); err != nil {
		return rep, dbError(err, "cannot start writing")
	}
	// A transaction of a thousand articles in a big graph dirties a page
	// for nearly every row it writes, all over the random-keyed indexes
	// (edge ids are hashes); with a cache smaller than those, pages spill
	// to the log and are read back before the commit, and the next batch
	// reads them again. At a million relations the database is about
	// 800 MB, of which 350 MB random-keyed indexes (edges and their
	// indexes, evidence by edge): a 512 MiB cache keeps them (a 256 MiB
	// one spent a twentieth of ingest's time reading pages back, and 1 GiB
	// saved a hundredth more for twice the memory); it fills only as pages
	// are read, so small graphs pay nothing.
	if _, err := conn.ExecContext(ctx, `PRAGMA cache_size = -524288`); err != nil {
		return rep, dbError(err, "cannot start writing")
	}
	defer conn.ExecContext(context.Background(), `PRAGMA foreign_keys = ON`)
	// Each article is written in a savepoint of its own, so that a
	// failure undoes that article only; but a savepoint journals the
	// first change to every page it touches (in a big graph, a page for
	// nearly every row written), which is a tenth of ingest's time. Most
	// batches have no failing article: write them without savepoints, and
	// only when an article fails roll the whole batch back and write it
	// again with them.
	rep, failed, err := s.writeBatch(ctx, conn, xs, false)
	if err != nil || !failed {
		return rep, err
	}
	rep, _, err = s.writeBatch(ctx, conn, xs, true)
	return rep, err
}

// writeBatch writes xs in one transaction on conn. With savepoints, an
// article that fails is undone and reported failed; without, the first
// article to fail rolls the transaction back and writeBatch returns with
// failed set, so that the caller writes the batch again with savepoints.
func (s *Store) writeBatch(ctx context.Context, conn *sql.Conn, xs []graph.Extraction, savepoints bool) (rep graph.IngestReport, failed bool, err error) {
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return rep, false, dbError(err, "cannot start writing")
	}
	defer tx.Rollback()
	w := newWriter(ctx, tx)
	defer w.close()
	for _, x := range xs {
		res := graph.IngestResult{Key: x.Article.Key(), ID: articleID(x.Article)}
		if err := x.Validate(); err != nil {
			res.Status, res.Error = graph.IngestFailed, graph.ErrorMessage(err)
			rep.Results = append(rep.Results, res)
			rep.ArticlesFailed++
			continue
		}
		if savepoints {
			if _, err := tx.ExecContext(ctx, `SAVEPOINT article`); err != nil {
				return rep, false, dbError(err, "cannot start writing an article")
			}
		}
		add, err := w.article(x, &res)
		if err != nil {
			if ctx.Err() != nil {
				return rep, false, graph.Wrap(graph.EINTERNAL, ctx.Err(), "ingest cancelled")
			}
			if !savepoints {
				return graph.IngestReport{}, true, nil
			}
			if _, rerr := tx.ExecContext(ctx, `ROLLBACK TO article`); rerr != nil {
				return rep, false, dbError(rerr, "cannot undo a failed article")
			}
			res.Status, res.Error, res.EntityIDs = graph.IngestFailed, graph.ErrorMessage(err), nil
			rep.ArticlesFailed++
		} else {
			rep.EntitiesAdded += add.entities
			rep.RelationsAdded += add.relations
			rep.EvidenceAdded += add.evidence
			switch res.Status {
			case graph.IngestNew:
				rep.ArticlesNew++
			case graph.IngestReplaced:
				rep.ArticlesReplaced++
			case graph.IngestUnchanged:
				rep.ArticlesSkipped++
			}
		}
		if savepoints {
			if _, err := tx.ExecContext(ctx, `RELEASE article`); err != nil {
				return rep, false, dbError(err, "cannot finish writing an article")
			}
		}
		rep.Results = append(rep.Results, res)
	}
	if err := tx.Commit(); err != nil {
		return rep, false, dbError(err, "cannot commit the articles")
	}
	return rep, false, nil
}

// invalidate drops the path index after a write.
func (s *Store) invalidate() {
	s.mu.Lock()
	s.idx = nil
	s.gen++
	s.mu.Unlock()
}

// writer holds one transaction's prepared statements.
type writer struct {
	ctx   context.Context
	tx    *sql.Tx
	stmts map[string]*sql.Stmt
	multi map[multiKey]*sql.Stmt // multirow.go

	// One article's view of entity resolution: the stored entities that
	// had its entities' forms when it started (found, read in one query),
	// and what it has written since (added forms, new entity states), so
	// that each entity still sees those before it.
	found map[formKey][]graph.Entity
	added map[formKey][]string
	state map[string]graph.Entity
}

type formKey struct {
	form string
	typ  graph.EntityType
}

var writerSQL = map[string]string{
	"articleHash":           `SELECT hash FROM articles WHERE key = ?`,
	"articleDelete":         `DELETE FROM articles WHERE key = ?`,
	"articleEvidenceDelete": `DELETE FROM evidence WHERE article_key = ?`,
	"articleMentionsDelete": `DELETE FROM entity_articles WHERE article_key = ?`,
	"articleInsert": `INSERT INTO articles (key, id, url, title, source, source_norm, published, hash, author, platform, forwarded_from, views)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
	"entityByID":      `SELECT id, type, name, aliases, article_count FROM entities WHERE id = ?`,
	"articleMentions": `SELECT json_group_array(json_array(entity_id, mentions)) FROM entity_articles WHERE article_key = ?`,
	"articleEdges":    `SELECT DISTINCT edge_id FROM evidence WHERE article_key = ?`,
	"formInsert":      `INSERT OR IGNORE INTO forms (form, type, entity_id) VALUES (?, ?, ?)`,
	"entityInsert":    `INSERT OR IGNORE INTO entities (id, type, name, aliases) VALUES (?, ?, ?, ?)`,
	"entityRename":    `UPDATE entities SET name = ?, aliases = ? WHERE id = ?`,
	"entityDrop":      `DELETE FROM entities WHERE id = ? AND article_count = 0`,
	"entityFormsDrop": `DELETE FROM forms WHERE entity_id = ?1 AND NOT EXISTS (SELECT 1 FROM entities WHERE id = ?1)`,
	// The mentions a replaced article added, taken off its entities.
	"entitySubCountsAll": `UPDATE OR FAIL entities SET article_count = article_count - 1, mention_count = mention_count - q.m
		FROM (SELECT value ->> 0 AS id, value ->> 1 AS m FROM json_each(?)) AS q WHERE entities.id = q.id`,
	"edgeEvidence": `SELECT article_key, confidence, role, via, attributed_to FROM evidence WHERE edge_id = ?
		ORDER BY article_key, start_off, end_off, text`,
	"edgeUpdate": `UPDATE edges SET role = ?, via = ?, attributed_to = ?, confidence = ?, support = ? WHERE id = ?`,
	"edgeDelete": `DELETE FROM edges WHERE id = ?`,
}

func newWriter(ctx context.Context, tx *sql.Tx) *writer {
	return &writer{ctx: ctx, tx: tx, stmts: make(map[string]*sql.Stmt, len(writerSQL)), multi: map[multiKey]*sql.Stmt{}}
}

// stmt prepares a statement on first use: a batch of new articles never
// needs the ones that replace.
func (w *writer) stmt(name string) (*sql.Stmt, error) {
	if st, ok := w.stmts[name]; ok {
		return st, nil
	}
	st, err := w.tx.PrepareContext(w.ctx, writerSQL[name])
	if err != nil {
		return nil, dbError(err, "cannot prepare an ingest statement")
	}
	w.stmts[name] = st
	return st, nil
}

func (w *writer) close() {
	for _, st := range w.stmts {
		st.Close()
	}
	for _, st := range w.multi {
		st.Close()
	}
}

func (w *writer) exec(name string, args ...any) (sql.Result, error) {
	st, err := w.stmt(name)
	if err != nil {
		return nil, err
	}
	r, err := st.ExecContext(w.ctx, args...)
	if err != nil {
		return nil, dbError(err, "cannot write the article")
	}
	return r, nil
}

func (w *writer) query(name string, args ...any) (*sql.Rows, error) {
	st, err := w.stmt(name)
	if err != nil {
		return nil, err
	}
	rows, err := st.QueryContext(w.ctx, args...)
	if err != nil {
		return nil, dbError(err, "cannot read the graph")
	}
	return rows, nil
}

// strings runs a one-column query.
func (w *writer) strings(name string, args ...any) ([]string, error) {
	rows, err := w.query(name, args...)
	if err != nil {
		return nil, dbError(err, "cannot read the graph")
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var v string
		if err := rows.Scan(&v); err != nil {
			return nil, dbError(err, "cannot read the graph")
		}
		out = append(out, v)
	}
	if err := rows.Err(); err != nil {
		return nil, dbError(err, "cannot read the graph")
	}
	return out, nil
}

type added struct{ entities, relations, evidence int }

// article writes one extraction inside the current savepoint and sets
// res's status and entity mapping.
func (w *writer) article(x graph.Extraction, res *graph.IngestResult) (added, error) {
	var add added
	a := x.Article
	key := a.Key()
	hash := a.Hash
	if hash == "" {
		hash = graph.TextHash(a.Text)
	}
	st, err := w.stmt("articleHash")
	if err != nil {
		return add, err
	}
	var old string
	switch err := st.QueryRowContext(w.ctx, key).Scan(&old); {
	case err == sql.ErrNoRows:
		res.Status = graph.IngestNew
	case err != nil:
		return add, dbError(err, "cannot read the article")
	case old == hash:
		res.Status = graph.IngestUnchanged
		return add, nil
	default:
		res.Status = graph.IngestReplaced
		if err := w.remove(key); err != nil {
			return add, err
		}
	}
	if _, err := w.exec("articleInsert", key, articleID(a), a.URL, a.Title, a.Source, graph.NormalizeName(a.Source), a.Published, hash,
		a.Author, a.Platform, a.ForwardedFrom, a.Views); err != nil {
		return add, err
	}

	// Entities, one by one, each seeing those before it.
	if err := w.lookup(x); err != nil {
		return add, err
	}
	res.EntityIDs = make(map[string]string, len(x.Entities))
	mentions := map[string]int{}
	var order []string
	for _, e := range x.Entities {
		resolve := w.resolve
		if pin := x.IDs[e.ID]; pin != "" {
			resolve = func(e graph.Entity) (string, bool, error) { return w.pinned(e, pin) }
		}
		id, created, err := resolve(e)
		if err != nil {
			return add, err
		}
		if created {
			add.entities++
		}
		res.EntityIDs[e.ID] = id
		if _, ok := mentions[id]; !ok {
			order = append(order, id)
		}
		mentions[id] += len(e.Mentions)
	}
	if len(order) > 0 {
		ments := make([]any, 0, 3*len(order))
		counts := make([]any, 0, 2*len(order))
		for _, id := range order {
			ments = append(ments, id, key, mentions[id])
			counts = append(counts, id, mentions[id])
		}
		if err := w.multiExec("mentionsInsert", ments); err != nil {
			return add, err
		}
		if err := w.multiExec("entityAddCounts", counts); err != nil {
			return add, err
		}
	}

	// Relations, folded into edges: the edges new to the store are written
	// whole, their aggregates folded here from this article's evidence;
	// those that were there already are refreshed from all of theirs.
	type edgeRow struct {
		id        string
		r         graph.Relation
		sub, obj  string
		agg       aggregate
		first     graph.Evidence // of the evidence that set agg.role
		via, attr map[string]bool
	}
	var edgeOrder []string
	byEdge := map[string]*edgeRow{}
	evidence := make([]any, 0, 9*len(x.Relations))
	for _, r := range x.Relations {
		sub, obj := res.EntityIDs[r.Subject], res.EntityIDs[r.Object]
		if r.Type.Symmetric() && obj < sub {
			sub, obj = obj, sub
		}
		pol := r.Polarity
		if pol == "" {
			pol = graph.Asserted
		}
		r.Polarity = pol
		id := graph.EdgeID(r.Type, sub, obj, r.Date, pol)
		via, attr := storedIDs(r.Via, res.EntityIDs), storedIDs(r.AttributedTo, res.EntityIDs)
		ev := r.Evidence
		evidence = append(evidence, id, key, ev.Text, ev.Start, ev.End, r.Confidence, r.Role, encodeIDs(via), encodeIDs(attr))
		add.evidence++
		er := byEdge[id]
		if er == nil {
			er = &edgeRow{id: id, r: r, sub: sub, obj: obj, via: map[string]bool{}, attr: map[string]bool{}}
			byEdge[id] = er
			edgeOrder = append(edgeOrder, id)
		}
		// Fold as aggregate does, in evidence order: one article, so by
		// offsets and text.
		if r.Confidence > er.agg.confidence {
			er.agg.confidence = r.Confidence
		}
		if r.Role != "" && (er.agg.role == "" || evidenceBefore(ev, er.first)) {
			er.agg.role, er.first = r.Role, ev
		}
		for _, v := range via {
			er.via[v] = true
		}
		for _, v := range attr {
			er.attr[v] = true
		}
	}
	if len(edgeOrder) == 0 {
		return add, nil
	}
	edges := make([]any, 0, 10*len(edgeOrder))
	for _, id := range edgeOrder {
		er := byEdge[id]
		edges = append(edges, id, string(er.r.Type), er.sub, er.obj, er.r.Date, string(er.r.Polarity), er.agg.role,
			encodeIDs(setList(er.via)), encodeIDs(setList(er.attr)), er.agg.confidence)
	}
	var inserted []string
	if err := w.multiQuery("edgeInsert", edges, func(rows *sql.Rows) error {
		var id string
		if err := rows.Scan(&id); err != nil {
			return dbError(err, "cannot write the article")
		}
		inserted = append(inserted, id)
		return nil
	}); err != nil {
		return add, err
	}
	add.relations += len(inserted)
	if err := w.multiExec("evidenceInsert", evidence); err != nil {
		return add, err
	}
	touched := make(map[string]bool, len(edgeOrder))
	for _, id := range edgeOrder {
		touched[id] = true
	}
	for _, id := range inserted {
		delete(touched, id)
	}
	return add, w.refreshEdges(touched)
}

// evidenceBefore reports whether a comes before b in evidence order within
// one article.
func evidenceBefore(a, b graph.Evidence) bool {
	if a.Start != b.Start {
		return a.Start < b.Start
	}
	if a.End != b.End {
		return a.End < b.End
	}
	return a.Text < b.Text
}

// storedIDs maps local ids to stored ones, sorted and without repeats.
func storedIDs(locals []string, m map[string]string) []string {
	seen := make(map[string]bool, len(locals))
	out := make([]string, 0, len(locals))
	for _, l := range locals {
		if id := m[l]; id != "" && !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	sort.Strings(out)
	return out
}

// remove deletes an article's contribution: its evidence and mentions, then
// the edges and entities nothing else supports.
func (w *writer) remove(key string) error {
	// The article's mentions as a JSON array of [entity, mentions], what
	// entityAddCountsAll added when it was written.
	mentions, err := w.strings("articleMentions", key)
	if err != nil {
		return err
	}
	var rows [][2]json.RawMessage
	if len(mentions) == 1 {
		if err := json.Unmarshal([]byte(mentions[0]), &rows); err != nil {
			return graph.Wrap(graph.EINTERNAL, err, "cannot read the article's entities")
		}
	}
	ents := make([]string, 0, len(rows))
	for _, r := range rows {
		var id string
		if err := json.Unmarshal(r[0], &id); err != nil {
			return graph.Wrap(graph.EINTERNAL, err, "cannot read the article's entities")
		}
		ents = append(ents, id)
	}
	edges, err := w.strings("articleEdges", key)
	if err != nil {
		return err
	}
	// What the foreign keys would cascade to, deleted here since ingest
	// runs without them.
	for _, name := range []string{"articleEvidenceDelete", "articleMentionsDelete", "articleDelete"} {
		if _, err := w.exec(name, key); err != nil {
			return err
		}
	}
	touched := make(map[string]bool, len(edges))
	for _, id := range edges {
		touched[id] = true
	}
	if err := w.refreshEdges(touched); err != nil {
		return err
	}
	if len(ents) > 0 {
		if _, err := w.exec("entitySubCountsAll", mentions[0]); err != nil {
			return err
		}
	}
	return w.dropEntities(ents)
}

// refreshEdges recomputes the aggregate columns of edges from their
// evidence, deleting those left without any.
func (w *writer) refreshEdges(ids map[string]bool) error {
	sorted := make([]string, 0, len(ids))
	for id := range ids {
		sorted = append(sorted, id)
	}
	sort.Strings(sorted)
	for _, id := range sorted {
		agg, err := w.aggregate(id)
		if err != nil {
			return err
		}
		if agg.support == 0 {
			if _, err := w.exec("edgeDelete", id); err != nil {
				return err
			}
			continue
		}
		if _, err := w.exec("edgeUpdate", agg.role, encodeIDs(agg.via), encodeIDs(agg.attr), agg.confidence, agg.support, id); err != nil {
			return err
		}
	}
	return nil
}

type aggregate struct {
	role       string
	via, attr  []string
	confidence float64
	support    int
}

// aggregate folds an edge's evidence rows, read in evidence order.
func (w *writer) aggregate(id string) (aggregate, error) {
	var a aggregate
	rows, err := w.query("edgeEvidence", id)
	if err != nil {
		return a, err
	}
	defer rows.Close()
	articles := map[string]bool{}
	via, attr := map[string]bool{}, map[string]bool{}
	for rows.Next() {
		var key, role, v, at string
		var conf float64
		if err := rows.Scan(&key, &conf, &role, &v, &at); err != nil {
			return a, dbError(err, "cannot read evidence")
		}
		articles[key] = true
		if conf > a.confidence {
			a.confidence = conf
		}
		if a.role == "" {
			a.role = role
		}
		for _, x := range decodeIDs(v) {
			via[x] = true
		}
		for _, x := range decodeIDs(at) {
			attr[x] = true
		}
	}
	if err := rows.Err(); err != nil {
		return a, dbError(err, "cannot read evidence")
	}
	a.support = len(articles)
	a.via, a.attr = setList(via), setList(attr)
	return a, nil
}

func setList(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// dropEntities deletes those of ids that no stored article refers to any
// more, with their forms.
func (w *writer) dropEntities(ids []string) error {
	for _, id := range ids {
		if _, err := w.exec("entityDrop", id); err != nil {
			return err
		}
		if _, err := w.exec("entityFormsDrop", id); err != nil {
			return err
		}
	}
	return nil
}

// resolve finds the stored entity e is, through graph.MatchEntity over the
// stored entities sharing a form with it, and folds e into it; or stores e
// as a new entity. It reports the stored id and whether it is new.
func (w *writer) resolve(e graph.Entity) (string, bool, error) {
	var cands []graph.Entity
	seen := map[string]bool{}
	for _, f := range graph.Forms(e) {
		found, err := w.candidates(f, e.Type)
		if err != nil {
			return "", false, err
		}
		for _, c := range found {
			if !seen[c.ID] {
				seen[c.ID] = true
				cands = append(cands, c)
			}
		}
	}
	if match, ok := graph.MatchEntity(e, cands); ok {
		return match.ID, false, w.fold(match, e)
	}
	return w.create(e, graph.EntityID(e.Type, e.Name), true)
}

// fold merges e into the stored entity match.
func (w *writer) fold(match, e graph.Entity) error {
	merged := match
	if e.Name != match.Name || len(e.Aliases) > 0 {
		merged = graph.MergeEntity(match, e)
	} else if merged.Aliases == nil {
		// The same name and nothing else adds nothing: the stored aliases
		// were cleaned by the merge that wrote them.
		merged.Aliases = []string{}
	}
	if w.state != nil {
		w.state[match.ID] = merged
	}
	if merged.Name != match.Name || !sameList(merged.Aliases, match.Aliases) {
		if _, err := w.exec("entityRename", merged.Name, encodeIDs(merged.Aliases), match.ID); err != nil {
			return err
		}
		if err := w.addForms(merged); err != nil {
			return err
		}
	}
	return nil
}

// pinned resolves an entity pinned to a stored id (graph.Extraction.IDs):
// the entity with that id if there is one, else a new one given the id.
func (w *writer) pinned(e graph.Entity, id string) (string, bool, error) {
	st, err := w.stmt("entityByID")
	if err != nil {
		return "", false, err
	}
	var m graph.Entity
	var typ, aliases string
	switch err := st.QueryRowContext(w.ctx, id).Scan(&m.ID, &typ, &m.Name, &aliases, &m.ArticleCount); {
	case err == sql.ErrNoRows:
		return w.create(e, id, false)
	case err != nil:
		return "", false, dbError(err, "cannot read entities")
	}
	m.Type, m.Aliases = graph.EntityType(typ), decodeIDs(aliases)
	return m.ID, false, w.fold(m, e)
}

// create stores e as a new entity with id base, or, when suffix is set and
// an entity holds it, the first free of base-2, base-3…
func (w *writer) create(e graph.Entity, base string, suffix bool) (string, bool, error) {
	// Folding into an empty entity cleans the aliases the same way a
	// merge would: no repeats, nothing equal to the name.
	ne := graph.MergeEntity(graph.Entity{Type: e.Type, Name: e.Name}, e)
	for n := 1; ; n++ {
		if n > 1 && !suffix {
			return "", false, graph.Errorf(graph.ECONFLICT, "entity id %q is taken", base)
		}
		ne.ID = base
		if n > 1 {
			// Only when an entity that does not match holds the id.
			ne.ID = fmt.Sprintf("%s-%d", base, n)
		}
		r, err := w.exec("entityInsert", ne.ID, string(e.Type), ne.Name, encodeIDs(ne.Aliases))
		if err != nil {
			return "", false, err
		}
		if k, _ := r.RowsAffected(); k == 1 {
			break
		}
	}
	if w.state != nil {
		w.state[ne.ID] = ne
	}
	return ne.ID, true, w.addForms(ne)
}

func (w *writer) addForms(e graph.Entity) error {
	for _, f := range graph.Forms(e) {
		if _, err := w.exec("formInsert", f, string(e.Type), e.ID); err != nil {
			return err
		}
		if w.added != nil {
			k := formKey{f, e.Type}
			w.added[k] = append(w.added[k], e.ID)
		}
	}
	return nil
}

// lookup reads, in one query, the stored entities having a form of one of
// x's entities, and starts the article's view of resolution.
func (w *writer) lookup(x graph.Extraction) error {
	w.found = map[formKey][]graph.Entity{}
	w.added = map[formKey][]string{}
	w.state = map[string]graph.Entity{}
	var keys []any
	seen := map[formKey]bool{}
	for _, e := range x.Entities {
		for _, f := range graph.Forms(e) {
			k := formKey{f, e.Type}
			if !seen[k] {
				seen[k] = true
				keys = append(keys, f, string(e.Type))
			}
		}
	}
	return w.multiQuery("formsLookup", keys, func(rows *sql.Rows) error {
		var e graph.Entity
		var form, typ, aliases string
		if err := rows.Scan(&form, &e.ID, &typ, &e.Name, &aliases, &e.ArticleCount); err != nil {
			return dbError(err, "cannot read entities")
		}
		e.Type = graph.EntityType(typ)
		e.Aliases = decodeIDs(aliases)
		k := formKey{form, e.Type}
		w.found[k] = append(w.found[k], e)
		return nil
	})
}

// candidates returns the entities of type t that have form f now: those
// lookup found and those the article has given the form since, each as
// the article has left it, in id order.
func (w *writer) candidates(f string, t graph.EntityType) ([]graph.Entity, error) {
	k := formKey{f, t}
	found, added := w.found[k], w.added[k]
	out := make([]graph.Entity, 0, len(found)+len(added))
	for _, e := range found {
		if st, ok := w.state[e.ID]; ok {
			e = st
		}
		out = append(out, e)
	}
	for _, id := range added {
		if !slices.ContainsFunc(out, func(e graph.Entity) bool { return e.ID == id }) {
			out = append(out, w.state[id])
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out, nil
}

func sameList(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
