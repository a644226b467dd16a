package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/actorgraph/actorgraph/graph/graphtest"
)

func TestTimelineVerb(t *testing.T) {
	store := fixtureStore(t, graphtest.PathFixture())

	t.Run("json", func(t *testing.T) {
		code, out, errOut := run(t, nil, "timeline", "Delta", "--store", store)
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errOut)
		}
		var doc struct {
			Events []struct {
				Date, Type  string
				SubjectName string `json:"subject_name"`
				ObjectName  string `json:"object_name"`
				Evidence    []struct{ Text string }
			}
		}
		if err := json.Unmarshal([]byte(out), &doc); err != nil {
			t.Fatalf("%v\n%s", err, out)
		}
		var got []string
		for _, e := range doc.Events {
			got = append(got, e.Date+" "+e.SubjectName+" "+e.Type+" "+e.ObjectName)
			if len(e.Evidence) == 0 || e.Evidence[0].Text == "" {
				t.Errorf("%s %s has no evidence", e.Date, e.Type)
			}
		}
		want := []string{
			"2024-06-01 Delta ACCUSE Charlie",
			"2025-02-01 Bravo MEET Delta",
			"2025-02-10 Echo AGREE Delta",
			"2025-03-01 Delta NEGOTIATE Foxtrot",
		}
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("events:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	})

	t.Run("csv file between two, format from the extension", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "t.csv")
		code, out, errOut := run(t, nil, "timeline", "--store", store, "--other", "Alpha", "Bravo", "-o", path)
		if code != 0 || out != "" {
			t.Fatalf("exit %d, stdout %q: %s", code, out, errOut)
		}
		f, err := os.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		rows, err := csv.NewReader(f).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		if len(rows) != 3 || rows[0][0] != "date" || rows[1][0] != "2025-01-10" || rows[1][1] != "MEET" || rows[2][1] != "COMMUNICATE" {
			t.Errorf("rows %v, want header, MEET then COMMUNICATE", rows)
		}
	})

	t.Run("timelinejs with a date filter", func(t *testing.T) {
		code, out, errOut := run(t, nil, "timeline", "--store", store, "--format", "timelinejs", "--from-date", "2025", "Delta")
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errOut)
		}
		var doc struct {
			Title  struct{ Text struct{ Headline string } }
			Events []struct {
				StartDate map[string]string `json:"start_date"`
				Group     string
			}
		}
		if err := json.Unmarshal([]byte(out), &doc); err != nil {
			t.Fatal(err)
		}
		if doc.Title.Text.Headline != "Timeline of Delta" || len(doc.Events) != 3 {
			t.Fatalf("title %q, %d events; want 3 from 2025 on", doc.Title.Text.Headline, len(doc.Events))
		}
		if d := doc.Events[0].StartDate; d["year"] != "2025" || d["month"] != "2" || d["day"] != "1" || doc.Events[0].Group != "MEET" {
			t.Errorf("first slide %v %s", d, doc.Events[0].Group)
		}
	})

	t.Run("whole graph", func(t *testing.T) {
		code, out, errOut := run(t, nil, "timeline", "--store", store, "--format", "csv", "--include-negated")
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errOut)
		}
		rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		// 11 relations, one undated (COOPERATE), which a timeline leaves out.
		if len(rows) != 1+10 || rows[1][0] != "2024-06-01" || rows[len(rows)-1][0] != "2025-03-05" {
			t.Errorf("%d rows from %v to %v; want header + 10, oldest first", len(rows), rows[1], rows[len(rows)-1])
		}
	})

	t.Run("vis", func(t *testing.T) {
		code, out, errOut := run(t, nil, "timeline", "--store", store, "--format", "vis", "--type", "SANCTION", "Hotel")
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errOut)
		}
		var items []struct{ ID, Content, Start, Group string }
		if err := json.Unmarshal([]byte(out), &items); err != nil {
			t.Fatal(err)
		}
		if len(items) != 1 || items[0].Start != "2025-03-05" || items[0].Content != "Foxtrot —SANCTION→ Hotel" {
			t.Errorf("items %+v", items)
		}
	})

	for _, tc := range []struct {
		name string
		args []string
		code int
	}{
		{"other without entity", []string{"timeline", "--store", store, "--other", "Delta"}, 2},
		{"two entities", []string{"timeline", "--store", store, "Delta", "Bravo"}, 2},
		{"bad format", []string{"timeline", "--store", store, "--format", "pdf", "Delta"}, 2},
		{"unknown entity", []string{"timeline", "--store", store, "Zulu"}, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if code, _, errOut := run(t, nil, tc.args...); code != tc.code {
				t.Errorf("exit %d, want %d: %s", code, tc.code, errOut)
			}
		})
	}
}

type xmlGraphML struct {
	Nodes []struct {
		ID string `xml:"id,attr"`
	} `xml:"graph>node"`
	Edges []struct {
		ID string `xml:"id,attr"`
	} `xml:"graph>edge"`
}

type xmlGEXF struct {
	Nodes []struct {
		ID    string `xml:"id,attr"`
		Label string `xml:"label,attr"`
	} `xml:"graph>nodes>node"`
	Edges []struct {
		Kind  string `xml:"kind,attr"`
		Start string `xml:"start,attr"`
	} `xml:"graph>edges>edge"`
}

