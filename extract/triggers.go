package extract

import (
	"strings"

	"github.com/actorgraph/actorgraph/graph"
)

// trigger is one row of lexicon/triggers.tsv.
type trigger struct {
	words []string
	typ   graph.RelationType
	preps map[string]bool // "-" for a direct object
	needs string
	noun  bool
	// reverse: the object found is the subject ("received a letter from X":
	// X wrote to the clause's subject)
	reverse bool
	// active: read as active even in a passive clause ("X was sent to Y":
	// X goes to Y)
	active bool
}

type triggerSet struct {
	byFirst map[string][]trigger // first word → triggers, longest first
}

func loadTriggers() (*triggerSet, error) {
	ts := &triggerSet{byFirst: map[string][]trigger{}}
	err := eachRow("triggers.tsv", func(cols []string) error {
		t := trigger{words: strings.Fields(cols[0]), preps: map[string]bool{}}
		if len(cols) < 3 {
			return errf("want at least 3 columns")
		}
		typ, err := graph.ParseRelationType(cols[1])
		if err != nil {
			return err
		}
		t.typ = typ
		for _, p := range strings.Split(cols[2], ";") {
			if p = strings.TrimSpace(p); p != "" {
				t.preps[p] = true
			}
		}
		if len(cols) > 3 {
			t.needs = strings.TrimSpace(cols[3])
		}
		if len(cols) > 4 {
			t.noun = strings.TrimSpace(cols[4]) == "n"
		}
		if len(cols) > 5 {
			t.reverse = strings.TrimSpace(cols[5]) == "reverse"
			t.active = strings.TrimSpace(cols[5]) == "active"
		}
		first := t.words[0]
		list := append(ts.byFirst[first], t)
		// longest phrases first; among equals, the ones with a required
		// following word first ("received a letter" before "received")
		before := func(a, b trigger) bool {
			if len(a.words) != len(b.words) {
				return len(a.words) > len(b.words)
			}
			return a.needs != "" && b.needs == ""
		}
		for i := len(list) - 1; i > 0 && before(list[i], list[i-1]); i-- {
			list[i], list[i-1] = list[i-1], list[i]
		}
		ts.byFirst[first] = list
		return nil
	})
	return ts, err
}

type errString string

func (e errString) Error() string { return string(e) }

func errf(s string) error { return errString(s) }

// match returns the trigger starting at token i of the sentence and the
// token just past it.
func (ts *triggerSet) match(d *doc, s sentence, i int) (trigger, int, bool) {
	cands := ts.byFirst[d.toks[i].low]
	for _, t := range cands {
		j := i
		ok := true
		for _, w := range t.words {
			if j >= s.lim || d.toks[j].low != w {
				ok = false
				break
			}
			j++
		}
		if !ok {
			continue
		}
		if t.needs != "" {
			found := false
			for k := j; k < s.lim && k < j+5; k++ {
				w := d.toks[k].low
				if w == t.needs || w == t.needs+"s" {
					found = true
					break
				}
			}
			if !found {
				continue
			}
		}
		return t, j, true
	}
	return trigger{}, i, false
}
