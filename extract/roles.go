package extract

import (
	"strings"

	"github.com/actorgraph/actorgraph/graph"
)

// rel is a relation between entity indexes, before ids are given.
type rel struct {
	typ       graph.RelationType
	subj, obj int
	via, attr []int
	date      string
	pol       graph.Polarity
	role      string
	conf      float64
	sent      int
}

// relBuilder reads relations from one scanned, resolved document.
type relBuilder struct {
	sc     *scan
	ents   []*entity
	pub    date
	out    []rel
	used   map[int]bool // mentions that only qualify a title
	roleOf map[int]int  // person entity → entity it serves (first seen)
}

func (rb *relBuilder) add(r rel) {
	if r.subj < 0 || r.obj < 0 || r.subj == r.obj {
		return
	}
	if r.pol == "" {
		r.pol = graph.Asserted
	}
	rb.out = append(rb.out, r)
}

// entAt returns the entity of the mention covering token k, or -1.
func (rb *relBuilder) mentionAt(k int) int {
	if mi, ok := rb.sc.mentionAt[k]; ok {
		return mi
	}
	return -1
}

func (rb *relBuilder) entOf(mi int) int {
	if mi < 0 {
		return -1
	}
	return rb.sc.ments[mi].ent
}

func (rb *relBuilder) typeOf(mi int) graph.EntityType {
	e := rb.entOf(mi)
	if e < 0 {
		return ""
	}
	return rb.ents[e].typ
}

// cleanRole drops "former" and "then-" and trims the title.
func cleanRole(s string) string {
	s = strings.TrimSpace(s)
	for _, p := range []string{"former ", "Former ", "then-", "Then-", "ex-", "Ex-"} {
		s = strings.TrimPrefix(s, p)
	}
	return s
}

// roles finds HOLDS_ROLE: a title tied to a person and to the country,
// body or person served.
//
//	[qualifier ('s)] TITLE [honorifics] PERSON   "Iranian Foreign Minister Abbas Araghchi"
//	PERSON, [the] [qualifier('s)] TITLE [of|to X]  "Jared Kushner, an advisor to Donald Trump"
//	[qualifier('s)] TITLE, PERSON                 "Trump's overseas representative, Steve Witkoff"
//
// A bare title takes the nearest state named earlier in the sentence that
// is not already qualifying another title ("an Iranian delegation led by
// Foreign Minister X"); that reading is less sure and scored lower.
func (rb *relBuilder) roles() {
	sc := rb.sc
	d := sc.d
	rb.used = map[int]bool{}
	rb.roleOf = map[int]int{}
	for ti, title := range sc.titles {
		s := d.sents[d.toks[title.ti].sent]
		if s.titleCase {
			continue
		}
		// the person after the title (honorifics and a comma skipped)
		k := title.tj
		comma := false
		for k < s.lim {
			if isHonorTok(sc, k) {
				k++
				continue
			}
			if d.toks[k].text == "," && !comma && k+1 < s.lim {
				comma = true
				k++
				continue
			}
			// chained titles: "Saudi Foreign Minister Prince Faisal"
			if _, ok := sc.titleAt[k]; ok && !comma {
				break
			}
			break
		}
		pm := rb.mentionAt(k)
		if pm < 0 || rb.typeOf(pm) != graph.Person || sc.ments[pm].ti != k {
			// A title followed by another title, then the person.
			if nt, ok := sc.titleAt[k]; ok && !comma {
				_ = nt
				continue
			}
			continue
		}
		if comma && !rb.reverseAppositive(title) {
			continue
		}
		person := rb.entOf(pm)
		obj, conf, qual := rb.qualifier(title.ti, s)
		if obj < 0 {
			continue
		}
		_ = ti
		for _, q := range qual {
			rb.used[q] = true
		}
		rb.addRole(person, obj, title.text, conf, d.toks[title.ti].sent)
	}
	rb.appositives()
}

func isHonorTok(sc *scan, k int) bool {
	for _, h := range sc.honors {
		if k >= h.ti && k < h.tj {
			return true
		}
	}
	return false
}

// reverseAppositive: "X's TITLE, PERSON" is only read when the title has a
// possessive qualifier; a bare "President, Trump" is not.
func (rb *relBuilder) reverseAppositive(t span) bool {
	d := rb.sc.d
	return t.ti > 0 && isPossessive(d.toks[t.ti-1].text)
}

func (rb *relBuilder) addRole(person, obj int, role string, conf float64, sent int) {
	if person < 0 || obj < 0 || person == obj {
		return
	}
	if t := rb.ents[obj].typ; t == graph.Location || t == graph.Media {
		return
	}
	if _, ok := rb.roleOf[person]; !ok {
		rb.roleOf[person] = obj
	}
	rb.add(rel{typ: graph.HoldsRole, subj: person, obj: obj, role: cleanRole(role), conf: conf, sent: sent})
}

