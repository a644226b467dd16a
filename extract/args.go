package extract

import (
	"strings"

	"github.com/actorgraph/actorgraph/graph"
)

// lightVerbs carry a nominal trigger without taking its meaning: "held
// three rounds of negotiations", "to have direct talks". Any other verb
// between a nominal trigger and a candidate subject ends the search.
var lightVerbs = set("have", "has", "had", "having", "hold", "holds", "held", "holding", "begin",
	"began", "begun", "begins", "start", "started", "starts", "resume", "resumed", "restart",
	"conduct", "conducted", "engage", "engaged", "continue", "continued", "continues", "join",
	"joined", "is", "was", "are", "were", "be", "been", "being", "involved", "attend", "attended",
	"launch", "launched", "enter", "entered", "pursue", "pursued", "open", "opened", "seek",
	"seeking", "sought", "led", "want", "wants", "wanted", "plan", "planned", "plans", "agreed",
	"maintain", "maintains", "maintained", "maintaining", "renewed", "repeated", "made", "make",
	"issued", "reiterated", "expressed", "voiced",
	// a rejected talk is still read, negated: "ruled out talks with X"
	"rejected", "rejects", "refused", "refuses", "dismissed", "ruled", "out", "declined")

// determiners and the like may stand between a verb and its direct object.
var determiners = set("the", "a", "an", "his", "her", "its", "their", "our", "both", "all", "two",
	"three", "several", "top", "senior")

// strictDirect types take a direct object only right after the verb:
// "told reporters Lavrov would fly" has no COMMUNICATE with Lavrov.
var strictDirect = map[graph.RelationType]bool{graph.Communicate: true, graph.Request: true,
	graph.Reject: true, graph.Accuse: true, graph.Support: true, graph.Agree: true,
	graph.Meet: true, graph.Threaten: true}

// usable: a mention can be an argument when it names an actor and is not
// only the qualifier of a title.
func (rb *relBuilder) usable(mi int) int {
	if mi < 0 || rb.used[mi] {
		return -1
	}
	e := rb.entOf(mi)
	if e < 0 || !actor(rb.ents[e].typ) {
		return -1
	}
	// "the Trump administration" acts for the state its leader serves
	m := rb.sc.ments[mi]
	if rb.ents[e].typ == graph.Person && m.tj < len(rb.sc.d.toks) {
		if w := rb.sc.d.toks[m.tj].low; w == "administration" || w == "government" {
			if c, ok := rb.roleOf[e]; ok && rb.ents[c].typ == graph.Country {
				return c
			}
		}
	}
	return e
}

// skippable: tokens that may sit between a word and the name it governs
// without changing the reading: determiners, adjectives, titles,
// honorifics and title qualifiers ("met Turkish President X").
func (rb *relBuilder) skippable(k int) bool {
	d := rb.sc.d
	w := d.toks[k].low
	if mi := rb.mentionAt(k); mi >= 0 && !rb.used[mi] && rb.entOf(mi) >= 0 {
		return false
	}
	if determiners[w] || strings.HasPrefix(d.toks[k].tag, "JJ") || isPossessive(w) || isHonorTok(rb.sc, k) || rb.inTitle(k) {
		return true
	}
	if mi := rb.mentionAt(k); mi >= 0 {
		return rb.used[mi]
	}
	return false
}

func (rb *relBuilder) inTitle(k int) bool {
	for _, t := range rb.sc.titles {
		if k >= t.ti && k < t.tj {
			return true
		}
		if t.ti > k {
			break
		}
	}
	return false
}

// oblique reports whether a mention is governed by a preposition (through
// determiners, titles and qualifiers): "talks with X", "from Supreme
// Leader X" — such a name is not a clause subject.
func (rb *relBuilder) oblique(s sentence, m mention) bool {
	return rb.governor(s, m) != ""
}

// governor is the preposition governing a mention, looking back through
// determiners, titles, qualifiers and the other members of a list ("between
// Ukraine, Russia, and the United States"), or "".
func (rb *relBuilder) governor(s sentence, m mention) string {
	d := rb.sc.d
	listed, and := false, false
	for k := m.ti - 1; k >= s.first; k-- {
		w := d.toks[k].low
		if w == "," || w == "and" {
			listed = true
			and = and || w == "and"
			continue
		}
		if rb.skippable(k) {
			continue
		}
		if mi := rb.mentionAt(k); mi >= 0 && rb.usable(mi) >= 0 && listed {
			k = rb.sc.ments[mi].ti
			continue
		}
		if prepositions[w] || w == "between" {
			if listed && !and {
				return "" // "According to X, Y said": no list, no governor
			}
			return w
		}
		return ""
	}
	return ""
}

