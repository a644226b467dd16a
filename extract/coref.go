package extract

import (
	"sort"
	"strings"
	"unicode"

	"github.com/actorgraph/actorgraph/graph"
)

// entity is one referent within the article, built from its mentions.
type entity struct {
	typ      graph.EntityType
	name     string
	forms    []string // surface forms seen, name included
	mentions []int    // indexes into scan.ments
	country  string   // generic bodies: the state they belong to
	canon    string   // lexicon name, for lexicon bodies
	extra    []string // aliases that never become the name (forms with honorifics)
	signal   float64
}

// resolve groups mentions into entities: states by their canonical name
// (capitals and demonyms included), lexicon bodies by theirs, persons by
// full name with short forms folded in, acronyms with their expansions.
func resolve(sc *scan) []*entity {
	var ents []*entity
	byKey := map[string]int{}
	get := func(key string, typ graph.EntityType, name string) int {
		if k, ok := byKey[key]; ok {
			return k
		}
		byKey[key] = len(ents)
		ents = append(ents, &entity{typ: typ, name: name})
		return len(ents) - 1
	}
	attach := func(mi, ei int) {
		m := &sc.ments[mi]
		m.ent = ei
		e := ents[ei]
		e.mentions = append(e.mentions, mi)
		e.forms = appendForm(e.forms, m.text)
		if m.alias != "" {
			e.extra = appendForm(e.extra, m.alias)
		}
		if m.signal > e.signal {
			e.signal = m.signal
		}
	}
	d := sc.d
	// Acronyms defined in the text: "Revolutionary Guards (IRGC)".
	for mi := range sc.ments {
		m := &sc.ments[mi]
		if m.ti >= 2 && m.tj < len(d.toks) && d.toks[m.ti-1].text == "(" && d.toks[m.tj].text == ")" && isAcronym(m.text) {
			if pi, ok := sc.mentionAt[m.ti-2]; ok && pi != mi && sc.ments[pi].tj == m.ti-1 && sc.ments[pi].typ != graph.Country && abbreviates(*m, sc.ments[pi]) {
				m.acronymFor = pi
				m.typ = sc.ments[pi].typ
			}
		}
	}
	// Pass 1: lexicon forms and multi-word names.
	for mi := range sc.ments {
		m := &sc.ments[mi]
		switch {
		case m.acronymFor >= 0:
			continue
		case m.canon != "" && m.typ == graph.Country:
			if m.kind == kindCapital && sc.capitalIsPlace(mi) {
				attach(mi, get("LOCATION:"+m.canon+":"+capitalName(sc.lx, m.text), graph.Location, capitalName(sc.lx, m.text)))
				continue
			}
			if m.kind == kindDemonym && sc.describesPerson(mi) {
				continue
			}
			attach(mi, get("COUNTRY:"+m.canon, graph.Country, m.canon))
		case m.canon != "":
			ei := get(string(m.typ)+":"+m.canon, m.typ, m.text)
			ents[ei].canon = m.canon
			attach(mi, ei)
		case m.generic && m.country != "":
			name := m.text + " of " + m.country
			ei := get("ORG:"+graph.NormalizeName(name), graph.Organization, name)
			ents[ei].country = m.country
			attach(mi, ei)
		case m.typ == graph.Location && m.signal < 0.9 && m.tj-m.ti == 1 && m.canon == "" && sc.surnameOfPerson(m.text):
			m.typ = graph.Person // "..., Guterres said": a person named before
		case m.typ == graph.Person && m.tj-m.ti >= 2:
			// later: merged with longer names
		case m.typ == graph.Person:
			// short forms: pass 2
		default:
			if m.generic {
				continue // a bare "Foreign Ministry" with no state is not named
			}
			attach(mi, get(string(m.typ)+":"+graph.NormalizeName(m.text), m.typ, m.text))
		}
	}
	// Persons: full names, longest first; a name whose words end another's
	// ("Ali Khamenei" in "Seyyed Ali Khamenei") joins it.
	var full []int
	for mi, m := range sc.ments {
		if m.ent < 0 && m.acronymFor < 0 && m.typ == graph.Person && m.tj-m.ti >= 2 {
			full = append(full, mi)
		}
	}
	// the loops below compare every short name with every person
	wordsOf := map[string][]string{}
	words := func(s string) []string {
		w, ok := wordsOf[s]
		if !ok {
			w = nameWords(s)
			wordsOf[s] = w
		}
		return w
	}
	sort.SliceStable(full, func(a, b int) bool {
		return len(words(sc.ments[full[a]].text)) > len(words(sc.ments[full[b]].text))
	})
	var persons []int
	for _, mi := range full {
		m := &sc.ments[mi]
		w := words(m.text)
		found := -1
		for _, ei := range persons {
			if hasSuffixWords(words(ents[ei].name), w) {
				found = ei
				break
			}
		}
		if found < 0 {
			found = get("PERSON:"+graph.NormalizeName(m.text), graph.Person, m.text)
			persons = append(persons, found)
		}
		attach(mi, found)
	}
	// Short forms: a single word that ends a full name is that person;
	// among several, the most recently mentioned one.
	for mi := range sc.ments {
		m := &sc.ments[mi]
		if m.ent >= 0 || m.acronymFor >= 0 || m.typ != graph.Person {
			continue
		}
		w := words(m.text)
		best, bestPos := -1, -1
		for _, ei := range persons {
			if fw := words(ents[ei].name); hasSuffixWords(fw, w) || hasPrefixWordsLast(fw, w) {
				pos := firstMention(sc, ents[ei])
				if best < 0 || (pos < m.start && pos > bestPos) {
					best, bestPos = ei, pos
				}
			}
		}
		if best < 0 && len(w) == 1 {
			// "Wang" for "Wang Yi": a family name first, when it opens
			// exactly one full name and ends none
			n := 0
			for _, ei := range persons {
				if fw := words(ents[ei].name); len(fw) >= 2 && fw[0] == w[0] {
					best = ei
					n++
				}
			}
			if n != 1 || !isFamilyFirst(sc, mi) {
				best = -1
			}
		}
		if best >= 0 {
			attach(mi, best)
			continue
		}
		if ei := otherTypeForm(ents, m.text); ei >= 0 {
			// "Kayhan argued" after "the Kayhan newspaper": the outlet
			attach(mi, ei)
			continue
		}
		if m.signal >= 0.4 {
			attach(mi, get("PERSON:"+graph.NormalizeName(m.text), graph.Person, m.text))
		}
	}
	// Acronyms join what they abbreviate.
	for mi := range sc.ments {
		m := &sc.ments[mi]
		if m.acronymFor >= 0 && sc.ments[m.acronymFor].ent >= 0 {
			attach(mi, sc.ments[m.acronymFor].ent)
		}
	}
	// A bare acronym used elsewhere joins the entity it was defined for.
	acr := map[string]int{}
	for _, m := range sc.ments {
		if m.acronymFor >= 0 && m.ent >= 0 {
			acr[m.text] = m.ent
		}
	}
	for mi := range sc.ments {
		m := &sc.ments[mi]
		if ei, ok := acr[m.text]; ok && m.ent >= 0 && m.ent != ei && m.canon == "" {
			moveMention(sc, ents, mi, ei)
		}
	}
	headlineMentions(sc, ents)
	// Names: persons take their longest form; others keep the first
	// lexicon canonical or the longest surface form.
	for _, e := range ents {
		if len(e.mentions) == 0 {
			continue
		}
		switch e.typ {
		case graph.Location:
			if isAllUpper(e.name) && len(e.name) >= 4 {
				e.name = titleCase(e.name)
				for _, f := range e.forms {
					if !isAllUpper(f) && strings.EqualFold(f, e.name) {
						e.name = f
					}
				}
			}
		case graph.Person, graph.Organization, graph.Media:
			if e.country != "" {
				continue
			}
			for _, f := range e.forms {
				if len(nameWords(f)) > len(nameWords(e.name)) && !isAllUpper(f) {
					e.name = f
				}
			}
			if e.canon != "" {
				// the lexicon's name when the text uses it; kept as an
				// alias otherwise, so articles naming a body differently
				// still resolve to one entity
				if hasForm(e.forms, e.canon) {
					e.name = e.canon
				}
				e.forms = appendForm(e.forms, e.canon)
			}
			if isAllUpper(e.name) && strings.Contains(e.name, " ") {
				e.name = titleCase(e.name) // "UNITED NATIONS" in a dateline
			}
		}
	}
	return ents
}

