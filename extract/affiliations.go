package extract

import (
	"strings"

	"github.com/actorgraph/actorgraph/graph"
)

// affiliations reads AFFILIATED_WITH: a generic body and its state ("Oman's
// Foreign Ministry"), a state right before a body ("U.S. State
// Department"), and "X-linked/-aligned/-backed Y".
func (rb *relBuilder) affiliations() {
	sc := rb.sc
	d := sc.d
	for ei, e := range rb.ents {
		if e.country == "" || len(e.mentions) == 0 {
			continue
		}
		for ci, c := range rb.ents {
			if c.typ == graph.Country && c.name == e.country {
				rb.add(rel{typ: graph.AffiliatedWith, subj: ei, obj: ci, conf: 0.8, sent: sc.ments[e.mentions[0]].sent})
			}
		}
	}
	for mi, m := range sc.ments {
		if m.ent < 0 || d.sents[m.sent].titleCase {
			continue
		}
		typ := rb.ents[m.ent].typ
		// state immediately before a body: "U.S. State Department"
		if typ == graph.Country && m.tj < d.sents[m.sent].lim {
			if ni := rb.mentionAt(m.tj); ni >= 0 && ni != mi && sc.ments[ni].ti == m.tj {
				if n := rb.entOf(ni); n >= 0 && (rb.ents[n].typ == graph.Organization || rb.ents[n].typ == graph.Media) {
					rb.add(rel{typ: graph.AffiliatedWith, subj: n, obj: m.ent, conf: 0.7, sent: m.sent})
				}
			}
		}
		// "Iran's state-run IRNA", "Chinese state media outlet CGTN"
		if typ == graph.Media {
			if c := rb.stateMedia(m); c >= 0 {
				rb.add(rel{typ: graph.AffiliatedWith, subj: m.ent, obj: c, conf: 0.7, sent: m.sent})
			}
		}
		// a body "of" its state: "the Supreme Council of the Republic"
		if typ == graph.Organization && m.tj+1 < d.sents[m.sent].lim && d.toks[m.tj].low == "of" {
			n := m.tj + 1
			if d.toks[n].low == "the" {
				n++
			}
			if ni := rb.mentionAt(n); ni >= 0 && sc.ments[ni].ti == n {
				if c := rb.entOf(ni); c >= 0 && rb.ents[c].typ == graph.Country {
					rb.add(rel{typ: graph.AffiliatedWith, subj: m.ent, obj: c, conf: 0.7, sent: m.sent})
				}
			}
		}
		// "X-linked Y", "X (ACR) linked Y", "X-aligned ... such as Y"
		if typ == graph.Country || typ == graph.Organization {
			tok := d.toks[m.ti].text
			k := m.tj
			linked := false
			if m.tj == m.ti+1 && strings.Contains(tok, "-") {
				suffix := lower(tok[strings.LastIndex(tok, "-")+1:])
				linked = affixes[suffix]
			}
			if !linked {
				if k < len(d.toks) && d.toks[k].text == "(" && k+2 < len(d.toks) && d.toks[k+2].text == ")" {
					k += 3
				}
				if k < d.sents[m.sent].lim && affixes[lower(strings.TrimPrefix(d.toks[k].text, "-"))] {
					linked = true
					k++
				}
			}
			if !linked {
				continue
			}
			s := d.sents[m.sent]
			for n := k; n < s.lim && n < k+10; n++ {
				w := d.toks[n].low
				if boundaries[w] || strings.HasPrefix(d.toks[n].tag, "VB") {
					break
				}
				ni := rb.mentionAt(n)
				if ni < 0 || ni == mi {
					continue
				}
				ne := rb.entOf(ni)
				if ne >= 0 && ne != m.ent && (rb.ents[ne].typ == graph.Organization || rb.ents[ne].typ == graph.Media) {
					rb.add(rel{typ: graph.AffiliatedWith, subj: ne, obj: m.ent, conf: 0.7, sent: m.sent})
					break
				}
			}
		}
	}
}

// stateMedia: a state's mention and a state-ownership word shortly
// before an outlet's name; the state it belongs to, or -1.
func (rb *relBuilder) stateMedia(m mention) int {
	d := rb.sc.d
	s := d.sents[m.sent]
	owned := false
	for k := m.ti - 1; k >= s.first && k >= m.ti-6; k-- {
		w := d.toks[k].low
		switch w {
		case "state-run", "state-owned", "state-controlled", "state", "government-run", "state-backed", "official":
			owned = true
			continue
		}
		if mi := rb.mentionAt(k); mi >= 0 {
			if e := rb.entOf(mi); e >= 0 && rb.ents[e].typ == graph.Country && owned {
				return e
			}
			return -1
		}
		if w == "," || w == "." || strings.HasPrefix(d.toks[k].tag, "VB") {
			return -1
		}
	}
	return -1
}

var affixes = set("linked", "aligned", "affiliated", "backed", "allied", "run", "owned", "controlled", "funded", "sponsored")
