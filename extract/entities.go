package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/actorgraph/actorgraph/graph"
)

// mention is one naming of an entity: a token range and its byte span.
type mention struct {
	ti, tj     int // tokens [ti, tj)
	start, end int // bytes
	text       string
	typ        graph.EntityType
	canon      string // lexicon name, when the form is in the lexicon
	kind       formKind
	sent       int
	signal     float64 // how sure the typing is, 0..1
	alias      string  // the form with honorifics, when it had any
	generic    bool    // a generic body ("Foreign Ministry") qualified by country
	country    string  // for generic bodies: the qualifying country's canonical name
	acronymFor int     // index of the mention an "(ACR)" defines, or -1
	ent        int     // entity index after resolution, -1 before / when dropped
}

// span is a matched title or honorific: tokens [ti, tj).
type span struct {
	ti, tj int
	text   string
}

// scan holds what the mention finder saw in one document.
type scan struct {
	d         *doc
	lx        *lexicon
	ments     []mention
	titles    []span
	honors    []span
	titleAt   map[int]int // token index → index in titles, for the token starting it
	titleEnd  map[int]int // token index just past a title → title index
	mentionAt map[int]int // token index → mention covering it (whole tokens only)
	lexMemo   lexMemo
	scratch   []byte // see lowered
}

// findMentions walks every sentence once, trying at each token, in order:
// a lexicon form, a title, an honorific, then a run of capitalised words.
func findMentions(d *doc, lx *lexicon) *scan {
	sc := &scan{d: d, lx: lx, titleAt: map[int]int{}, titleEnd: map[int]int{}, mentionAt: map[int]int{}}
	for si, s := range d.sents {
		i := s.first
		for i < s.lim {
			i = sc.step(si, s, i)
		}
	}
	return sc
}

func (sc *scan) step(si int, s sentence, i int) int {
	t := sc.d.toks[i]
	if i == s.first && s.headline {
		if j := sc.byline(s); j > i {
			return j
		}
	}
	// Hyphen-joined words whose parts are states or bodies ("US-Israeli",
	// "IRGC-linked") yield a mention per known part.
	if strings.Contains(t.text, "-") && len(sc.lx.lookup(t.text)) == 0 {
		if sc.hyphenParts(si, i) {
			return i + 1
		}
	}
	// "West Darfur", "Upper Nile": a compass word before a place's name is
	// part of it; before a state it is dropped ("northern Israel")
	if k, _ := sc.lexMatch(s, i); k == i && compass[t.text] && i+1 < s.lim && !s.titleCase && isCapWord(sc.d.toks[i+1].text) {
		if j, es := sc.lexMatch(s, i+1); j > i+1 {
			if es[0].typ == graph.Location {
				m := mention{ti: i, tj: j, start: t.start, end: sc.d.toks[j-1].end, typ: graph.Location,
					sent: si, signal: 0.8, acronymFor: -1, ent: -1}
				m.text = sc.d.text[m.start:m.end]
				sc.push(m)
				return j
			}
			return i + 1
		}
		if j := sc.capRun(s, i+1); j > i+1 && !isHeadWord(sc.d.toks[j-1].text) {
			m := mention{ti: i, tj: j, start: t.start, end: sc.d.toks[j-1].end, typ: graph.Location,
				sent: si, signal: 0.6, acronymFor: -1, ent: -1}
			m.text = sc.d.text[m.start:m.end]
			sc.push(m)
			return j
		}
	}
	if j, es := sc.lexMatch(s, i); j > i {
		if es[0].typ == graph.Country && !s.titleCase && j < s.lim && isCapWord(sc.d.toks[j].text) && !sc.isTitleStart(s, j) {
			if rj := sc.capRun(s, j); rj > j {
				if done := sc.stateAndBody(si, s, i, j, rj, es); done > 0 {
					return done
				}
			}
		}
		if es[0].typ != graph.Country && !s.titleCase && j < s.lim && isCapWord(sc.d.toks[j].text) {
			// "The National Reconciliation Front" is not the outlet "The
			// National": a longer name ending in a head wins.
			if rj := sc.capRun(s, j); rj > j && eventHeads[sc.d.toks[rj-1].low] {
				// "Munich Security Conference" is an event, no entity; a
				// body stays named in "NATO Summit"
				if es[0].typ != graph.Location {
					sc.addLexicon(si, i, j, es)
				}
				return rj
			} else if rj > j && isHeadWord(sc.d.toks[rj-1].text) {
				if _, es2 := sc.lexMatch(s, j); es2 == nil {
					start := i
					if sc.d.toks[i].low == "the" {
						start = i + 1
					}
					sc.addRun(si, s, start, rj)
					return rj
				}
			}
		}
		sc.addLexicon(si, i, j, es)
		return j
	}
	if j := sc.titleMatch(s, i); j > i {
		sc.titleAt[i] = len(sc.titles)
		sc.titleEnd[j] = len(sc.titles)
		sc.titles = append(sc.titles, span{i, j, sc.spanText(i, j)})
		return j
	}
	if j := sc.honorMatch(s, i); j > i {
		sc.honors = append(sc.honors, span{i, j, sc.spanText(i, j)})
		return j
	}
	if !isCapWord(t.text) || s.titleCase {
		return i + 1
	}
	j := sc.capRun(s, i)
	if j == i {
		return i + 1
	}
	sc.addRun(si, s, i, j)
	return j
}