func moveMention(sc *scan, ents []*entity, mi, to int) {
	m := &sc.ments[mi]
	from := ents[m.ent]
	for k, x := range from.mentions {
		if x == mi {
			from.mentions = append(from.mentions[:k], from.mentions[k+1:]...)
			break
		}
	}
	m.ent = to
	ents[to].mentions = append(ents[to].mentions, mi)
	ents[to].forms = appendForm(ents[to].forms, m.text)
}

func firstMention(sc *scan, e *entity) int {
	if len(e.mentions) == 0 {
		return 1 << 30
	}
	return sc.ments[e.mentions[0]].start
}

func appendForm(forms []string, f string) []string {
	for _, x := range forms {
		if x == f {
			return forms
		}
	}
	return append(forms, f)
}

// nameWords splits a name into lower-cased words, hyphens and "al-" kept.
func nameWords(s string) []string {
	return strings.Fields(strings.ToLower(straighten(s)))
}

func hasSuffixWords(full, short []string) bool {
	if len(short) == 0 || len(short) > len(full) {
		return false
	}
	off := len(full) - len(short)
	for i, w := range short {
		if full[off+i] != w {
			return false
		}
	}
	return true
}

// hasPrefixWordsLast: "Al-Busaidi" short for "Badr Al-Busaidi" and for
// "Badr bin Hamad Al Busaidi": the short form equals the joined last words.
func hasPrefixWordsLast(f, short []string) bool {
	if len(short) != 1 {
		return false
	}
	if len(f) < 2 {
		return false
	}
	joined := f[len(f)-2] + "-" + f[len(f)-1]
	return joined == short[0] || strings.ReplaceAll(short[0], "-", " ") == f[len(f)-2]+" "+f[len(f)-1]
}

