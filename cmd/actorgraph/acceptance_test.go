package main

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strings"
	"testing"

	"github.com/actorgraph/actorgraph/api"
	"github.com/actorgraph/actorgraph/graph"
	"github.com/actorgraph/actorgraph/graph/sqlitestore"
)

// TestPathAfterIngestOverHTTP is the foundation issue's end-to-end check:
// ingest the dev corpus with the CLI, serve the store, and ask the API how
// Araghchi and Witkoff are connected. The answer must hold their NEGOTIATE
// edge with Oman in via and its evidence sentence.
func TestPathAfterIngestOverHTTP(t *testing.T) {
	dev := sharedDev(t)
	db := filepath.Join(t.TempDir(), "g.db")
	if code, _, errOut := run(t, nil, "ingest", "--store", "sqlite:"+db, dev); code != 0 {
		t.Fatalf("ingest: exit %d\n%s", code, errOut)
	}
	st, err := sqlitestore.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	srv := httptest.NewServer((&api.Server{Store: st}).Handler())
	defer srv.Close()

	q := url.Values{"from": {"Abbas Araghchi"}, "to": {"Steve Witkoff"}, "max_hops": {"4"}}
	res, err := http.Get(srv.URL + "/v1/paths?" + q.Encode())
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	if res.StatusCode != http.StatusOK {
		t.Fatalf("status %d", res.StatusCode)
	}
	var body struct {
		From, To graph.Entity
		Paths    []graph.Path
	}
	if err := json.NewDecoder(res.Body).Decode(&body); err != nil {
		t.Fatal(err)
	}
	oman, err := st.FindEntities(context.Background(), graph.EntityFilter{Query: "Oman", Types: []graph.EntityType{graph.Country}, Limit: 1})
	if err != nil || len(oman) == 0 {
		t.Fatalf("no Oman in the store: %v", err)
	}
	for _, p := range body.Paths {
		if len(p.Steps) != 1 {
			continue
		}
		for _, e := range p.Steps[0].Edges {
			if e.Type != graph.Negotiate || !contains(e.Via, oman[0].ID) {
				continue
			}
			for _, ev := range e.Evidence {
				if strings.Contains(ev.Text, "Witkoff") || strings.Contains(ev.Text, "Araghchi") {
					return // found, with a sentence naming one of them
				}
			}
			t.Errorf("NEGOTIATE edge %s has no evidence sentence naming either end: %+v", e.ID, e.Evidence)
			return
		}
	}
	t.Errorf("no direct NEGOTIATE via Oman between %s and %s among %d paths", body.From.ID, body.To.ID, len(body.Paths))
}