// relativeEnd: for a ", who/which/where" at token k, the token just past
// the clause it opens (the next comma), so argument searches can jump it.
func (rb *relBuilder) relativeStart(s sentence, end int) int {
	d := rb.sc.d
	// end is a comma closing a relative clause when a ", who|which|where"
	// opened before it
	for k := end - 1; k > s.first; k-- {
		w := d.toks[k].low
		if w == "," {
			// an apposition: "Orban, a close ally of X, criticised"
			if k+1 < end && determiners[d.toks[k+1].low] {
				if mi := rb.mentionAt(k - 1); mi >= 0 && rb.typeOf(mi) == graph.Person {
					return k
				}
			}
			return -1
		}
		if (w == "who" || w == "which" || w == "where") && d.toks[k-1].text == "," {
			return k - 1
		}
	}
	return -1
}

// subjects finds the subject of the clause ending at token i: the nearest
// actor to the left not governed by a preposition, with the actors
// coordinated with it. Relative clauses are jumped; "who"/"which" take
// their antecedent; "he"/"she" the last person named; "it"/"they" the
// nearest free state or body before them.
func (rb *relBuilder) subjects(s sentence, i int, noun bool) []int {
	sc := rb.sc
	d := sc.d
	if !noun && d.toks[i].tag != "VBG" {
		if head, ok := rb.commonSubject(s, i); ok {
			return head
		}
	}
	for k := i - 1; k >= s.first && k >= i-30; k-- {
		w := d.toks[k].low
		if w == "," {
			if rs := rb.relativeStart(s, k); rs >= 0 {
				k = rs
				continue
			}
		}
		if (w == "who" || w == "which") && k-2 >= s.first && d.toks[k-1].text == "," {
			mi := rb.mentionAt(k - 2)
			if e := rb.usable(mi); e >= 0 {
				// "Egypt and Qatar, which have mediated": both
				return append(rb.coordLeft(s, rb.sc.ments[mi].ti), e)
			}
			return nil
		}
		if boundaries[w] || w == "that" || w == "where" || (w == "and" && k == i-1) {
			break
		}
		if noun && strings.HasPrefix(d.toks[k].tag, "VB") && !lightVerbs[w] {
			break
		}
		if (w == "after" || w == "before" || w == "upon" || w == "while") && k+1 < i && d.toks[k+1].tag == "VBG" {
			return rb.mainSubject(s, k)
		}
		if strings.HasPrefix(d.toks[k].tag, "PRP") && !strings.HasPrefix(d.toks[k].tag, "PRP$") {
			switch w {
			case "we", "i":
				if sp := rb.speaker(s, k); sp >= 0 {
					return []int{sp}
				}
				return nil
			case "he", "she":
				if p := rb.prevSubjectPerson(s, k); p >= 0 {
					return []int{p}
				}
				if p := rb.lastPerson(d.toks[k].start); p >= 0 {
					return []int{p}
				}
			case "it", "they":
				return rb.itSubject(s, k)
			}
			return nil
		}
		mi := rb.mentionAt(k)
		e := rb.usable(mi)
		if e < 0 {
			continue
		}
		m := sc.ments[mi]
		if g := rb.governor(s, m); g != "" {
			if g == "by" && rb.leads(s, m) {
				// "a delegation led by X held talks": X acts for it
				return []int{e}
			}
			if g == "between" && !noun {
				// "talks between A and B ended without an agreement"
				for j := m.ti - 1; j >= s.first; j-- {
					if d.toks[j].low == "between" {
						return rb.list(s, j+1)
					}
				}
			}
			k = m.ti
			continue
		}
		out := append([]int{e}, rb.coordLeft(s, m.ti)...)
		// text order: "Venezuela and Colombia signed" → Venezuela first
		for a, b := 0, len(out)-1; a < b; a, b = a+1, b-1 {
			out[a], out[b] = out[b], out[a]
		}
		return out
	}
	return nil
}

