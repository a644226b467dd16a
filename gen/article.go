package gen

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"time"

	"github.com/actorgraph/actorgraph/graph"
)

// Options configure a Generator.
type Options struct {
	// Seed chooses the cast and the articles; the same seed gives the same
	// output.
	Seed uint64
	// Cast sizes; zero fields take the defaults.
	Sizes Sizes
}

// Generator writes articles one at a time. It is not safe for concurrent
// use; give each goroutine its own.
type Generator struct {
	seed uint64
	r    *rand.Rand
	cast *cast
	n    int
}

// firstDay is the publication date of the first article; ArticlesPerDay
// articles appear each day after it.
var firstDay = time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)

// ArticlesPerDay is how many generated articles share a publication date.
const ArticlesPerDay = 40

// New returns a Generator for o. Building the cast is the only work done
// up front; it takes a few milliseconds for the default sizes.
func New(o Options) *Generator {
	c := newCast(rand.New(rand.NewPCG(o.Seed, 0xca57)), o.Sizes.withDefaults())
	return &Generator{seed: o.Seed, r: rand.New(rand.NewPCG(o.Seed, 0xa271c1e)), cast: c}
}

// Next returns the next article.
func (g *Generator) Next() graph.Article {
	n := g.n
	g.n++
	pub := firstDay.AddDate(0, 0, n/ArticlesPerDay)
	st := &story{g: g, r: g.r, pub: pub, named: map[int]bool{}}
	text, title := st.write()
	outlet := g.cast.media[skewed(g.r, len(g.cast.media))]
	return graph.Article{
		ID:        fmt.Sprintf("gen-%d-%07d", g.seed, n),
		URL:       fmt.Sprintf("https://news.example/%d/%07d", g.seed, n),
		Title:     title,
		Source:    outlet,
		Published: pub.Format(time.DateOnly),
		Text:      text,
	}
}

// story is one article being written: who it is about and who has been
// named already (named people are then called by surname).
type story struct {
	g     *Generator
	r     *rand.Rand
	pub   time.Time
	named map[int]bool
	// cast members the article keeps returning to
	people    []int
	orgs      []int
	states    []int
	outlets   []int
	sentences []string
}

var (
	topics   = []string{"trade", "energy", "border security", "water rights", "refugees", "grain exports", "a prisoner exchange", "fishing quotas", "debt relief", "arms control", "a ceasefire", "customs duties"}
	offences = []string{"arming militias", "interfering in the election", "violating the ceasefire", "smuggling weapons", "spreading false reports", "detaining journalists", "blocking aid convoys"}
	actions  = []string{"release the detainees", "reopen the border", "return to the table", "withdraw its forces", "allow observers in", "respect the truce"}
	// fillers carry no relation; {1} and {2} are topics.
	fillers = []string{
		"The talks focused on {1} and {2}, two questions that have divided the region for years.",
		"Analysts said the outcome remained uncertain and that much would depend on the coming weeks.",
		"Officials did not give further details about {1}, saying only that work would continue.",
		"Diplomats expect a further round of contacts on {1} before the end of the month.",
		"Markets reacted calmly to the news, and the currency held steady against the dollar.",
		"Opposition figures said the government had moved too slowly on {2} and too quickly on {1}.",
		"Earlier this year, a dispute over {2} had stalled progress on {1} for several months.",
	}
	quotes = []string{
		"We will defend our interests, whatever the cost",
		"Nothing has been decided yet, and nothing will be decided without our partners",
		"This is a step forward, but only a first step",
		"The door remains open if the other side shows good faith",
	}
	weekdays = []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}
)

func (s *story) pick(xs []string) string { return xs[s.r.IntN(len(xs))] }

