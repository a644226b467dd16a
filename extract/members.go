package extract

import (
	"strings"

	"github.com/actorgraph/actorgraph/graph"
)

// memberships reads MEMBER_OF:
//
//	X, a (founding) member of Y        apposition
//	Y member (state|country)s X and Z   "NATO members Estonia and Latvia"
//	X joined Y / X's membership of Y    a state or body entering a body
//
// Y must be an organisation; X a person, state or organisation.
func (rb *relBuilder) memberships() {
	sc := rb.sc
	d := sc.d
	member := func(x, y, sent int, conf float64) {
		if x < 0 || y < 0 || x == y {
			return
		}
		if rb.ents[y].typ != graph.Organization {
			return
		}
		switch rb.ents[x].typ {
		case graph.Person, graph.Country, graph.Organization:
			rb.add(rel{typ: graph.MemberOf, subj: x, obj: y, conf: conf, sent: sent, trig: -1})
		}
	}
	for si, s := range d.sents {
		if s.titleCase {
			continue
		}
		for k := s.first; k < s.lim; k++ {
			w := d.toks[k].low
			switch w {
			case "member", "members":
				// "X, a member of Y"
				if k+2 < s.lim && d.toks[k+1].low == "of" {
					n := k + 2
					if d.toks[n].low == "the" {
						n++
					}
					y := rb.entOf(rb.mentionAt(n))
					// back over "a (founding|senior) " to ", " and the member
					j := k - 1
					for j >= s.first && (determiners[d.toks[j].low] || strings.HasPrefix(d.toks[j].tag, "JJ")) {
						j--
					}
					if j-1 >= s.first && d.toks[j].text == "," {
						if x := rb.usable(rb.mentionAt(j - 1)); x >= 0 {
							member(x, y, si, 0.7)
						}
					}
					continue
				}
				// "NATO members Estonia and Latvia", "EU member state Malta"
				if k > s.first {
					y := rb.entOf(rb.mentionAt(k - 1))
					n := k + 1
					if n < s.lim {
						if nw := d.toks[n].low; nw == "state" || nw == "states" || nw == "country" || nw == "countries" || nw == "nations" {
							n++
						}
					}
					if y >= 0 && n < s.lim {
						for _, x := range rb.list(s, n) {
							member(x, y, si, 0.7)
						}
					}
				}
			case "joined":
				if subs := rb.subjects(s, k, false); len(subs) > 0 {
					n := k + 1
					if n < s.lim && d.toks[n].low == "the" {
						n++
					}
					if y := rb.entOf(rb.mentionAt(n)); y >= 0 {
						for _, x := range subs {
							member(x, y, si, 0.6)
						}
					}
				}
			case "membership":
				// "Ukraine's membership of/in NATO"
				if k+2 < s.lim && (d.toks[k+1].low == "of" || d.toks[k+1].low == "in") && k-2 >= s.first && isPossessive(d.toks[k-1].text) {
					n := k + 2
					if d.toks[n].low == "the" {
						n++
					}
					x := rb.usable(rb.mentionAt(k - 2))
					member(x, rb.entOf(rb.mentionAt(n)), si, 0.5)
				}
			}
		}
	}
}