// groupNouns name a group that a person can lead on someone's behalf.
var groupNouns = set("delegation", "delegations", "team", "mission", "panel", "committee", "group", "side")

// leads reports whether mention m is the leader in "a delegation led by
// m", "the team headed by m": the group's leader acts for it, so the
// leader, not the group's state, is the party of what the group does.
func (rb *relBuilder) leads(s sentence, m mention) bool {
	d := rb.sc.d
	k := m.ti - 1
	for k >= s.first && rb.skippable(k) {
		k--
	}
	if k-1 < s.first || d.toks[k].low != "by" {
		return false
	}
	if v := d.toks[k-1].low; v != "led" && v != "headed" && v != "chaired" {
		return false
	}
	for j := k - 2; j >= s.first && j >= k-5; j-- {
		if groupNouns[d.toks[j].low] {
			return true
		}
	}
	return false
}

// commonSubject: a verb whose subject is a common noun right before it
// ("two sources told", "Iranian officials said") has that noun phrase as
// subject: its state when a state qualifies it ("Iranian officials",
// "India's foreign ministry"), else no named subject at all. ok reports
// whether the subject was such a noun phrase.
func (rb *relBuilder) commonSubject(s sentence, i int) ([]int, bool) {
	d := rb.sc.d
	k := i - 1
	for k >= s.first {
		t := d.toks[k]
		w := t.low
		if strings.HasPrefix(t.tag, "RB") || t.tag == "MD" || w == "not" || w == "n't" || (strings.HasPrefix(t.tag, "VB") && (beForms[w] || lightVerbs[w] || w == "has" || w == "have" || w == "had" || w == "did" || w == "does" || w == "do")) {
			k--
			continue
		}
		break
	}
	if k < s.first {
		return nil, false
	}
	t := d.toks[k]
	if !(t.tag == "NN" || t.tag == "NNS") || rb.mentionAt(k) >= 0 || rb.inTitle(k) || isCapWord(t.text) {
		return nil, false
	}
	if w := t.low; w == "who" || w == "which" || w == "that" {
		return nil, false
	}
	// the noun phrase to its left: adjectives, nouns, a possessive, and
	// maybe a state
	for j := k - 1; j >= s.first && j >= k-5; j-- {
		if mi := rb.mentionAt(j); mi >= 0 {
			if e := rb.usable(mi); e >= 0 && rb.ents[e].typ == graph.Country {
				// "Kenyan and Somali delegations": every state named
				return append(rb.coordLeft(s, rb.sc.ments[mi].ti), e), true
			}
			return nil, false // "X's spokesman said": the usual search
		}
		tj := d.toks[j]
		if strings.HasPrefix(tj.tag, "JJ") || tj.tag == "NN" || tj.tag == "NNS" || tj.tag == "CD" || isPossessive(tj.text) || determiners[tj.low] {
			continue
		}
		break
	}
	return nil, true
}

// mainSubject: the first free actor of the clause before token k ("X
// departed Y after having a meeting with Z": X).
func (rb *relBuilder) mainSubject(s sentence, k int) []int {
	for j := s.first; j < k; j++ {
		mi := rb.mentionAt(j)
		e := rb.usable(mi)
		if e < 0 || rb.oblique(s, rb.sc.ments[mi]) {
			continue
		}
		return []int{e}
	}
	return nil
}

// itSubject resolves "it"/"they" to the nearest free state or body before
// token k in the sentence ("Ukraine said it had reached").
func (rb *relBuilder) itSubject(s sentence, k int) []int {
	fallback := -1
	for j := k - 1; j >= s.first; j-- {
		mi := rb.mentionAt(j)
		e := rb.usable(mi)
		if e < 0 {
			continue
		}
		if t := rb.ents[e].typ; t == graph.Country || t == graph.Organization {
			if !rb.oblique(s, rb.sc.ments[mi]) {
				return []int{e}
			}
			if fallback < 0 {
				fallback = e // "with Russia maintaining its demand"
			}
		}
	}
	if fallback >= 0 {
		return []int{fallback}
	}
	// "Iran rejected the plan. It said ...": the previous sentence's
	// subject state or body
	si := rb.sc.d.toks[k].sent
	if si > 0 && allBefore(rb, s, k) {
		p := rb.sc.d.sents[si-1]
		for j := p.first; j < p.lim; j++ {
			mi := rb.mentionAt(j)
			e := rb.usable(mi)
			if e < 0 {
				continue
			}
			if t := rb.ents[e].typ; (t == graph.Country || t == graph.Organization) && !rb.oblique(p, rb.sc.ments[mi]) {
				return []int{e}
			}
			break // the first actor of the sentence only
		}
	}
	return nil
}

