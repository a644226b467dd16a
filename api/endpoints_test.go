package api_test

import (
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/actorgraph/actorgraph/api"
	"github.com/actorgraph/actorgraph/graph"
)

const (
	lena    = "person:lena-park"
	omar    = "person:omar-haddad"
	ivo     = "person:ivo-brandt"
	dana    = "person:dana-reyes"
	tomas   = "person:tomas-reyes"
	sudova  = "country:sudova"
	norland = "country:norland"
)

var (
	meetLenaOmar   = "MEET(" + lena + "," + omar + ")"
	accuseLena     = "ACCUSE(" + lena + "," + sudova + ")"
	negotiate      = "NEGOTIATE(" + ivo + "," + omar + ")"
	holdsRole      = "HOLDS_ROLE(" + ivo + "," + norland + ")"
	threaten       = "THREATEN(" + dana + "," + sudova + ")"
	support        = "SUPPORT(" + tomas + "," + norland + ")"
	notMeetIvoLena = "not MEET(" + ivo + "," + lena + ")"
	allAsserted    = []string{meetLenaOmar, accuseLena, negotiate, holdsRole, threaten, support}
)

// badRequest is a request that must be answered with a problem document.
type badRequest struct {
	target string
	status int
	detail string // a part of the detail naming what was wrong
}

func checkBad(t *testing.T, h http.Handler, tests []badRequest) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.target, func(t *testing.T) {
			p := wantProblem(t, do(t, h, "GET", tt.target, nil, nil), tt.status)
			if !strings.Contains(p.Detail, tt.detail) {
				t.Errorf("detail = %q, want it to name %q", p.Detail, tt.detail)
			}
		})
	}
}

func sorted(s []string) []string {
	s = slices.Clone(s)
	slices.Sort(s)
	return s
}

