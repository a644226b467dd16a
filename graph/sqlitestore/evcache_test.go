package sqlitestore_test

import (
	"context"
	"strings"
	"sync"
	"testing"

	"github.com/actorgraph/actorgraph/graph"
	"github.com/actorgraph/actorgraph/graph/sqlitestore"
)

// meeting is an article in which Kestrel meets Lanner (countries of our
// own invention) in one sentence, the sentence given.
func meeting(key, sentence string) graph.Extraction {
	mention := func(name string) []graph.Mention {
		i := strings.Index(sentence, name)
		return []graph.Mention{{Start: i, End: i + len(name), Text: name}}
	}
	return graph.Extraction{
		Article: graph.Article{ID: key, URL: "https://example.org/" + key, Title: "Talks", Source: "Test Wire",
			Published: "2025-04-01", Text: sentence, Hash: graph.TextHash(sentence)},
		Entities: []graph.Entity{
			{ID: "k", Name: "Kestrel", Type: graph.Country, Aliases: []string{}, Mentions: mention("Kestrel")},
			{ID: "l", Name: "Lanner", Type: graph.Country, Aliases: []string{}, Mentions: mention("Lanner")},
		},
		Relations: []graph.Relation{{Type: graph.Meet, Subject: "k", Object: "l", Date: "2025-04-01",
			Via: []string{}, AttributedTo: []string{}, Polarity: graph.Asserted, Confidence: 0.5,
			Evidence: graph.Evidence{Text: sentence, Start: 0, End: len(sentence)}}},
	}
}

// evidenceTexts is the evidence of every edge of the answer, in order.
func evidenceTexts(ps []graph.Path) []string {
	var out []string
	for _, p := range ps {
		for _, st := range p.Steps {
			for _, e := range st.Edges {
				for _, ev := range e.Evidence {
					out = append(out, ev.Text)
				}
			}
		}
	}
	return out
}

// TestEvidenceAfterIngest asks the same questions before and after ingests
// that change the edge: answers built from remembered evidence must follow.
func TestEvidenceAfterIngest(t *testing.T) {
	const (
		first    = "Kestrel met Lanner at the border."
		second   = "Kestrel met Lanner again in the capital."
		replaced = "Kestrel met Lanner on a ship."
	)
	for _, mem := range []bool{false, true} {
		t.Run(map[bool]string{false: "file", true: "memory"}[mem], func(t *testing.T) {
			ctx := context.Background()
			var s *sqlitestore.Store
			if mem {
				var err error
				if s, err = sqlitestore.Open(ctx, ":memory:"); err != nil {
					t.Fatal(err)
				}
			} else {
				s = open(t)
			}
			defer s.Close()
			ingest := func(x graph.Extraction) {
				t.Helper()
				rep, err := s.Ingest(ctx, []graph.Extraction{x})
				if err != nil || rep.ArticlesFailed > 0 {
					t.Fatalf("Ingest: %v %+v", err, rep.Results)
				}
			}
			from, to := graph.EntityID(graph.Country, "Kestrel"), graph.EntityID(graph.Country, "Lanner")
			check := func(step string, want ...string) {
				t.Helper()
				for _, n := range []int{0, 1, 5} {
					// Twice: the second answer is the one from memory.
					for range 2 {
						ps, err := s.Paths(ctx, graph.PathQuery{From: from, To: to, Evidence: n})
						if err != nil {
							t.Fatalf("%s: Paths: %v", step, err)
						}
						w := want
						if n > 0 && len(w) > n {
							w = w[:n]
						}
						if got := evidenceTexts(ps); strings.Join(got, "|") != strings.Join(w, "|") {
							t.Errorf("%s: paths with evidence %d: evidence %q, want %q", step, n, got, w)
						}
						if n > 0 && len(ps) == 1 && ps[0].Steps[0].Edges[0].EvidenceTotal != len(want) {
							t.Errorf("%s: evidence total %d, want %d", step, ps[0].Steps[0].Edges[0].EvidenceTotal, len(want))
						}
					}
				}
				page, err := s.Relations(ctx, graph.RelationQuery{Entity: from})
				if err != nil {
					t.Fatalf("%s: Relations: %v", step, err)
				}
				if len(page.Relations) != 1 {
					t.Fatalf("%s: %d relations, want 1", step, len(page.Relations))
				}
				e, err := s.Relation(ctx, page.Relations[0].ID)
				if err != nil {
					t.Fatalf("%s: Relation: %v", step, err)
				}
				var got []string
				for _, ev := range e.Evidence {
					got = append(got, ev.Text)
				}
				if strings.Join(got, "|") != strings.Join(want, "|") {
					t.Errorf("%s: relation evidence %q, want %q", step, got, want)
				}
			}
			ingest(meeting("a1", first))
			check("one article", first)
			ingest(meeting("a2", second))
			check("a second article", first, second)
			ingest(meeting("a1", replaced)) // same key, new text
			check("the first replaced", replaced, second)
		})
	}
}

// TestEvidenceConcurrent reads paths while ingests change the edge, for
// the race detector, and then checks the answer is the last one.
func TestEvidenceConcurrent(t *testing.T) {
	ctx := context.Background()
	s := open(t)
	defer s.Close()
	if _, err := s.Ingest(ctx, []graph.Extraction{meeting("c0", "Kestrel met Lanner first.")}); err != nil {
		t.Fatal(err)
	}
	from, to := graph.EntityID(graph.Country, "Kestrel"), graph.EntityID(graph.Country, "Lanner")
	var wg sync.WaitGroup
	stop := make(chan struct{})
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-stop:
					return
				default:
				}
				if _, err := s.Paths(ctx, graph.PathQuery{From: from, To: to, Evidence: 3}); err != nil {
					t.Error(err)
					return
				}
			}
		}()
	}
	sentences := []string{"Kestrel met Lanner first."}
	for i := range 5 {
		sent := "Kestrel met Lanner " + strings.Repeat("once more ", i+1) + "."
		sentences = append(sentences, sent)
		if _, err := s.Ingest(ctx, []graph.Extraction{meeting("c"+string(rune('1'+i)), sent)}); err != nil {
			t.Fatal(err)
		}
	}
	close(stop)
	wg.Wait()
	ps, err := s.Paths(ctx, graph.PathQuery{From: from, To: to})
	if err != nil {
		t.Fatal(err)
	}
	if got := evidenceTexts(ps); len(got) != len(sentences) {
		t.Errorf("after the ingests: evidence %q, want %d sentences", got, len(sentences))
	}
}