// write composes the article: a dateline, then paragraphs of two or three
// sentences, about a dozen sentences in all (real news here averages some
// 1,900 bytes and fifteen relations).
func (s *story) write() (text, title string) {
	c := s.g.cast
	for range 2 + s.r.IntN(3) {
		s.people = append(s.people, skewed(s.r, len(c.people)))
	}
	for range 1 + s.r.IntN(2) {
		s.orgs = append(s.orgs, skewed(s.r, len(c.orgs)))
	}
	for range 2 + s.r.IntN(2) {
		s.states = append(s.states, skewed(s.r, len(countries)))
	}
	s.outlets = append(s.outlets, skewed(s.r, len(c.media)))
	where := countries[s.states[0]]
	for s.people[1] == s.people[0] {
		s.people[1] = s.r.IntN(len(c.people))
	}
	a, b := c.people[s.people[0]], c.people[s.people[1]]
	title = fmt.Sprintf("%s and %s discuss %s in %s", a.last, b.last, s.pick(topics), where.capital)

	n := 15 + s.r.IntN(8)
	for i := 0; i < n; i++ {
		if i > 0 && s.r.IntN(4) == 0 {
			if s.r.IntN(3) == 0 {
				s.add(fmt.Sprintf("\"%s,\" %s said.", s.pick(quotes), s.person(s.people[s.r.IntN(len(s.people))])))
				continue
			}
			s.add(strings.NewReplacer("{1}", s.pick(topics), "{2}", s.pick(topics)).Replace(s.pick(fillers)))
			continue
		}
		s.relational(i == 0)
	}
	var b2 strings.Builder
	b2.WriteString(strings.ToUpper(where.capital))
	b2.WriteString(" — ")
	for i, sen := range s.sentences {
		if i > 0 {
			if i%3 == 0 {
				b2.WriteString("\n\n")
			} else {
				b2.WriteByte(' ')
			}
		}
		b2.WriteString(sen)
	}
	return b2.String(), title
}

func (s *story) add(sentence string) { s.sentences = append(s.sentences, sentence) }

// ref is a party to an interaction: a person, an organisation or a state
// of the cast, by index.
type ref struct {
	kind byte // 'p', 'o' or 'c'
	i    int
}

// actor picks a party: mostly a person of the story, else an organisation
// or a state; newcomers join the story now and then.
func (s *story) actor() ref {
	switch k := s.r.IntN(10); {
	case k < 6:
		if s.r.IntN(4) == 0 {
			s.people = append(s.people, skewed(s.r, len(s.g.cast.people)))
			return ref{'p', s.people[len(s.people)-1]}
		}
		return ref{'p', s.people[s.r.IntN(len(s.people))]}
	case k < 8:
		return ref{'o', s.orgs[s.r.IntN(len(s.orgs))]}
	default:
		return ref{'c', s.states[s.r.IntN(len(s.states))]}
	}
}

// name writes a party as the text names it.
func (s *story) name(x ref) string {
	switch x.kind {
	case 'p':
		return s.person(x.i)
	case 'o':
		return "the " + s.g.cast.orgs[x.i]
	}
	return countries[x.i].name
}

// pair names two different parties, the first one first.
func (s *story) pair(lead bool) (string, string) {
	a, b := s.actor(), s.actor()
	if lead {
		a, b = ref{'p', s.people[0]}, ref{'p', s.people[1]}
	}
	for b == a {
		b = ref{'c', (a.i + 1 + s.r.IntN(len(countries)-1)) % len(countries)}
	}
	na := s.name(a)
	return na, s.name(b)
}

// otherState names a state of the story other than the ones given.
func (s *story) otherState(not ...string) string {
	for range 8 {
		x := s.state()
		if !slices.Contains(not, x) {
			return x
		}
	}
	for _, c := range countries {
		if !slices.Contains(not, c.name) {
			return c.name
		}
	}
	return ""
}

