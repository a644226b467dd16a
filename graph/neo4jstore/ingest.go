package neo4jstore

import (
	"context"
	"errors"
	"sort"
	"strconv"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/actorgraph/actorgraph/graph"
)

// errUnchanged rolls back a write transaction that found, once it held the
// ingest lock, that another ingester had stored the same version already.
var errUnchanged = errors.New("article unchanged")

// outcome is what one article's transaction did.
type outcome struct {
	status                                       graph.IngestStatus
	entityIDs                                    map[string]string
	entitiesAdded, relationsAdded, evidenceAdded int
}

// Ingest stores the extractions in input order, each article wholly or not
// at all. Runs of new articles are written together, one transaction and a
// handful of batched statements per run (see ingestBatch); a run that
// fails for any reason but a lost server or a cancelled context is done
// again one article per transaction, so a bad article is reported failed
// and the others go on. Replaced articles and keys repeated within the call
// take the one-article way too.
func (s *Store) Ingest(ctx context.Context, xs []graph.Extraction) (graph.IngestReport, error) {
	rep := graph.IngestReport{Results: make([]graph.IngestResult, 0, len(xs))}
	plan, err := s.plan(ctx, xs)
	if err != nil {
		return rep, s.fail(ctx, err, "ingest stopped")
	}
	for i := 0; i < len(xs); {
		if err := ctx.Err(); err != nil {
			return rep, graph.Wrap(graph.EUNAVAILABLE, err, "ingest was cancelled after %d of %d articles", i, len(xs))
		}
		switch plan[i] {
		case planUnchanged:
			record(&rep, &xs[i], &outcome{status: graph.IngestUnchanged}, nil)
			i++
			continue
		case planOne:
			if err := s.ingestEach(ctx, &rep, xs[i:i+1]); err != nil {
				return rep, err
			}
			i++
			continue
		}
		j, rels, bound := i, 0, s.batchBounds()
		for j < len(xs) && plan[j] == planBatch && (j == i || (j-i < bound.articles && rels+len(xs[j].Relations) <= bound.relations)) {
			rels += len(xs[j].Relations)
			j++
		}
		outs, err := s.ingestBatch(ctx, xs[i:j])
		switch {
		case err == nil:
			for k := i; k < j; k++ {
				record(&rep, &xs[k], outs[k-i], nil)
			}
		case errors.Is(err, errTooBig) && j-i > 1:
			// The server would refuse the same run again: take it in
			// halves, and this store's later runs no bigger.
			s.lowerBatchBounds(j-i, rels)
			continue
		case s.fatal(ctx, err):
			return rep, s.fail(ctx, err, "ingest stopped")
		default:
			if err := s.ingestEach(ctx, &rep, xs[i:j]); err != nil {
				return rep, err
			}
		}
		i = j
	}
	return rep, nil
}

// ingestEach stores articles one transaction each and adds them to rep; it
// returns an error only when the call must stop.
func (s *Store) ingestEach(ctx context.Context, rep *graph.IngestReport, xs []graph.Extraction) error {
	for i := range xs {
		if err := ctx.Err(); err != nil {
			return graph.Wrap(graph.EUNAVAILABLE, err, "ingest was cancelled after %d articles", len(rep.Results))
		}
		out, err := s.ingestOne(ctx, &xs[i])
		if err != nil && s.fatal(ctx, err) {
			return s.fail(ctx, err, "ingest stopped")
		}
		if err != nil {
			err = s.fail(ctx, err, "the article could not be stored")
		}
		record(rep, &xs[i], out, err)
	}
	return nil
}

func articleHash(a graph.Article) string {
	if a.Hash != "" {
		return a.Hash
	}
	return graph.TextHash(a.Text)
}

func (s *Store) ingestOne(ctx context.Context, x *graph.Extraction) (*outcome, error) {
	if err := x.Validate(); err != nil {
		return nil, err
	}
	key, hash := x.Article.Key(), articleHash(x.Article)
	// The common case of a re-run: compare hashes without taking the lock
	// or writing anything.
	stored, err := s.read(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		return storedHash(ctx, tx, key)
	})
	if err != nil {
		return nil, err
	}
	if stored.(string) == hash {
		return &outcome{status: graph.IngestUnchanged}, nil
	}
	var out any
	for attempt := 1; ; attempt++ {
		out, err = s.writeRefusable(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
			return writeArticle(ctx, tx, x, key, hash)
		})
		// The ingest lock keeps ingesters from racing, but a writer that
		// does not take it (an older binary, a hand-run statement) can
		// still create an id first: the constraint rejects the duplicate
		// and the article is resolved again against what is now stored.
		if !constraintConflict(err) || attempt == 3 {
			break
		}
	}
	if errors.Is(err, errUnchanged) {
		return &outcome{status: graph.IngestUnchanged}, nil
	}
	if errors.Is(err, errTooBig) {
		return nil, graph.Errorf(graph.ETOOLARGE, "the article needs more transaction memory than Neo4j at %s allows (raise db.memory.transaction.max or dbms.memory.transaction.total.max there)", s.uri)
	}
	if err != nil {
		return nil, err
	}
	return out.(*outcome), nil
}

