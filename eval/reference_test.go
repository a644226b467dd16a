package eval_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/actorgraph/actorgraph/eval"
	"github.com/actorgraph/actorgraph/graph"
)

// shared returns ../shared next to the module root, skipping the test when
// it, or python3 to run the reference scorer, is not there.
func shared(t *testing.T) string {
	t.Helper()
	dir, err := filepath.Abs(".")
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("no go.mod above the test directory")
		}
		dir = parent
	}
	s := filepath.Join(dir, "..", "shared")
	if _, err := os.Stat(filepath.Join(s, "tools", "score.py")); err != nil {
		t.Skipf("reference scorer not found (%v); skipping the comparison with it", err)
	}
	if _, err := exec.LookPath("python3"); err != nil {
		t.Skip("python3 not found; skipping the comparison with the reference scorer")
	}
	return s
}

// reference runs score.py on gold and a predictions file, with --detail.
func reference(t *testing.T, sharedDir, goldDir, predFile string) string {
	t.Helper()
	cmd := exec.Command("python3", filepath.Join(sharedDir, "tools", "score.py"), goldDir, predFile, "--detail")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("score.py: %v\n%s", err, stderr.String())
	}
	return string(out)
}

// port scores the same files with this package, keeping only the lines the
// reference prints (ours add indented error lines).
func port(t *testing.T, goldDir, predFile string) string {
	t.Helper()
	gold, err := eval.LoadGold(goldDir)
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(predFile)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	preds, err := eval.ReadPredictions(f)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := eval.Score(gold, preds).Write(&buf, true); err != nil {
		t.Fatal(err)
	}
	var keep []string
	for line := range strings.Lines(buf.String()) {
		if !strings.HasPrefix(line, " ") {
			keep = append(keep, line)
		}
	}
	return strings.Join(keep, "")
}

func TestAgreesWithReferenceScorer(t *testing.T) {
	sh := shared(t)
	t.Run("fixture", func(t *testing.T) {
		gold, pred := filepath.Join("testdata", "gold"), filepath.Join("testdata", "pred.jsonl")
		if want, got := reference(t, sh, gold, pred), port(t, gold, pred); got != want {
			t.Errorf("port:\n%s\nreference:\n%s", got, want)
		}
	})

	goldDir := filepath.Join(sh, "corpus", "dev")
	gold, err := eval.LoadGold(goldDir)
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		seed uint64
		rate float64 // chance of each perturbation
	}{{1, 0}, {2, 0.1}, {3, 0.2}, {4, 0.3}, {5, 0.5}, {6, 0.8}} {
		t.Run(fmt.Sprintf("corpus/seed%d-rate%.1f", tt.seed, tt.rate), func(t *testing.T) {
			pred := filepath.Join(t.TempDir(), "pred.jsonl")
			writePerturbed(t, pred, gold, rand.New(rand.NewPCG(tt.seed, 7)), tt.rate)
			want, got := reference(t, sh, goldDir, pred), port(t, goldDir, pred)
			if got != want {
				t.Errorf("port:\n%s\nreference:\n%s", got, want)
			}
			if !strings.Contains(want, "entity F1") {
				t.Fatalf("reference printed no summary:\n%s", want)
			}
		})
	}
}