func titleCase(s string) string {
	ws := strings.Fields(strings.ToLower(s))
	for i, w := range ws {
		if w != "" {
			r := []rune(w)
			r[0] = []rune(strings.ToUpper(string(r[0])))[0]
			ws[i] = string(r)
		}
	}
	return strings.Join(ws, " ")
}

// capitalName is the lexicon's spelling of a capital seen as "TEHRAN".
func capitalName(lx *lexicon, form string) string {
	if _, ok := lx.capitalOf[form]; ok {
		return form
	}
	for c := range lx.capitalOf {
		if strings.EqualFold(c, form) {
			return c
		}
	}
	return form
}

// capitalIsPlace decides whether a capital names the place rather than the
// state: after a place preposition ("talks in Muscat"), in a dateline
// ("TEHRAN –", "RIYADH (Reuters)"), or in apposition to "capital".
func (sc *scan) capitalIsPlace(mi int) bool {
	m := sc.ments[mi]
	d := sc.d
	s := d.sents[m.sent]
	if m.ti > s.first {
		p := d.toks[m.ti-1].low
		if placePreps[p] && p != "to" && p != "from" {
			return true
		}
		if (p == "to" || p == "from") && m.ti-2 >= s.first && motionWords[d.toks[m.ti-2].low] {
			return true
		}
		if p == "," && m.ti-2 >= s.first && d.toks[m.ti-2].low == "capital" {
			return true
		}
		if isDash(p) && s.headline && m.tj == s.lim {
			return true // "Outlet - City" credit line
		}
		if p == "of" && m.ti-2 >= s.first && placeOfNouns[d.toks[m.ti-2].low] {
			return true // "large parts of Kyiv", "the outskirts of Beirut"
		}
	} else {
		// first word of its line: a dateline when followed by a dash, "(",
		// or a comma and a date ("TEHRAN, Jun. 22")
		if m.tj < s.lim {
			n := d.toks[m.tj].text
			if isDash(n) || n == "(" || n == "-" {
				return true
			}
			if n == "," && m.tj+1 < s.lim {
				if _, ok := months[strings.TrimSuffix(d.toks[m.tj+1].low, ".")]; ok {
					return true
				}
			}
		}
		if m.tj == s.lim || isAllUpper(m.text) {
			return true
		}
	}
	return false
}

// describesPerson: a demonym before a word for a person ("British
// journalist") is a nationality, not the state.
func (sc *scan) describesPerson(mi int) bool {
	m := sc.ments[mi]
	d := sc.d
	s := d.sents[m.sent]
	// counted people: "two Iranians", "thousands of Palestinians"
	if m.ti > s.first {
		p := d.toks[m.ti-1]
		noun := m.tj < s.lim && strings.HasPrefix(d.toks[m.tj].tag, "NN")
		if (p.tag == "CD" || peopleCounters[p.low]) && (strings.HasSuffix(m.text, "s") || !noun) {
			return true
		}
	}
	for k := m.tj; k < s.lim && k < m.tj+3; k++ {
		w := d.toks[k].low
		if personNouns[w] {
			return true
		}
		if mj, ok := sc.mentionAt[k]; ok && sc.ments[mj].kind == kindDemonym {
			continue
		}
		if w != "and" {
			break
		}
	}
	return false
}