func TestPostArticle(t *testing.T) {
	s, h := newTestServer(t)
	talks := testArticles[0]

	var created api.ArticleResponse
	r := postArticle(t, h, talks)
	if r.Status != http.StatusCreated {
		t.Fatalf("first post: status %d, body %s", r.Status, r.Body)
	}
	decode(t, r, &created)
	if created.Result.Status != graph.IngestNew || created.Result.Key != "url:"+talks["url"] {
		t.Errorf("result = %+v, want new with key url:%s", created.Result, talks["url"])
	}
	var ids []string
	for _, e := range created.Extraction.Entities {
		ids = append(ids, e.ID)
	}
	if want := []string{"country:sudova", "location:vell", lena, omar}; !slices.Equal(ids, want) {
		t.Errorf("extraction entities = %v, want stored ids %v", ids, want)
	}
	if created.Extraction.Relations != 2 || created.Extraction.RelationCounts[graph.Meet] != 1 || created.Extraction.RelationCounts[graph.Accuse] != 1 {
		t.Errorf("extraction summary = %+v, want one MEET and one ACCUSE", created.Extraction)
	}

	again := postArticle(t, h, talks)
	var unchanged api.ArticleResponse
	if again.Status != http.StatusOK {
		t.Fatalf("second post: status %d, body %s", again.Status, again.Body)
	}
	if decode(t, again, &unchanged); unchanged.Result.Status != graph.IngestUnchanged {
		t.Errorf("second post status = %q, want unchanged", unchanged.Result.Status)
	}

	edited := map[string]string{}
	for k, v := range talks {
		edited[k] = v
	}
	edited["text"] += " Both sides said they would meet again."
	edited["published"] = "2026-03-02T09:30:00Z"
	var replaced api.ArticleResponse
	r = postArticle(t, h, edited)
	if r.Status != http.StatusOK {
		t.Fatalf("edited post: status %d, body %s", r.Status, r.Body)
	}
	if decode(t, r, &replaced); replaced.Result.Status != graph.IngestReplaced {
		t.Errorf("edited post status = %q, want replaced", replaced.Result.Status)
	}

	var health struct {
		Status string
		Counts graph.Counts
	}
	getJSON(t, h, "/healthz", &health)
	if health.Status != "ok" || health.Counts.Articles != 1 || health.Counts.Relations != 2 {
		t.Errorf("healthz = %+v, want ok with 1 article and 2 relations", health)
	}

	// A corpus file can be posted as it is: fields the API does not know
	// are ignored.
	corpusLike := `{"id":"channel","url":"https://example.org/news/channel","published":"2026-03-05","text":` +
		quote(textChannel) + `,"gold":{"entities":[]}}`
	r = do(t, h, "POST", "/v1/articles", strings.NewReader(corpusLike), map[string]string{"Authorization": "Bearer " + testToken})
	if r.Status != http.StatusCreated {
		t.Errorf("corpus-like post: status %d, body %s", r.Status, r.Body)
	}

	bad := []struct {
		name   string
		body   string
		auth   string
		status int
		detail string
	}{
		{"missing token", `{"id":"talks","text":"x"}`, "", 401, "Bearer"},
		{"wrong token", `{"id":"talks","text":"x"}`, "Bearer nope", 403, "token"},
		{"malformed json", `{"id":"talks",`, "Bearer " + testToken, 400, "JSON"},
		{"the extractor refuses it", `{"id":"unknown","text":"Nobody met anyone."}`, "Bearer " + testToken, 400, "no script"},
		{"bad date", `{"id":"talks","text":"x","published":"March 2"}`, "Bearer " + testToken, 400, "March 2"},
		// An extraction the store refuses is the server's fault, not the
		// client's: 500, and the store's reason stays in the log.
		{"faulty extractor", `{"id":"faulty","url":"https://example.org/faulty","text":` + quote(textTalks) + `}`, "Bearer " + testToken, 500, "internal error"},
	}
	for _, tt := range bad {
		t.Run(tt.name, func(t *testing.T) {
			hdr := map[string]string{}
			if tt.auth != "" {
				hdr["Authorization"] = tt.auth
			}
			p := wantProblem(t, do(t, h, "POST", "/v1/articles", strings.NewReader(tt.body), hdr), tt.status)
			if !strings.Contains(p.Detail, tt.detail) {
				t.Errorf("detail = %q, want it to name %q", p.Detail, tt.detail)
			}
		})
	}
	n, err := s.Store.Counts(t.Context())
	if err != nil || n.Articles != 2 {
		t.Errorf("after the refused posts the store has %+v (%v), want 2 articles", n, err)
	}
}

func TestPostArticleWithoutExtractor(t *testing.T) {
	s := &api.Server{Store: openStore(t)}
	p := wantProblem(t, do(t, s.Handler(), "POST", "/v1/articles", strings.NewReader(`{"text":"Lena Park met Omar Haddad."}`), nil), 503)
	if !strings.Contains(p.Detail, "extractor") {
		t.Errorf("detail = %q, want it to say there is no extractor", p.Detail)
	}
}

func TestHealthz(t *testing.T) {
	h := loaded(t)
	var health struct {
		Status string
		Counts graph.Counts
	}
	getJSON(t, h, "/healthz", &health)
	want := graph.Counts{Entities: 8, Relations: 7, Articles: 3}
	if health.Status != "ok" || health.Counts != want {
		t.Errorf("healthz = %+v, want ok with %+v", health, want)
	}
	if r := do(t, h, "HEAD", "/healthz", nil, nil); r.Status != http.StatusOK {
		t.Errorf("HEAD /healthz: status %d", r.Status)
	}
}

