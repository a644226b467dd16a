package extract

import (
	"strings"

	"github.com/actorgraph/actorgraph/graph"
)

// Clause boundaries: an argument search never crosses them.
var boundaries = set(";", ":", "while", "but", "whereas", "because", "although", "though",
	"which", "whose", "if", "unless", "—", "–", "(", ")")

var prepositions = set("of", "in", "at", "from", "with", "for", "about", "on", "to", "by",
	"against", "between", "into", "over", "under", "through", "via", "during", "like", "as",
	"among", "toward", "towards", "across", "amid", "inside", "within", "near")

var negators = set("not", "n't", "never", "no", "without", "refused", "declined", "cannot",
	"won't", "didn't", "don't", "doesn't", "hasn't", "haven't", "wasn't", "weren't", "isn't",
	"aren't", "nor")

var beForms = set("was", "were", "is", "are", "been", "be", "being", "get", "got")

// viaCues introduce a channel or mediator.
var viaCues = set("through", "via")

// actor reports whether an entity type can take part in an interaction.
func actor(t graph.EntityType) bool {
	return t == graph.Person || t == graph.Country || t == graph.Organization || t == graph.Media
}

// interactions reads the twelve interaction types from triggers and the
// clause around them. Headlines are skipped: they restate the body.
func (rb *relBuilder) interactions() {
	sc := rb.sc
	d := sc.d
	for si, s := range d.sents {
		if s.headline {
			continue
		}
		attr := rb.attribution(s)
		rb.lastNounSubj, rb.lastVerbSubj = nil, nil
		from := len(rb.out)
		for i := s.first; i < s.lim; i++ {
			t, j, ok := sc.lx.triggers.match(d, s, i)
			if !ok {
				continue
			}
			rb.readTrigger(si, s, i, j, t, attr)
			i = j - 1
		}
		// Dates go to the triggers that yielded relations, each date
		// expression to the nearest of them in its stretch.
		rb.trigPos = rb.trigPos[:0]
		for _, r := range rb.out[from:] {
			if r.trig >= 0 {
				rb.trigPos = appendInt(rb.trigPos, r.trig)
			}
		}
		for k := from; k < len(rb.out); k++ {
			if r := &rb.out[k]; r.trig >= 0 && r.date == "" {
				r.date = rb.dateFor(s, r.trig)
			}
		}
		rb.anaphoricTalks(si, s)
		rb.mediation(si, s)
		rb.deliveredBy(si, s)
	}
}

// pendingTalks are talks whose other side a sentence left unnamed.
type pendingTalks struct {
	typ       graph.RelationType
	subj, via []int
	attr      []int
	pol       graph.Polarity
	sent      int
}

// talkNouns name a meeting or negotiation that a later sentence may refer
// back to ("The talks were mediated by X").
var talkNouns = set("talks", "negotiations", "meeting", "discussions", "summit", "consultations")

// sideWords name the two parties of something said before.
var sideWords = set("countries", "nations", "states", "governments", "capitals", "neighbours", "neighbors")

// twoSides reads "between (officials of) the two countries" as the two
// parties of the last two-party interaction read in this sentence or the
// one before; for states, persons stand for the state they serve.
func (rb *relBuilder) twoSides(si int, s sentence, k int, both bool) []int {
	d := rb.sc.d
	for k+1 < s.lim && (d.toks[k].low == "officials" || d.toks[k].low == "representatives" || d.toks[k].low == "delegations" || d.toks[k].low == "of") {
		k++
	}
	if both {
		k-- // "both countries": align with "the two countries"
	} else if k+2 >= s.lim || d.toks[k].low != "the" || d.toks[k+1].low != "two" {
		return nil
	}
	if k+2 >= s.lim || !sideWords[d.toks[k+2].low] {
		return nil
	}
	states := true
	for ri := len(rb.out) - 1; ri >= 0; ri-- {
		r := rb.out[ri]
		if r.sent < si-1 || r.typ.Structural() {
			continue
		}
		a, b := r.subj, r.obj
		if states {
			if c, ok := rb.roleOf[a]; ok && rb.ents[a].typ == graph.Person {
				a = c
			}
			if c, ok := rb.roleOf[b]; ok && rb.ents[b].typ == graph.Person {
				b = c
			}
			if rb.ents[a].typ != graph.Country || rb.ents[b].typ != graph.Country {
				continue
			}
		}
		if a != b {
			return []int{a, b}
		}
	}
	return nil
}

