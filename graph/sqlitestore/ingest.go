package sqlitestore

import (
	"context"
	"database/sql"
	"fmt"
	"sort"

	"github.com/actorgraph/actorgraph/graph"
)

// batchSize is how many articles share one transaction; each article has
// its own savepoint inside it, so a failure undoes that article only.
const batchSize = 200

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
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return rep, dbError(err, "cannot start writing")
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
		if _, err := tx.ExecContext(ctx, `SAVEPOINT article`); err != nil {
			return rep, dbError(err, "cannot start writing an article")
		}
		add, err := w.article(x, &res)
		if err != nil {
			if _, rerr := tx.ExecContext(ctx, `ROLLBACK TO article`); rerr != nil {
				return rep, dbError(rerr, "cannot undo a failed article")
			}
			if ctx.Err() != nil {
				return rep, graph.Wrap(graph.EINTERNAL, ctx.Err(), "ingest cancelled")
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
		if _, err := tx.ExecContext(ctx, `RELEASE article`); err != nil {
			return rep, dbError(err, "cannot finish writing an article")
		}
		rep.Results = append(rep.Results, res)
	}
	if err := tx.Commit(); err != nil {
		return rep, dbError(err, "cannot commit the articles")
	}
	return rep, nil
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
}

var writerSQL = map[string]string{
	"articleHash":   `SELECT hash FROM articles WHERE key = ?`,
	"articleDelete": `DELETE FROM articles WHERE key = ?`,
	"articleInsert": `INSERT INTO articles (key, id, url, title, source, source_norm, published, hash, author, platform, forwarded_from, views)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
	"entityByID":      `SELECT id, type, name, aliases, article_count FROM entities WHERE id = ?`,
	"articleEntities": `SELECT entity_id FROM entity_articles WHERE article_key = ?`,
	"articleEdges":    `SELECT DISTINCT edge_id FROM evidence WHERE article_key = ?`,
	"formLookup": `SELECT e.id, e.type, e.name, e.aliases, e.article_count FROM forms f JOIN entities e ON e.id = f.entity_id
		WHERE f.form = ? AND f.type = ?`,
	"formInsert":   `INSERT OR IGNORE INTO forms (form, type, entity_id) VALUES (?, ?, ?)`,
	"entityInsert": `INSERT OR IGNORE INTO entities (id, type, name, aliases) VALUES (?, ?, ?, ?)`,
	"entityRename": `UPDATE entities SET name = ?, aliases = ? WHERE id = ?`,
	"entityRecount": `UPDATE entities SET (article_count, mention_count) =
		(SELECT COUNT(*), COALESCE(SUM(mentions), 0) FROM entity_articles WHERE entity_id = ?1) WHERE id = ?1`,
	"entityAddCounts": `UPDATE entities SET article_count = article_count + 1, mention_count = mention_count + ? WHERE id = ?`,
	"entityDrop":      `DELETE FROM entities WHERE id = ? AND article_count = 0`,
	"mentionsInsert":  `INSERT INTO entity_articles (entity_id, article_key, mentions) VALUES (?, ?, ?)`,
	"edgeInsert": `INSERT OR IGNORE INTO edges (id, type, subject, object, date, polarity, role, via, attributed_to, confidence, support)
		VALUES (?, ?, ?, ?, ?, ?, '', '[]', '[]', 0, 0)`,
	"evidenceInsert": `INSERT INTO evidence (edge_id, article_key, text, start_off, end_off, confidence, role, via, attributed_to)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
	"edgeEvidence": `SELECT article_key, confidence, role, via, attributed_to FROM evidence WHERE edge_id = ?
		ORDER BY article_key, start_off, end_off, text`,
	"edgeUpdate": `UPDATE edges SET role = ?, via = ?, attributed_to = ?, confidence = ?, support = ? WHERE id = ?`,
	"edgeDelete": `DELETE FROM edges WHERE id = ?`,
}

func newWriter(ctx context.Context, tx *sql.Tx) *writer {
	return &writer{ctx: ctx, tx: tx, stmts: make(map[string]*sql.Stmt, len(writerSQL))}
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
	for _, id := range order {
		if _, err := w.exec("mentionsInsert", id, key, mentions[id]); err != nil {
			return add, err
		}
		// The article is new to the store at this point (an old version
		// was removed above), so the counts grow by exactly this much.
		if _, err := w.exec("entityAddCounts", mentions[id], id); err != nil {
			return add, err
		}
	}

	// Relations, folded into edges.
	touched := map[string]bool{}
	for _, r := range x.Relations {
		sub, obj := res.EntityIDs[r.Subject], res.EntityIDs[r.Object]
		if r.Type.Symmetric() && obj < sub {
			sub, obj = obj, sub
		}
		pol := r.Polarity
		if pol == "" {
			pol = graph.Asserted
		}
		id := graph.EdgeID(r.Type, sub, obj, r.Date, pol)
		ins, err := w.exec("edgeInsert", id, string(r.Type), sub, obj, r.Date, string(pol))
		if err != nil {
			return add, err
		}
		if n, _ := ins.RowsAffected(); n > 0 {
			add.relations++
		}
		via, attr := storedIDs(r.Via, res.EntityIDs), storedIDs(r.AttributedTo, res.EntityIDs)
		if _, err := w.exec("evidenceInsert", id, key, r.Evidence.Text, r.Evidence.Start, r.Evidence.End,
			r.Confidence, r.Role, encodeIDs(via), encodeIDs(attr)); err != nil {
			return add, err
		}
		add.evidence++
		touched[id] = true
	}
	return add, w.refreshEdges(touched)
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
	ents, err := w.strings("articleEntities", key)
	if err != nil {
		return err
	}
	edges, err := w.strings("articleEdges", key)
	if err != nil {
		return err
	}
	// Cascades to the article's evidence and mentions.
	if _, err := w.exec("articleDelete", key); err != nil {
		return err
	}
	touched := make(map[string]bool, len(edges))
	for _, id := range edges {
		touched[id] = true
	}
	if err := w.refreshEdges(touched); err != nil {
		return err
	}
	return w.refreshEntities(ents)
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

// refreshEntities recomputes mention and article counts, deleting entities
// no stored article refers to.
func (w *writer) refreshEntities(ids []string) error {
	for _, id := range ids {
		if _, err := w.exec("entityRecount", id); err != nil {
			return err
		}
		if _, err := w.exec("entityDrop", id); err != nil {
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
	merged := graph.MergeEntity(match, e)
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
	return ne.ID, true, w.addForms(ne)
}

func (w *writer) addForms(e graph.Entity) error {
	for _, f := range graph.Forms(e) {
		if _, err := w.exec("formInsert", f, string(e.Type), e.ID); err != nil {
			return err
		}
	}
	return nil
}

// candidates reads the stored entities of type t that have form f.
func (w *writer) candidates(f string, t graph.EntityType) ([]graph.Entity, error) {
	rows, err := w.query("formLookup", f, string(t))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []graph.Entity
	for rows.Next() {
		var e graph.Entity
		var typ, aliases string
		if err := rows.Scan(&e.ID, &typ, &e.Name, &aliases, &e.ArticleCount); err != nil {
			return nil, dbError(err, "cannot read entities")
		}
		e.Type = graph.EntityType(typ)
		e.Aliases = decodeIDs(aliases)
		out = append(out, e)
	}
	if err := rows.Err(); err != nil {
		return nil, dbError(err, "cannot read entities")
	}
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