func TestEntities(t *testing.T) {
	h := loaded(t)
	tests := []struct {
		target string
		want   []string // ids, in order when ordered is set
		first  string   // the top result, when it matters
	}{
		{"/v1/entities?q=reyes", []string{dana, tomas}, ""},
		{"/v1/entities?q=Park&type=person", []string{lena}, lena},
		{"/v1/entities?type=country", []string{norland, sudova}, ""},
		{"/v1/entities?type=COUNTRY,location", []string{norland, sudova, "location:vell"}, ""},
		{"/v1/entities?type=country&type=location", []string{norland, sudova, "location:vell"}, ""},
		{"/v1/entities?q=nobody+at+all", []string{}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.target, func(t *testing.T) {
			var got api.EntitiesResponse
			getJSON(t, h, tt.target, &got)
			var ids []string
			for _, e := range got.Entities {
				ids = append(ids, e.ID)
			}
			if !slices.Equal(sorted(ids), sorted(tt.want)) {
				t.Errorf("ids = %v, want %v", ids, tt.want)
			}
			if tt.first != "" && (len(ids) == 0 || ids[0] != tt.first) {
				t.Errorf("first = %v, want %s", ids, tt.first)
			}
		})
	}
	var one api.EntitiesResponse
	if getJSON(t, h, "/v1/entities?limit=1", &one); len(one.Entities) != 1 {
		t.Errorf("limit=1 gave %d entities", len(one.Entities))
	}
	checkBad(t, h, []badRequest{
		{"/v1/entities?type=ship", 400, "ship"},
		{"/v1/entities?limit=-3", 400, "limit"},
		{"/v1/entities?limit=ten", 400, "limit"},
		{"/v1/entities?limit=1001", 400, "limit"},
		{"/v1/entities?q=a&q=b", 400, "q"},
		{"/v1/entities?name=Park", 400, `"name"`},
	})
}

func TestEntity(t *testing.T) {
	h := loaded(t)
	var got api.EntityResponse
	getJSON(t, h, "/v1/entities/"+lena, &got)
	e := got.Entity
	if e == nil || e.Name != "Lena Park" || e.Type != graph.Person || !slices.Contains(e.Aliases, "Park") {
		t.Fatalf("entity = %+v, want Lena Park with alias Park", e)
	}
	if e.RelationCounts[graph.Accuse] != 1 || e.RelationCounts[graph.Meet] < 1 || e.ArticleCount != 2 {
		t.Errorf("counts: relations %v, articles %d; want ACCUSE 1, MEET ≥1, 2 articles", e.RelationCounts, e.ArticleCount)
	}

	getJSON(t, h, "/v1/entities/"+ivo, &got)
	if roles := got.Entity.Roles; len(roles) != 1 || roles[0].Title != "envoy" || roles[0].Of != norland || roles[0].OfName != "Norland" {
		t.Errorf("roles of Ivo Brandt = %+v, want envoy of Norland", roles)
	}
	checkBad(t, h, []badRequest{
		{"/v1/entities/person:nobody", 404, "person:nobody"},
		{"/v1/entities/" + lena + "?verbose=1", 400, "verbose"},
	})
}