// person names cast member i: with title and what they serve the first
// time ("Kenyan Foreign Minister Amina Odhiambo"), by surname afterwards.
func (s *story) person(i int) string {
	p := &s.g.cast.people[i]
	if s.named[i] {
		return p.last
	}
	s.named[i] = true
	switch p.kind {
	case 'c':
		return countries[p.of].demonym + " " + p.title + " " + p.full()
	case 'o':
		return s.g.cast.orgs[p.of] + " " + p.title + " " + p.full()
	}
	return s.g.cast.media[p.of] + " " + p.title + " " + p.full()
}

func (s *story) outlet() string {
	if s.r.IntN(3) == 0 {
		s.outlets = append(s.outlets, skewed(s.r, len(s.g.cast.media)))
	}
	return s.g.cast.media[s.outlets[s.r.IntN(len(s.outlets))]]
}

// when is a date phrase: a weekday (resolved against publication), a full
// date in the month before publication, or nothing.
func (s *story) when() string {
	switch s.r.IntN(4) {
	case 0, 1:
		return " on " + s.pick(weekdays)
	case 2:
		d := s.pub.AddDate(0, 0, -1-s.r.IntN(30))
		return " on " + d.Format("2 January 2006")
	}
	return ""
}

func (s *story) city() string { return countries[s.states[s.r.IntN(len(s.states))]].capital }

func (s *story) state() string { return countries[s.states[s.r.IntN(len(s.states))]].name }

// capitalise starts a sentence with a capital ("the Front" → "The Front").
func capitalise(x string) string {
	if strings.HasPrefix(x, "the ") {
		return "The" + x[3:]
	}
	return x
}

// relational adds one sentence stating one or two relations.
func (s *story) relational(lead bool) {
	a, b := s.pair(lead)
	var sen string
	k := s.r.IntN(16)
	if lead {
		k = 0
	}
	switch k {
	case 0:
		sen = fmt.Sprintf("%s met %s in %s%s to discuss %s.", a, b, s.city(), s.when(), s.pick(topics))
	case 1:
		sen = fmt.Sprintf("%s held talks with %s%s on %s.", a, b, s.when(), s.pick(topics))
	case 2:
		via := s.otherState(a, b)
		sen = fmt.Sprintf("%s and %s negotiated through %s%s, officials on both sides said.", a, b, via, s.when())
	case 3:
		sen = fmt.Sprintf("%s accused %s of %s, a charge that was denied within hours.", a, b, s.pick(offences))
	case 4:
		sen = fmt.Sprintf("According to %s, %s sent a letter to %s%s.", s.outlet(), a, b, s.when())
	case 5:
		x := s.otherState(a)
		y := s.otherState(a, x)
		sen = fmt.Sprintf("%s told %s that %s would not negotiate with %s.", a, s.outlet(), x, y)
	case 6:
		sen = fmt.Sprintf("%s urged %s to %s.", a, b, s.pick(actions))
	case 7:
		sen = fmt.Sprintf("%s rejected the proposal from %s.", a, b)
	case 8:
		sen = fmt.Sprintf("%s imposed sanctions on %s%s.", a, b, s.when())
	case 9:
		sen = fmt.Sprintf("%s praised %s for the part played in the talks on %s.", a, b, s.pick(topics))
	case 10:
		sen = fmt.Sprintf("%s warned %s of consequences if the attacks on %s continued.", a, b, s.state())
	case 11:
		sen = fmt.Sprintf("%s agreed with %s on %s%s.", a, b, s.pick(topics), s.when())
	case 12:
		sen = fmt.Sprintf("%s signed an agreement with %s in %s%s.", a, b, s.city(), s.when())
	case 13:
		sen = fmt.Sprintf("%s reported that %s had visited %s%s.", s.outlet(), a, s.state(), s.when())
	case 14:
		sen = fmt.Sprintf("%s said it would cooperate with %s on %s.", a, b, s.pick(topics))
	default:
		sen = fmt.Sprintf("%s struck positions of %s near the border%s.", a, b, s.when())
	}
	s.add(capitalise(sen))
}
