package neo4jstore_test

import (
	"context"
	"sync"
	"testing"

	"github.com/actorgraph/actorgraph/graph"
	"github.com/actorgraph/actorgraph/graph/graphtest"
)

// TestConcurrentIngest runs four ingesters over overlapping article sets
// at once. Each article must be stored once, none may fail, and no two
// entities may be one referent (same type, a shared name form) — the
// duplicates a race between resolution and creation would leave.
func TestConcurrentIngest(t *testing.T) {
	s := fresh(t)
	ctx := context.Background()
	xs := append(graphtest.Fixture(), graphtest.Generate(7, 40, 200)...)
	const workers = 4
	var wg sync.WaitGroup
	reps := make([]graph.IngestReport, workers)
	errs := make([]error, workers)
	for w := 0; w < workers; w++ {
		// Worker w takes half the articles, starting at a quarter offset,
		// in its own order: every article is ingested by two workers.
		var mine []graph.Extraction
		for i := 0; i < len(xs)/2; i++ {
			mine = append(mine, xs[(w*len(xs)/4+i)%len(xs)])
		}
		if w%2 == 1 {
			for i, j := 0, len(mine)-1; i < j; i, j = i+1, j-1 {
				mine[i], mine[j] = mine[j], mine[i]
			}
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			reps[w], errs[w] = s.Ingest(ctx, mine)
		}()
	}
	wg.Wait()
	keys := map[string]bool{}
	newCount := 0
	for w := 0; w < workers; w++ {
		if errs[w] != nil {
			t.Fatalf("worker %d: %v", w, errs[w])
		}
		for _, r := range reps[w].Results {
			if r.Status == graph.IngestFailed {
				t.Errorf("worker %d: article %s failed: %s", w, r.Key, r.Error)
			}
			if r.Status == graph.IngestNew {
				newCount++
			}
			keys[r.Key] = true
		}
	}
	if newCount != len(keys) {
		t.Errorf("%d articles reported new, want each of the %d distinct ones exactly once", newCount, len(keys))
	}
	c, err := s.Counts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if c.Articles != len(keys) {
		t.Errorf("%d articles stored, want %d", c.Articles, len(keys))
	}
	all, err := s.FindEntities(ctx, graph.EntityFilter{Limit: graph.MaxLimit})
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != c.Entities {
		t.Fatalf("FindEntities lists %d entities, Counts says %d", len(all), c.Entities)
	}
	seen := map[string]string{}
	for _, e := range all {
		k := string(e.Type) + "|" + graph.NormalizeName(e.Name)
		if other, dup := seen[k]; dup {
			t.Errorf("duplicate entities %s and %s for %s %q", other, e.ID, e.Type, e.Name)
		}
		seen[k] = e.ID
	}

	// The same articles ingested one after the other give the same sizes.
	ref := fresh(t)
	if _, err := ref.Ingest(ctx, xs); err != nil {
		t.Fatal(err)
	}
	if want, _ := ref.Counts(ctx); want != c {
		t.Errorf("concurrent ingest gave %+v, sequential %+v", c, want)
	}
}