func TestRelations(t *testing.T) {
	h := loaded(t)
	tests := []struct {
		query string
		want  []string
	}{
		{"", allAsserted},
		{"type=meet", []string{meetLenaOmar}},
		{"type=MEET,negotiate", []string{meetLenaOmar, negotiate}},
		{"type=MEET&type=NEGOTIATE", []string{meetLenaOmar, negotiate}},
		{"exclude_type=HOLDS_ROLE,accuse", []string{meetLenaOmar, negotiate, threaten, support}},
		{"structural=false", []string{meetLenaOmar, accuseLena, negotiate, threaten, support}},
		{"structural=true", allAsserted},
		{"include_negated=true", append(slices.Clone(allAsserted), notMeetIvoLena)},
		{"include_negated=true&type=MEET", []string{meetLenaOmar, notMeetIvoLena}},
		{"from_date=2026-03-02&to_date=2026-03", []string{accuseLena, negotiate}},
		{"from_date=2026-04", []string{threaten, support}},
		{"to_date=2026-03-01", []string{meetLenaOmar}},
		{"min_confidence=0.7", []string{meetLenaOmar, accuseLena, negotiate, holdsRole, support}},
		{"min_support=2", []string{}},
		{"source=Other+Daily", []string{threaten, support}},
		{"entity=Lena+Park", []string{meetLenaOmar, accuseLena}},
		{"entity=" + omar + "&other=Ivo+Brandt", []string{negotiate}},
		{"entity=Sudova", []string{accuseLena, threaten}},
		{"entity=sudova&type=THREATEN", []string{threaten}},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			var got api.RelationsResponse
			getJSON(t, h, "/v1/relations?"+tt.query, &got)
			if keys := edgeKeys(got.Relations); !slices.Equal(sorted(keys), sorted(tt.want)) {
				t.Errorf("relations = %v, want %v", sorted(keys), sorted(tt.want))
			}
			for _, e := range got.Relations {
				for _, id := range append([]string{e.Subject, e.Object}, e.Via...) {
					if got.Entities[id].ID != id || got.Entities[id].Name == "" {
						t.Errorf("entities lacks %s: %v", id, got.Entities)
					}
				}
			}
		})
	}
	checkBad(t, h, []badRequest{
		{"/v1/relations?type=FOO", 400, "FOO"},
		{"/v1/relations?exclude_type=meet,bar", 400, "bar"},
		{"/v1/relations?structural=maybe", 400, "structural"},
		{"/v1/relations?include_negated=yes", 400, "include_negated"},
		{"/v1/relations?from_date=2026-13", 400, "from_date"},
		{"/v1/relations?to_date=yesterday", 400, "to_date"},
		{"/v1/relations?from_date=2026-04&to_date=2026-03", 400, "inverted"},
		{"/v1/relations?min_confidence=1.5", 400, "min_confidence"},
		{"/v1/relations?min_confidence=NaN", 400, "min_confidence"},
		{"/v1/relations?min_support=-1", 400, "min_support"},
		{"/v1/relations?limit=0", 400, "limit"},
		{"/v1/relations?limit=1&limit=2", 400, "limit"},
		{"/v1/relations?colour=red", 400, "colour"},
		{"/v1/relations?other=" + lena, 400, "entity"},
		{"/v1/relations?entity=Nobody+Known", 404, "Nobody Known"},
		{"/v1/relations/rel:00000000000000000000", 404, "rel:00000000000000000000"},
	})
	t.Run("ambiguous name", func(t *testing.T) {
		p := wantProblem(t, do(t, h, "GET", "/v1/relations?entity=Reyes", nil, nil), 409)
		wantCandidates(t, p, dana, tomas)
	})
}

func wantCandidates(t *testing.T, p api.Problem, ids ...string) {
	t.Helper()
	var got []string
	for _, c := range p.Candidates {
		got = append(got, c.ID)
	}
	if !slices.Equal(sorted(got), sorted(ids)) {
		t.Errorf("candidates = %v, want %v (detail %q)", got, ids, p.Detail)
	}
}

func TestRelationPages(t *testing.T) {
	h := loaded(t)
	var keys []string
	next, pages := "/v1/relations?limit=2&structural=true", 0
	for next != "" && pages < 10 {
		var page api.RelationsResponse
		getJSON(t, h, next, &page)
		if len(page.Relations) > 2 {
			t.Fatalf("page of %d relations with limit=2", len(page.Relations))
		}
		keys = append(keys, edgeKeys(page.Relations)...)
		if (page.Next == "") != (page.NextURL == "") {
			t.Fatalf("next %q and next_url %q disagree", page.Next, page.NextURL)
		}
		if page.NextURL != "" {
			u, err := url.Parse(page.NextURL)
			if err != nil || u.Query().Get("after") != page.Next || u.Query().Get("structural") != "true" {
				t.Fatalf("next_url %q does not keep the query and set after=%s", page.NextURL, page.Next)
			}
		}
		next = page.NextURL
		pages++
	}
	if !slices.Equal(sorted(keys), sorted(allAsserted)) {
		t.Errorf("pages hold %v, want each of %v once", keys, allAsserted)
	}
	if pages < 3 {
		t.Errorf("%d pages for 6 relations at 2 a page", pages)
	}
}

