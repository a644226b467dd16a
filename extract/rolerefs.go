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
	type holder struct {
		person int
		n      int
	}
	byRoleObj := map[string]int{}
	byRole := map[string]*holder{}
	for _, r := range rb.out {
		if r.typ != graph.HoldsRole {
			continue
		}
		role := roleKey(r.role)
		byRoleObj[role+"\x1f"+strconv.Itoa(r.obj)] = r.subj
		if h := byRole[role]; h == nil {
			byRole[role] = &holder{r.subj, 1}
		} else if h.person != r.subj {
			h.n++
		}
	}
	if len(byRole) == 0 {
		return
	}
	for _, t := range sc.titles {
		s := d.sents[d.toks[t.ti].sent]
		if s.titleCase || rb.heldTitle(t) {
			continue
		}
		// what stands before: "the", a qualifier with or without "'s"
		k := t.ti - 1
		qual, qm := -1, -1
		if k >= s.first && isPossessive(d.toks[k].text) {
			k--
		}
		if k >= s.first {
			if mi := rb.mentionAt(k); mi >= 0 && sc.ments[mi].tj == k+1 {
				if e := rb.entOf(mi); e >= 0 && (rb.ents[e].typ == graph.Country || rb.ents[e].typ == graph.Organization) {
					qual, qm = e, mi
					k = sc.ments[mi].ti - 1
				}
			}
		}
		if qual < 0 && (k < s.first || lower(d.toks[k].text) != "the") {
			continue
		}
		role := roleKey(t.text)
		person := -1
		if qual >= 0 {
			if p, ok := byRoleObj[role+"\x1f"+strconv.Itoa(qual)]; ok {
				person = p
			}
		} else if h := byRole[role]; h != nil && h.n == 1 {
			person = h.person
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
