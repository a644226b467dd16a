package api_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"path/filepath"
	"strings"
	"testing"

	"github.com/actorgraph/actorgraph/api"
	"github.com/actorgraph/actorgraph/graph"
	"github.com/actorgraph/actorgraph/graph/sqlitestore"
)

// scriptedExtractor is a small real Extractor: for each article id it knows
// the entities and relations a reader would take from the text, and it
// finds their mentions and evidence in the text it is given. It stands in
// for the NLP so that these tests check the API, not extraction quality.
type scriptedExtractor map[string]script

type script struct {
	entities  []graph.Entity // local ids, names, types, aliases
	relations []scriptedRelation
	// unchecked hands the extraction over without validating it, to see
	// what the API does with a faulty extractor.
	unchecked bool
}

type scriptedRelation struct {
	typ             graph.RelationType
	subject, object string // local ids
	via             []string
	date, role      string
	negated         bool
	sentence        string // must occur in the text
	confidence      float64
	attributedTo    []string
}

func (x scriptedExtractor) Extract(_ context.Context, a graph.Article) (graph.Extraction, error) {
	sc, ok := x[a.ID]
	if !ok {
		return graph.Extraction{}, graph.Errorf(graph.EINVALID, "no script for article %q", a.ID)
	}
	out := graph.Extraction{Article: a}
	for _, e := range sc.entities {
		e.Mentions = nil
		if e.Aliases == nil {
			e.Aliases = []string{}
		}
		for _, form := range append([]string{e.Name}, e.Aliases...) {
			for off := 0; ; {
				i := strings.Index(a.Text[off:], form)
				if i < 0 {
					break
				}
				start := off + i
				e.Mentions = append(e.Mentions, graph.Mention{Start: start, End: start + len(form), Text: form})
				off = start + len(form)
			}
		}
		out.Entities = append(out.Entities, e)
	}
	for _, r := range sc.relations {
		start := strings.Index(a.Text, r.sentence)
		if start < 0 {
			return graph.Extraction{}, graph.Errorf(graph.EINTERNAL, "script sentence %q is not in article %q", r.sentence, a.ID)
		}
		p := graph.Asserted
		if r.negated {
			p = graph.Negated
		}
		conf := r.confidence
		if conf == 0 {
			conf = 0.9
		}
		via, attr := r.via, r.attributedTo
		if via == nil {
			via = []string{}
		}
		if attr == nil {
			attr = []string{}
		}
		out.Relations = append(out.Relations, graph.Relation{
			Type: r.typ, Subject: r.subject, Object: r.object, Via: via, Date: r.date,
			Polarity: p, Role: r.role, AttributedTo: attr, Confidence: conf,
			Evidence: graph.Evidence{Text: r.sentence, Start: start, End: start + len(r.sentence)},
		})
	}
	if sc.unchecked {
		return out, nil
	}
	if err := out.Validate(); err != nil {
		return graph.Extraction{}, err
	}
	return out, nil
}

// Test articles, written for these tests; the people and countries are
// made up.
const (
	textTalks = "Lena Park met Omar Haddad in Vell on 1 March 2026. " +
		"A day later Park accused Sudova of stalling the process."
	textChannel = "Omar Haddad negotiated with Ivo Brandt through Sudova on 4 March. " +
		"Brandt, the envoy of Norland, did not meet Park, his office said."
	textReyes = "Dana Reyes threatened Sudova in April 2026. " +
		"Tomas Reyes praised Norland on 9 April 2026 & thanked its people."
)

var testArticles = []map[string]string{
	{"id": "talks", "url": "https://example.org/news/talks", "title": "Talks in Vell", "source": "Example Wire", "published": "2026-03-02", "text": textTalks},
	{"id": "channel", "url": "https://example.org/news/channel", "title": "A channel through Sudova", "source": "Example Wire", "published": "2026-03-05", "text": textChannel},
	{"id": "reyes", "url": "https://example.net/reyes", "title": "Two Reyes", "source": "Other Daily", "published": "2026-04-10", "text": textReyes},
}