func TestEntityRelations(t *testing.T) {
	h := loaded(t)
	tests := []struct {
		query string
		want  []string
	}{
		{"", []string{meetLenaOmar, negotiate}},
		{"?type=MEET", []string{meetLenaOmar}},
		{"?other=Ivo+Brandt", []string{negotiate}},
		{"?other=" + sudova, []string{}},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			var got api.RelationsResponse
			getJSON(t, h, "/v1/entities/"+omar+"/relations"+tt.query, &got)
			if keys := edgeKeys(got.Relations); !slices.Equal(sorted(keys), sorted(tt.want)) {
				t.Errorf("relations = %v, want %v", keys, tt.want)
			}
			if got.Entity == nil || got.Entity.Name != "Omar Haddad" {
				t.Errorf("entity = %+v, want Omar Haddad", got.Entity)
			}
		})
	}
	var got api.RelationsResponse
	getJSON(t, h, "/v1/entities/"+omar+"/relations?type=NEGOTIATE", &got)
	if got.Entities[sudova].Name != "Sudova" {
		t.Errorf("entities = %v, want the via entity Sudova in it", got.Entities)
	}
	checkBad(t, h, []badRequest{
		{"/v1/entities/person:nobody/relations", 404, "person:nobody"},
		{"/v1/entities/" + omar + "/relations?type=FOO", 400, "FOO"},
		{"/v1/entities/" + omar + "/relations?limit=x", 400, "limit"},
		{"/v1/entities/" + omar + "/relations?other=Reyes", 409, "Reyes"},
		{"/v1/entities/" + omar + "/relations?other=Nobody", 404, "Nobody"},
	})
}

func TestRelation(t *testing.T) {
	h := loaded(t)
	var list api.RelationsResponse
	getJSON(t, h, "/v1/relations?type=NEGOTIATE", &list)
	if len(list.Relations) != 1 {
		t.Fatalf("want one NEGOTIATE, got %v", edgeKeys(list.Relations))
	}
	var got api.RelationResponse
	getJSON(t, h, "/v1/relations/"+list.Relations[0].ID, &got)
	e := got.Relation
	if e == nil || edgeKey(*e) != negotiate || e.Date != "2026-03-04" || !slices.Equal(e.Via, []string{sudova}) {
		t.Fatalf("relation = %+v, want %s on 2026-03-04 via Sudova", e, negotiate)
	}
	if len(e.Evidence) != 1 {
		t.Fatalf("evidence = %+v, want one sentence", e.Evidence)
	}
	ev := e.Evidence[0]
	sentence := "Omar Haddad negotiated with Ivo Brandt through Sudova on 4 March."
	if ev.Text != sentence || ev.ArticleURL != "https://example.org/news/channel" || textChannel[ev.Start:ev.End] != sentence {
		t.Errorf("evidence = %+v, want %q from the channel article at its offsets", ev, sentence)
	}
	for _, id := range []string{ivo, omar, sudova} {
		if got.Entities[id].ID != id {
			t.Errorf("entities lacks %s: %v", id, got.Entities)
		}
	}
}