// constraintConflict reports whether err is a uniqueness constraint
// rejecting a write, which a new attempt resolves.
func constraintConflict(err error) bool {
	var n4 *neo4j.Neo4jError
	return errors.As(err, &n4) && n4.Code == "Neo.ClientError.Schema.ConstraintValidationFailed"
}

func storedHash(ctx context.Context, tx neo4j.ManagedTransaction, key string) (string, error) {
	recs, err := collect(ctx, tx, "article_get", map[string]any{"key": key})
	if err != nil || len(recs) == 0 {
		return "", err
	}
	h, _ := recs[0].Get("hash")
	return str(h), nil
}

// writeArticle is one article's transaction: take the ingest lock, take
// back the previous version's contribution if there is one, resolve the
// entities, then write entities, edges, the article and its mentions, each
// as one batched statement.
func writeArticle(ctx context.Context, tx neo4j.ManagedTransaction, x *graph.Extraction, key, hash string) (*outcome, error) {
	if err := exec(ctx, tx, "ingest_lock", nil); err != nil {
		return nil, err
	}
	stored, err := storedHash(ctx, tx, key)
	if err != nil {
		return nil, err
	}
	out := &outcome{status: graph.IngestNew}
	switch {
	case stored == hash:
		return nil, errUnchanged
	case stored != "":
		out.status = graph.IngestReplaced
		if err := takeBack(ctx, tx, key); err != nil {
			return nil, err
		}
	}

	r, err := newResolver(ctx, tx, x.Entities)
	if err != nil {
		return nil, err
	}
	if err := r.pin(ctx, tx, x.IDs); err != nil {
		return nil, err
	}
	local := map[string]string{}
	mentions := map[string]int{}
	for _, e := range x.Entities {
		id := r.resolvePinned(e, x.IDs[e.ID])
		local[e.ID] = id
		mentions[id] += len(e.Mentions)
	}
	out.entityIDs = local
	if err := exec(ctx, tx, "entities_upsert", map[string]any{"rows": r.rows()}); err != nil {
		return nil, err
	}
	out.entitiesAdded = len(r.created)

	rows, err := mergeEdges(ctx, tx, x, key, local)
	if err != nil {
		return nil, err
	}
	for _, row := range rows {
		if row.isNew {
			out.relationsAdded++
		}
	}
	if err := writeEdges(ctx, tx, rows); err != nil {
		return nil, err
	}
	out.evidenceAdded = len(x.Relations)

	a := x.Article
	id := a.ID
	if id == "" {
		id = key
	}
	mrows := make([]map[string]any, 0, len(mentions))
	for _, eid := range sortedKeys(keysOf(mentions)) {
		mrows = append(mrows, map[string]any{"id": eid, "count": int64(mentions[eid])})
	}
	err = exec(ctx, tx, "article_upsert", map[string]any{
		"article":  articleProps(a, key, id, hash),
		"mentions": mrows,
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// takeBack removes a stored article's contribution: its evidence leaves
// every edge (an edge left with none is deleted, the others are refolded),
// its mentions go, and entities no stored article mentions any more are
// deleted. What remains keeps the names and aliases it had.
func takeBack(ctx context.Context, tx neo4j.ManagedTransaction, key string) error {
	recs, err := collect(ctx, tx, "article_edges", map[string]any{"key": key})
	if err != nil {
		return err
	}
	var keep []*mergedEdge
	var drop []map[string]any
	for _, rec := range recs {
		v, _ := rec.Get("edge")
		row, err := rowOf(v)
		if err != nil {
			return err
		}
		var rest []contribution
		for _, c := range row.Contribs {
			if c.ArticleKey != key {
				rest = append(rest, c)
			}
		}
		if len(rest) == 0 {
			drop = append(drop, map[string]any{"id": row.ID, "subject": row.Subject, "object": row.Object})
			continue
		}
		row.Contribs = rest
		keep = append(keep, &mergedEdge{edgeRow: *row})
	}
	if len(drop) > 0 {
		if err := exec(ctx, tx, "edges_delete", map[string]any{"rows": drop}); err != nil {
			return err
		}
	}
	if err := writeEdges(ctx, tx, keep); err != nil {
		return err
	}
	recs, err = collect(ctx, tx, "article_unlink", map[string]any{"key": key})
	if err != nil {
		return err
	}
	ids := make([]string, 0, len(recs))
	for _, rec := range recs {
		v, _ := rec.Get("id")
		ids = append(ids, str(v))
	}
	if len(ids) == 0 {
		return nil
	}
	return exec(ctx, tx, "entities_delete_orphans", map[string]any{"ids": ids})
}

// mergedEdge is an edge about to be written and whether it is new.
type mergedEdge struct {
	edgeRow
	isNew bool
}

// mergeEdges folds the article's relations into the stored edges they
// belong to, read in one batch.
func mergeEdges(ctx context.Context, tx neo4j.ManagedTransaction, x *graph.Extraction, key string, local map[string]string) ([]*mergedEdge, error) {
	f := newEdgeFold()
	f.add(x, key, local)
	if err := f.readStored(ctx, tx); err != nil {
		return nil, err
	}
	return f.edges(), nil
}

// edgeFold gathers the edges relations fold into, in first-seen order, for
// one article or for a batch of them.
type edgeFold struct {
	byID  map[string]*mergedEdge
	order []string
}

func newEdgeFold() *edgeFold { return &edgeFold{byID: map[string]*mergedEdge{}} }

// add folds one article's relations in and returns the ids of the edges it
// is the first in the fold to name.
func (f *edgeFold) add(x *graph.Extraction, key string, local map[string]string) []string {
	a := x.Article
	aid := a.ID
	if aid == "" {
		aid = key
	}
	source := graph.NormalizeName(a.Source)
	var first []string
	for _, rel := range x.Relations {
		subj, obj := local[rel.Subject], local[rel.Object]
		p := rel.Polarity
		if p == "" {
			p = graph.Asserted
		}
		if rel.Type.Symmetric() && obj < subj {
			subj, obj = obj, subj
		}
		id := graph.EdgeID(rel.Type, subj, obj, rel.Date, p)
		e := f.byID[id]
		if e == nil {
			e = &mergedEdge{edgeRow: edgeRow{ID: id, Type: rel.Type, Subject: subj, Object: obj, Date: rel.Date, Polarity: p}, isNew: true}
			f.byID[id] = e
			f.order = append(f.order, id)
			first = append(first, id)
		}
		e.Contribs = append(e.Contribs, contribution{
			ArticleKey: key, ArticleID: aid, ArticleURL: a.URL, ArticleTitle: a.Title, Published: a.Published,
			Source: source, Text: rel.Evidence.Text, Start: rel.Evidence.Start, End: rel.Evidence.End,
			Confidence: rel.Confidence, Via: mapIDs(rel.Via, local), AttributedTo: mapIDs(rel.AttributedTo, local),
			Role: rel.Role,
		})
	}
	return first
}

// readStored reads, in one statement, the stored edges the fold names and
// adds their contributions: those edges are not new.
func (f *edgeFold) readStored(ctx context.Context, tx neo4j.ManagedTransaction) error {
	if len(f.order) == 0 {
		return nil
	}
	q := make([]map[string]any, len(f.order))
	for i, id := range f.order {
		e := f.byID[id]
		q[i] = map[string]any{"id": id, "subject": e.Subject, "object": e.Object}
	}
	recs, err := collect(ctx, tx, "edges_get", map[string]any{"rows": q})
	if err != nil {
		return err
	}
	for _, rec := range recs {
		v, _ := rec.Get("edge")
		stored, err := rowOf(v)
		if err != nil {
			return err
		}
		if e := f.byID[stored.ID]; e != nil {
			e.isNew = false
			e.Contribs = append(e.Contribs, stored.Contribs...)
		}
	}
	return nil
}

func (f *edgeFold) edges() []*mergedEdge {
	out := make([]*mergedEdge, len(f.order))
	for i, id := range f.order {
		out[i] = f.byID[id]
	}
	return out
}

// writeEdges writes edges whole: the new ones with one statement, the
// existing ones with another.
func writeEdges(ctx context.Context, tx neo4j.ManagedTransaction, es []*mergedEdge) error {
	var fresh, old []*mergedEdge
	for _, e := range es {
		if e.isNew {
			fresh = append(fresh, e)
		} else {
			old = append(old, e)
		}
	}
	for _, part := range []struct {
		name string
		es   []*mergedEdge
	}{{"edges_create", fresh}, {"edges_update", old}} {
		if len(part.es) == 0 {
			continue
		}
		rows, err := edgeRows(part.es)
		if err != nil {
			return err
		}
		if err := exec(ctx, tx, part.name, map[string]any{"rows": rows}); err != nil {
			return err
		}
	}
	return nil
}

func edgeRows(es []*mergedEdge) ([]map[string]any, error) {
	rows := make([]map[string]any, len(es))
	for i, e := range es {
		props, err := e.props()
		if err != nil {
			return nil, err
		}
		rows[i] = map[string]any{"id": e.ID, "type": string(e.Type), "subject": e.Subject, "object": e.Object, "props": props}
	}
	return rows, nil
}

func mapIDs(locals []string, local map[string]string) []string {
	set := map[string]bool{}
	for _, l := range locals {
		set[local[l]] = true
	}
	return sortedKeys(set)
}

func keysOf(m map[string]int) map[string]bool {
	out := make(map[string]bool, len(m))
	for k := range m {
		out[k] = true
	}
	return out
}

// resolver resolves an article's entities one by one against the stored
// ones sharing a form with any of them, read in one batch, and against
// those it created or merged earlier in the same article.
type resolver struct {
	known   map[string]*graph.Entity
	byForm  map[string]map[string]bool // type|form → ids
	taken   map[string]bool
	created map[string]bool
	changed map[string]bool
}

func formKey(t graph.EntityType, form string) string { return string(t) + "|" + form }

func newResolver(ctx context.Context, tx neo4j.ManagedTransaction, es []graph.Entity) (*resolver, error) {
	r := &resolver{known: map[string]*graph.Entity{}, byForm: map[string]map[string]bool{},
		taken: map[string]bool{}, created: map[string]bool{}, changed: map[string]bool{}}
	forms, ids := map[string]bool{}, map[string]bool{}
	for _, e := range es {
		for _, f := range graph.Forms(e) {
			forms[f] = true
		}
		ids[graph.EntityID(e.Type, e.Name)] = true
	}
	if len(es) == 0 {
		return r, nil
	}
	recs, err := collect(ctx, tx, "entity_candidates", map[string]any{"forms": sortedKeys(forms)})
	if err != nil {
		return nil, err
	}
	for _, rec := range recs {
		v, _ := rec.Get("entity")
		e := entityOf(v)
		if r.known[e.ID] == nil {
			r.add(&e)
		}
	}
	recs, err = collect(ctx, tx, "entity_ids_taken", map[string]any{"ids": sortedKeys(ids)})
	if err != nil {
		return nil, err
	}
	for _, rec := range recs {
		v, _ := rec.Get("id")
		r.taken[str(v)] = true
	}
	return r, nil
}

func (r *resolver) add(e *graph.Entity) {
	r.known[e.ID] = e
	r.taken[e.ID] = true
	for _, f := range graph.Forms(*e) {
		k := formKey(e.Type, f)
		if r.byForm[k] == nil {
			r.byForm[k] = map[string]bool{}
		}
		r.byForm[k][e.ID] = true
	}
}

// resolve returns the stored id of e, creating or merging as
// graph.MatchEntity and graph.MergeEntity decide.
func (r *resolver) resolve(e graph.Entity) string {
	ids := map[string]bool{}
	for _, f := range graph.Forms(e) {
		for id := range r.byForm[formKey(e.Type, f)] {
			ids[id] = true
		}
	}
	cands := make([]graph.Entity, 0, len(ids))
	for _, id := range sortedKeys(ids) {
		cands = append(cands, *r.known[id])
	}
	if m, ok := graph.MatchEntity(e, cands); ok {
		merged := graph.MergeEntity(m, e)
		merged.ArticleCount = m.ArticleCount
		if merged.Name != m.Name || !sameStrings(merged.Aliases, m.Aliases) {
			r.changed[m.ID] = true
		}
		r.add(&merged)
		return m.ID
	}
	base := graph.EntityID(e.Type, e.Name)
	id := base
	for n := 2; r.taken[id]; n++ {
		id = base + "-" + strconv.Itoa(n)
	}
	fresh := graph.MergeEntity(graph.Entity{ID: id, Name: e.Name, Type: e.Type, Aliases: []string{}}, e)
	fresh.ArticleCount = 0
	r.created[id] = true
	r.add(&fresh)
	return id
}

// rows are the entities to write: those created or changed.
func (r *resolver) rows() []map[string]any {
	ids := map[string]bool{}
	for id := range r.created {
		ids[id] = true
	}
	for id := range r.changed {
		ids[id] = true
	}
	out := make([]map[string]any, 0, len(ids))
	for _, id := range sortedKeys(ids) {
		e := r.known[id]
		forms := graph.Forms(*e)
		out = append(out, map[string]any{
			"id": e.ID, "label": e.Type.Label(), "type": string(e.Type), "name": e.Name,
			"aliases": e.Aliases, "forms": forms, "forms_text": "|" + strings.Join(forms, "|") + "|",
		})
	}
	return out
}

func sameStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	x, y := append([]string(nil), a...), append([]string(nil), b...)
	sort.Strings(x)
	sort.Strings(y)
	for i := range x {
		if x[i] != y[i] {
			return false
		}
	}
	return true
}
