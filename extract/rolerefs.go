package extract

import (
	"strconv"
	"strings"

	"github.com/actorgraph/actorgraph/graph"
)

// roleRefs reads role references: "the foreign minister", "Iran's foreign
// minister", "the Omani president" name the person the article has tied
// to that title (and state, when one qualifies it). The reference becomes
// a mention of that person for relation arguments — not an alias, since a
// title is never a name.
func (rb *relBuilder) roleRefs() {
	sc := rb.sc
	d := sc.d
	byRoleObj := map[string]int{}
	for _, r := range rb.out {
		if r.typ != graph.HoldsRole {
			continue
		}
		role := roleKey(r.role)
		byRoleObj[role+"\x1f"+strconv.Itoa(r.obj)] = r.subj
	}
	if len(byRoleObj) == 0 {
		return
	}
	for _, t := range sc.titles {
		s := d.sents[d.toks[t.ti].sent]
		if s.titleCase || rb.heldTitle(t) {
			continue
		}
		// a qualifier before, with or without "'s"
		k := t.ti - 1
		qual, qm := -1, -1
		if k >= s.first && isPossessive(d.toks[k].text) {
			k--
		}
		if k >= s.first {
			if mi := rb.mentionAt(k); mi >= 0 && sc.ments[mi].tj == k+1 {
				if e := rb.entOf(mi); e >= 0 && (rb.ents[e].typ == graph.Country || rb.ents[e].typ == graph.Organization) {
					qual, qm = e, mi
				}
			}
		}
		if qual < 0 {
			// "the President of the United Arab Emirates": the state after
			if n := t.tj; n+1 < s.lim && d.toks[n].low == "of" {
				n++
				if d.toks[n].low == "the" {
					n++
				}
				if mi := rb.mentionAt(n); mi >= 0 {
					qual = rb.entOf(mi)
				}
			}
		}
		if qual < 0 {
			// an unqualified "the president" is as often the article's
			// own state's as the one holder named: no guess
			continue
		}
		role := roleKey(t.text)
		person := -1
		if p, ok := byRoleObj[role+"\x1f"+strconv.Itoa(qual)]; ok {
			person = p
		}
		if person < 0 {
			continue
		}
		start := t.ti
		if qm >= 0 {
			start = sc.ments[qm].ti
			rb.used[qm] = true
		}
		m := mention{ti: start, tj: t.tj, start: d.toks[start].start, end: d.toks[t.tj-1].end,
			typ: graph.Person, sent: d.toks[t.ti].sent, signal: 0.5, acronymFor: -1, ent: person}
		m.text = d.text[m.start:m.end]
		mi := len(sc.ments)
		sc.ments = append(sc.ments, m)
		for j := t.ti; j < t.tj; j++ {
			sc.mentionAt[j] = mi
		}
		rb.ents[person].mentions = append(rb.ents[person].mentions, mi)
	}
}

// heldTitle: the title already names its holder (a person follows it).
func (rb *relBuilder) heldTitle(t span) bool {
	d := rb.sc.d
	k := t.tj
	for k < len(d.toks) && isHonorTok(rb.sc, k) {
		k++
	}
	if k < len(d.toks) {
		if mi := rb.mentionAt(k); mi >= 0 && rb.typeOf(mi) == graph.Person {
			return true
		}
	}
	return false
}

// roleKey folds a role for comparison: lower case, "former"/"then-" gone.
func roleKey(s string) string {
	return strings.ToLower(cleanRole(s))
}
