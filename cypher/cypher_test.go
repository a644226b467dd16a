package cypher_test

import (
	"strings"
	"testing"

	"github.com/actorgraph/actorgraph/cypher"
)

// Statements run on the server are tested in graph/neo4jstore, the only
// package that may use the test server; these tests need none.

func TestNames(t *testing.T) {
	names := cypher.Names()
	if len(names) < 20 {
		t.Fatalf("%d statements, want every one the store runs", len(names))
	}
	for _, n := range names {
		s, err := cypher.Get(n)
		if err != nil {
			t.Errorf("Get(%q): %v", n, err)
			continue
		}
		if strings.TrimSpace(s) == "" || strings.Contains(s, "//") {
			t.Errorf("%s: empty or still has comment lines after Get: %q", n, s)
		}
	}
}

func TestGetUnknown(t *testing.T) {
	if _, err := cypher.Get("no_such_statement"); err == nil || !strings.Contains(err.Error(), "no_such_statement") {
		t.Errorf("Get of an unknown name = %v, want an error naming it", err)
	}
	defer func() {
		if recover() == nil {
			t.Error("MustGet of an unknown name did not panic")
		}
	}()
	cypher.MustGet("no_such_statement")
}

func TestSplit(t *testing.T) {
	cases := []struct {
		in   string
		want []string
	}{
		{"RETURN 1\n", []string{"RETURN 1"}},
		{"CREATE A;\nCREATE B;\n", []string{"CREATE A", "CREATE B"}},
		{"CREATE A;\n\n  ;\nCREATE B", []string{"CREATE A", "CREATE B"}},
	}
	for _, c := range cases {
		got := cypher.Split(c.in)
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("Split(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	if n := len(cypher.Split(cypher.MustGet("schema"))); n < 18 {
		t.Errorf("schema splits into %d statements, want the constraints and indexes", n)
	}
}

// TestNoTextFromInput checks that no statement splices anything into a label
// or relationship type except through $(row.…) parameters the store fills
// from the closed ontology.
func TestNoTextFromInput(t *testing.T) {
	for _, n := range cypher.Names() {
		s := cypher.MustGet(n)
		for _, bad := range []string{"%s", "{{", "+ $", "apoc."} {
			if strings.Contains(s, bad) {
				t.Errorf("%s contains %q", n, bad)
			}
		}
	}
}