// prevSubjectPerson: a "he"/"she" opening its sentence is the person the
// previous sentence was about — its first person named outside a
// prepositional phrase ("President X, who met Y, said ... He urged ...").
func (rb *relBuilder) prevSubjectPerson(s sentence, k int) int {
	d := rb.sc.d
	si := d.toks[k].sent
	if si == 0 || !allBefore(rb, s, k) {
		return -1
	}
	p := d.sents[si-1]
	for j := p.first; j < p.lim; j++ {
		mi := rb.mentionAt(j)
		if mi < 0 || rb.sc.ments[mi].ti != j {
			continue
		}
		e := rb.entOf(mi)
		if e < 0 || rb.used[mi] {
			continue
		}
		if rb.ents[e].typ == graph.Person && !rb.oblique(p, rb.sc.ments[mi]) {
			return e
		}
	}
	return -1
}

// allBefore: nothing but pronouns, reporting verbs and function words
// stand before token k in its sentence ("It said it would ...").
func allBefore(rb *relBuilder, s sentence, k int) bool {
	for j := s.first; j < k; j++ {
		w := rb.sc.d.toks[j].low
		if w == "it" || w == "they" || reportVerbs[w] || w == "that" || w == "also" || w == "later" || w == "then" || w == "," {
			continue
		}
		return false
	}
	return true
}

// modifierSubjects: a nominal trigger's own modifiers name its agents:
// "US-Iran negotiations", "Tehran's last-minute demand", "US shootdown".
func (rb *relBuilder) modifierSubjects(s sentence, i int) []int {
	sc := rb.sc
	d := sc.d
	k := i - 1
	for k >= s.first && k >= i-4 {
		w := d.toks[k].low
		switch w {
		case "his", "her":
			if p := rb.lastPerson(d.toks[k].start); p >= 0 {
				return []int{p}
			}
			return nil
		case "its", "their":
			return rb.itSubject(s, k)
		}
		if isPossessive(w) {
			k--
			break
		}
		if rb.mentionAt(k) >= 0 {
			break
		}
		if strings.HasPrefix(d.toks[k].tag, "JJ") || d.toks[k].tag == "NN" || strings.Contains(w, "-") {
			k--
			continue
		}
		return nil
	}
	if k < s.first {
		return nil
	}
	var out []int
	for mi, m := range sc.ments {
		if m.ti <= k && k < m.tj && m.tj == k+1 || (m.ti == k && m.tj == k+1) {
			if e := rb.usable(mi); e >= 0 {
				out = appendInt(out, e)
			}
		}
	}
	return out
}

func appendInt(xs []int, x int) []int {
	for _, y := range xs {
		if y == x {
			return xs
		}
	}
	return append(xs, x)
}

func finiteVerb(tag string) bool {
	return tag == "VBD" || tag == "VBZ" || tag == "VBP" || tag == "VB" || tag == "MD"
}

// coordLeft collects actors joined by "and" and commas to the left of k;
// the separator nearest the first name must hold "and" ("Rubio, Waltz and
// Witkoff"), so that "X, Y said" is no list.
func (rb *relBuilder) coordLeft(s sentence, k int) []int {
	sc := rb.sc
	d := sc.d
	var out []int
	for {
		j := k - 1
		for j >= s.first && (determiners[d.toks[j].low] || rb.skippable(j)) {
			j--
		}
		sep, and := false, false
		for j >= s.first {
			w := d.toks[j].low
			if w == "and" || w == "," {
				sep = true
				and = and || w == "and"
				j--
				continue
			}
			break
		}
		if !sep || j < s.first || (len(out) == 0 && !and) {
			return out
		}
		mi := rb.mentionAt(j)
		e := rb.usable(mi)
		if e < 0 {
			return out
		}
		out = appendInt(out, e)
		k = sc.ments[mi].ti
	}
}

