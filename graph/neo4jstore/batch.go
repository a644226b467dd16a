package neo4jstore

import (
	"context"
	"errors"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/actorgraph/actorgraph/graph"
)

// Bounds of one batched ingest transaction, so that a large Ingest call
// stays inside the server's transaction memory; a server that refuses a
// batch all the same lowers them (see memory.go).
const (
	maxBatchArticles  = 1000
	maxBatchRelations = 10000
)

// How Ingest takes each article.
const (
	planBatch     = iota // new key, first in the call: written with its run
	planOne              // replaced, repeated or invalid: its own transaction
	planUnchanged        // stored with the same hash: nothing to write
)

// errStale rolls back a batch that found, once it held the ingest lock,
// that another ingester had stored one of its articles meanwhile.
var errStale = errors.New("an article of the batch was stored meanwhile")

// plan reads the stored hashes of all the call's articles at once and says
// how each is to be taken.
func (s *Store) plan(ctx context.Context, xs []graph.Extraction) ([]int, error) {
	plan := make([]int, len(xs))
	keys := make([]string, 0, len(xs))
	for i := range xs {
		if xs[i].Validate() != nil {
			plan[i] = planOne // ingestOne reports why
			continue
		}
		keys = append(keys, xs[i].Article.Key())
	}
	var stored map[string]string
	if len(keys) > 0 {
		v, err := s.read(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
			return storedHashes(ctx, tx, keys)
		})
		if err != nil {
			return nil, err
		}
		stored = v.(map[string]string)
	}
	seen := map[string]bool{}
	for i := range xs {
		if plan[i] == planOne {
			continue
		}
		key := xs[i].Article.Key()
		h, ok := stored[key]
		switch {
		case seen[key]:
			plan[i] = planOne
		case !ok:
			plan[i] = planBatch
		case h == articleHash(xs[i].Article):
			plan[i] = planUnchanged
		default:
			plan[i] = planOne
		}
		seen[key] = true
	}
	return plan, nil
}

func storedHashes(ctx context.Context, tx neo4j.ManagedTransaction, keys []string) (map[string]string, error) {
	recs, err := collect(ctx, tx, "articles_hashes", map[string]any{"keys": keys})
	if err != nil {
		return nil, err
	}
	out := make(map[string]string, len(recs))
	for _, r := range recs {
		k, _ := r.Get("key")
		h, _ := r.Get("hash")
		out[str(k)] = str(h)
	}
	return out, nil
}

// record adds one article's result to the report: its outcome, or err.
func record(rep *graph.IngestReport, x *graph.Extraction, out *outcome, err error) {
	res := graph.IngestResult{Key: x.Article.Key(), ID: x.Article.ID}
	if res.ID == "" {
		res.ID = res.Key
	}
	if err != nil {
		res.Status = graph.IngestFailed
		res.Error = graph.ErrorMessage(err)
		rep.ArticlesFailed++
		rep.Results = append(rep.Results, res)
		return
	}
	res.Status, res.EntityIDs = out.status, out.entityIDs
	switch out.status {
	case graph.IngestUnchanged:
		rep.ArticlesSkipped++
	case graph.IngestReplaced:
		rep.ArticlesReplaced++
	default:
		rep.ArticlesNew++
	}
	rep.EntitiesAdded += out.entitiesAdded
	rep.RelationsAdded += out.relationsAdded
	rep.EvidenceAdded += out.evidenceAdded
	rep.Results = append(rep.Results, res)
}

// ingestBatch writes a run of new articles in one transaction: the ingest
// lock, a check that none was stored meanwhile, entity candidates and taken
// ids for all of them in two reads, resolution article by article in input
// order (as one transaction per article would do it, counting each
// article's mentions before the next resolves), then one statement per
// kind: stored edges read, entities, new edges, updated edges, articles
// with their mentions. Any error rolls the whole run back.
func (s *Store) ingestBatch(ctx context.Context, xs []graph.Extraction) ([]*outcome, error) {
	v, err := s.writeRefusable(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		return writeBatch(ctx, tx, xs)
	})
	if err != nil {
		return nil, err
	}
	return v.([]*outcome), nil
}

func writeBatch(ctx context.Context, tx neo4j.ManagedTransaction, xs []graph.Extraction) ([]*outcome, error) {
	if err := exec(ctx, tx, "ingest_lock", nil); err != nil {
		return nil, err
	}
	keys := make([]string, len(xs))
	var es []graph.Entity
	pins := map[string]string{}
	for i := range xs {
		keys[i] = xs[i].Article.Key()
		es = append(es, xs[i].Entities...)
		for k, id := range xs[i].IDs {
			pins[keys[i]+"\x00"+k] = id
		}
	}
	stored, err := storedHashes(ctx, tx, keys)
	if err != nil {
		return nil, err
	}
	if len(stored) > 0 {
		return nil, errStale
	}
	r, err := newResolver(ctx, tx, es)
	if err != nil {
		return nil, err
	}
	if err := r.pin(ctx, tx, pins); err != nil {
		return nil, err
	}
	outs := make([]*outcome, len(xs))
	firsts := make([][]string, len(xs))
	fold := newEdgeFold()
	arts := make([]map[string]any, len(xs))
	for i := range xs {
		x := &xs[i]
		out := &outcome{status: graph.IngestNew, evidenceAdded: len(x.Relations)}
		before := len(r.created)
		local := map[string]string{}
		mentions := map[string]int{}
		for _, e := range x.Entities {
			id := r.resolvePinned(e, x.IDs[e.ID])
			local[e.ID] = id
			mentions[id] += len(e.Mentions)
		}
		out.entityIDs = local
		out.entitiesAdded = len(r.created) - before
		// The next article resolves against counts that include this one,
		// as it would after this one's own transaction.
		mrows := make([]map[string]any, 0, len(mentions))
		for _, eid := range sortedKeys(keysOf(mentions)) {
			r.known[eid].ArticleCount++
			mrows = append(mrows, map[string]any{"id": eid, "count": int64(mentions[eid])})
		}
		firsts[i] = fold.add(x, keys[i], local)
		a := x.Article
		id := a.ID
		if id == "" {
			id = keys[i]
		}
		arts[i] = map[string]any{"article": articleProps(a, keys[i], id, articleHash(a)), "mentions": mrows}
		outs[i] = out
	}
	if err := fold.readStored(ctx, tx); err != nil {
		return nil, err
	}
	for i, ids := range firsts {
		for _, id := range ids {
			if fold.byID[id].isNew {
				outs[i].relationsAdded++
			}
		}
	}
	if rows := r.rows(); len(rows) > 0 {
		if err := exec(ctx, tx, "entities_upsert", map[string]any{"rows": rows}); err != nil {
			return nil, err
		}
	}
	if err := writeEdges(ctx, tx, fold.edges()); err != nil {
		return nil, err
	}
	if err := exec(ctx, tx, "articles_create", map[string]any{"rows": arts}); err != nil {
		return nil, err
	}
	return outs, nil
}