// writePerturbed writes predictions made from gold with each kind of error
// made with chance rate: articles left out, entities dropped, renamed to an
// alias, recased, retyped, duplicated or invented; relations dropped,
// retyped, reversed, given alternative or unresolved ends, other via, dates
// and polarities, or invented.
func writePerturbed(t *testing.T, path string, gold map[string]eval.GoldArticle, rng *rand.Rand, rate float64) {
	t.Helper()
	hit := func() bool { return rng.Float64() < rate }
	ids := make([]string, 0, len(gold))
	for id := range gold {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	types := graph.EntityTypes()
	rtypes := graph.RelationTypes()
	var lines [][]byte
	for _, id := range ids {
		g := gold[id]
		if hit() && rng.IntN(4) == 0 {
			continue // no prediction for this article
		}
		x := graph.Extraction{Article: graph.Article{ID: id}}
		idOf := map[string]string{}
		for i, e := range g.Entities {
			if hit() && rng.IntN(2) == 0 {
				continue
			}
			p := graph.Entity{ID: fmt.Sprintf("e%d", i), Name: e.Name, Type: e.Type}
			if hit() && len(e.Aliases) > 0 {
				p.Name = e.Aliases[rng.IntN(len(e.Aliases))]
			}
			if hit() {
				p.Name = strings.ToUpper(p.Name)
			}
			if hit() {
				p.Name = "The " + p.Name + "."
			}
			if hit() {
				p.Type = types[rng.IntN(len(types))]
			}
			if !hit() {
				p.Aliases = e.Aliases
			}
			x.Entities = append(x.Entities, p)
			idOf[e.Name] = p.ID
			if hit() && rng.IntN(3) == 0 {
				dup := p
				dup.ID += "b"
				x.Entities = append(x.Entities, dup)
			}
		}
		if hit() {
			x.Entities = append(x.Entities, graph.Entity{ID: "spurious", Name: "Invented Body", Type: graph.Organization})
		}
		if hit() {
			rng.Shuffle(len(x.Entities), func(i, j int) { x.Entities[i], x.Entities[j] = x.Entities[j], x.Entities[i] })
		}
		ref := func(name string) string {
			if id, ok := idOf[name]; ok && !(hit() && rng.IntN(4) == 0) {
				return id
			}
			return name // unresolved: the scorer falls back to the bare name
		}
		for _, r := range g.Relations {
			if hit() && rng.IntN(2) == 0 {
				continue
			}
			p := graph.Relation{Type: r.Type, Date: r.Date, Polarity: r.Polarity}
			subj, obj := r.Subject, r.Object
			if hit() && len(r.SubjectAlt) > 0 {
				subj = r.SubjectAlt[0]
			}
			if hit() && len(r.ObjectAlt) > 0 {
				obj = r.ObjectAlt[0]
			}
			if hit() {
				subj, obj = obj, subj
			}
			p.Subject, p.Object = ref(subj), ref(obj)
			switch {
			case hit() && len(r.AltTypes) > 0:
				p.Type = r.AltTypes[rng.IntN(len(r.AltTypes))]
			case hit():
				p.Type = rtypes[rng.IntN(len(rtypes))]
			}
			for _, v := range r.Via {
				if !hit() {
					p.Via = append(p.Via, ref(v))
				}
			}
			if hit() {
				p.Date = []string{"", "2020-01-01", "2026"}[rng.IntN(3)]
			}
			if hit() {
				p.Polarity = []graph.Polarity{"", graph.Asserted, graph.Negated}[rng.IntN(3)]
			}
			x.Relations = append(x.Relations, p)
			if hit() && rng.IntN(3) == 0 {
				x.Relations = append(x.Relations, p) // predicted twice
			}
		}
		if hit() && len(x.Entities) > 1 {
			x.Relations = append(x.Relations, graph.Relation{Type: graph.Attack, Subject: x.Entities[0].ID, Object: x.Entities[1].ID})
		}
		if hit() {
			rng.Shuffle(len(x.Relations), func(i, j int) { x.Relations[i], x.Relations[j] = x.Relations[j], x.Relations[i] })
		}
		b, err := json.Marshal(x)
		if err != nil {
			t.Fatal(err)
		}
		lines = append(lines, b)
	}
	extra, _ := json.Marshal(graph.Extraction{Article: graph.Article{ID: "not-in-gold"}, Entities: []graph.Entity{{ID: "x", Name: "Nobody", Type: graph.Person}}})
	lines = append(lines, extra)
	if err := os.WriteFile(path, append(bytes.Join(lines, []byte("\n")), '\n'), 0o644); err != nil {
		t.Fatal(err)
	}
}