// byline reads a line "Outlet Name - City" (an outlet's credit line
// with a dateline place): the words before the dash are an outlet. It
// returns the token after the outlet, or s.first when the line is not one.
func (sc *scan) byline(s sentence) int {
	toks := sc.d.toks
	p := -1
	for k := s.first; k < s.lim && k < s.first+5; k++ {
		if isDash(toks[k].text) {
			p = k
			break
		}
		if !isCapWord(toks[k].text) || sc.lx.lookup(toks[k].text) != nil {
			return s.first
		}
	}
	if p <= s.first || p+1 >= s.lim || p+3 < s.lim {
		return s.first // "Name - Place" and nothing more
	}
	if es := sc.lx.lookup(sc.key(p+1, s.lim)); es == nil || (es[0].typ != graph.Location && es[0].kind != kindCapital) {
		return s.first
	}
	if _, es := sc.lexMatch(s, s.first); es != nil {
		return s.first
	}
	m := mention{ti: s.first, tj: p, start: toks[s.first].start, end: toks[p-1].end, typ: graph.Media,
		sent: toks[s.first].sent, signal: 0.6, acronymFor: -1, ent: -1}
	m.text = sc.d.text[m.start:m.end]
	sc.push(m)
	return p
}

// lowered is strings.ToLower(s) in a buffer of sc's, good until the next
// call: for the many lookups of lower-cased spans, which keep nothing.
func (sc *scan) lowered(s string) []byte {
	b := sc.scratch[:0]
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			b = append(b[:0], strings.ToLower(s)...)
			break
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b = append(b, c)
	}
	sc.scratch = b
	return b
}

// spanText is the article text of tokens [i, j).
func (sc *scan) spanText(i, j int) string {
	return sc.d.text[sc.d.toks[i].start:sc.d.toks[j-1].end]
}

// key is the lookup form of tokens [i, j): the text with runs of spaces
// folded, or "" when the span crosses a line break.
func (sc *scan) key(i, j int) string {
	s := sc.spanText(i, j)
	if strings.ContainsAny(s, "\n\r") {
		return ""
	}
	if strings.Contains(s, "  ") || strings.Contains(s, "\t") {
		s = strings.Join(strings.Fields(s), " ")
	}
	return s
}

// lexMatch finds the longest lexicon form starting at token i.
func (sc *scan) lexMatch(s sentence, i int) (int, []lexEntry) {
	// Every form found must begin with a capital or a digit (below), and
	// every key starts with token i: most tokens need no lookup at all.
	if r, _ := utf8.DecodeRuneInString(sc.d.toks[i].text); !unicode.IsUpper(r) && !unicode.IsDigit(r) {
		return i, nil
	}
	// step asks twice for the same token
	if sc.lexMemo.ok && sc.lexMemo.i == i && sc.lexMemo.lim == s.lim {
		return sc.lexMemo.j, sc.lexMemo.es
	}
	j, es := sc.lexMatchAt(s, i)
	sc.lexMemo = lexMemo{ok: true, i: i, lim: s.lim, j: j, es: es}
	return j, es
}

// lexMemo is the last answer of lexMatch.
type lexMemo struct {
	ok        bool
	i, lim, j int
	es        []lexEntry
}