// mediation: "with American mediation", "mediation by X", "X-brokered"
// name a mediator for the talks of this sentence and the one before.
func (rb *relBuilder) mediation(si int, s sentence) {
	sc := rb.sc
	d := sc.d
	var via []int
	for k := s.first; k < s.lim; k++ {
		w := d.toks[k].low
		switch {
		case w == "mediation" || w == "sponsorship" || w == "auspices":
			if e := rb.usable(rb.mentionAt(k - 1)); k > s.first && e >= 0 {
				via = appendInt(via, e)
			}
			if k+2 < s.lim && (d.toks[k+1].low == "by" || d.toks[k+1].low == "of") {
				for _, e := range rb.list(s, k+2) {
					via = appendInt(via, e)
				}
			}
		case strings.HasSuffix(w, "-mediated") || strings.HasSuffix(w, "-brokered") || strings.HasSuffix(w, "-hosted"):
			for mi, m := range sc.ments {
				if m.ti == k {
					if e := rb.usable(mi); e >= 0 {
						via = appendInt(via, e)
					}
				}
			}
		}
	}
	if len(via) == 0 {
		return
	}
	for ri := range rb.out {
		r := &rb.out[ri]
		if r.sent > si || r.sent < si-1 || (r.typ != graph.Negotiate && r.typ != graph.Meet && r.typ != graph.Agree) {
			continue
		}
		for _, v := range via {
			if v != r.subj && v != r.obj {
				r.via = appendInt(r.via, v)
			}
		}
	}
}

// deliveredBy: "the letter, delivered by X" names the channel of the
// message sent just before ("A sent a letter to B ... The letter was
// delivered by X").
func (rb *relBuilder) deliveredBy(si int, s sentence) {
	d := rb.sc.d
	var via []int
	for k := s.first + 1; k+1 < s.lim; k++ {
		w := d.toks[k].low
		if (w == "delivered" || w == "carried" || w == "handed" || w == "conveyed" || w == "relayed") && d.toks[k+1].low == "by" {
			// the thing delivered is a letter or message
			msg := false
			for j := k - 1; j >= s.first && j >= k-6; j-- {
				switch d.toks[j].low {
				case "letter", "message", "letters", "messages", "note", "invitation":
					msg = true
				}
			}
			if msg {
				via = rb.list(s, k+2)
			}
		}
	}
	if len(via) == 0 {
		return
	}
	for ri := len(rb.out) - 1; ri >= 0; ri-- {
		r := &rb.out[ri]
		if r.typ != graph.Communicate || r.sent > si || r.sent < si-2 {
			continue
		}
		for _, v := range via {
			if v != r.subj && v != r.obj {
				r.via = appendInt(r.via, v)
			}
		}
		return
	}
}

