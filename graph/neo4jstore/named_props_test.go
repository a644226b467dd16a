package neo4jstore

import (
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/actorgraph/actorgraph/graph"
)

// namedKeys lists the keys a statement reads as prefix.key, sorted.
func namedKeys(stmt, prefix string) []string {
	re := regexp.MustCompile(regexp.QuoteMeta(prefix) + `\.(\w+)`)
	set := map[string]bool{}
	for _, m := range re.FindAllStringSubmatch(stmt, -1) {
		set[m[1]] = true
	}
	return sortedKeys(set)
}

func mapKeys(m map[string]any) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// TestEdgesCreateNamesProps checks that edges_create, which names each
// property rather than setting the map, writes every key edgeRow.props
// makes and no other.
func TestEdgesCreateNamesProps(t *testing.T) {
	r := edgeRow{ID: "e", Type: graph.RelationTypes()[0], Subject: "a", Object: "b", Date: "2025", Polarity: graph.Asserted,
		Contribs: []contribution{{ArticleKey: "k", Text: "t", Via: []string{}, AttributedTo: []string{}}}}
	props, err := r.props()
	if err != nil {
		t.Fatal(err)
	}
	got, want := namedKeys(statements["edges_create"], "row.props"), mapKeys(props)
	if strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("edges_create writes %v, props has %v", got, want)
	}
}

// TestArticlesCreateNamesProps checks the same of articles_create and
// articleProps.
func TestArticlesCreateNamesProps(t *testing.T) {
	got, want := namedKeys(statements["articles_create"], "row.article"), mapKeys(articleProps(graph.Article{}, "k", "i", "h"))
	if strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("articles_create writes %v, articleProps has %v", got, want)
	}
}