func (sc *scan) lexMatchAt(s sentence, i int) (int, []lexEntry) {
	max := i + sc.lx.maxWords + 1
	if max > s.lim {
		max = s.lim
	}
	for j := max; j > i; j-- {
		k := sc.key(i, j)
		if k == "" {
			continue
		}
		if es := sc.lx.lookup(k); es != nil {
			// "May" the month, "US" inside a sentence are fine; a lone
			// lower-case word never names anything here.
			if r, _ := utf8.DecodeRuneInString(k); !unicode.IsUpper(r) && !unicode.IsDigit(r) {
				continue
			}
			return j, es
		}
	}
	return i, nil
}

// stateAndBody reads a state form followed by a body's name: a generic
// body is the state's ("Iranian Foreign Ministry" → Foreign Ministry of
// Iran), a proper name ending in a head is one name ("Saudi Gazette"). It
// returns the token after what it consumed, or 0 when neither applies.
func (sc *scan) stateAndBody(si int, s sentence, i, j, rj int, es []lexEntry) int {
	toks := sc.d.toks
	if eventHeads[toks[rj-1].low] {
		// "Paris Agreement": a capital inside an event's name is no
		// mention; a state's own name ("Iran Nuclear Deal") still is
		if es[0].kind == kindName {
			sc.addLexicon(si, i, j, es)
		}
		return rj
	}
	if k, res := sc.lexMatch(s, j); k > j && res[0].typ != graph.Country {
		return 0 // "U.S. State Department": two mentions, read separately
	}
	head := toks[rj-1].low
	if j == i+1 && toks[i].ner == "PERSON" && toks[j].ner == "PERSON" && rj-j <= 2 && !isHeadWord(toks[rj-1].text) && !locHeads[head] {
		// "Israel Katz", "Jordan Peterson": a state's name as a first name
		sc.addRun(si, s, i, rj)
		return rj
	}
	if locHeads[head] && !orgHeads[head] {
		// "the Jordan Valley": a place named after the state
		m := mention{ti: i, tj: rj, start: toks[i].start, end: toks[rj-1].end, typ: graph.Location,
			sent: si, signal: 0.7, acronymFor: -1, ent: -1}
		m.text = sc.d.text[m.start:m.end]
		sc.push(m)
		return rj
	}
	if !orgHeads[head] && !mediaHeads[head] {
		return 0
	}
	if allGeneric(toks[j:rj]) {
		sc.addLexicon(si, i, j, es)
		if !sc.rankAt(s, rj) {
			m := mention{ti: j, tj: rj, start: toks[j].start, end: toks[rj-1].end, typ: graph.Organization,
				sent: si, signal: 0.8, generic: true, country: es[0].canon, acronymFor: -1, ent: -1}
			m.text = sc.d.text[m.start:m.end]
			sc.push(m)
		}
		return rj
	}
	sc.addRun(si, s, i, rj)
	return rj
}

func isHeadWord(w string) bool {
	w = lower(w)
	return orgHeads[w] || mediaHeads[w]
}

// titleMatch finds the longest title (with qualifying modifiers) at token i.
func (sc *scan) titleMatch(s sentence, i int) int {
	// "Information Minister", "Culture Secretary": a capitalised portfolio
	// before Minister/Secretary, when the lexicon has no such title
	for n := 1; n <= 2 && i+n < s.lim; n++ {
		if w := sc.d.toks[i+n].low; w == "minister" || w == "secretary" {
			ok := true
			for k := i; k < i+n; k++ {
				t := sc.d.toks[k].text
				if !isCapWord(t) || stopCaps[t] || sc.lx.lookup(t) != nil || isHonorTok(sc, k) {
					ok = false
				}
			}
			if ok && isCapWord(sc.d.toks[i+n].text) {
				if j := sc.titleMatchLexicon(s, i); j > i+n+1 {
					return j
				}
				return i + n + 1
			}
			break
		}
	}
	if j := sc.titleMatchLexicon(s, i); j > i {
		return j
	}
	// "Minister of Foreign Affairs", "Secretary of Homeland Security": a
	// portfolio after "of"
	if w := sc.d.toks[i].low; (w == "minister" || w == "secretary") && isCapWord(sc.d.toks[i].text) && i+2 < s.lim && sc.d.toks[i+1].low == "of" {
		k := i + 2
		if sc.d.toks[k].low == "the" {
			k++
		}
		start := k
		for k < s.lim && isCapWord(sc.d.toks[k].text) && (genericWords[sc.d.toks[k].low] || portfolioWords[sc.d.toks[k].low]) {
			k++
			if k+1 < s.lim && sc.d.toks[k].low == "and" && isCapWord(sc.d.toks[k+1].text) {
				k++
			}
		}
		if k > start {
			return k
		}
	}
	return i
}