// anaphoricTalks: a sentence about "the talks" naming no party ("The
// indirect talks were mediated by X", "The talks, scheduled to begin on
// Friday, ...") adds its mediator and date to the talks read just before.
func (rb *relBuilder) anaphoricTalks(si int, s sentence) {
	d := rb.sc.d
	k := s.first
	if k >= s.lim {
		return
	}
	if w := d.toks[k].low; w != "the" && w != "these" && w != "those" {
		return
	}
	k++
	for k < s.lim && strings.HasPrefix(d.toks[k].tag, "JJ") {
		k++
	}
	if k >= s.lim || !talkNouns[d.toks[k].low] {
		return
	}
	// "These talks involved X and Y": the other parties of talks whose
	// other side the previous sentence left open
	if p := rb.pending; p != nil && p.sent == si-1 {
		for j := k + 1; j < s.lim; j++ {
			w := d.toks[j].low
			if w != "involved" && w != "included" && w != "featured" && w != "brought" {
				continue
			}
			for n := j + 1; n < s.lim; n++ {
				mi := rb.mentionAt(n)
				e := rb.usable(mi)
				if e < 0 || rb.sc.ments[mi].ti != n {
					continue
				}
				for _, a := range p.subj {
					rb.add(rel{typ: p.typ, subj: a, obj: e, via: p.via, attr: p.attr, pol: p.pol, conf: 0.45, sent: si, trig: -1})
				}
			}
			break
		}
	}
	// the most recent talks relations, from the previous sentence
	var recent []int
	for ri := range rb.out {
		r := rb.out[ri]
		if r.sent < si && r.sent >= si-2 && (r.typ == graph.Negotiate || r.typ == graph.Meet) {
			recent = append(recent, ri)
		}
	}
	if len(recent) == 0 {
		return
	}
	var via []int
	for j := k; j+2 < s.lim; j++ {
		w := d.toks[j].low
		if (w == "mediated" || w == "hosted" || w == "brokered" || w == "facilitated") && d.toks[j+1].low == "by" {
			via = rb.list(s, j+2)
			break
		}
	}
	date := ""
	for j := k; j < s.lim && date == ""; j++ {
		if v, n := rb.dateAt(s, j); n > 0 {
			date = v
		}
	}
	for _, ri := range recent {
		r := &rb.out[ri]
		for _, v := range via {
			if v != r.subj && v != r.obj {
				r.via = appendInt(r.via, v)
			}
		}
		if r.date == "" {
			r.date = date
		}
	}
}