var testScripts = scriptedExtractor{
	"talks": {
		entities: []graph.Entity{
			{ID: "e1", Name: "Lena Park", Type: graph.Person, Aliases: []string{"Park"}},
			{ID: "e2", Name: "Omar Haddad", Type: graph.Person},
			{ID: "e3", Name: "Vell", Type: graph.Location},
			{ID: "e4", Name: "Sudova", Type: graph.Country},
		},
		relations: []scriptedRelation{
			{typ: graph.Meet, subject: "e1", object: "e2", date: "2026-03-01", sentence: "Lena Park met Omar Haddad in Vell on 1 March 2026."},
			{typ: graph.Accuse, subject: "e1", object: "e4", date: "2026-03-02", sentence: "A day later Park accused Sudova of stalling the process."},
		},
	},
	"channel": {
		entities: []graph.Entity{
			{ID: "e1", Name: "Omar Haddad", Type: graph.Person},
			{ID: "e2", Name: "Ivo Brandt", Type: graph.Person, Aliases: []string{"Brandt"}},
			{ID: "e3", Name: "Sudova", Type: graph.Country},
			{ID: "e4", Name: "Norland", Type: graph.Country},
			{ID: "e5", Name: "Park", Type: graph.Person},
		},
		relations: []scriptedRelation{
			{typ: graph.Negotiate, subject: "e1", object: "e2", via: []string{"e3"}, date: "2026-03-04", sentence: "Omar Haddad negotiated with Ivo Brandt through Sudova on 4 March."},
			{typ: graph.HoldsRole, subject: "e2", object: "e4", role: "envoy", sentence: "Brandt, the envoy of Norland, did not meet Park, his office said."},
			{typ: graph.Meet, subject: "e2", object: "e5", negated: true, attributedTo: []string{"e2"}, sentence: "Brandt, the envoy of Norland, did not meet Park, his office said."},
		},
	},
	"faulty": {
		entities: []graph.Entity{{ID: "e1", Name: "Lena Park", Type: graph.Person}},
		relations: []scriptedRelation{
			{typ: graph.Meet, subject: "e1", object: "e9", sentence: "Lena Park met Omar Haddad in Vell on 1 March 2026."},
		},
		unchecked: true,
	},
	"reyes": {
		entities: []graph.Entity{
			{ID: "e1", Name: "Dana Reyes", Type: graph.Person, Aliases: []string{"Reyes"}},
			{ID: "e2", Name: "Tomas Reyes", Type: graph.Person, Aliases: []string{"Reyes"}},
			{ID: "e3", Name: "Sudova", Type: graph.Country},
			{ID: "e4", Name: "Norland", Type: graph.Country},
		},
		relations: []scriptedRelation{
			{typ: graph.Threaten, subject: "e1", object: "e3", date: "2026-04", confidence: 0.6, sentence: "Dana Reyes threatened Sudova in April 2026."},
			{typ: graph.Support, subject: "e2", object: "e4", date: "2026-04-09", sentence: "Tomas Reyes praised Norland on 9 April 2026 & thanked its people."},
		},
	},
}

// openStore opens a fresh SQLite store in a temporary directory.
func openStore(t testing.TB) graph.Store {
	t.Helper()
	st, err := sqlitestore.Open(context.Background(), filepath.Join(t.TempDir(), "graph.db"))
	if err != nil {
		t.Fatalf("open store: %v", err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

const testToken = "test-token"

// newTestServer returns a server over a fresh store with the scripted
// extractor and a write token.
func newTestServer(t testing.TB) (*api.Server, http.Handler) {
	t.Helper()
	s := &api.Server{Store: openStore(t), Extractor: testScripts, Token: testToken}
	return s, s.Handler()
}

// loaded returns a handler over a store holding the three test articles,
// posted through the API.
func loaded(t testing.TB) http.Handler {
	t.Helper()
	_, h := newTestServer(t)
	for _, a := range testArticles {
		r := postArticle(t, h, a)
		if r.Status != http.StatusCreated {
			t.Fatalf("posting %s: status %d, body %s", a["id"], r.Status, r.Body)
		}
	}
	return h
}

func postArticle(t testing.TB, h http.Handler, a map[string]string) response {
	t.Helper()
	b, err := json.Marshal(a)
	if err != nil {
		t.Fatal(err)
	}
	return do(t, h, "POST", "/v1/articles", bytes.NewReader(b), map[string]string{
		"Authorization": "Bearer " + testToken,
		"Content-Type":  "application/json",
	})
}

// getJSON asks h for target, wants a 200 JSON answer and decodes it into v.
func getJSON(t *testing.T, h http.Handler, target string, v any) {
	t.Helper()
	r := do(t, h, "GET", target, nil, nil)
	if r.Status != http.StatusOK {
		t.Fatalf("GET %s: status %d, body %s", target, r.Status, r.Body)
	}
	if ct := r.Header.Get("Content-Type"); ct != "application/json" {
		t.Fatalf("GET %s: Content-Type %q", target, ct)
	}
	if err := json.Unmarshal(r.Body, v); err != nil {
		t.Fatalf("GET %s: %v; body %s", target, err, r.Body)
	}
}

// edgeKey names an edge by what it says, for comparing listings; the ends
// of a symmetric edge are ordered.
func edgeKey(e graph.Edge) string {
	a, b := e.Subject, e.Object
	if e.Type.Symmetric() && b < a {
		a, b = b, a
	}
	k := fmt.Sprintf("%s(%s,%s)", e.Type, a, b)
	if e.Polarity == graph.Negated {
		k = "not " + k
	}
	return k
}

func edgeKeys(es []graph.Edge) []string {
	out := make([]string, len(es))
	for i, e := range es {
		out[i] = edgeKey(e)
	}
	return out
}

// decode unmarshals a recorded JSON answer into v.
func decode(t *testing.T, r response, v any) {
	t.Helper()
	if ct := r.Header.Get("Content-Type"); ct != "application/json" {
		t.Fatalf("Content-Type %q, want application/json; body %s", ct, r.Body)
	}
	if err := json.Unmarshal(r.Body, v); err != nil {
		t.Fatalf("%v; body %s", err, r.Body)
	}
}

// quote returns s as a JSON string.
func quote(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}