func TestPaths(t *testing.T) {
	h := loaded(t)

	t.Run("by names", func(t *testing.T) {
		var got api.PathsResponse
		getJSON(t, h, "/v1/paths?from=Lena+Park&to=Ivo+Brandt", &got)
		if got.From.ID != lena || got.To.ID != ivo {
			t.Fatalf("resolved %s → %s, want %s → %s", got.From.ID, got.To.ID, lena, ivo)
		}
		if len(got.Paths) != 1 {
			t.Fatalf("%d paths, want 1: %+v", len(got.Paths), got.Paths)
		}
		p := got.Paths[0]
		var nodes []string
		for _, n := range p.Nodes {
			nodes = append(nodes, n.ID)
		}
		if !slices.Equal(nodes, []string{lena, omar, ivo}) || len(p.Steps) != 2 {
			t.Fatalf("path nodes %v with %d steps, want %v", nodes, len(p.Steps), []string{lena, omar, ivo})
		}
		first := p.Steps[0].Edges
		if len(first) != 1 || edgeKey(first[0]) != meetLenaOmar || len(first[0].Evidence) == 0 ||
			first[0].Evidence[0].Text != "Lena Park met Omar Haddad in Vell on 1 March 2026." {
			t.Errorf("first step = %+v, want the MEET with its sentence", first)
		}
		if second := p.Steps[1].Edges; len(second) != 1 || edgeKey(second[0]) != negotiate {
			t.Errorf("second step = %v, want %s", edgeKeys(second), negotiate)
		}
		if got.Entities[sudova].Name != "Sudova" {
			t.Errorf("entities lacks the via entity: %v", got.Entities)
		}
	})

	hops := func(t *testing.T, query string) [][]string {
		t.Helper()
		var got api.PathsResponse
		getJSON(t, h, "/v1/paths?"+query, &got)
		var out [][]string
		for _, p := range got.Paths {
			var ids []string
			for _, n := range p.Nodes {
				ids = append(ids, n.ID)
			}
			out = append(out, ids)
		}
		return out
	}
	tests := []struct {
		query string
		want  [][]string
	}{
		{"from=" + lena + "&to=" + ivo + "&include_negated=true", [][]string{{lena, ivo}}},
		{"from=park&to=brandt", [][]string{{lena, omar, ivo}}},
		{"from=" + lena + "&to=" + ivo + "&max_hops=1", nil},
		{"from=" + lena + "&to=" + ivo + "&type=MEET", nil},
		{"from=" + lena + "&to=" + ivo + "&to_date=2026-03-03", nil},
		{"from=" + lena + "&to=" + ivo + "&type=ACCUSE,NEGOTIATE&via_hops=true", [][]string{{lena, sudova, ivo}}},
		{"from=" + lena + "&to=" + ivo + "&type=ACCUSE,NEGOTIATE", nil},
		{"from=Dana+Reyes&to=Tomas+Reyes&max_hops=2", nil},
		{"from=Dana+Reyes&to=Tomas+Reyes&max_hops=6", [][]string{{dana, sudova, lena, omar, ivo, norland, tomas}}},
		{"from=Dana+Reyes&to=Tomas+Reyes&structural=false&max_hops=6", nil},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			if got := hops(t, tt.query); !slices.EqualFunc(got, tt.want, slices.Equal) {
				t.Errorf("paths = %v, want %v", got, tt.want)
			}
		})
	}

	checkBad(t, h, []badRequest{
		{"/v1/paths?from=Lena+Park&to=Ivo+Brandt&max_hops=7", 400, "max_hops"},
		{"/v1/paths?from=Lena+Park&to=Ivo+Brandt&max_hops=0", 400, "max_hops"},
		{"/v1/paths?from=Lena+Park&to=Ivo+Brandt&max_hops=two", 400, "max_hops"},
		{"/v1/paths?from=Lena+Park&to=Ivo+Brandt&k=-1", 400, "k"},
		{"/v1/paths?from=Lena+Park&to=Ivo+Brandt&limit=101", 400, "limit"},
		{"/v1/paths?from=Lena+Park&to=Ivo+Brandt&via_hops=2", 400, "via_hops"},
		{"/v1/paths?from=Lena+Park&to=Ivo+Brandt&type=FOO", 400, "FOO"},
		{"/v1/paths?from=Lena+Park&to=Ivo+Brandt&from_date=2026-05&to_date=2026-04", 400, "inverted"},
		{"/v1/paths?from=Lena+Park&to=Ivo+Brandt&hops=2", 400, "hops"},
		{"/v1/paths?from=Lena+Park", 400, "to"},
		{"/v1/paths?to=Lena+Park", 400, "from"},
		{"/v1/paths?from=Lena+Park&to=park", 400, "same entity"},
		{"/v1/paths?from=Nobody+Known&to=Lena+Park", 404, "Nobody Known"},
		{"/v1/paths?from=Lena+Park&to=person:nobody", 404, "person:nobody"},
	})
	t.Run("ambiguous name", func(t *testing.T) {
		p := wantProblem(t, do(t, h, "GET", "/v1/paths?from=Lena+Park&to=Reyes", nil, nil), 409)
		wantCandidates(t, p, dana, tomas)
		if !strings.Contains(p.Detail, "to") || !strings.Contains(p.Detail, "Reyes") {
			t.Errorf("detail = %q, want it to name the parameter and the name", p.Detail)
		}
	})
}