// portfolioWords name a ministry's remit beyond the generic words.
var portfolioWords = set("homeland", "agriculture", "education", "environment", "labour", "labor",
	"transport", "industry", "commerce", "tourism", "communications", "planning", "development",
	"international", "cooperation", "expatriates", "immigration", "emergency", "situations",
	"veterans", "housing", "water", "resources", "mines", "petroleum", "gas", "defense",
	"defence", "war", "peace", "religious", "endowments", "youth", "sports", "women", "family")

func (sc *scan) titleMatchLexicon(s sentence, i int) int {
	best := i
	// modifiers first: "deputy", "top", "foreign policy"
	k := i
	for k < s.lim {
		w := sc.d.toks[k].low
		if sc.lx.modifiers[w] {
			k++
			continue
		}
		if k+1 < s.lim && sc.lx.modifiers[w+" "+sc.d.toks[k+1].low] {
			k += 2
			continue
		}
		break
	}
	for start := i; start <= k; start++ {
		max := start + sc.lx.titleWords
		if max > s.lim {
			max = s.lim
		}
		for j := max; j > start; j-- {
			key := sc.key(start, j)
			if key == "" {
				continue
			}
			if sc.lx.titles[string(sc.lowered(straighten(key)))] {
				if j > best {
					best = j
				}
				break
			}
		}
		if best > i {
			break
		}
	}
	if best == i {
		return i
	}
	// Words of a title are capitalised, or all lower-case; a lower-case
	// title word never starts a sentence-initial proper run by itself.
	return best
}

func (sc *scan) isTitleStart(s sentence, i int) bool {
	max := i + sc.lx.titleWords
	if max > s.lim {
		max = s.lim
	}
	for j := max; j > i; j-- {
		if k := sc.key(i, j); k != "" && sc.lx.titles[string(sc.lowered(straighten(k)))] {
			return true
		}
	}
	return false
}

// militaryRanks: a generic service before a rank ("US Air Force General
// X") only qualifies the rank; before other titles ("Foreign Ministry
// spokesman") the body is named.
var militaryRanks = set("general", "admiral", "colonel", "major", "captain", "lieutenant",
	"marshal", "sergeant", "commander", "brigadier", "vice", "rear", "field")

func (sc *scan) rankAt(s sentence, j int) bool {
	return j < s.lim && sc.isTitleStart(s, j) && militaryRanks[sc.d.toks[j].low]
}

func (sc *scan) honorMatch(s sentence, i int) int {
	max := i + sc.lx.honorWords
	if max > s.lim {
		max = s.lim
	}
	for j := max; j > i; j-- {
		if k := sc.key(i, j); k != "" && isCapWord(k) && sc.lx.honorifics[string(sc.lowered(k))] {
			// An honorific only counts before a capitalised word.
			if j < s.lim && isCapWord(sc.d.toks[j].text) {
				return j
			}
		}
	}
	return i
}

