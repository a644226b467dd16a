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
	trig      int // token of the trigger that yielded it, -1 for none
}

// relBuilder reads relations from one scanned, resolved document.
type relBuilder struct {
	sc     *scan
	ents   []*entity
	pub    date
	out    []rel
	used   map[int]bool // mentions that only qualify a title
	roleOf map[int]int  // person entity → entity it serves (first seen)
	// lastRole maps a person mention to the entity its title serves.
	lastRole map[int]int
	// per sentence: trigger starts, and the agents of the last nominal
	// trigger ("attacks by X ... and the killing of Y")
	trigPos      []int
	lastNounSubj []int
	lastVerbSubj []int
	pending      *pendingTalks
}

func (rb *relBuilder) add(r rel) {
	if r.subj < 0 || r.obj < 0 || r.subj == r.obj {
		return
	}
	if !r.typ.Structural() && (rb.serves(r.subj, r.obj) || rb.serves(r.obj, r.subj)) {
		return // a person and the state or body they serve are one side
	}
	if r.pol == "" {
		r.pol = graph.Asserted
	}
	if r.typ.Structural() {
		r.trig = -1
	}
	// an end found through a pronoun, a speaker or an earlier sentence is
	// less sure than one named in the evidence itself
	if !rb.namedIn(r.subj, r.sent) || !rb.namedIn(r.obj, r.sent) {
		r.conf *= 0.8
	}
	rb.out = append(rb.out, r)
}

// serves: person p holds a role in o, per the roles read so far.
func (rb *relBuilder) serves(p, o int) bool {
	if rb.ents[o].typ == graph.Person {
		return false // an aide and their principal still deal with each other
	}
	for _, r := range rb.out {
		if r.typ == graph.HoldsRole && r.subj == p && r.obj == o {
			return true
		}
	}
	return false
}