func TestTimeline(t *testing.T) {
	h := loaded(t)
	tests := []struct {
		query string
		want  []string // in order
	}{
		{"entity=Lena+Park", []string{meetLenaOmar, accuseLena}},
		{"entity=" + omar + "&other=Lena+Park", []string{meetLenaOmar}},
		{"from_date=2026-04", []string{threaten, support}},
		{"", []string{meetLenaOmar, accuseLena, negotiate, threaten, support}},
		{"type=ACCUSE,THREATEN&limit=1", []string{accuseLena}},
		{"entity=Sudova&structural=false", []string{accuseLena, threaten}},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			var got api.TimelineResponse
			getJSON(t, h, "/v1/timeline?"+tt.query, &got)
			if keys := edgeKeys(got.Relations); !slices.Equal(keys, tt.want) {
				t.Errorf("timeline = %v, want %v", keys, tt.want)
			}
			for i := 1; i < len(got.Relations); i++ {
				if graph.DateBefore(got.Relations[i].Date, got.Relations[i-1].Date) {
					t.Errorf("%s comes after %s", got.Relations[i].Date, got.Relations[i-1].Date)
				}
			}
		})
	}
	checkBad(t, h, []badRequest{
		{"/v1/timeline?other=Lena+Park", 400, "entity"},
		{"/v1/timeline?entity=Lena+Park&from_date=2026-04-02&to_date=2026-04-01", 400, "inverted"},
		{"/v1/timeline?limit=x", 400, "limit"},
		{"/v1/timeline?min_support=many", 400, "min_support"},
		{"/v1/timeline?entity=Nobody", 404, "Nobody"},
	})
	t.Run("ambiguous name", func(t *testing.T) {
		wantCandidates(t, wantProblem(t, do(t, h, "GET", "/v1/timeline?entity=Reyes", nil, nil), 409), dana, tomas)
	})
}

func TestQueryTimeout(t *testing.T) {
	s := &api.Server{Store: openStore(t), QueryTimeout: time.Nanosecond}
	p := wantProblem(t, do(t, s.Handler(), "GET", "/v1/relations", nil, nil), 503)
	if !strings.Contains(p.Detail, "did not finish") {
		t.Errorf("detail = %q, want it to say the query ran out of time", p.Detail)
	}
}

func TestStoreFailureIsNotShown(t *testing.T) {
	st := openStore(t)
	s := &api.Server{Store: st, Extractor: testScripts}
	h := s.Handler()
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	for _, target := range []string{"/healthz", "/v1/entities?q=x", "/v1/relations", "/v1/timeline",
		"/v1/timeline?format=csv", "/v1/export?format=graphml", "/v1/export?format=d3&entity=" + lena,
		"/v1/entities/" + lena + "/neighborhood", "/v1/paths?from=" + lena + "&to=" + omar} {
		t.Run(target, func(t *testing.T) {
			r := do(t, h, "GET", target, nil, nil)
			if r.Status < 500 {
				t.Fatalf("status %d over a closed store; body %s", r.Status, r.Body)
			}
			p := wantProblem(t, r, r.Status)
			for _, leak := range []string{"sql", "database", "closed"} {
				if strings.Contains(strings.ToLower(p.Detail), leak) {
					t.Errorf("detail %q shows the driver's error", p.Detail)
				}
			}
		})
	}
}