// isCapWord reports whether a token starts with an upper-case letter.
func isCapWord(s string) bool {
	for _, p := range []string{"al-", "el-", "ad-", "as-", "ash-", "at-", "az-"} {
		if len(s) > len(p) && strings.HasPrefix(s, p) {
			s = s[len(p):]
			break
		}
	}
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// capRun extends a run of capitalised words from token i. It stops at line
// breaks, possessives, dashes, titles, honorifics and known states, and
// crosses only name particles ("bin", "al") and, inside organisation
// names, "of (the)" ("Department of State").
func (sc *scan) capRun(s sentence, i int) int {
	toks := sc.d.toks
	// Leading words that never start a name, unless a body's name
	// follows them ("the Southern Courier", "Northern Alliance").
	if stopCaps[toks[i].text] {
		if i+1 >= s.lim || !isCapWord(toks[i+1].text) || stopCaps[toks[i+1].text] {
			return i
		}
		if k := sc.capRun(s, i+1); k <= i+1 || !isHeadWord(toks[k-1].text) {
			return i
		}
	}
	if i == s.first || (i > s.first && isOpenQuote(toks[i-1].text)) {
		// Sentence-initial: only proper nouns.
		if !strings.HasPrefix(toks[i].tag, "NNP") && len(sc.lx.lookup(toks[i].text)) == 0 {
			return i
		}
	}
	j := i
	for j < s.lim {
		t := toks[j]
		if j > i && strings.Contains(sc.d.text[toks[j-1].end:t.start], "\n") {
			break
		}
		if j > i && (sc.isTitleStart(s, j) || stopCaps[t.text] || sc.honorMatch(s, j) > j) {
			break
		}
		if j > i {
			if k, es := sc.lexMatch(s, j); k > j && !isHeadWord(t.text) {
				// "Supreme National Security Council": a known body's
				// name ending in a head is the tail of a longer name
				if es[0].typ == graph.Organization && isHeadWord(toks[k-1].text) {
					j = k
					break
				}
				// A known state ends the run unless prose reads it as
				// part of one organisation's name.
				if !(t.ner == "ORGANIZATION" && toks[i].ner == "ORGANIZATION" && es[0].typ == graph.Country) {
					break
				}
			}
		}
		if isCapWord(t.text) && !isPossessive(t.text) {
			// a body's name ends at its head: "Main Directorate Igor X"
			if j > i && orgHeads[toks[j-1].low] && !isHeadWord(t.text) && sc.nameAfterHead(s, j) {
				break
			}
			j++
			continue
		}
		// particles and "of (the)" inside names
		w := t.text
		if j > i && j+1 < s.lim && nameParticles[lower(w)] && isCapWord(toks[j+1].text) {
			j++
			continue
		}
		if j > i && (w == "of" || w == "for") && orgHeads[toks[j-1].low] {
			k := j + 1
			if k < s.lim && toks[k].low == "the" {
				k++
			}
			if k < s.lim && isCapWord(toks[k].text) {
				if _, es := sc.lexMatch(s, k); es == nil || es[0].typ != graph.Country {
					j = k
					continue
				}
			}
		}
		break
	}
	// Trailing words that are not part of a name.
	for j > i && (stopCaps[toks[j-1].text] || toks[j-1].low == "of" || toks[j-1].low == "the") {
		j--
	}
	return j
}

// nameAfterHead: two or more capitalised words, none a head, follow an
// organisation's head word: a name after a body ("Main Directorate Igor
// X"), not the rest of the body's name.
func (sc *scan) nameAfterHead(s sentence, j int) bool {
	n := 0
	for k := j; k < s.lim && isCapWord(sc.d.toks[k].text); k++ {
		if isHeadWord(sc.d.toks[k].text) {
			return false
		}
		if _, es := sc.lexMatch(s, k); es != nil {
			break
		}
		n++
	}
	return n >= 2
}

// placePrefixes open place names ("Kafr Qasim", "Bab al-Hawa", "Mount
// Hermon", "Port Sudan").
var placePrefixes = set("Kafr", "Kfar", "Bab", "Jabal", "Jebel", "Beit", "Deir", "Khan", "Ras",
	"Wadi", "Bir", "Tel", "Tell", "Ein", "Mount", "Lake", "Cape", "Port", "Fort", "Sharm",
	"Tal", "Umm", "Qasr", "Hai", "Hay", "Kibbutz", "Moshav", "Camp", "Mountains")

// compass words open region names.
var compass = set("North", "South", "East", "West", "Upper", "Lower", "Central", "Northern",
	"Southern", "Eastern", "Western", "Greater", "Inner", "Outer", "Northeast", "Northwest",
	"Southeast", "Southwest")

var functionWords = set("without", "with", "for", "and", "of", "the", "against", "in", "on", "from", "to")

func hasFunctionWord(ts []token) bool {
	for _, t := range ts[1:] {
		if functionWords[t.low] && isCapWord(t.text) {
			return true
		}
	}
	return false
}

func isOpenQuote(s string) bool {
	return s == "\"" || s == "“" || s == "'" || s == "‘" || s == "(" || s == "``"
}

// addLexicon records a lexicon form.
func (sc *scan) addLexicon(si, i, j int, es []lexEntry) {
	e := es[0]
	m := mention{ti: i, tj: j, start: sc.d.toks[i].start, end: sc.d.toks[j-1].end, typ: e.typ,
		canon: e.canon, kind: e.kind, sent: si, signal: 1, acronymFor: -1, ent: -1}
	m.text = sc.d.text[m.start:m.end]
	sc.push(m)
}

func (sc *scan) push(m mention) {
	for k := m.ti; k < m.tj; k++ {
		sc.mentionAt[k] = len(sc.ments)
	}
	sc.ments = append(sc.ments, m)
}

// hyphenParts records the known parts of a hyphen-joined token.
func (sc *scan) hyphenParts(si, i int) bool {
	t := sc.d.toks[i]
	found := false
	off := 0
	for _, p := range strings.Split(t.text, "-") {
		start := t.start + off
		off += len(p) + 1
		if p == "" {
			continue
		}
		es := sc.lx.lookup(p)
		if es == nil || !isCapWord(p) {
			continue
		}
		e := es[0]
		m := mention{ti: i, tj: i + 1, start: start, end: start + len(p), text: p, typ: e.typ,
			canon: e.canon, kind: e.kind, sent: si, signal: 1, acronymFor: -1, ent: -1}
		sc.ments = append(sc.ments, m)
		sc.mentionAt[i] = len(sc.ments) - 1
		found = true
	}
	return found
}

// addRun types a run of capitalised words [i, j) from its head word, its
// context and prose's label, and records it.
func (sc *scan) addRun(si int, s sentence, i, j int) {
	toks := sc.d.toks
	text := sc.spanText(i, j)
	m := mention{ti: i, tj: j, start: toks[i].start, end: toks[j-1].end, text: text, sent: si,
		acronymFor: -1, ent: -1}
	head := toks[j-1].low
	n := j - i
	prev, next := "", ""
	if i > s.first {
		prev = toks[i-1].low
	}
	if j < s.lim {
		next = toks[j].low
	}
	afterTitle := sc.titleEnd[i] > 0 || (len(sc.titles) > 0 && sc.titles[0].tj == i)
	if _, ok := sc.titleEnd[i]; ok {
		afterTitle = true
	}
	if len(sc.honors) > 0 && sc.honors[len(sc.honors)-1].tj == i {
		afterTitle = true
		// "Seyed Abbas Araghchi": the form with its nearest honorific is
		// an alias of the name
		h := sc.honors[len(sc.honors)-1]
		m.alias = sc.d.text[toks[h.ti].start:toks[j-1].end]
	}
	// A generic body after a state's possessive: "Oman's Foreign Ministry".
	if orgHeads[head] && allGeneric(toks[i:j]) {
		if i-2 >= s.first && isPossessive(toks[i-1].text) {
			if qi, ok := sc.mentionAt[i-2]; ok && sc.ments[qi].typ == graph.Country && sc.ments[qi].canon != "" {
				if sc.rankAt(s, j) {
					return
				}
				m.typ, m.generic, m.country, m.signal = graph.Organization, true, sc.ments[qi].canon, 0.8
				sc.push(m)
				return
			}
		}
		if sc.rankAt(s, j) {
			return
		}
	}
	// "(JCPOA)" after words that are not a name: an abbreviation of a
	// treaty or a programme, not an entity.
	if n == 1 && prev == "(" && next == ")" {
		if _, ok := sc.mentionAt[i-2]; !ok {
			return
		}
	}
	if eventHeads[head] && n > 1 {
		return // "Marshall Plan", "Cold War"
	}
	switch {
	case mediaHeads[head] && n > 1:
		m.typ, m.signal = graph.Media, 0.8
	case isAcronym(text) && n == 1:
		m.typ, m.signal = graph.Organization, 0.6
		if mediaCues[prev] || mediaCues[next] {
			m.typ = graph.Media
		}
	case mediaCues[next] || (mediaCues[prev] && !afterTitle) || sc.mediaContext(s, i, j):
		m.typ, m.signal = graph.Media, 0.7
	case orgHeads[head] && n > 1:
		m.typ, m.signal = graph.Organization, 0.8
		// "Foreign Ministry" names nothing without its state; a longer
		// name of generic words ("Supreme National Security Council")
		// is a proper name
		if allGeneric(toks[i:j]) && n <= 2 {
			m.generic = true
		}
	case locHeads[head] && n > 1:
		m.typ, m.signal = graph.Location, 0.7
	case afterTitle:
		m.typ, m.signal = graph.Person, 0.9
	case n > 1 && (prev == "in" || prev == "at" || prev == "near") && !isPossessive(next):
		m.typ, m.signal = graph.Location, 0.5
	case orgNouns[next] && !isCapWord(next) && !afterTitle:
		// "the Likud party", "the Tren de Aragua gang"
		m.typ, m.signal = graph.Organization, 0.6
	case n >= 2 && placePrefixes[toks[i].text]:
		m.typ, m.signal = graph.Location, 0.6 // "Kafr Qasim", "Mount Hermon"
	case n >= 2 && hasFunctionWord(toks[i:j]):
		// "Doctors Without Borders": names of people hold no such words
		m.typ, m.signal = graph.Organization, 0.5
	case toks[i].ner == "PERSON" && n > 1:
		m.typ, m.signal = graph.Person, 0.8
	case toks[i].ner == "ORGANIZATION" && toks[j-1].ner == "ORGANIZATION" && n > 2:
		m.typ, m.signal = graph.Organization, 0.6
	case n >= 2 && n <= 6:
		m.typ, m.signal = graph.Person, 0.6
	case n == 1 && (placePreps[prev] && prev != "to" && prev != "from" || prev == "of" && i-2 >= s.first && toks[i-2].low == "out"):
		m.typ, m.signal = graph.Location, 0.5
	case n == 1 && (prev == "," || prev == "and") && (next == "," || next == "and" || next == "." || next == "") && sc.listOfPlaces(s, i):
		m.typ, m.signal = graph.Location, 0.5

	case n == 1 && (toks[i].ner == "PERSON" || speechVerbs[next] || (prev == "by" && i-2 >= s.first && strings.HasPrefix(toks[i-2].tag, "VBN"))):
		m.typ, m.signal = graph.Person, 0.4
	case n == 1:
		// Unknown single word: kept only if it turns out to be the short
		// form of a full name (see resolve).
		m.typ, m.signal = graph.Person, 0.1
	default:
		return
	}
	sc.push(m)
}

// listOfPlaces: "in Fordow, Natanz, and Isfahan" — a word in a list whose
// earlier member is a place.
func (sc *scan) listOfPlaces(s sentence, i int) bool {
	toks := sc.d.toks
	for k := i - 1; k >= s.first && k >= i-3; k-- {
		w := toks[k].low
		if w == "," || w == "and" {
			continue
		}
		if mi, ok := sc.mentionAt[k]; ok {
			return sc.ments[mi].typ == graph.Location
		}
		return false
	}
	return false
}

// mediaContext: "According to X, a ... news aggregator", "outlet X".
func (sc *scan) mediaContext(s sentence, i, j int) bool {
	toks := sc.d.toks
	// ", a/an/the ... <media cue>" within the next few tokens
	if j+1 < s.lim && toks[j].text == "," {
		for k := j + 1; k < s.lim && k < j+8; k++ {
			w := toks[k].low
			if w == "," || w == "." {
				break
			}
			if mediaCues[w] && w != "group" && w != "media" {
				return true
			}
		}
	}
	// "like X" / "such as X" after a media cue ("channels like X")
	for k := i - 1; k >= s.first && k >= i-3; k-- {
		w := toks[k].low
		if w == "like" || w == "as" {
			if k-1 >= s.first && mediaCues[toks[k-1].low] {
				return true
			}
		}
	}
	return false
}

var genericWords = set("foreign", "defence", "defense", "interior", "finance", "justice",
	"ministry", "office", "air", "force", "forces", "armed", "army", "navy", "parliament",
	"government", "embassy", "mission", "presidency", "cabinet", "central", "bank",
	"intelligence", "security", "police", "military", "coast", "guard", "health", "trade",
	"economy", "energy", "oil", "affairs", "information", "culture", "of", "the", "national",
	"ministry of foreign affairs", "space", "agency", "navy", "border", "guards", "special",
	"administration", "prosecutor", "judiciary", "supreme", "court", "council", "state")

func allGeneric(ts []token) bool {
	for _, t := range ts {
		if !genericWords[t.low] {
			return false
		}
	}
	return true
}

func isAcronym(s string) bool {
	n := 0
	for _, r := range s {
		if !(unicode.IsUpper(r) || unicode.IsDigit(r) || r == '.' || r == '&') {
			return false
		}
		if unicode.IsUpper(r) {
			n++
		}
	}
	return n >= 2 && n <= 7 && !romanNumerals[s]
}

var romanNumerals = set("II", "III", "IV", "VI", "VII", "VIII", "IX", "XI", "XII", "XX", "XXI")
