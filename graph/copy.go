package graph

import "context"

// DefaultCopyBatch is how many articles Copy ingests per call when the
// caller gives no batch size.
const DefaultCopyBatch = 100

// CopyReport sums up a Copy: the destination's IngestReport over every
// batch, without the per-article results (a copy can be millions of
// articles), and the keys of the articles that failed.
type CopyReport struct {
	Articles         int      `json:"articles"` // read from the source
	ArticlesNew      int      `json:"articles_new"`
	ArticlesSkipped  int      `json:"articles_skipped"`
	ArticlesReplaced int      `json:"articles_replaced"`
	ArticlesFailed   int      `json:"articles_failed"`
	EntitiesAdded    int      `json:"entities_added"`
	RelationsAdded   int      `json:"relations_added"`
	EvidenceAdded    int      `json:"evidence_added"`
	Failed           []string `json:"failed,omitempty"` // keys, at most 100
}

// Copy copies the graph from to to: it dumps from (see Dumper) and ingests
// what it reads in batches of batch articles (0 means DefaultCopyBatch).
// Since the dump pins every entity to its stored id and Ingest skips an
// article stored with the same hash, a copy keeps the source's ids, and a
// copy run again — after an interruption, or to catch up with a source that
// grew — writes only what the destination lacks. progress, when not nil,
// is called after every batch.
func Copy(ctx context.Context, from Dumper, to Ingester, batch int, progress func(CopyReport)) (CopyReport, error) {
	if batch <= 0 {
		batch = DefaultCopyBatch
	}
	var rep CopyReport
	buf := make([]Extraction, 0, batch)
	flush := func() error {
		if len(buf) == 0 {
			return nil
		}
		r, err := to.Ingest(ctx, buf)
		rep.ArticlesNew += r.ArticlesNew
		rep.ArticlesSkipped += r.ArticlesSkipped
		rep.ArticlesReplaced += r.ArticlesReplaced
		rep.ArticlesFailed += r.ArticlesFailed
		rep.EntitiesAdded += r.EntitiesAdded
		rep.RelationsAdded += r.RelationsAdded
		rep.EvidenceAdded += r.EvidenceAdded
		for _, res := range r.Results {
			if res.Status == IngestFailed && len(rep.Failed) < 100 {
				rep.Failed = append(rep.Failed, res.Key)
			}
		}
		buf = buf[:0]
		if progress != nil {
			progress(rep)
		}
		return err
	}
	err := from.Dump(ctx, func(x Extraction) error {
		rep.Articles++
		buf = append(buf, x)
		if len(buf) < batch {
			return nil
		}
		return flush()
	})
	if err != nil {
		return rep, err
	}
	return rep, flush()
}