func (rb *relBuilder) readTrigger(si int, s sentence, i, j int, t trigger, attr []int) {
	d := rb.sc.d
	if rb.hedged(s, i) || rb.controlled(s, i) {
		return // "may have met", "asked X to meet Y", "offered to mediate"
	}
	pol := graph.Asserted
	if rb.negated(s, i) {
		pol = graph.Negated
	}
	date := ""
	conf := 0.6
	passive := !t.noun && !t.active && rb.passive(s, i)

	// "talks between A, B and C": one relation per pair.
	if (t.noun || t.typ == graph.Negotiate) && rb.between(si, s, i, j, t, pol, attr) {
		return
	}
	var subj, obj []int
	if !t.noun && d.toks[i].tag == "VBG" && i > s.first && d.toks[i-1].text == "," && !passive {
		// "X told Y on Thursday, rejecting calls from Z": the
		// participle's subject is the sentence's
		subj = rb.mainSubject(s, i)
	}
	if passive {
		obj = rb.subjects(s, i, false)
		subj = rb.byAgent(s, j)
	} else {
		if t.noun && len(subj) == 0 {
			subj = rb.modifierSubjects(s, i)
		}
		if len(subj) == 0 {
			subj = rb.subjects(s, i, t.noun)
		}
		obj = rb.objects(s, j, t)
	}
	if t.noun && len(subj) == 0 {
		// "attacks by X on Y"
		subj = rb.byAgent(s, j)
	}
	if !t.noun && !passive {
		if len(subj) == 0 && i-1 >= s.first && d.toks[i-1].low == "and" {
			// "X supports Y and urged Z": coordinated verbs share a subject
			subj = rb.lastVerbSubj
		}
		if len(subj) > 0 {
			rb.lastVerbSubj = subj
		}
	}
	if t.noun {
		if len(subj) == 0 && i-2 >= s.first && d.toks[i-1].low == "the" && d.toks[i-2].low == "and" {
			// "attacks by X on Y and the killing of Z": the same agents
			subj = rb.lastNounSubj
		}
		if len(subj) > 0 {
			rb.lastNounSubj = subj
		}
	}
	if len(subj) == 0 && rb.frontedPhrase(s, i) {
		// "Speaking to X, Trump said", "In an interview with X, Trump
		// said": the subject follows the comma
		for k := j; k < s.lim; k++ {
			if d.toks[k].text == "," {
				n := k + 1
				for n < s.lim && rb.skippable(n) {
					n++
				}
				if e := rb.usable(rb.mentionAt(n)); e >= 0 {
					subj = []int{e}
				}
				break
			}
		}
	}
	if t.reverse {
		subj, obj = obj, subj
	}
	typ := t.typ
	if typ == graph.Agree && pol == graph.Negated && strings.HasPrefix(d.toks[i].low, "accept") {
		// "will not accept their demands", "refused to accept the letter"
		typ, pol = graph.Reject, graph.Asserted
	}
	if len(obj) == 0 && (typ == graph.Reject || typ == graph.Agree) && len(subj) > 0 {
		// "refused the letter": the sender of the message just reported
		if ri := rb.thingFrom(si, s, j, subj[0]); ri >= 0 {
			obj = []int{rb.out[ri].subj}
			if rb.out[ri].typ != graph.Accuse {
				date = rb.out[ri].date // answering that message dates with it
			}
		}
	}
	t.typ = typ
	via := rb.via(s, i, j, t.typ)
	if t.typ == graph.Meet && (d.toks[i].low == "hosted" || d.toks[i].low == "hosting" || d.toks[i].low == "host" || d.toks[i].low == "hosts") {
		// "X hosted the talks between A and B" was read at "talks";
		// hosting a meeting with no named party is no MEET.
		if rb.followsNoun(s, j) {
			return
		}
	}
	if len(obj) == 0 && len(subj) > 0 && (t.typ == graph.Negotiate || t.typ == graph.Meet) {
		rb.pending = &pendingTalks{typ: t.typ, subj: subj, via: via, attr: attr, pol: pol, sent: si}
	}
	reciprocal := rb.reciprocal(s, i, j)
	motion := t.words[len(t.words)-1] == "to" || t.words[len(t.words)-1] == "in"
	if len(obj) == 0 && len(subj) >= 2 && !motion && (t.typ.Symmetric() || reciprocal || mutual[t.typ] && t.preps["with"] && len(subj) == 2) {
		for a := 0; a < len(subj); a++ {
			for b := a + 1; b < len(subj); b++ {
				rb.add(rel{typ: t.typ, subj: subj[a], obj: subj[b], via: via, attr: attr, date: date, pol: pol, conf: conf, sent: si, trig: i})
				if reciprocal && !t.typ.Symmetric() {
					rb.add(rel{typ: t.typ, subj: subj[b], obj: subj[a], via: via, attr: attr, date: date, pol: pol, conf: conf, sent: si, trig: i})
				}
			}
		}
		return
	}
	for _, a := range subj {
		for _, b := range obj {
			typ := t.typ
			if typ == graph.Support && strings.HasPrefix(d.toks[i].low, "welcom") && rb.ents[b].typ == graph.Person {
				typ = graph.Meet // "welcomed the prime minister": a host's meeting
			}
			rb.add(rel{typ: typ, subj: a, obj: b, via: via, attr: attr, date: date, pol: pol, conf: conf, sent: si, trig: i})
			if (t.typ == graph.Reject || t.typ == graph.Agree) && rb.requestOf(s, j) {
				// "X rejected Y's demand": Y asked X
				rb.add(rel{typ: graph.Request, subj: b, obj: a, attr: attr, date: date, pol: graph.Asserted, conf: 0.5, sent: si, trig: i})
			}
		}
	}
}

// thingNouns are things one side sends or offers another.
var thingNouns = set("letter", "message", "offer", "proposal", "plan", "invitation", "request",
	"demand", "demands", "initiative", "overture", "note")