// namedIn: the entity has a mention in sentence si.
func (rb *relBuilder) namedIn(e, si int) bool {
	for _, mi := range rb.ents[e].mentions {
		if rb.sc.ments[mi].sent == si {
			return true
		}
	}
	return false
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
	rb.lastRole = map[int]int{}
	for ti, title := range sc.titles {
		s := d.sents[d.toks[title.ti].sent]
		if s.titleCase {
			continue
		}
		// the person after the title: honorifics skipped; after a comma,
		// "NATO's top general, US Air Force General X" also allowed
		k := title.tj
		comma := false
		forObj := -1
		// a unit of a body owned by the title: "Chief of the General
		// Staff's Main Directorate X" — the unit is part of the title
		if k+2 < s.lim && isPossessive(d.toks[k].text) {
			if ui := rb.mentionAt(k + 1); ui >= 0 && rb.typeOf(ui) == graph.Organization && sc.ments[ui].ti == k+1 {
				if pi := rb.mentionAt(sc.ments[ui].tj); pi >= 0 && rb.typeOf(pi) == graph.Person {
					rb.dropMention(ui)
					title.tj = sc.ments[ui].tj
					title.text = d.text[d.toks[title.ti].start:d.toks[title.tj-1].end]
					k = title.tj
				}
			}
		}
		for k < s.lim && isHonorTok(sc, k) {
			k++
		}
		// "Russia's ambassador to the UN, X": the title's complement first
		if k+1 < s.lim && (d.toks[k].low == "to" || d.toks[k].low == "of" || d.toks[k].low == "for") {
			n := k + 1
			for n < s.lim && (d.toks[n].low == "the" || rb.inTitleOrHonor(n)) {
				n++ // "an adviser to Supreme Leader X, Y"
			}
			if mi := rb.mentionAt(n); mi >= 0 && sc.ments[mi].ti == n && sc.ments[mi].tj < s.lim && d.toks[sc.ments[mi].tj].text == "," {
				k = sc.ments[mi].tj
				// "spokesman for the Kremlin, X", "an adviser to Y, X"
				forObj = rb.entOf(mi)
			}
		}
		// "US Ambassador to the UN Linda Reyes": the complement sits
		// between the title and the name
		if k+1 < s.lim && d.toks[k].low == "to" {
			n := k + 1
			if d.toks[n].low == "the" {
				n++
			}
			if mi := rb.mentionAt(n); mi >= 0 && sc.ments[mi].ti == n && rb.typeOf(mi) != graph.Person {
				if pi := rb.mentionAt(sc.ments[mi].tj); pi >= 0 && rb.typeOf(pi) == graph.Person && sc.ments[pi].ti == sc.ments[mi].tj {
					k = sc.ments[mi].tj
				}
			}
		}
		if k+1 < s.lim && d.toks[k].text == "," && (rb.reverseAppositive(title) || forObj >= 0) {
			comma = true
			k++
			if mi := rb.mentionAt(k); mi >= 0 && rb.typeOf(mi) != graph.Person {
				k = sc.ments[mi].tj
			}
			if t2, ok := sc.titleAt[k]; ok {
				k = sc.titles[t2].tj
			}
			for k < s.lim && isHonorTok(sc, k) {
				k++
			}
		}
		pm := rb.mentionAt(k)
		if pm < 0 || rb.typeOf(pm) != graph.Person || sc.ments[pm].ti != k {
			continue
		}
		// a chain of titles ("Minister of State, Cabinet Member and
		// National Security Advisor X") is one role, qualified at its start
		first := ti
		for first > 0 {
			prev := sc.titles[first-1]
			gap := d.text[d.toks[prev.tj-1].end:d.toks[sc.titles[first].ti].start]
			if g := strings.TrimSpace(gap); g == "" || g == "," || g == "and" || g == ", and" {
				if prev.tj <= sc.titles[first].ti && d.toks[prev.tj-1].sent == d.toks[title.ti].sent {
					first--
					continue
				}
			}
			break
		}
		chain := span{sc.titles[first].ti, title.tj, d.text[d.toks[sc.titles[first].ti].start:d.toks[title.tj-1].end]}
		if comma {
			chain = title
		}
		person := rb.entOf(pm)
		if pe := sc.ments[pm].tj; pe < s.lim && isPossessive(d.toks[pe].text) && !comma {
			// "President Trump's son-in-law": the holder is a possessor
			// here; only an explicit qualifier ties the title.
			if obj, conf, qual := rb.qualifier(chain.ti, s); obj >= 0 && conf >= 0.85 {
				rb.markUsed(qual)
				rb.addRole(person, obj, rb.roleText(chain), conf, d.toks[title.ti].sent)
			}
			continue
		}
		obj, conf, qual := rb.qualifier(chain.ti, s)
		if forObj >= 0 && conf < 0.85 {
			obj, conf, qual = forObj, 0.8, nil
		}
		if conf < 0.85 {
			// "President Emmanuel Morel of France"
			if o, mi := rb.postOf(pm, s); o >= 0 {
				obj, conf, qual = o, 0.85, []int{mi}
			}
		}
		if conf < 0.85 {
			// "U.S. Advisor X and Middle East envoy Y": a coordinated
			// title shares the qualifier of the one before it.
			if o, ok := rb.sharedQualifier(chain, s); ok {
				obj, conf, qual = o, 0.7, nil
			}
		}
		if obj < 0 {
			obj, conf = rb.anaphoricState(s)
		}
		if obj < 0 {
			continue
		}
		rb.markUsed(qual)
		rb.lastRole[pm] = obj
		rb.addRole(person, obj, rb.roleText(chain), conf, d.toks[title.ti].sent)
	}
	rb.appositives()
}

// postOf reads "PERSON of STATE" right after a titled person ("Prime
// Minister Ana Lupu of Moldova") and returns the state or body and its
// mention.
func (rb *relBuilder) postOf(pm int, s sentence) (int, int) {
	sc := rb.sc
	d := sc.d
	k := sc.ments[pm].tj
	if k+1 >= s.lim || d.toks[k].low != "of" {
		return -1, -1
	}
	k++
	if d.toks[k].low == "the" {
		k++
	}
	mi := rb.mentionAt(k)
	if mi < 0 || sc.ments[mi].ti != k {
		return -1, -1
	}
	e := rb.entOf(mi)
	if e < 0 || (rb.ents[e].typ != graph.Country && rb.ents[e].typ != graph.Organization) {
		return -1, -1
	}
	// the state closes the phrase: "of France said", "of France, ..."
	if n := sc.ments[mi].tj; n < s.lim && isPossessive(d.toks[n].text) {
		return -1, -1
	}
	return e, mi
}

