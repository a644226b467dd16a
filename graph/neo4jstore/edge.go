package neo4jstore

import (
	"encoding/json"
	"sort"

	"github.com/actorgraph/actorgraph/graph"
)

// contribution is one relation read into an edge: its evidence and the
// attributes that relation gave. An edge keeps every contribution (as JSON
// strings in its evidence property) so that its aggregates — support,
// confidence, via, attributed_to, role — can be recomputed exactly when an
// article's version is replaced, and so that GET relation reads one
// relationship.
type contribution struct {
	ArticleKey   string   `json:"article_key"`
	ArticleID    string   `json:"article_id"`
	ArticleURL   string   `json:"article_url"`
	ArticleTitle string   `json:"article_title"`
	Published    string   `json:"published"`
	Source       string   `json:"source"` // the article's source, normalised
	Text         string   `json:"text"`
	Start        int      `json:"start"`
	End          int      `json:"end"`
	Confidence   float64  `json:"confidence"`
	Via          []string `json:"via"`
	AttributedTo []string `json:"attributed_to"`
	Role         string   `json:"role"`
}

func (c contribution) evidence() graph.Evidence {
	return graph.Evidence{
		ArticleKey: c.ArticleKey, ArticleID: c.ArticleID, ArticleURL: c.ArticleURL,
		ArticleTitle: c.ArticleTitle, Published: c.Published,
		Text: c.Text, Start: c.Start, End: c.End,
	}
}

// edgeRow is an edge as the store writes it: identity, ends and
// contributions. Everything else is derived by props.
type edgeRow struct {
	ID       string
	Type     graph.RelationType
	Subject  string
	Object   string
	Date     string
	Polarity graph.Polarity
	Contribs []contribution
}

// sortContribs puts contributions in the order evidence is answered in:
// article key, offsets, text (then role and confidence, so ties do not
// depend on input order).
func sortContribs(cs []contribution) {
	sort.SliceStable(cs, func(i, j int) bool {
		a, b := cs[i], cs[j]
		switch {
		case a.ArticleKey != b.ArticleKey:
			return a.ArticleKey < b.ArticleKey
		case a.Start != b.Start:
			return a.Start < b.Start
		case a.End != b.End:
			return a.End < b.End
		case a.Text != b.Text:
			return a.Text < b.Text
		case a.Role != b.Role:
			return a.Role < b.Role
		}
		return a.Confidence > b.Confidence
	})
}

// edge folds the contributions into a graph.Edge, as package graph defines
// stored edges: support counts distinct articles, confidence is the
// maximum, via and attributed_to the sorted union, role the first non-empty
// in evidence order.
func (r *edgeRow) edge() graph.Edge {
	sortContribs(r.Contribs)
	e := graph.Edge{
		ID: r.ID, Type: r.Type, Subject: r.Subject, Object: r.Object, Date: r.Date, Polarity: r.Polarity,
		Via: []string{}, AttributedTo: []string{}, Evidence: []graph.Evidence{},
	}
	articles := map[string]bool{}
	via, attr := map[string]bool{}, map[string]bool{}
	for i, c := range r.Contribs {
		if !articles[c.ArticleKey] {
			articles[c.ArticleKey] = true
			e.Support++
		}
		if i == 0 || c.Confidence > e.Confidence {
			e.Confidence = c.Confidence
		}
		for _, v := range c.Via {
			via[v] = true
		}
		for _, v := range c.AttributedTo {
			attr[v] = true
		}
		if e.Role == "" {
			e.Role = c.Role
		}
		e.Evidence = append(e.Evidence, c.evidence())
	}
	e.Via = sortedKeys(via)
	e.AttributedTo = sortedKeys(attr)
	return e
}

// props are the relationship's properties. Beside the edge's fields they
// keep evidence_articles and sources, which let Cypher find an article's
// edges and apply the source filter without decoding evidence.
func (r *edgeRow) props() (map[string]any, error) {
	e := r.edge()
	ev := make([]string, len(r.Contribs))
	articles, sources := map[string]bool{}, map[string]bool{}
	for i, c := range r.Contribs {
		b, err := json.Marshal(c)
		if err != nil {
			return nil, err
		}
		ev[i] = string(b)
		articles[c.ArticleKey] = true
		sources[c.Source] = true
	}
	return map[string]any{
		"id":                e.ID,
		"date":              e.Date,
		"polarity":          string(e.Polarity),
		"role":              e.Role,
		"confidence":        e.Confidence,
		"support":           int64(e.Support),
		"via":               e.Via,
		"attributed_to":     e.AttributedTo,
		"evidence":          ev,
		"evidence_articles": sortedKeys(articles),
		"sources":           sortedKeys(sources),
	}, nil
}

// rowOf decodes a relationship returned as
// r {.*, type: type(r), subject: s.id, object: o.id}.
func rowOf(v any) (*edgeRow, error) {
	m, _ := v.(map[string]any)
	r := &edgeRow{
		ID: str(m["id"]), Type: graph.RelationType(str(m["type"])),
		Subject: str(m["subject"]), Object: str(m["object"]),
		Date: str(m["date"]), Polarity: graph.Polarity(str(m["polarity"])),
	}
	for _, s := range strs(m["evidence"]) {
		var c contribution
		if err := json.Unmarshal([]byte(s), &c); err != nil {
			return nil, graph.Wrap(graph.EINTERNAL, err, "stored evidence of %s is not readable", r.ID)
		}
		if c.Via == nil {
			c.Via = []string{}
		}
		if c.AttributedTo == nil {
			c.AttributedTo = []string{}
		}
		r.Contribs = append(r.Contribs, c)
	}
	return r, nil
}

// edgeOf decodes a returned relationship into the edge it stores.
func edgeOf(v any) (graph.Edge, error) {
	r, err := rowOf(v)
	if err != nil {
		return graph.Edge{}, err
	}
	return r.edge(), nil
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