// chargeNouns name an accusation a rejection answers ("rejected the
// accusation": REJECT of the accuser).
var chargeNouns = set("accusation", "accusations", "allegation", "allegations", "charge",
	"charges", "claim", "claims", "criticism")

// thingFrom reads "the letter" (or "to accept the offer") after a REJECT
// or AGREE trigger as the message or proposal reported in the last three
// sentences to the given recipient, and returns that relation's index, or
// -1.
func (rb *relBuilder) thingFrom(si int, s sentence, j, recipient int) int {
	d := rb.sc.d
	k := j
	if k+1 < s.lim && d.toks[k].low == "to" && strings.HasPrefix(d.toks[k+1].low, "accept") {
		k += 2
	}
	if k+1 >= s.lim || (d.toks[k].low != "the" && d.toks[k].low != "this" && d.toks[k].low != "that") {
		return -1
	}
	noun := d.toks[k+1].low
	if !thingNouns[noun] && !chargeNouns[noun] {
		return -1
	}
	for ri := len(rb.out) - 1; ri >= 0; ri-- {
		r := rb.out[ri]
		if r.sent < si-3 {
			break
		}
		if r.obj != recipient {
			continue
		}
		if thingNouns[noun] && (r.typ == graph.Communicate || r.typ == graph.Request) {
			return ri
		}
		if chargeNouns[noun] && r.typ == graph.Accuse {
			return ri
		}
	}
	return -1
}

// requestNouns name what one side asked of another.
var requestNouns = set("demand", "demands", "request", "requests", "proposal", "proposals", "offer", "call", "appeal", "ultimatum")

// requestOf: the object after token j is a possessor of a request noun
// ("Tehran's last-minute demand").
func (rb *relBuilder) requestOf(s sentence, j int) bool {
	d := rb.sc.d
	for k := j; k < s.lim && k < j+8; k++ {
		if isPossessive(d.toks[k].text) {
			for n := k + 1; n < s.lim && n < k+4; n++ {
				if requestNouns[d.toks[n].low] {
					return true
				}
			}
			return false
		}
	}
	return false
}

// reducedRelative: a participle right after a common noun and before
// "of"/"by" ("firms accused of", "talks mediated by") — passive, whatever
// tag the tagger gave it.
func (rb *relBuilder) reducedRelative(s sentence, i int) bool {
	d := rb.sc.d
	if i-1 < s.first || i+1 >= s.lim || !strings.HasSuffix(d.toks[i].low, "ed") {
		return false
	}
	if p := d.toks[i-1]; (p.tag == "NNS" || p.tag == "NN") && rb.mentionAt(i-1) < 0 {
		n := d.toks[i+1].low
		return n == "of" || n == "by"
	}
	return false
}

// mutual types read "A and B <verb>" with no object as between A and B
// ("Iran and the US communicate", "Chile and Peru agreed"); with more
// than two (forty states signing a declaration) no pair is implied.
var mutual = map[graph.RelationType]bool{graph.Communicate: true, graph.Agree: true}

// frontedPhrase: the trigger opens the sentence as a participle
// ("Speaking to X, ...") or sits in an opening prepositional phrase ("In
// an interview with X, ...").
func (rb *relBuilder) frontedPhrase(s sentence, i int) bool {
	d := rb.sc.d
	if i == s.first {
		return d.toks[i].tag == "VBG"
	}
	if !prepositions[d.toks[s.first].low] {
		return false
	}
	for k := s.first + 1; k < i; k++ {
		w := d.toks[k].text
		if w == "," || strings.HasPrefix(d.toks[k].tag, "VB") || rb.mentionAt(k) >= 0 {
			return false
		}
	}
	return i-s.first <= 4
}

// reciprocal: "exchange airstrikes", "each other".
func (rb *relBuilder) reciprocal(s sentence, i, j int) bool {
	d := rb.sc.d
	if strings.HasPrefix(d.toks[i].low, "exchang") || strings.HasPrefix(d.toks[i].low, "trad") {
		return true
	}
	for k := j; k+1 < s.lim && k < j+4; k++ {
		w := d.toks[k].low + " " + d.toks[k+1].low
		if w == "each other" || w == "one another" {
			return true
		}
	}
	return false
}