func TestExportVerb(t *testing.T) {
	store := fixtureStore(t, graphtest.PathFixture())
	dir := t.TempDir()

	t.Run("whole graph as graphml", func(t *testing.T) {
		path := filepath.Join(dir, "g.graphml")
		if code, _, errOut := run(t, nil, "export", "--store", store, "-o", path); code != 0 {
			t.Fatalf("exit %d: %s", code, errOut)
		}
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		var g xmlGraphML
		if err := xml.Unmarshal(b, &g); err != nil {
			t.Fatal(err)
		}
		// Golf is only a via entity; the negated THREATEN is filtered out.
		if len(g.Nodes) != 7 || len(g.Edges) != 10 {
			t.Errorf("%d nodes, %d edges; want 7, 10", len(g.Nodes), len(g.Edges))
		}
	})

	t.Run("neighbourhood as gexf", func(t *testing.T) {
		code, out, errOut := run(t, nil, "export", "--store", store, "--format", "gexf", "--entity", "Hotel", "--depth", "2")
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errOut)
		}
		var g xmlGEXF
		if err := xml.Unmarshal([]byte(out), &g); err != nil {
			t.Fatal(err)
		}
		var labels, kinds []string
		for _, n := range g.Nodes {
			labels = append(labels, n.Label)
		}
		for _, e := range g.Edges {
			kinds = append(kinds, e.Kind+"@"+e.Start)
		}
		if strings.Join(labels, ",") != "Delta,Foxtrot,Hotel" || strings.Join(kinds, ",") != "NEGOTIATE@2025-03-01,SANCTION@2025-03-05" &&
			strings.Join(kinds, ",") != "SANCTION@2025-03-05,NEGOTIATE@2025-03-01" {
			t.Errorf("nodes %v, edges %v; want Delta, Foxtrot, Hotel and their two dated edges", labels, kinds)
		}
	})

	t.Run("filtered cytoscape on stdout", func(t *testing.T) {
		code, out, errOut := run(t, nil, "export", "--store", store, "--format", "cytoscape", "--type", "MEET")
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errOut)
		}
		var doc struct {
			Elements struct {
				Nodes []struct{ Data struct{ ID, Label string } }
				Edges []struct {
					Data struct{ Source, Target, Type, Date string }
				}
			}
		}
		if err := json.Unmarshal([]byte(out), &doc); err != nil {
			t.Fatal(err)
		}
		if len(doc.Elements.Nodes) != 3 || len(doc.Elements.Edges) != 2 {
			t.Fatalf("%d nodes, %d edges; want Alpha, Bravo, Delta and two MEETs", len(doc.Elements.Nodes), len(doc.Elements.Edges))
		}
		for _, e := range doc.Elements.Edges {
			if e.Data.Type != "MEET" {
				t.Errorf("edge %+v is no MEET", e.Data)
			}
		}
	})

	t.Run("d3 on stdout", func(t *testing.T) {
		code, out, errOut := run(t, nil, "export", "--store", store, "--format", "d3", "--include-negated")
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errOut)
		}
		var doc struct {
			Nodes []struct{ ID string }
			Links []struct{ Source, Target string }
		}
		if err := json.Unmarshal([]byte(out), &doc); err != nil {
			t.Fatal(err)
		}
		if len(doc.Nodes) != 7 || len(doc.Links) != 11 {
			t.Errorf("%d nodes, %d links; want 7, 11 with the negated one", len(doc.Nodes), len(doc.Links))
		}
	})

	for _, tc := range []struct {
		name string
		args []string
		code int
	}{
		{"no format", []string{"export", "--store", store}, 2},
		{"unknown format", []string{"export", "--store", store, "--format", "dot"}, 2},
		{"depth without entity", []string{"export", "--store", store, "--format", "d3", "--depth", "2"}, 2},
		{"positional argument", []string{"export", "--store", store, "--format", "d3", "Hotel"}, 2},
		{"depth out of range", []string{"export", "--store", store, "--format", "d3", "--entity", "Hotel", "--depth", "9"}, 1},
		{"missing directory", []string{"export", "--store", store, "--format", "d3", "-o", filepath.Join(dir, "no", "such", "g.json")}, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if code, _, errOut := run(t, nil, tc.args...); code != tc.code {
				t.Errorf("exit %d, want %d: %s", code, tc.code, errOut)
			}
		})
	}
}

// TestOutputAtomic checks that a write failing halfway leaves neither a
// partial file nor a temporary one, and keeps what was there before.
func TestOutputAtomic(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.json")
	if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	m := &Main{Stdout: io.Discard, Stderr: io.Discard}
	boom := errors.New("store went away")
	err := m.output(path, func(w io.Writer) error {
		if _, err := w.Write(bytes.Repeat([]byte("x"), 1<<16)); err != nil {
			return err
		}
		return boom
	})
	if !errors.Is(err, boom) {
		t.Errorf("error %v, want the writer's", err)
	}
	if b, _ := os.ReadFile(path); string(b) != "old" {
		t.Errorf("file now holds %d bytes, want the old content kept", len(b))
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("directory holds %d entries, want only out.json (no temporary left)", len(entries))
	}
	if err := m.output(path, func(w io.Writer) error { _, err := io.WriteString(w, "new"); return err }); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(path); string(b) != "new" {
		t.Errorf("file holds %q, want new", b)
	}
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o644 {
		t.Errorf("mode %v, want 0644", fi.Mode().Perm())
	}
}
