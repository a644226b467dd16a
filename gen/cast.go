package gen

import (
	"fmt"
	"math/rand/v2"
)

// country is a real state as the gazetteer knows it: the generator makes up
// people and bodies, never states, so that states are recognised.
type country struct{ name, capital, demonym string }

var countries = []country{
	{"Kenya", "Nairobi", "Kenyan"}, {"Uganda", "Kampala", "Ugandan"}, {"Ghana", "Accra", "Ghanaian"},
	{"Nigeria", "Abuja", "Nigerian"}, {"Egypt", "Cairo", "Egyptian"}, {"Morocco", "Rabat", "Moroccan"},
	{"Turkey", "Ankara", "Turkish"}, {"Greece", "Athens", "Greek"}, {"Italy", "Rome", "Italian"},
	{"France", "Paris", "French"}, {"Germany", "Berlin", "German"}, {"Poland", "Warsaw", "Polish"},
	{"Sweden", "Stockholm", "Swedish"}, {"Norway", "Oslo", "Norwegian"}, {"Spain", "Madrid", "Spanish"},
	{"Portugal", "Lisbon", "Portuguese"}, {"Austria", "Vienna", "Austrian"}, {"Hungary", "Budapest", "Hungarian"},
	{"Romania", "Bucharest", "Romanian"}, {"Ukraine", "Kyiv", "Ukrainian"}, {"Georgia", "Tbilisi", "Georgian"},
	{"Armenia", "Yerevan", "Armenian"}, {"Azerbaijan", "Baku", "Azerbaijani"}, {"Kazakhstan", "Astana", "Kazakh"},
	{"Pakistan", "Islamabad", "Pakistani"}, {"India", "New Delhi", "Indian"}, {"Nepal", "Kathmandu", "Nepali"},
	{"Thailand", "Bangkok", "Thai"}, {"Vietnam", "Hanoi", "Vietnamese"}, {"Indonesia", "Jakarta", "Indonesian"},
	{"Japan", "Tokyo", "Japanese"}, {"Brazil", "Brasilia", "Brazilian"}, {"Argentina", "Buenos Aires", "Argentine"},
	{"Chile", "Santiago", "Chilean"}, {"Peru", "Lima", "Peruvian"}, {"Mexico", "Mexico City", "Mexican"},
	{"Canada", "Ottawa", "Canadian"}, {"Oman", "Muscat", "Omani"}, {"Qatar", "Doha", "Qatari"},
	{"Jordan", "Amman", "Jordanian"},
}

// The offices a person of the cast holds.
var (
	stateTitles = []string{"President", "Prime Minister", "Foreign Minister", "Defence Minister",
		"Finance Minister", "Interior Minister", "Ambassador", "Envoy", "Chief Negotiator"}
	bodyTitles  = []string{"Chairman", "Spokesman", "Secretary General", "Director", "Commander"}
	mediaTitles = []string{"Editor", "Director"}
)

// person is a member of the cast. Of is the index, in its kind's list, of
// what the person serves: a country for state titles, an organisation or an
// outlet otherwise.
type person struct {
	first, last string
	title       string
	kind        byte // 'c' country, 'o' organisation, 'm' outlet
	of          int
}

func (p *person) full() string { return p.first + " " + p.last }

// cast is the fictional world articles are written about.
type cast struct {
	people []person
	orgs   []string
	media  []string
	// orgCountry is the state an organisation belongs to.
	orgCountry []int
}

// Sizes of the cast; zero fields take the defaults.
type Sizes struct {
	People, Organizations, Media int
}

// Default cast sizes: thousands of people, as in a large news archive.
const (
	DefaultPeople        = 5000
	DefaultOrganizations = 600
	DefaultMedia         = 80
)

func (s Sizes) withDefaults() Sizes {
	if s.People <= 0 {
		s.People = DefaultPeople
	}
	if s.Organizations <= 0 {
		s.Organizations = DefaultOrganizations
	}
	if s.Media <= 0 {
		s.Media = DefaultMedia
	}
	return s
}

// newCast invents a cast. Names are unique within their kind, so that
// resolution across articles has no ambiguity the generator did not mean.
func newCast(r *rand.Rand, s Sizes) *cast {
	c := &cast{}
	seen := map[string]bool{}
	unique := func(f func() string) string {
		for {
			n := f()
			if !seen[n] {
				seen[n] = true
				return n
			}
		}
	}
	for range s.Organizations {
		c.orgs = append(c.orgs, unique(func() string {
			if r.IntN(4) == 0 {
				return fmt.Sprintf("%s %s Party", word(r, firstEnds), partyWords[r.IntN(len(partyWords))])
			}
			return fmt.Sprintf(orgPatterns[r.IntN(len(orgPatterns))], word(r, firstEnds))
		}))
		c.orgCountry = append(c.orgCountry, r.IntN(len(countries)))
	}
	for range s.Media {
		c.media = append(c.media, unique(func() string {
			return fmt.Sprintf(mediaPattern[r.IntN(len(mediaPattern))], word(r, firstEnds))
		}))
	}
	for range s.People {
		var p person
		// Surnames repeat sometimes, as in life; full names are unique.
		unique(func() string {
			p.first = word(r, firstEnds)
			p.last = word(r, lastEnds)
			return p.full()
		})
		switch k := r.IntN(10); {
		case k < 5:
			p.kind, p.of, p.title = 'c', r.IntN(len(countries)), stateTitles[r.IntN(len(stateTitles))]
		case k < 9:
			p.kind, p.of, p.title = 'o', r.IntN(len(c.orgs)), bodyTitles[r.IntN(len(bodyTitles))]
		default:
			p.kind, p.of, p.title = 'm', r.IntN(len(c.media)), mediaTitles[r.IntN(len(mediaTitles))]
		}
		c.people = append(c.people, p)
	}
	return c
}

// skewed picks an index below n, favouring low ones: low-numbered actors
// are the hubs news keeps returning to.
func skewed(r *rand.Rand, n int) int {
	if r.IntN(2) == 0 {
		return r.IntN(1 + r.IntN(n))
	}
	return r.IntN(n)
}