// controlled: "asked X to meet Y" — the requested act is not asserted.
func (rb *relBuilder) controlled(s sentence, i int) bool {
	d := rb.sc.d
	if i-1 < s.first || d.toks[i-1].low != "to" {
		return false
	}
	for k := i - 2; k >= s.first && k >= i-6; k-- {
		if t, _, ok := rb.sc.lx.triggers.match(d, s, k); ok && (t.typ == graph.Request || t.typ == graph.Threaten) {
			return true // "asked X to meet Y", "threatened to strike Y"
		}
	}
	return false
}

// between reads "TRIGGER (...) between A, B and C" (within three words
// of the trigger) as one relation per pair, a host or mediator in via. It
// reports whether it did.
func (rb *relBuilder) between(si int, s sentence, i, j int, t trigger, pol graph.Polarity, attr []int) bool {
	d := rb.sc.d
	k := j
	for k < s.lim && k < j+3 && d.toks[k].low != "between" {
		k++
	}
	if k >= s.lim || d.toks[k].low != "between" {
		return false
	}
	parties := rb.list(s, k+1)
	if len(parties) == 0 {
		parties = rb.twoSides(si, s, k+1, false)
	}
	via := rb.via(s, i, j, t.typ)
	if host := rb.host(s, i); host >= 0 {
		via = append(via, host)
	}
	if strings.HasPrefix(d.toks[i].low, "mediat") {
		// "X served as a mediator between A and B", "X and Y, which
		// mediated between A and B"
		via = append(via, rb.subjects(s, i, false)...)
	}
	for a := 0; a < len(parties); a++ {
		for b := a + 1; b < len(parties); b++ {
			rb.add(rel{typ: t.typ, subj: parties[a], obj: parties[b], via: via, attr: attr, trig: i,
				pol: pol, conf: 0.55, sent: si})
		}
	}
	return true
}

// followsNoun: "hosted the talks", "hosting previous rounds of discussions".
func (rb *relBuilder) followsNoun(s sentence, j int) bool {
	d := rb.sc.d
	for k := j; k < s.lim && k < j+6; k++ {
		w := d.toks[k].low
		switch w {
		case "talks", "negotiations", "discussions", "meeting", "meetings", "summit", "round", "rounds", "consultations", "dialogue":
			return true
		}
		if rb.mentionAt(k) >= 0 {
			return false
		}
	}
	return false
}

// host: "X hosted ... talks between": X, for via.
func (rb *relBuilder) host(s sentence, i int) int {
	d := rb.sc.d
	for k := i - 1; k >= s.first && k >= i-8; k-- {
		w := d.toks[k].low
		if w == "hosted" || w == "hosting" || w == "hosts" || w == "mediated" || w == "brokered" {
			subs := rb.subjects(s, k, false)
			if len(subs) > 0 {
				return subs[0]
			}
		}
	}
	return -1
}

func (rb *relBuilder) hedged(s sentence, i int) bool {
	d := rb.sc.d
	for k := i - 1; k >= s.first && k >= i-3; k-- {
		w := d.toks[k].low
		if w == "may" || w == "might" || w == "could" {
			return true
		}
		if boundaries[w] || w == "," {
			break
		}
	}
	return false
}

func (rb *relBuilder) negated(s sentence, i int) bool {
	d := rb.sc.d
	if rb.deniedClaim(s, i) {
		return true
	}
	for k := i - 1; k >= s.first && k >= i-4; k-- {
		w := d.toks[k].low
		if negators[w] || (w == "out" && k > s.first && d.toks[k-1].low == "ruled") {
			return true
		}
		if (w == "rejected" || w == "rejects" || w == "dismissed") && k == i-1 {
			return true // "rejected talks with X"
		}
		if boundaries[w] || w == "," || rb.mentionAt(k) >= 0 {
			break
		}
	}
	return false
}