// isFamilyFirst: a short form used as a person's surname would be, i.e.
// not followed by another capitalised word.
func isFamilyFirst(sc *scan, mi int) bool {
	m := sc.ments[mi]
	toks := sc.d.toks
	return m.tj >= len(toks) || !isCapWord(toks[m.tj].text)
}

// abbreviates: "(IRGC)" after "Revolutionary Guards" (one lexicon entry),
// "(NRF)" after "National Reconciliation Front" (initials in order); not
// "(AP)" after a dateline.
func abbreviates(acr, full mention) bool {
	if acr.canon != "" || full.canon != "" {
		return acr.canon == full.canon && acr.typ == full.typ
	}
	var initials []rune
	for _, w := range strings.Fields(full.text) {
		r := []rune(w)
		if len(r) > 0 && unicode.IsUpper(r[0]) {
			initials = append(initials, r[0])
		}
	}
	a := []rune(strings.ReplaceAll(acr.text, ".", ""))
	if len(a) == 0 || len(initials) == 0 || a[0] != initials[0] {
		return false
	}
	// the acronym's letters appear in order among the words' initials
	j := 0
	for _, r := range initials {
		if j < len(a) && r == a[j] {
			j++
		}
	}
	return j*2 >= len(a)
}

// surnameOfPerson: some multi-word person mention ends with this word.
func (sc *scan) surnameOfPerson(w string) bool {
	for _, m := range sc.ments {
		if m.typ == graph.Person && m.tj-m.ti >= 2 {
			ws := nameWords(m.text)
			if ws[len(ws)-1] == strings.ToLower(w) {
				return true
			}
		}
	}
	return false
}

func hasForm(forms []string, f string) bool {
	for _, x := range forms {
		if x == f {
			return true
		}
	}
	return false
}

// headlineMentions finds, in title-cased lines (where capitals say nothing
// and no run of them is read as a name), the forms of persons, bodies and
// outlets the body of the article has named: mentions, never new entities.
func headlineMentions(sc *scan, ents []*entity) {
	byForm := map[string]int{}
	for ei, e := range ents {
		if len(e.mentions) == 0 || (e.typ != graph.Person && e.typ != graph.Organization && e.typ != graph.Media) {
			continue
		}
		for _, f := range e.forms {
			if len(f) >= 4 {
				byForm[f] = ei
			}
		}
	}
	// a person's surname, when only one person has it
	last := map[string]int{}
	for ei, e := range ents {
		if e.typ != graph.Person || len(e.mentions) == 0 {
			continue
		}
		if ws := strings.Fields(e.name); len(ws) >= 2 && len(ws[len(ws)-1]) >= 4 {
			w := ws[len(ws)-1]
			if _, dup := last[w]; dup {
				last[w] = -1
			} else {
				last[w] = ei
			}
		}
	}
	for w, ei := range last {
		if _, taken := byForm[w]; !taken && ei >= 0 {
			byForm[w] = ei
		}
	}
	if len(byForm) == 0 {
		return
	}
	d := sc.d
	for si, s := range d.sents {
		if !s.titleCase {
			continue
		}
		for i := s.first; i < s.lim; i++ {
			if _, taken := sc.mentionAt[i]; taken {
				continue
			}
			for j := i + 4; j > i; j-- {
				if j > s.lim {
					continue
				}
				k := sc.key(i, j)
				ei, ok := byForm[k]
				if !ok {
					continue
				}
				// whole words only: not "Trump" inside "Trumpism"
				if j < s.lim && d.toks[j].start == d.toks[j-1].end && !isPossessive(d.toks[j].text) {
					continue
				}
				m := mention{ti: i, tj: j, start: d.toks[i].start, end: d.toks[j-1].end, text: k,
					typ: ents[ei].typ, sent: si, signal: 0.5, acronymFor: -1, ent: ei}
				mi := len(sc.ments)
				sc.ments = append(sc.ments, m)
				for t := i; t < j; t++ {
					sc.mentionAt[t] = mi
				}
				ents[ei].mentions = append(ents[ei].mentions, mi)
				i = j - 1
				break
			}
		}
	}
}

// otherTypeForm finds a body, outlet or place already named by this exact
// form, for a lone word that only looked like a person.
func otherTypeForm(ents []*entity, form string) int {
	for ei, e := range ents {
		if e.typ == graph.Person || len(e.mentions) == 0 {
			continue
		}
		for _, f := range e.forms {
			if f == form {
				return ei
			}
		}
	}
	return -1
}