// qualifier finds what a title at token ti is tied to, looking left:
// "Iranian", "Iran's", "the US President's", "Kremlin", "Putin's". With
// nothing there, it falls back to the nearest free state earlier in the
// sentence. It returns the entity, a confidence and the mentions used.
func (rb *relBuilder) qualifier(ti int, s sentence) (int, float64, []int) {
	sc := rb.sc
	d := sc.d
	k := ti - 1
	var used []int
	for k >= s.first {
		w := d.toks[k].text
		if isPossessive(w) {
			k--
			// "the US President's Special Envoy": through another title to its qualifier
			if te, ok := sc.titleEnd[k+1]; ok {
				t := sc.titles[te]
				k = t.ti - 1
				continue
			}
			continue
		}
		if mi := rb.mentionAt(k); mi >= 0 {
			e := rb.entOf(mi)
			if e < 0 {
				return -1, 0, nil
			}
			switch rb.ents[e].typ {
			case graph.Country, graph.Organization:
				// a generic body's state: "Oman's Foreign Ministry spokesman"
				used = append(used, mi)
				return e, 0.9, used
			case graph.Person:
				if k+1 < ti && isPossessive(d.toks[k+1].text) {
					return e, 0.85, used
				}
				return -1, 0, nil
			}
			return -1, 0, nil
		}
		if lw := lower(w); lw == "the" || lw == "a" || lw == "an" {
			k--
			continue
		}
		if lower(w) == "country" && k+1 < ti && isPossessive(d.toks[k+1].text) {
			// "the country's": the state last named before this sentence part
			if e := rb.lastCountryBefore(d.toks[k].start); e >= 0 {
				return e, 0.6, nil
			}
		}
		break
	}
	// Bare title: nearest free state before it in the sentence.
	for k := ti - 1; k >= s.first && k >= ti-18; k-- {
		mi := rb.mentionAt(k)
		if mi < 0 || rb.used[mi] {
			continue
		}
		e := rb.entOf(mi)
		if e >= 0 && rb.ents[e].typ == graph.Country && !rb.isPlaceArg(k) {
			return e, 0.5, nil
		}
	}
	return -1, 0, nil
}

// isPlaceArg: a state after "in" is a venue, not who the role serves.
func (rb *relBuilder) isPlaceArg(k int) bool {
	d := rb.sc.d
	s := d.sents[d.toks[k].sent]
	mi := rb.mentionAt(k)
	if mi < 0 {
		return false
	}
	m := rb.sc.ments[mi]
	if m.ti > s.first {
		p := lower(d.toks[m.ti-1].text)
		return p == "in" || p == "to" || p == "from" || p == "at"
	}
	return false
}

func (rb *relBuilder) lastCountryBefore(pos int) int {
	best, bestPos := -1, -1
	for _, m := range rb.sc.ments {
		if m.ent >= 0 && m.start < pos && m.start > bestPos && rb.ents[m.ent].typ == graph.Country {
			best, bestPos = m.ent, m.start
		}
	}
	return best
}

// appositives: "PERSON, [the|a|an] ... TITLE [of|to ...] ," with the title
// in the first words of the apposition; the entity served is the first
// state, body or person named in it.
func (rb *relBuilder) appositives() {
	sc := rb.sc
	d := sc.d
	for pm, m := range sc.ments {
		if m.ent < 0 || rb.ents[m.ent].typ != graph.Person {
			continue
		}
		s := d.sents[m.sent]
		if s.titleCase || m.tj+1 >= s.lim || d.toks[m.tj].text != "," {
			continue
		}
		k := m.tj + 1
		end := k
		for end < s.lim {
			w := d.toks[end].text
			if w == "," || w == "." || w == ";" || w == ")" || w == "—" || w == "–" {
				break
			}
			end++
		}
		// the title must come within the first words, before any verb
		title := -1
		for j := k; j < end && j < k+6; j++ {
			if t, ok := sc.titleAt[j]; ok {
				title = t
				break
			}
			if strings.HasPrefix(d.toks[j].tag, "VB") || lower(d.toks[j].text) == "who" {
				break
			}
		}
		if title < 0 {
			continue
		}
		obj := -1
		var used []int
		for j := k; j < end; j++ {
			mi := rb.mentionAt(j)
			if mi < 0 || mi == pm {
				continue
			}
			e := rb.entOf(mi)
			if e < 0 {
				continue
			}
			if t := rb.ents[e].typ; t == graph.Country || t == graph.Organization || t == graph.Person {
				obj = e
				used = append(used, mi)
				break
			}
		}
		if obj < 0 {
			continue
		}
		for _, u := range used {
			rb.used[u] = true
		}
		rb.addRole(m.ent, obj, sc.titles[title].text, 0.8, m.sent)
		_ = pm
	}
}