// deniedClaim: the trigger sits in a claim the sentence denies ("denied a
// report that it had agreed to ...").
func (rb *relBuilder) deniedClaim(s sentence, i int) bool {
	d := rb.sc.d
	that := false
	for k := i - 1; k >= s.first; k-- {
		w := d.toks[k].low
		if w == "that" {
			that = true
			continue
		}
		if !that {
			continue
		}
		switch w {
		case "report", "reports", "claim", "claims", "rumor", "rumors", "rumour", "rumours", "allegation", "allegations", "suggestion", "suggestions":
			for j := k - 1; j >= s.first && j >= k-5; j-- {
				switch d.toks[j].low {
				case "denied", "denies", "deny", "rejected", "rejects", "dismissed", "dismisses", "refuted", "refutes":
					return true
				}
			}
		}
	}
	return false
}

func (rb *relBuilder) passive(s sentence, i int) bool {
	d := rb.sc.d
	if !strings.HasPrefix(d.toks[i].tag, "VBN") && !strings.HasSuffix(d.toks[i].low, "ed") {
		return false
	}
	if rb.reducedRelative(s, i) {
		return true
	}
	for k := i - 1; k >= s.first && k >= i-3; k-- {
		w := d.toks[k].low
		if beForms[w] {
			return true
		}
		if !strings.HasPrefix(d.toks[k].tag, "RB") {
			break
		}
	}
	return false
}

// via collects mediators in the sentence: "through X", "via X",
// "mediated by X", "under X sponsorship", and for meetings the state they
// were held in ("negotiations in Oman").
var talkTypes = map[graph.RelationType]bool{graph.Negotiate: true, graph.Meet: true, graph.Agree: true}

func (rb *relBuilder) via(s sentence, i, j int, typ graph.RelationType) []int {
	sc := rb.sc
	d := sc.d
	var out []int
	for k := s.first; k < s.lim; k++ {
		w := d.toks[k].low
		switch {
		case viaCues[w] || (w == "by" && k > s.first && (d.toks[k-1].low == "mediated" || d.toks[k-1].low == "delivered" || d.toks[k-1].low == "brokered" || d.toks[k-1].low == "hosted")):
			n := k + 1
			for n < s.lim && (d.toks[n].low == "the" || d.toks[n].low == "intermediaries" || d.toks[n].low == "backchannels" || d.toks[n].low == "or" || d.toks[n].low == "," || d.toks[n].low == "such" || d.toks[n].low == "as") {
				n++
			}
			if rb.usable(rb.mentionAt(n)) >= 0 {
				// "mediated by Qatar and Turkey": every mediator
				for _, e := range rb.list(s, n) {
					out = appendInt(out, e)
				}
			}
		case w == "under" && k+1 < s.lim:
			if mi := rb.mentionAt(k + 1); mi >= 0 && k+2 < s.lim {
				nw := d.toks[sc.ments[mi].tj].low
				if nw == "sponsorship" || nw == "auspices" || nw == "mediation" {
					if e := rb.usable(mi); e >= 0 {
						out = append(out, e)
					}
				}
			}
		case w == "in" && k >= j && k < j+8 && talkTypes[typ]:
			if mi := rb.mentionAt(k + 1); mi >= 0 && sc.ments[mi].ti == k+1 {
				if e := rb.usable(mi); e >= 0 && rb.ents[e].typ == graph.Country {
					out = append(out, e)
				}
			}
		}
	}
	return out
}

func (rb *relBuilder) lastPerson(pos int) int {
	best, bestPos := -1, -1
	for _, m := range rb.sc.ments {
		if m.ent >= 0 && m.start < pos && m.start > bestPos && rb.ents[m.ent].typ == graph.Person && !rb.sc.d.sents[m.sent].titleCase {
			best, bestPos = m.ent, m.start
		}
	}
	return best
}