// coordRight collects actors joined by "and" and commas after token k
// (titles and qualifiers of the next name skipped).
func (rb *relBuilder) coordRight(s sentence, k int) []int {
	sc := rb.sc
	d := sc.d
	var out []int
	closed := 0 // items up to the last one introduced by "and"
	for k < s.lim {
		j := k
		sep, and := false, false
		for j < s.lim {
			w := d.toks[j].low
			if w == "and" || w == "," {
				sep = true
				and = and || w == "and"
				j++
				continue
			}
			break
		}
		if !sep {
			break
		}
		for j < s.lim && rb.skippable(j) {
			j++
		}
		if j >= s.lim {
			break
		}
		mi := rb.mentionAt(j)
		e := rb.usable(mi)
		if e < 0 {
			break
		}
		out = appendInt(out, e)
		if and {
			closed = len(out)
		}
		k = sc.ments[mi].tj
	}
	return out[:closed]
}

// list reads "A, B and C" from token k.
func (rb *relBuilder) list(s sentence, k int) []int {
	sc := rb.sc
	d := sc.d
	var out []int
	for k < s.lim {
		w := d.toks[k].low
		if w == "the" || w == "," || w == "and" || w == "both" || rb.skippable(k) {
			k++
			continue
		}
		mi := rb.mentionAt(k)
		e := rb.usable(mi)
		if e < 0 {
			break
		}
		out = appendInt(out, e)
		// several mentions in one hyphenated token
		for k2, m := range sc.ments {
			if m.ti == sc.ments[mi].ti && k2 != mi {
				if e2 := rb.usable(k2); e2 >= 0 {
					out = appendInt(out, e2)
				}
			}
		}
		k = sc.ments[mi].tj
	}
	return out
}

// typeNoun: a common noun that only classifies the name after it: "the
// newspaper Folha", "opposition leader X" (a noun before a title).
func (rb *relBuilder) typeNoun(k, m int) bool {
	d := rb.sc.d
	if !strings.HasPrefix(d.toks[k].tag, "NN") || strings.HasPrefix(d.toks[k].tag, "NNP") {
		return false
	}
	if k+1 < len(d.toks) && rb.inTitle(k+1) {
		return true
	}
	if mediaCues[d.toks[k].low] && k+1 == m {
		return rb.typeOf(rb.mentionAt(m)) == graph.Media
	}
	return false
}

// prepBefore finds the preposition governing a name at token m, looking
// back to token j: "of" is transparent ("members of Tehran's leadership",
// "the emir of Qatar"), as is "linked to". It also reports whether only
// skippable words stand between j and m.
func (rb *relBuilder) prepBefore(m, j int) (string, bool) {
	d := rb.sc.d
	adjacent := true
	sawOf := false
	for k := m - 1; k >= j; k-- {
		w := d.toks[k].low
		if rb.inTitle(k) {
			continue
		}
		if w == "of" {
			if k-1 < j || !rb.inTitle(k-1) {
				adjacent = false
				sawOf = true
			}
			continue
		}
		if w == "to" && k-1 >= j && (d.toks[k-1].low == "linked" || d.toks[k-1].low == "related" || d.toks[k-1].low == "tied") {
			k--
			adjacent = false
			continue
		}
		if prepositions[w] || w == "between" {
			return w, adjacent
		}
		if !rb.skippable(k) && !rb.typeNoun(k, m) {
			adjacent = false
		}
	}
	if sawOf {
		return "of", false
	}
	return "-", adjacent
}