// anaphoricState: "It also includes Deputy Minister X" after "The Russian
// delegation is led by ...": a sentence opening with "It"/"They" or "The
// delegation" continues the previous sentence's state.
func (rb *relBuilder) anaphoricState(s sentence) (int, float64) {
	sc := rb.sc
	d := sc.d
	if s.lim-s.first < 2 {
		return -1, 0
	}
	w0, w1 := d.toks[s.first].low, d.toks[s.first+1].low
	if !(w0 == "it" || w0 == "they" || (w0 == "the" && stateCues[w1])) {
		return -1, 0
	}
	si := d.toks[s.first].sent
	if si == 0 {
		return -1, 0
	}
	p := d.sents[si-1]
	for k := p.first; k < p.lim; k++ {
		mi := rb.mentionAt(k)
		if mi < 0 || sc.ments[mi].tj != k+1 || sc.ments[mi].tj >= p.lim {
			continue
		}
		e := rb.entOf(mi)
		if e >= 0 && rb.ents[e].typ == graph.Country && stateCues[d.toks[sc.ments[mi].tj].low] {
			return e, 0.5
		}
	}
	return -1, 0
}

// dropMention removes a mention from its entity: it was read as part of a
// title.
func (rb *relBuilder) dropMention(mi int) {
	m := &rb.sc.ments[mi]
	if m.ent < 0 {
		return
	}
	e := rb.ents[m.ent]
	for k, x := range e.mentions {
		if x == mi {
			e.mentions = append(e.mentions[:k], e.mentions[k+1:]...)
			break
		}
	}
	m.ent = -1
	for k := m.ti; k < m.tj; k++ {
		if rb.sc.mentionAt[k] == mi {
			delete(rb.sc.mentionAt, k)
		}
	}
}

func (rb *relBuilder) inTitleOrHonor(k int) bool {
	return rb.inTitle(k) || isHonorTok(rb.sc, k)
}

func (rb *relBuilder) markUsed(ms []int) {
	for _, q := range ms {
		rb.used[q] = true
	}
}

// roleText is the title with a place that qualifies it ("Middle East
// envoy").
func (rb *relBuilder) roleText(t span) string {
	d := rb.sc.d
	if t.ti > 0 {
		if mi := rb.mentionAt(t.ti - 1); mi >= 0 && rb.typeOf(mi) == graph.Location {
			m := rb.sc.ments[mi]
			return d.text[m.start:d.toks[t.tj-1].end]
		}
	}
	return t.text
}

// sharedQualifier: the title follows "PERSON and" or "PERSON," (a place
// modifier between allowed) where that person got a role in this sentence.
func (rb *relBuilder) sharedQualifier(t span, s sentence) (int, bool) {
	d := rb.sc.d
	k := t.ti - 1
	if k >= s.first {
		if mi := rb.mentionAt(k); mi >= 0 && rb.typeOf(mi) == graph.Location {
			k = rb.sc.ments[mi].ti - 1
		}
	}
	if k < s.first+1 {
		return -1, false
	}
	if w := d.toks[k].low; w != "and" && w != "," {
		return -1, false
	}
	k--
	if k >= s.first && d.toks[k].text == "," {
		k--
	}
	pm := rb.mentionAt(k)
	if pm < 0 {
		return -1, false
	}
	o, ok := rb.lastRole[pm]
	return o, ok
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
	if t.ti == 0 {
		return false
	}
	if isPossessive(d.toks[t.ti-1].text) {
		return true
	}
	// "The African Union Commission chairperson, X,"
	if mi := rb.mentionAt(t.ti - 1); mi >= 0 {
		typ := rb.typeOf(mi)
		return typ == graph.Organization || typ == graph.Country
	}
	return false
}

