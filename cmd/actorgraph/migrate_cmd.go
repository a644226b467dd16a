package main

import (
	"context"
	"fmt"

	"github.com/actorgraph/actorgraph/graph"
)

func (m *Main) runMigrate(ctx context.Context, args []string) error {
	fs := m.flagSet("migrate", "--from STORE --to STORE [--batch N]",
		"Copy a graph from one store to another (SQLite to Neo4j, or back): every\n"+
			"stored article is read back with what was extracted from it and ingested\n"+
			"into --to in batches. Entities keep their ids. Articles --to already holds\n"+
			"unchanged are skipped, so an interrupted migration is resumed by running\n"+
			"it again. Stores are named as for --store: sqlite:PATH or a Neo4j URI\n"+
			"(credentials from NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE).")
	from := fs.String("from", "", "store to copy from")
	to := fs.String("to", "", "store to copy into")
	batch := fs.Int("batch", graph.DefaultCopyBatch, "articles per ingest call")
	pos, err := m.parseArgs(fs, args)
	if err != nil {
		return err
	}
	switch {
	case len(pos) != 0:
		return m.usageError(fs, fmt.Errorf("unexpected argument %q", pos[0]))
	case *from == "" || *to == "":
		return m.usageError(fs, fmt.Errorf("give both --from and --to"))
	case *from == *to:
		return m.usageError(fs, fmt.Errorf("--from and --to name the same store"))
	case *batch < 1:
		return m.usageError(fs, fmt.Errorf("--batch must be at least 1"))
	}
	src, err := m.openStore(ctx, *from)
	if err != nil {
		return fmt.Errorf("--from: %w", err)
	}
	defer src.Close()
	d, ok := src.(graph.Dumper)
	if !ok {
		return fmt.Errorf("--from: the store %s cannot be read back whole", *from)
	}
	dst, err := m.openStore(ctx, *to)
	if err != nil {
		return fmt.Errorf("--to: %w", err)
	}
	defer dst.Close()
	rep, err := graph.Copy(ctx, d, dst, *batch, func(r graph.CopyReport) {
		m.Logger.Info("migrating", "articles", r.Articles, "new", r.ArticlesNew, "skipped", r.ArticlesSkipped, "failed", r.ArticlesFailed)
	})
	fmt.Fprintf(m.Stdout, "migrate: %d articles read: %d new, %d unchanged, %d replaced, %d failed; %d entities, %d relations, %d evidence added\n",
		rep.Articles, rep.ArticlesNew, rep.ArticlesSkipped, rep.ArticlesReplaced, rep.ArticlesFailed,
		rep.EntitiesAdded, rep.RelationsAdded, rep.EvidenceAdded)
	if err != nil {
		return userError(err)
	}
	if c, err := dst.Counts(ctx); err == nil {
		fmt.Fprintf(m.Stdout, "migrate: %s now holds %d entities, %d relations, %d articles\n", *to, c.Entities, c.Relations, c.Articles)
	}
	for _, k := range rep.Failed {
		fmt.Fprintf(m.Stderr, "migrate: failed: %s\n", k)
	}
	if rep.ArticlesFailed > 0 {
		return errPartial{failed: rep.ArticlesFailed}
	}
	return nil
}
