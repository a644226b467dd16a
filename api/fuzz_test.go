package api_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/actorgraph/actorgraph/api"
	"github.com/actorgraph/actorgraph/extract"
)

// FuzzQuery sends arbitrary query strings to every reading endpoint: a
// client can be wrong in any way, and the answer must still be a 2xx or a
// 4xx problem, never a 500.
func FuzzQuery(f *testing.F) {
	for _, seed := range []string{
		"type=MEET&from_date=2026&to_date=2026-03",
		"from=Lena+Park&to=Ivo+Brandt&max_hops=3&k=2&via_hops=1",
		"entity=Reyes&other=%ff",
		"limit=9999999999999999999999&min_confidence=1e309",
		"after=rel:zzz&limit=1",
		"type=%00&exclude_type=,,,",
		"q=%E2%80%99&type=person",
		"from_date=2026-02-31&to_date=0000",
	} {
		f.Add(seed)
	}
	h := loaded(f)
	paths := []string{"/v1/relations", "/v1/paths", "/v1/timeline", "/v1/entities", "/v1/entities/" + lena + "/relations"}
	f.Fuzz(func(t *testing.T, query string) {
		if strings.ContainsAny(query, " #\x7f") || strings.ContainsFunc(query, func(r rune) bool { return r < 0x20 }) {
			t.Skip("not a query string a client can send")
		}
		for _, p := range paths {
			r := do(t, h, "GET", p+"?"+query, nil, nil)
			if r.Status >= 500 {
				t.Fatalf("GET %s?%s: status %d, body %s", p, query, r.Status, r.Body)
			}
			if r.Status >= 400 {
				wantProblem(t, r, r.Status)
			}
		}
	})
}

// FuzzPostArticle posts arbitrary bodies and texts through the real
// extractor into the real store: whatever is posted, the answer is 201, 200
// or a 4xx problem.
func FuzzPostArticle(f *testing.F) {
	for _, seed := range []string{
		`{"id":"x","text":"Iranian Foreign Minister Abbas Araghchi met Badr Albusaidi in Muscat on Sunday.","published":"2026-02-10"}`,
		`{"text":"\u2019\u0000 ..."}`,
		`{"text":"Hamas met Hamas. Hamas met Hamas.","url":"u"}`,
		`{"text":"A\nB\n\n\nC — D – E","published":"2026-02-29"}`,
		`{"text":["x"]}`,
		`{"text":"x"} {"text":"y"}`,
		`null`,
	} {
		f.Add(seed)
	}
	x, err := extract.New()
	if err != nil {
		f.Fatal(err)
	}
	s := &api.Server{Store: openStore(f), Extractor: x, MaxBodyBytes: 64 << 10}
	h := s.Handler()
	f.Fuzz(func(t *testing.T, body string) {
		r := do(t, h, "POST", "/v1/articles", strings.NewReader(body), nil)
		switch {
		case r.Status == http.StatusCreated || r.Status == http.StatusOK:
		case r.Status >= 400 && r.Status < 500:
			wantProblem(t, r, r.Status)
		default:
			t.Fatalf("POST %q: status %d, body %s", body, r.Status, r.Body)
		}
	})
}
