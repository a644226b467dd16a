package main

import (
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/actorgraph/actorgraph/graph"
	"github.com/actorgraph/actorgraph/graph/graphtest"
	"github.com/actorgraph/actorgraph/graph/sqlitestore"
)

// fixtureStore returns a --store value for a new SQLite file holding xs.
func fixtureStore(t *testing.T, xs []graph.Extraction) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "g.db")
	st, err := sqlitestore.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	rep, err := st.Ingest(context.Background(), xs)
	if err != nil || rep.ArticlesFailed > 0 {
		t.Fatalf("ingest: %v %+v", err, rep)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	return "sqlite:" + path
}

func TestPathText(t *testing.T) {
	store := fixtureStore(t, graphtest.PathFixture())
	for _, tc := range []struct {
		name  string
		args  []string
		lines []string // expected step lines, in order
	}{
		{
			name:  "names, one hop, two relations",
			args:  []string{"path", "--store", store, "Alpha", "Bravo"},
			lines: []string{"Alpha —MEET (2025-01-10); COMMUNICATE (2025-02-20)→ Bravo"},
		},
		{
			name:  "ids, flags after the entities, reversed relation",
			args:  []string{"path", "country:charlie", "country:delta", "--store", store, "--max-hops", "1"},
			lines: []string{"Charlie ←ACCUSE (2024-06-01)— Delta"},
		},
		{
			name:  "via shown by name",
			args:  []string{"path", "--store", store, "Delta", "Foxtrot"},
			lines: []string{"Delta —NEGOTIATE (2025-03-01, via Golf)→ Foxtrot"},
		},
		{
			name:  "via hop",
			args:  []string{"path", "--store", store, "--via-hops", "Golf", "Foxtrot"},
			lines: []string{"Golf ~NEGOTIATE (2025-03-01, via Golf)~ Foxtrot"},
		},
		{
			name:  "type filter forces the long way",
			args:  []string{"path", "--store", store, "--type", "SANCTION,NEGOTIATE", "--type", "meet", "Bravo", "Hotel"},
			lines: []string{"Bravo —MEET (2025-02-01)→ Delta", "Delta —NEGOTIATE (2025-03-01, via Golf)→ Foxtrot", "Foxtrot —SANCTION (2025-03-05)→ Hotel"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errOut := run(t, nil, tc.args...)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			var steps []string
			for _, l := range nonEmptyLines(out) {
				if strings.HasPrefix(l, "  ") {
					steps = append(steps, strings.TrimSpace(l))
				}
			}
			if strings.Join(steps, "\n") != strings.Join(tc.lines, "\n") {
				t.Errorf("steps:\n%s\nwant:\n%s\nfull output:\n%s", strings.Join(steps, "\n"), strings.Join(tc.lines, "\n"), out)
			}
		})
	}
}

func TestPathNoneAndNegated(t *testing.T) {
	store := fixtureStore(t, graphtest.PathFixture())
	code, out, _ := run(t, nil, "path", "--store", store, "--type", "THREATEN", "Bravo", "Charlie")
	if code != 0 || !strings.Contains(out, "No path between Bravo and Charlie") {
		t.Errorf("negated relation left out by default: exit %d, %q", code, out)
	}
	code, out, _ = run(t, nil, "path", "--store", store, "--type", "THREATEN", "--include-negated", "Bravo", "Charlie")
	if code != 0 || !strings.Contains(out, "Bravo —not THREATEN (2025-01-05)→ Charlie") {
		t.Errorf("--include-negated: exit %d, %q", code, out)
	}
}

func TestPathJSON(t *testing.T) {
	store := fixtureStore(t, graphtest.PathFixture())
	code, out, errOut := run(t, nil, "path", "--store", store, "--format", "json", "--k", "3", "Alpha", "Delta")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var res struct {
		From, To graph.Entity
		Paths    []graph.Path
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if res.From.ID != "country:alpha" || res.To.ID != "country:delta" || len(res.Paths) != 3 {
		t.Fatalf("from %s to %s, %d paths; want alpha, delta, 3", res.From.ID, res.To.ID, len(res.Paths))
	}
	for i, p := range res.Paths {
		if len(p.Nodes) != len(p.Steps)+1 || p.Nodes[0].ID != "country:alpha" || p.Nodes[len(p.Nodes)-1].ID != "country:delta" {
			t.Errorf("path %d does not run from Alpha to Delta: %+v", i, p.Nodes)
		}
		if i > 0 && len(p.Steps) < len(res.Paths[i-1].Steps) {
			t.Errorf("path %d is shorter than path %d", i, i-1)
		}
	}
}

func TestPathErrors(t *testing.T) {
	store := fixtureStore(t, graphtest.Fixture())
	for _, tc := range []struct {
		name string
		args []string
		code int
		want []string // in stderr
	}{
		{"ambiguous name lists candidates", []string{"path", "--store", store, "Farran", "Oskaria"}, 1,
			[]string{`"Farran" names 2 entities`, "person:ali-farran", "Ali Farran (PERSON)", "person:sadeq-farran"}},
		{"unknown name", []string{"path", "--store", store, "Nobody At All", "Oskaria"}, 1,
			[]string{`no entity has the id or name "Nobody At All"`}},
		{"one argument", []string{"path", "--store", store, "Oskaria"}, 2, []string{"want two entities"}},
		{"bad type", []string{"path", "--store", store, "--type", "HUG", "Quist", "Brevik"}, 2, []string{"--type", `"HUG"`}},
		{"inverted dates", []string{"path", "--store", store, "--from-date", "2025-05", "--to-date", "2025-01", "Quist", "Brevik"}, 2, []string{"inverted"}},
		{"too many hops", []string{"path", "--store", store, "--max-hops", "9", "Quist", "Brevik"}, 1, []string{"max_hops 9"}},
		{"bad format", []string{"path", "--store", store, "--format", "xml", "Quist", "Brevik"}, 2, []string{"--format"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errOut := run(t, nil, tc.args...)
			if code != tc.code {
				t.Errorf("exit %d, want %d; stdout %q stderr %q", code, tc.code, out, errOut)
			}
			for _, w := range tc.want {
				if !strings.Contains(errOut, w) {
					t.Errorf("stderr does not say %q:\n%s", w, errOut)
				}
			}
		})
	}
	// Resolved by id, the ambiguity goes away.
	if code, out, errOut := run(t, nil, "path", "--store", store, "person:sadeq-farran", "Oskaria"); code != 0 || !strings.Contains(out, "Sadeq Farran") {
		t.Errorf("by id: exit %d, %q, %q", code, out, errOut)
	}
}