// objects finds the object(s) after a trigger ending at token j.
func (rb *relBuilder) objects(s sentence, j int, t trigger) []int {
	sc := rb.sc
	d := sc.d
	// "urged the two countries", "called on both sides"
	for k := j; k < s.lim && k < j+3; k++ {
		w := d.toks[k].low
		if w == "the" || w == "on" {
			continue
		}
		if w == "both" && k+1 < s.lim && sideWords[d.toks[k+1].low] {
			return rb.twoSides(d.toks[k].sent, s, k, true)
		}
		if w == "the" || w == "two" {
			break
		}
		break
	}
	if j+2 < s.lim && d.toks[j].low == "the" && d.toks[j+1].low == "two" {
		return rb.twoSides(d.toks[j].sent, s, j, false)
	}
	for k := j; k < s.lim && k < j+12; k++ {
		w := d.toks[k].low
		if w == "that" && t.preps["that"] {
			continue // "its demand that Ukraine withdraw"
		}
		if boundaries[w] || w == "that" || w == "who" || w == "where" || w == "." || w == "," {
			return nil
		}
		infinitive := t.typ == graph.Threaten && d.toks[k].tag == "VB" && k > j && d.toks[k-1].low == "to"
		if k > j && finiteVerb(d.toks[k].tag) && !t.noun && !rb.skippable(k) && !rb.reducedRelative(s, k) && !infinitive {
			return nil
		}
		mi := rb.mentionAt(k)
		e := rb.usable(mi)
		if e < 0 {
			continue
		}
		m := sc.ments[mi]
		if t.typ == graph.Meet && m.tj < s.lim && isPossessive(d.toks[m.tj].text) {
			// "received Iran's consent": the possessor is not the party met
			k = m.tj
			continue
		}
		prep, adjacent := rb.prepBefore(m.ti, j)
		ok := t.preps[prep] || (prep == "of" && t.preps["-"] && !t.noun)
		if prep == "-" && strictDirect[t.typ] && !adjacent && !t.noun {
			ok = false
		}
		if !ok {
			k = m.tj - 1
			continue
		}
		return append([]int{e}, rb.coordRight(s, m.tj)...)
	}
	return nil
}

// byAgent reads "by X" after a passive or nominal trigger.
func (rb *relBuilder) byAgent(s sentence, j int) []int {
	d := rb.sc.d
	for k := j; k < s.lim && k < j+4; k++ {
		if d.toks[k].low == "by" {
			return rb.list(s, k+1)
		}
		if boundaries[d.toks[k].low] {
			break
		}
	}
	return nil
}

// speaker finds who says a quotation holding token k: the subject of a
// reporting verb after the closing quote (`"...," X said`, `said X`) or
// before the opening one (`X said: "..."`).
func (rb *relBuilder) speaker(s sentence, k int) int {
	d := rb.sc.d
	// "Araghchi: We will not negotiate under threats" (channel style)
	for j := s.first; j < k && j < s.first+6; j++ {
		if d.toks[j].text == ":" {
			for n := j - 1; n >= s.first; n-- {
				if e := rb.usable(rb.mentionAt(n)); e >= 0 {
					return e
				}
			}
			break
		}
	}
	open, close := -1, -1
	for j := k - 1; j >= s.first; j-- {
		if isQuote(d.toks[j].text) {
			open = j
			break
		}
	}
	for j := k + 1; j < s.lim; j++ {
		if isQuote(d.toks[j].text) {
			close = j
			break
		}
	}
	if open < 0 && close < 0 {
		return -1
	}
	if close >= 0 {
		// `," X said` or `," said X`
		for j := close + 1; j < s.lim && j < close+8; j++ {
			if reportVerbs[d.toks[j].low] {
				for n := j - 1; n > close; n-- {
					if e := rb.usable(rb.mentionAt(n)); e >= 0 {
						return e
					}
				}
				for n := j + 1; n < s.lim && n < j+6; n++ {
					if e := rb.usable(rb.mentionAt(n)); e >= 0 {
						return e
					}
					if !rb.skippable(n) {
						break
					}
				}
				break
			}
		}
	}
	if close < 0 || close == s.lim-1 {
		// the segmenter may end the sentence at the closing quote:
		// `"... Lima," | Foreign Minister X told reporters.`
		if si := d.toks[k].sent; si+1 < len(d.sents) {
			n := d.sents[si+1]
			for j := n.first; j < n.lim && j < n.first+10; j++ {
				if reportVerbs[d.toks[j].low] {
					for m := j - 1; m >= n.first; m-- {
						if e := rb.usable(rb.mentionAt(m)); e >= 0 {
							return e
						}
					}
					break
				}
			}
		}
	}
	if open >= 0 {
		for j := open - 1; j >= s.first && j >= open-4; j-- {
			if reportVerbs[d.toks[j].low] {
				if subs := rb.subjects(s, j, false); len(subs) > 0 {
					return subs[0]
				}
			}
		}
	}
	return -1
}

func isQuote(s string) bool {
	return s == "\"" || s == "“" || s == "”" || s == "``" || s == "''"
}
