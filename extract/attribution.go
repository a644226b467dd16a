package extract

import (
	"strings"

	"github.com/actorgraph/actorgraph/graph"
)

// reportVerbs credit what follows them to their subject ("IRNA reports
// that", "Vahid Online notes", "Russia said").
var reportVerbs = set("said", "says", "reported", "reports", "stated", "states", "notes",
	"noted", "adds", "added", "confirmed", "announced", "claimed", "claims", "highlighted",
	"revealed", "wrote", "writes", "quoted", "cited", "according", "told", "tells", "insisted",
	"argued", "explained", "asserted", "declared", "stressed", "emphasized", "emphasised",
	"remarked", "commented", "say", "tweeted", "posted")

// attribution finds the sources a sentence credits: "according to X" (or
// "according to the outlet/channel": the last outlet named) and the
// subject of a reporting verb.
func (rb *relBuilder) attribution(s sentence) []int {
	sc := rb.sc
	d := sc.d
	var out []int
	add := func(e int) {
		for _, x := range out {
			if x == e {
				return
			}
		}
		out = append(out, e)
	}
	for k := s.first; k < s.lim; k++ {
		w := d.toks[k].low
		if (w == "according" && k+1 < s.lim && d.toks[k+1].low == "to") || (w == "per" && k+1 < s.lim) {
			n := k + 2
			if w == "per" {
				n = k + 1
				if n < s.lim && d.toks[n].text == "@" {
					n++
				}
			}
			if n < s.lim && d.toks[n].low == "the" {
				n++
			}
			if e := rb.entOf(rb.mentionAt(n)); e >= 0 {
				add(e)
				continue
			}
			// "according to a statement from X"
			found := false
			for j := n; j < s.lim && j < n+6 && !found; j++ {
				w := d.toks[j].low
				if w == "," || w == "." || strings.HasPrefix(d.toks[j].tag, "VB") {
					break
				}
				if e := rb.entOf(rb.mentionAt(j)); e >= 0 && (w == "from" || j > n) {
					if p := d.toks[j-1].low; p == "from" || p == "by" || p == "of" || p == "the" {
						add(e)
						found = true
					}
				}
			}
			if found {
				continue
			}
			if n < s.lim {
				nw := d.toks[n].low
				if mediaCues[nw] || nw == "outlet" || nw == "report" {
					if e := rb.lastOfType(d.toks[n].start, graph.Media); e >= 0 {
						add(e)
					}
				}
			}
			continue
		}
		if reportVerbs[w] && w != "according" && rb.mentionAt(k) < 0 && (strings.HasPrefix(d.toks[k].tag, "VB") || k > s.first && rb.mentionAt(k-1) >= 0) {
			if subs := rb.subjects(s, k, false); len(subs) > 0 {
				for _, e := range subs {
					add(e)
				}
			}
		}
	}
	return out
}

func (rb *relBuilder) lastOfType(pos int, t graph.EntityType) int {
	best, bestPos := -1, -1
	for _, m := range rb.sc.ments {
		if m.ent >= 0 && m.start < pos && m.start > bestPos && rb.ents[m.ent].typ == t {
			best, bestPos = m.ent, m.start
		}
	}
	return best
}