func (rb *relBuilder) addRole(person, obj int, role string, conf float64, sent int) {
	if person < 0 || obj < 0 || person == obj {
		return
	}
	if rb.ents[obj].typ == graph.Location {
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
	return rb.bareTitle(ti, s)
}

// stateCues after a state say it is the side a bare title serves: "an
// Iranian delegation led by Foreign Minister X", "top U.S. officials,
// including Secretary of State Y".
var stateCues = set("delegation", "team", "officials", "side", "government", "administration",
	"negotiators", "diplomats", "delegations", "'s", "’s")

// blockingPreps before a title make its holder an oblique mention ("out of
// respect for President X"), where the sentence's states say nothing of
// whom the title serves.
var blockingPreps = set("for", "to", "of", "between", "with", "about", "on", "against", "under", "than")

// bareTitle ties a title that has no qualifier of its own to a state of
// its clause: first one followed by a cue word ("the US delegation was led
// by special envoy X"), else the clause's first free state; none when the
// title sits in a prepositional phrase or the holder is a possessor.
func (rb *relBuilder) bareTitle(ti int, s sentence) (int, float64, []int) {
	sc := rb.sc
	d := sc.d
	if ti > s.first && blockingPreps[d.toks[ti-1].low] {
		if !(ti-2 >= s.first && d.toks[ti-1].low == "with" && d.toks[ti-2].low == "along") {
			return -1, 0, nil
		}
	}
	// the object of an interaction verb serves someone else: "Mali
	// expelled ambassador X" says nothing of whose ambassador X is
	p := ti - 1
	for p >= s.first && determiners[d.toks[p].low] {
		p--
	}
	if p >= s.first && strings.HasPrefix(d.toks[p].tag, "VB") {
		for q := p; q >= s.first && q >= p-2; q-- {
			if _, end, ok := sc.lx.triggers.match(d, s, q); ok && end == p+1 {
				return -1, 0, nil
			}
		}
	}
	// the clause: back to a boundary
	start := s.first
	for k := ti - 1; k >= s.first; k-- {
		w := d.toks[k].low
		if w == ";" || w == "while" || w == "but" || w == "whereas" {
			start = k + 1
			break
		}
	}
	first := -1
	for k := ti - 1; k >= start; k-- {
		mi := rb.mentionAt(k)
		if mi < 0 || rb.used[mi] || sc.ments[mi].tj != k+1 {
			continue
		}
		e := rb.entOf(mi)
		if e < 0 || rb.ents[e].typ != graph.Country || rb.isPlaceArg(k) {
			continue
		}
		if n := sc.ments[mi].tj; n < s.lim && stateCues[d.toks[n].low] {
			return e, 0.6, nil
		}
		if rb.oblique(s, sc.ments[mi]) {
			continue // "a summit on Ukraine" says nothing of who serves it
		}
		first = e
	}
	if first >= 0 {
		return first, 0.5, nil
	}
	return -1, 0, nil
}

// afterPrep: a preposition ("to", "of") stands between token from and k.
func (rb *relBuilder) afterPrep(k, from int) bool {
	d := rb.sc.d
	for j := k - 1; j >= from; j-- {
		w := d.toks[j].low
		if w == "to" || w == "of" || w == "for" {
			return true
		}
	}
	return false
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
		p := d.toks[m.ti-1].low
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

// headVerbs give the role of "who heads/leads/chairs ... X".
var headVerbs = map[string]string{"heads": "head", "headed": "head", "leads": "leader",
	"led": "leader", "chairs": "chair", "chaired": "chair", "runs": "head", "directs": "director",
	"commands": "commander", "commanded": "commander"}

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
		// "X, who heads the Council,": a role given by a verb
		if k+2 < end && d.toks[k].low == "who" {
			if role, ok := headVerbs[d.toks[k+1].low]; ok {
				for j := k + 2; j < end && j < k+6; j++ {
					if e := rb.entOf(rb.mentionAt(j)); e >= 0 && (rb.ents[e].typ == graph.Organization || rb.ents[e].typ == graph.Country) {
						rb.addRole(m.ent, e, role, 0.7, m.sent)
						break
					}
				}
			}
			continue
		}
		// the title must come within the first words, before any verb
		title := -1
		for j := k; j < end && j < k+6; j++ {
			if t, ok := sc.titleAt[j]; ok {
				title = t
				break
			}
			if strings.HasPrefix(d.toks[j].tag, "VB") || d.toks[j].low == "who" {
				break
			}
		}
		if title < 0 || d.toks[k].low == "and" {
			continue
		}
		// "the US President's Special Envoy": the last title of a
		// possessive chain is the person's own
		for {
			t := sc.titles[title]
			if t.tj+1 < end && isPossessive(d.toks[t.tj].text) {
				if next, ok := sc.titleAt[t.tj+1]; ok {
					title = next
					continue
				}
			}
			break
		}
		// a list of titled names ("X, Army Secretary Y, and ..."), not an
		// apposition, when the phrase names a person after its title
		list := false
		for j := sc.titles[title].tj; j < end; j++ {
			if mi := rb.mentionAt(j); mi >= 0 && rb.typeOf(mi) == graph.Person {
				if !rb.afterPrep(j, sc.titles[title].tj) {
					list = true
				}
				break
			}
		}
		if list {
			continue
		}
		obj := -1
		var used []int
		for j := k; j < end; j++ {
			mi := rb.mentionAt(j)
			if mi < 0 || mi == pm || rb.used[mi] {
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
	}
}
