package extract_test

import (
	"context"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/actorgraph/actorgraph/graph"
)

// run extracts one invented article and checks the output contract.
func run(t *testing.T, text, published string) graph.Extraction {
	t.Helper()
	x := sharedExtractor(t)
	a := graph.Article{ID: "t", Text: text, Published: published}
	out, err := x.Extract(context.Background(), a)
	if err != nil {
		t.Fatalf("Extract: %v", err)
	}
	checkExtraction(t, a, out)
	return out
}

func entityNamed(x graph.Extraction, name string) (graph.Entity, bool) {
	for _, e := range x.Entities {
		if e.Name == name {
			return e, true
		}
	}
	return graph.Entity{}, false
}

// hasForm reports whether some entity of type typ has name or alias form.
func hasForm(x graph.Extraction, typ graph.EntityType, form string) bool {
	for _, e := range x.Entities {
		if e.Type != typ {
			continue
		}
		if e.Name == form {
			return true
		}
		for _, a := range e.Aliases {
			if a == form {
				return true
			}
		}
	}
	return false
}

func nameOf(x graph.Extraction, id string) string {
	for _, e := range x.Entities {
		if e.ID == id {
			return e.Name
		}
	}
	return id
}

// findRel returns the relations of a type between two named entities
// (either direction for symmetric types).
func findRel(x graph.Extraction, typ graph.RelationType, subj, obj string) []graph.Relation {
	var out []graph.Relation
	for _, r := range x.Relations {
		if r.Type != typ {
			continue
		}
		s, o := nameOf(x, r.Subject), nameOf(x, r.Object)
		if (s == subj && o == obj) || (typ.Symmetric() && s == obj && o == subj) {
			out = append(out, r)
		}
	}
	return out
}

func TestEntities(t *testing.T) {
	type want struct {
		typ  graph.EntityType
		form string // name or alias
	}
	tests := []struct {
		name string
		text string
		want []want
		not  []string // no entity may have this name or alias
	}{
		{"title split off a person, demonym as state",
			"Kenyan Foreign Minister Amina Odhiambo met her counterparts on Monday.",
			[]want{{graph.Person, "Amina Odhiambo"}, {graph.Country, "Kenya"}, {graph.Country, "Kenyan"}},
			[]string{"Foreign Minister Amina Odhiambo", "Kenyan Foreign Minister"}},
		{"honorifics are aliases, not names",
			"The envoy met Dr. Sayed Harun Karimi in the capital. Karimi said little.",
			[]want{{graph.Person, "Harun Karimi"}, {graph.Person, "Karimi"}, {graph.Person, "Sayed Harun Karimi"}},
			[]string{"Dr. Sayed Harun Karimi"}},
		{"capital as state and as place",
			"Ottawa rejected the proposal. Officials later met in Lima to discuss it.",
			[]want{{graph.Country, "Canada"}, {graph.Country, "Ottawa"}, {graph.Location, "Lima"}},
			[]string{"Peru"}},
		{"a capital after 'parts of' is the place",
			"Drones knocked out power in large parts of Kyiv.",
			[]want{{graph.Location, "Kyiv"}},
			[]string{"Ukraine"}},
		{"dash-joined words do not join names",
			"A Financial Times report—echoed by Deutsche Welle—said the deal was near.",
			[]want{{graph.Media, "Financial Times"}, {graph.Media, "Deutsche Welle"}},
			[]string{"Deutsche Welle—said", "Financial Times report"}},
		{"acronym defined in text joins its expansion",
			"The National Reconciliation Front (NRF) held a rally. Later the NRF issued a statement.",
			[]want{{graph.Organization, "National Reconciliation Front"}, {graph.Organization, "NRF"}},
			nil},
		{"short form resolves to the full name",
			"Talks were led by Pieter van Doorn on Tuesday. Van Doorn told reporters the mood was good.",
			[]want{{graph.Person, "Pieter van Doorn"}},
			[]string{"Talks"}},
		{"nationality describing a person is not the state",
			"A Danish journalist wrote about the summit in Geneva.",
			[]want{{graph.Location, "Geneva"}},
			[]string{"Denmark", "Danish"}},
		{"counted people are not the state",
			"Thousands of Sudanese fled, and two Eritreans were detained.",
			nil,
			[]string{"Sudan", "Eritrea", "Eritreans", "Sudanese"}},
		{"media and organisation heads",
			"The Harbour Times reported that the Coastal Defence Council had met.",
			[]want{{graph.Media, "Harbour Times"}, {graph.Organization, "Coastal Defence Council"}},
			nil},
		{"generic ministry qualified by its state",
			"Chile's Foreign Ministry announced the visit.",
			[]want{{graph.Organization, "Foreign Ministry of Chile"}, {graph.Country, "Chile"}},
			nil},
		{"all-caps dateline is a place",
			"NAIROBI — Kenya and Uganda signed the accord on Friday.",
			[]want{{graph.Location, "Nairobi"}, {graph.Country, "Kenya"}, {graph.Country, "Uganda"}},
			nil},
		{"alternative state names",
			"The U.S. and the Islamic Republic traded accusations; America said little.",
			[]want{{graph.Country, "United States"}, {graph.Country, "U.S."}, {graph.Country, "America"}, {graph.Country, "Iran"}},
			nil},
		{"title-cased headline yields no fragments",
			"Minister Denies Reports Following Weekend Clashes\n\nThe minister spoke in Cairo.",
			[]want{{graph.Location, "Cairo"}},
			[]string{"Denies Reports Following Weekend Clashes", "Reports Following Weekend Clashes", "Weekend Clashes"}},
		{"initials stay in a name",
			"Senator R. J. Whitcombe opposed the bill.",
			[]want{{graph.Person, "R. J. Whitcombe"}},
			[]string{"R", "Whitcombe."}},
		{"family name first resolves to the full name",
			"Premier Li Wenhao visited Hanoi. Li later returned home.",
			[]want{{graph.Person, "Li Wenhao"}, {graph.Person, "Li"}},
			nil},
		{"a counterpart's state is a qualifier",
			"Kenya's minister met his Ugandan counterpart Ruth Nakato.",
			[]want{{graph.Person, "Ruth Nakato"}, {graph.Country, "Uganda"}},
			[]string{"Ugandan counterpart Ruth Nakato"}},
		{"a unit named inside a title is no entity",
			"Chief of the General Staff's Operations Directorate Ivan Petrov spoke.",
			[]want{{graph.Person, "Ivan Petrov"}},
			[]string{"Operations Directorate", "Operations Directorate Ivan Petrov"}},
		{"a leading direction word in an outlet's name",
			"The claim was first printed by the Northern Clarion Post on Monday.",
			[]want{{graph.Media, "Northern Clarion Post"}},
			[]string{"Clarion Post"}},
		{"an unknown multi-word place after 'in'",
			"The paper is based in Puerto Rayado and prints weekly.",
			[]want{{graph.Location, "Puerto Rayado"}},
			nil},
		{"company names end in a corporate head",
			"Regulators fined Blue Meridian Holdings for the spill.",
			[]want{{graph.Organization, "Blue Meridian Holdings"}},
			nil},
		{"dateline place keeps its ordinary spelling",
			"LISBON, May 2 — Portugal and Spain met.",
			[]want{{graph.Location, "Lisbon"}, {graph.Location, "LISBON"}},
			nil},
		{"a parenthesised agency after a dateline is not an acronym of it",
			"UNITED NATIONS (AP) — The council met on Monday.",
			[]want{{graph.Media, "AP"}},
			nil},
		{"a surname after a place in a list context is still the person",
			"Speaking in Oslo, Jonas Berg said talks went well. Speaking to reporters in Bergen, Berg said more.",
			[]want{{graph.Person, "Jonas Berg"}, {graph.Person, "Berg"}, {graph.Location, "Oslo"}},
			[]string{}},
		{"lexicon bodies keep their canonical name as an alias",
			"The EU said the talks were useful.",
			[]want{{graph.Organization, "EU"}, {graph.Organization, "European Union"}},
			nil},
		{"common acronyms are not bodies",
			"Growth reached 3% of GDP, the CEO told an NGO forum.",
			nil,
			[]string{"GDP", "CEO", "NGO"}},
		{"a fleet named after a sea is a body",
			"The Baltic Sea Fleet moved two ships out of Kaliningrad.",
			[]want{{graph.Organization, "Baltic Sea Fleet"}, {graph.Location, "Kaliningrad"}},
			nil},
		{"hashtags and handles name entities without their sigils",
			"#Chile FM Ana Soto lands in #Peru, per @Reuters.",
			[]want{{graph.Country, "Chile"}, {graph.Country, "Peru"}, {graph.Media, "Reuters"}, {graph.Person, "Ana Soto"}},
			[]string{"#Chile", "@Reuters", "FM Ana Soto"}},
		{"events and agreements are not entities",
			"At the Munich Security Conference, delegates praised the Paris Agreement and recalled the Cold War.",
			nil,
			[]string{"Munich", "Security Conference", "Munich Security Conference", "Paris Agreement", "France", "Cold War", "Agreement"}},
		{"a body stays named inside an event's name",
			"Leaders gathered for the NATO Summit in Vilnius.",
			[]want{{graph.Organization, "NATO"}},
			[]string{"NATO Summit"}},
		{"a single name before a party noun is a body",
			"The Likud party won the vote, and the Wagner group withdrew.",
			[]want{{graph.Organization, "Likud"}},
			nil},
		{"compass words open region names but not state names",
			"Fighting spread to West Darfur and Upper Nile, and North Korea tested a missile near northern Israel.",
			[]want{{graph.Location, "West Darfur"}, {graph.Location, "Upper Nile"}, {graph.Country, "North Korea"}, {graph.Country, "Israel"}},
			[]string{"West", "Darfur"}},
		{"a name holding function words is a body",
			"Volunteers from Doctors Against Hunger arrived.",
			[]want{{graph.Organization, "Doctors Against Hunger"}},
			nil},
		{"an abbreviated month in a dateline is no name",
			"ACCRA, Feb 18 (Reuters) - Ghana said it would act.",
			[]want{{graph.Location, "Accra"}, {graph.Media, "Reuters"}},
			[]string{"Feb"}},
		{"place-name prefixes",
			"Shells hit Kafr Dunya and Mount Sela overnight.",
			[]want{{graph.Location, "Kafr Dunya"}, {graph.Location, "Mount Sela"}},
			nil},
		{"a state's name as a first name",
			"Defence Minister Israel Katz warned Hezbollah.",
			[]want{{graph.Person, "Israel Katz"}, {graph.Organization, "Hezbollah"}},
			[]string{"Israel"}},
		{"a place named after a state",
			"Troops entered the Jordan Valley.",
			[]want{{graph.Location, "Jordan Valley"}},
			[]string{"Jordan"}},
		{"peoples and religions are not entities",
			"Muslims and Christians prayed together, while Kurds marched.",
			nil,
			[]string{"Muslims", "Christians", "Kurds"}},
		{"an outlet's credit line with a place",
			"Coastline Wire - Lisbon\n\nPortugal met Spain on Monday.",
			[]want{{graph.Media, "Coastline Wire"}, {graph.Location, "Lisbon"}},
			nil},
		{"a headline with a dash is no credit line",
			"Portugal Rejects Deal - Report Says More\n\nPortugal met Spain on Monday.",
			nil,
			[]string{"Rejects Deal", "Portugal Rejects Deal"}},
		{"a name before a gang noun is a body",
			"Police arrested members of the Costa Negra gang.",
			[]want{{graph.Organization, "Costa Negra"}},
			nil},
		{"treaty acronyms are not entities",
			"The envoy defended the 2015 accord (JCPOA) at length.",
			nil,
			[]string{"JCPOA"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			x := run(t, tc.text, "")
			for _, w := range tc.want {
				if !hasForm(x, w.typ, w.form) {
					t.Errorf("no %s entity with form %q; got %v", w.typ, w.form, summary(x))
				}
			}
			for _, n := range tc.not {
				for _, e := range x.Entities {
					if e.Name == n {
						t.Errorf("unexpected entity %q (%s)", n, e.Type)
					}
					for _, a := range e.Aliases {
						if a == n {
							t.Errorf("unexpected alias %q of %q", n, e.Name)
						}
					}
				}
			}
		})
	}
}

// TestHeadlineMentions: a title-cased headline names nothing new, but the
// names the body uses are found in it.
func TestHeadlineMentions(t *testing.T) {
	x := run(t, "Lena Fisch Rejects Talks With Rival Parties\n\nOpposition leader Lena Fisch said on Monday she would not talk.", "")
	var got []graph.Mention
	for _, e := range x.Entities {
		if e.Name == "Lena Fisch" {
			got = e.Mentions
		}
		if e.Name == "Rejects Talks" || e.Name == "Rival Parties" || e.Name == "Lena Fisch Rejects Talks With Rival Parties" {
			t.Errorf("headline fragment %q became an entity", e.Name)
		}
	}
	if len(got) != 2 || got[0].Start != 0 {
		t.Errorf("Lena Fisch mentions = %+v, want one in the headline and one in the body", got)
	}
	x = run(t, "Fisch Aide Rejects Talks With Rivals\n\nOpposition leader Lena Fisch said on Monday she would not talk.", "")
	for _, e := range x.Entities {
		if e.Name == "Lena Fisch" && (len(e.Mentions) != 2 || e.Mentions[0].Text != "Fisch") {
			t.Errorf("surname in headline: mentions %+v", e.Mentions)
		}
	}
}

// TestEntityNames: the name is the fullest form the text uses.
func TestEntityNames(t *testing.T) {
	tests := []struct{ name, text, want string }{
		{"a lexicon body keeps the name the text uses", "NATO allies met in Brussels.", "NATO"},
		{"the lexicon's name when used", "The European Union said the EU would act.", "European Union"},
		{"a person's fullest form", "Lena Fisch spoke. Fisch left.", "Lena Fisch"},
		{"an honorific never enters the name", "Sheikh Omar Said Nasser spoke. Omar Said Nasser left.", "Omar Said Nasser"},
		{"a state's canonical name", "The U.S. and Canada met.", "United States"},
		{"a dateline place in ordinary case", "OSLO, May 2 — Norway met Sweden.", "Oslo"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			x := run(t, tc.text, "")
			if _, ok := entityNamed(x, tc.want); !ok {
				t.Errorf("no entity named %q: %v", tc.want, summary(x))
			}
		})
	}
}

func summary(x graph.Extraction) []string {
	var out []string
	for _, e := range x.Entities {
		out = append(out, string(e.Type)+":"+e.Name+"["+strings.Join(e.Aliases, "|")+"]")
	}
	return out
}

func relSummary(x graph.Extraction) []string {
	var out []string
	for _, r := range x.Relations {
		out = append(out, string(r.Type)+"("+nameOf(x, r.Subject)+","+nameOf(x, r.Object)+")")
	}
	return out
}

func TestHoldsRole(t *testing.T) {
	tests := []struct {
		name      string
		text      string
		person    string
		of        string // "" means no HOLDS_ROLE for person at all
		role      string
		notObject string
	}{
		{"pre-nominal demonym", "Chilean President Elena Rojas arrived on Monday.", "Elena Rojas", "Chile", "President", ""},
		{"possessive state", "Peru's Defence Minister Jorge Salas said the drills would go ahead.", "Jorge Salas", "Peru", "Defence Minister", ""},
		{"appositive to a person", "Lena Fisch, a senior adviser to Chancellor Otto Brandt, declined to comment.", "Lena Fisch", "Otto Brandt", "senior adviser", ""},
		{"appositive of a body", "Omar Haddad, Secretary of the Arab League, spoke first.", "Omar Haddad", "Arab League", "Secretary", ""},
		{"possessive person, reverse apposition", "Rojas's chief of staff, Tomas Vidal, resigned.", "Tomas Vidal", "", "", ""},
		{"former dropped from the role", "Former Japanese Prime Minister Kenji Mori visited Seoul.", "Kenji Mori", "Japan", "Prime Minister", ""},
		{"bare title with a delegation's state", "The Brazilian delegation was led by Foreign Minister Paulo Reis.", "Paulo Reis", "Brazil", "Foreign Minister", ""},
		{"bare title in an oblique phrase ties nothing", "Out of respect for President Sam Okafor, the Ghanaian team stayed.", "Sam Okafor", "", "", "Ghana"},
		{"service title after a state", "Chile's top commander, US Army General Dana Whitfield, arrived.", "Dana Whitfield", "United States", "Army General", ""},
		{"reverse apposition through a second title", "Chile's top commander, US Army General Dana Whitfield, arrived.", "Dana Whitfield", "Chile", "top commander", ""},
		{"a unit of the title's body is part of the title", "It also includes Chief of the General Staff's Operations Directorate Ivan Petrov.", "Ivan Petrov", "", "", ""},
		{"a state in a prepositional phrase ties no bare title", "Leaders met for a summit on Moldova, after a meeting between President Ana Lupu and President Ion Rusu.", "Ana Lupu", "", "", "Moldova"},
		{"a spokesman of a state's ministry", "Iran's Foreign Ministry spokesman Reza Karimi spoke on Monday.", "Reza Karimi", "Foreign Ministry of Iran", "spokesman", ""},
		{"a portfolio before Minister is a title", "Chad's Fisheries Minister Idriss Mahamat spoke.", "Idriss Mahamat", "Chad", "Fisheries Minister", ""},
		{"a body's title in reverse apposition", "The Arab League chairperson, Samir Nasser, spoke.", "Samir Nasser", "Arab League", "chairperson", ""},
		{"a state after the titled name", "President Emmanuel Morel of France met the delegation.", "Emmanuel Morel", "France", "President", ""},
		{"reverse apposition through the title's complement", "Chile's ambassador to the UN, Paula Reyes, spoke first.", "Paula Reyes", "Chile", "ambassador", ""},
		{"the object of an interaction serves someone else", "Mali expelled ambassador Jean Roux on Monday.", "Jean Roux", "", "", "Mali"},
		{"a state sending its own envoy", "Ukraine sent chief negotiator Oleh Marchenko to the talks.", "Oleh Marchenko", "Ukraine", "chief negotiator", ""},
		{"a role given by a relative clause", "Omar Haddad, who heads the Arab League, spoke first.", "Omar Haddad", "Arab League", "head", ""},
		{"a portfolio modifier before a title", "\"It is historic,\" said Anna Berg, the EU climate commissioner.", "Anna Berg", "EU", "climate commissioner", ""},
		{"a complement between title and name", "US Ambassador to the UN Linda Reyes spoke first.", "Linda Reyes", "United States", "Ambassador", ""},
		{"a portfolio after 'Minister of'", "Algeria's Minister of Foreign Affairs Ahmed Saadi arrived.", "Ahmed Saadi", "Algeria", "Minister of Foreign Affairs", ""},
		{"a title 'for' a body, then the name", "A spokesman for the Arab League, Samir Nasser, declined to comment.", "Samir Nasser", "Arab League", "spokesman", ""},
		{"the last title of a possessive chain", "Ana Ruiz, the Chilean President's Special Envoy, spoke.", "Ana Ruiz", "Chile", "Special Envoy", ""},
		{"an adviser to a titled person, then the name", "An adviser to Supreme Leader Reza Nouri, Ali Samani, met the envoy.", "Ali Samani", "Reza Nouri", "adviser", ""},
		{"a list of titled names is no apposition", "The team included Ana Ruiz, Trade Minister Luis Paz, and others.", "Ana Ruiz", "", "", "Luis Paz"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			x := run(t, tc.text, "")
			var got []graph.Relation
			for _, r := range x.Relations {
				if r.Type == graph.HoldsRole && nameOf(x, r.Subject) == tc.person {
					got = append(got, r)
				}
			}
			if tc.of == "" {
				for _, r := range got {
					if tc.notObject == "" || nameOf(x, r.Object) == tc.notObject {
						t.Errorf("unexpected HOLDS_ROLE(%s, %s, %q)", tc.person, nameOf(x, r.Object), r.Role)
					}
				}
				return
			}
			for _, r := range got {
				if nameOf(x, r.Object) == tc.of {
					if r.Role != tc.role {
						t.Errorf("role = %q, want %q", r.Role, tc.role)
					}
					return
				}
			}
			t.Errorf("no HOLDS_ROLE(%s, %s); relations %v, entities %v", tc.person, tc.of, relSummary(x), summary(x))
		})
	}
}

func TestInteractions(t *testing.T) {
	type rel struct {
		typ       graph.RelationType
		subj, obj string
		polarity  graph.Polarity
		via, attr string // a name that must be in via / attributed_to, or ""
		date      string
		bare      bool // via and attributed_to must be empty
	}
	tests := []struct {
		name      string
		text      string
		published string
		want      []rel
		not       []rel // must not appear (type, subject, object)
	}{
		{"verb with object", "Canada accused Venezuela of election fraud.", "",
			[]rel{{typ: graph.Accuse, subj: "Canada", obj: "Venezuela", polarity: graph.Asserted}}, nil},
		{"negated", "Norway will not negotiate with Sweden over the quota.", "",
			[]rel{{typ: graph.Negotiate, subj: "Norway", obj: "Sweden", polarity: graph.Negated}}, nil},
		{"passive mediator as via", "The talks between Chile and Peru were mediated by Brazil.", "",
			[]rel{{typ: graph.Negotiate, subj: "Chile", obj: "Peru", polarity: graph.Asserted, via: "Brazil"}},
			[]rel{{typ: graph.Meet, subj: "Brazil", obj: "Chile"}}},
		{"host goes in via", "Qatar hosted talks between Ethiopia and Eritrea in Doha.", "",
			[]rel{{typ: graph.Negotiate, subj: "Ethiopia", obj: "Eritrea", polarity: graph.Asserted, via: "Qatar"}},
			[]rel{{typ: graph.Meet, subj: "Qatar", obj: "Ethiopia"}}},
		{"coordinated objects", "Finland thanked Sweden and Norway for their support.", "",
			[]rel{{typ: graph.Support, subj: "Finland", obj: "Sweden", polarity: graph.Asserted},
				{typ: graph.Support, subj: "Finland", obj: "Norway", polarity: graph.Asserted}}, nil},
		{"coordinated subjects", "Ghana, Togo and Benin urged Mali to hold elections.", "",
			[]rel{{typ: graph.Request, subj: "Ghana", obj: "Mali", polarity: graph.Asserted},
				{typ: graph.Request, subj: "Benin", obj: "Mali", polarity: graph.Asserted}}, nil},
		{"attribution", "According to Reuters, Egypt urged Sudan to accept the plan.", "",
			[]rel{{typ: graph.Request, subj: "Egypt", obj: "Sudan", polarity: graph.Asserted, attr: "Reuters"}}, nil},
		{"weekday resolved against publication", "Spain and Portugal met on Saturday in Madrid.", "2024-03-13",
			[]rel{{typ: graph.Meet, subj: "Spain", obj: "Portugal", polarity: graph.Asserted, date: "2024-03-09"}}, nil},
		{"absolute date", "On 27 October 2024, Armenia signed an accord with Georgia.", "",
			[]rel{{typ: graph.Agree, subj: "Armenia", obj: "Georgia", polarity: graph.Asserted, date: "2024-10-27"}}, nil},
		{"month resolved to the last one before publication", "Iraq launched strikes in June on Syria.", "2026-02-06",
			[]rel{{typ: graph.Attack, subj: "Iraq", obj: "Syria", polarity: graph.Asserted, date: "2025-06"}}, nil},
		{"weekday without a publication date", "Spain and Portugal met on Saturday.", "",
			[]rel{{typ: graph.Meet, subj: "Spain", obj: "Portugal", polarity: graph.Asserted, date: ""}}, nil},
		{"the leader of a delegation is its party", "A Kenyan delegation led by Foreign Minister Amina Wafula held talks with Somalia in Djibouti.", "",
			[]rel{{typ: graph.Negotiate, subj: "Amina Wafula", obj: "Somalia", polarity: graph.Asserted}},
			[]rel{{typ: graph.Negotiate, subj: "Kenya", obj: "Somalia"}}},
		{"nominal with between", "Negotiations between Serbia and Kosovo resumed in Brussels.", "",
			[]rel{{typ: graph.Negotiate, subj: "Serbia", obj: "Kosovo", polarity: graph.Asserted}}, nil},
		{"title and qualifier are not arguments", "Jordan hosted Iraqi Prime Minister Ali Hamdan for talks.", "",
			[]rel{{typ: graph.Meet, subj: "Jordan", obj: "Ali Hamdan", polarity: graph.Asserted}},
			[]rel{{typ: graph.Meet, subj: "Jordan", obj: "Iraq"}}},
		{"relative clause is jumped", "Minister Carla Nunes, who met Chinese officials last year, thanked Angola for its help.", "",
			[]rel{{typ: graph.Support, subj: "Carla Nunes", obj: "Angola", polarity: graph.Asserted}},
			[]rel{{typ: graph.Support, subj: "China", obj: "Angola"}}},
		{"pronoun subject", "Paul Mercier arrived late. He later met Belgian officials.", "",
			[]rel{{typ: graph.Meet, subj: "Paul Mercier", obj: "Belgium", polarity: graph.Asserted}}, nil},
		{"coordinated verbs share a subject", "Lars Holm said Denmark backs Iceland and urged Norway to join.", "",
			[]rel{{typ: graph.Support, subj: "Denmark", obj: "Iceland", polarity: graph.Asserted},
				{typ: graph.Request, subj: "Denmark", obj: "Norway", polarity: graph.Asserted}}, nil},
		{"reduced relative is passive", "Austria sanctioned two firms accused of helping Belarus.", "",
			[]rel{{typ: graph.Sanction, subj: "Austria", obj: "Belarus", polarity: graph.Asserted}},
			[]rel{{typ: graph.Accuse, subj: "Austria", obj: "Belarus"}}},
		{"attribution through a statement", "Chad urged Niger to reopen the border, according to a statement from the African Union.", "",
			[]rel{{typ: graph.Request, subj: "Chad", obj: "Niger", polarity: graph.Asserted, attr: "African Union"}}, nil},
		{"rejecting a demand implies the request", "Bolivia rejected Paraguay's demand for new elections.", "",
			[]rel{{typ: graph.Reject, subj: "Bolivia", obj: "Paraguay", polarity: graph.Asserted},
				{typ: graph.Request, subj: "Paraguay", obj: "Bolivia", polarity: graph.Asserted}}, nil},
		{"a possessor is not the party met", "The envoy held talks with Malta and received Cyprus's consent.", "",
			nil, []rel{{typ: graph.Meet, subj: "Malta", obj: "Cyprus"}}},
		{"talks named later take their mediator and date", "Greece and Turkey held talks on maritime borders. The talks were mediated by Germany on Friday.", "2024-05-08",
			[]rel{{typ: graph.Negotiate, subj: "Greece", obj: "Turkey", polarity: graph.Asserted, via: "Germany", date: "2024-05-03"}}, nil},
		{"a date belongs to the nearest event of its clause", "Talks between Laos and Vietnam began in Hanoi, weeks after Cambodia attacked Thailand in June.", "2024-09-10",
			[]rel{{typ: graph.Negotiate, subj: "Laos", obj: "Vietnam", polarity: graph.Asserted, date: ""},
				{typ: graph.Attack, subj: "Cambodia", obj: "Thailand", polarity: graph.Asserted, date: "2024-06"}}, nil},
		{"a failed negotiation's parties", "Negotiations between Nepal and Bhutan ended without reaching an agreement.", "",
			[]rel{{typ: graph.Agree, subj: "Nepal", obj: "Bhutan", polarity: graph.Negated}}, nil},
		{"members of an including-list act", "Several states, including Fiji, Samoa, and Tonga lobbied Australia to act.", "",
			[]rel{{typ: graph.Request, subj: "Fiji", obj: "Australia", polarity: graph.Asserted},
				{typ: graph.Request, subj: "Tonga", obj: "Australia", polarity: graph.Asserted}}, nil},
		{"relative 'which' takes its antecedent", "Doha, which is involved in talks with Kabul, has played a role.", "",
			[]rel{{typ: graph.Negotiate, subj: "Qatar", obj: "Afghanistan", polarity: graph.Asserted}}, nil},
		{"quotes inside an object phrase", "Iceland reached a “broad understanding” with Norway.", "",
			[]rel{{typ: graph.Agree, subj: "Iceland", obj: "Norway", polarity: graph.Asserted}}, nil},
		{"no object across a comma", "Finland will not negotiate with pirates, President Anna Virtanen said.", "",
			nil, []rel{{typ: graph.Negotiate, subj: "Finland", obj: "Anna Virtanen"}}},
		{"a denied report's claim is negated", "Peru denied a report by the Andes Herald that it had agreed to a deal with Ecuador.", "",
			[]rel{{typ: graph.Reject, subj: "Peru", obj: "Andes Herald", polarity: graph.Asserted},
				{typ: graph.Agree, subj: "Peru", obj: "Ecuador", polarity: graph.Negated}}, nil},
		{"coordinated titled subjects", "Chilean Foreign Minister Ana Soto and Peruvian Foreign Minister Luis Vega negotiated in Lima on Saturday.", "2024-05-08",
			[]rel{{typ: graph.Negotiate, subj: "Ana Soto", obj: "Luis Vega", polarity: graph.Asserted, date: "2024-05-04"}}, nil},
		{"a date goes to the event that yielded a relation", "Greece and Cyprus negotiated through Swiss mediators on Friday.", "2024-05-08",
			[]rel{{typ: graph.Negotiate, subj: "Greece", obj: "Cyprus", polarity: graph.Asserted, via: "Switzerland", date: "2024-05-03"}}, nil},
		{"mediation named by a demonym", "Talks between Sudan and Chad resumed, with Egyptian mediation aimed at a truce.", "",
			[]rel{{typ: graph.Negotiate, subj: "Sudan", obj: "Chad", polarity: graph.Asserted, via: "Egypt"}}, nil},
		{"venue state of talks as via", "Kenyan and Somali delegations held talks in Ethiopia's capital.", "",
			[]rel{{typ: graph.Negotiate, subj: "Kenya", obj: "Somalia", polarity: graph.Asserted, via: "Ethiopia"}}, nil},
		{"a letter delivered by someone", "Chile sent a letter to Peru in 2020. Peru refused the letter, delivered by Swiss diplomat Hans Meier.", "",
			[]rel{{typ: graph.Communicate, subj: "Chile", obj: "Peru", polarity: graph.Asserted, via: "Hans Meier", date: "2020"}}, nil},
		{"'the two countries' are the parties just named", "Laos accused Cambodia of stalling, and officials said talks between the two countries would resume.", "",
			[]rel{{typ: graph.Negotiate, subj: "Laos", obj: "Cambodia", polarity: graph.Asserted}}, nil},
		{"talks whose other side comes next", "A Malian delegation led by Foreign Minister Awa Traore held two rounds of talks in Algiers. These talks involved Moussa Diallo, an adviser to the junta.", "",
			[]rel{{typ: graph.Negotiate, subj: "Awa Traore", obj: "Moussa Diallo", polarity: graph.Asserted}}, nil},
		{"an attack's place is not a via", "Israeli forces struck Hamas positions in Lebanon.", "",
			[]rel{{typ: graph.Attack, subj: "Israel", obj: "Hamas", polarity: graph.Asserted, bare: true}}, nil},
		{"phone calls are meetings", "Ruto said he had spoken with Ugandan President Yoweri Museveni.", "",
			[]rel{{typ: graph.Meet, subj: "Ruto", obj: "Yoweri Museveni", polarity: graph.Asserted}}, nil},
		{"an apposition is jumped to find the subject", "Viktor Nagy, a close ally of Chancellor Hans Brandt, criticised the plan and called for talks with Serbia.", "",
			[]rel{{typ: graph.Request, subj: "Viktor Nagy", obj: "Serbia", polarity: graph.Asserted}},
			[]rel{{typ: graph.Request, subj: "Hans Brandt", obj: "Serbia"}}},
		{"a date of something unread is not borrowed", "Norway hosted a conference on Sunday, days after a meeting between Sweden and Finland.", "2025-03-03",
			[]rel{{typ: graph.Meet, subj: "Sweden", obj: "Finland", polarity: graph.Asserted, date: ""}}, nil},
		{"a message received is the sender's", "Tehran said it had received a message from Washington via Oman.", "",
			[]rel{{typ: graph.Communicate, subj: "United States", obj: "Iran", polarity: graph.Asserted, via: "Oman"}}, nil},
		{"a role reference names its holder", "Kenyan Foreign Minister Amina Odhiambo arrived on Monday. Kenya's foreign minister thanked Uganda for its help.", "",
			[]rel{{typ: graph.Support, subj: "Amina Odhiambo", obj: "Uganda", polarity: graph.Asserted}}, nil},
		{"an unqualified role reference is no guess", "Kenyan Foreign Minister Amina Odhiambo arrived. Officials met the foreign minister of Tanzania and the president.", "",
			nil, []rel{{typ: graph.Meet, subj: "Amina Odhiambo", obj: "Amina Odhiambo"}}},
		{"a qualified role reference needs the same state", "Kenyan Foreign Minister Amina Odhiambo arrived on Monday. Uganda's foreign minister thanked Rwanda for its help.", "",
			nil, []rel{{typ: graph.Support, subj: "Amina Odhiambo", obj: "Rwanda"}}},
		{"'we' in a quotation is its speaker", "\"We have not held any talks with Lima,\" Ecuadorian Foreign Minister Rosa Vera told reporters.", "",
			[]rel{{typ: graph.Negotiate, subj: "Rosa Vera", obj: "Peru", polarity: graph.Negated}}, nil},
		{"'we' before the quotation's speaker", "Rosa Vera said: \"We will never negotiate with Lima.\"", "",
			[]rel{{typ: graph.Negotiate, subj: "Rosa Vera", obj: "Peru", polarity: graph.Negated}}, nil},
		{"a refused meeting is negated", "Colombian President Juan Rios refused to meet opposition leader Ana Mora.", "",
			[]rel{{typ: graph.Meet, subj: "Juan Rios", obj: "Ana Mora", polarity: graph.Negated}}, nil},
		{"an outlet after its type noun", "Rosa Vera told the newspaper El Comercio that talks would resume.", "",
			[]rel{{typ: graph.Communicate, subj: "Rosa Vera", obj: "El Comercio", polarity: graph.Asserted}}, nil},
		{"tomorrow against publication", "Chile will meet Peru tomorrow, per @Reuters.", "2025-04-10",
			[]rel{{typ: graph.Meet, subj: "Chile", obj: "Peru", polarity: graph.Asserted, date: "2025-04-11", attr: "Reuters"}}, nil},
		{"ruled-out talks are negated", "Pakistan ruled out talks with India until the dispute is settled.", "",
			[]rel{{typ: graph.Negotiate, subj: "Pakistan", obj: "India", polarity: graph.Negated}}, nil},
		{"did not meet", "Narendra Modi did not meet Pakistani leaders.", "",
			[]rel{{typ: graph.Meet, subj: "Narendra Modi", obj: "Pakistan", polarity: graph.Negated}}, nil},
		{"passive with agent", "Kenyan President William Ruto was received by Chinese President Xi Jinping.", "",
			[]rel{{typ: graph.Meet, subj: "Xi Jinping", obj: "William Ruto", polarity: graph.Asserted}}, nil},
		{"nominal with agent and target", "Attacks by Hezbollah on northern Israel continued.", "",
			[]rel{{typ: graph.Attack, subj: "Hezbollah", obj: "Israel", polarity: graph.Asserted}}, nil},
		{"a state's name is no reporting verb", "Talks between Kenya and the United States ended without an agreement.", "",
			[]rel{{typ: graph.Negotiate, subj: "Kenya", obj: "United States", polarity: graph.Asserted, bare: true}}, nil},
		{"joint subjects of a request do not ask each other", "Amnesty International and Oxfam called for access to Gaza.", "",
			nil, []rel{{typ: graph.Request, subj: "Amnesty International", obj: "Oxfam"}}},
		{"traded accusations go both ways", "Benin and Togo traded accusations over the raid.", "",
			[]rel{{typ: graph.Accuse, subj: "Benin", obj: "Togo", polarity: graph.Asserted},
				{typ: graph.Accuse, subj: "Togo", obj: "Benin", polarity: graph.Asserted}}, nil},
		{"'both countries' are the parties just named", "Benin accused Togo of a raid. Ghana called on both countries to show restraint.", "",
			[]rel{{typ: graph.Request, subj: "Ghana", obj: "Benin", polarity: graph.Asserted},
				{typ: graph.Request, subj: "Ghana", obj: "Togo", polarity: graph.Asserted}}, nil},
		{"a phone call is a meeting", "Kenyan President Wanjiru Otieno spoke by phone with Samia Hassan on Monday.", "2025-02-18",
			[]rel{{typ: graph.Meet, subj: "Wanjiru Otieno", obj: "Samia Hassan", polarity: graph.Asserted, date: "2025-02-17"}}, nil},
		{"welcoming a person is a meeting", "President Ana Lupu welcomed Chinese Foreign Minister Li Wenhao.", "",
			[]rel{{typ: graph.Meet, subj: "Ana Lupu", obj: "Li Wenhao", polarity: graph.Asserted}},
			[]rel{{typ: graph.Support, subj: "Ana Lupu", obj: "Li Wenhao"}}},
		{"not accepting is rejecting", "Chile will not accept Bolivia's demands.", "",
			[]rel{{typ: graph.Reject, subj: "Chile", obj: "Bolivia", polarity: graph.Asserted}},
			[]rel{{typ: graph.Agree, subj: "Chile", obj: "Bolivia"}}},
		{"refusing the letter rejects its sender", "Peru sent a letter to Chile in 2019. Chile refused to accept the letter.", "",
			[]rel{{typ: graph.Reject, subj: "Chile", obj: "Peru", polarity: graph.Asserted, date: "2019"}}, nil},
		{"'it' opening a sentence is the last subject state", "Iran rejected the plan on Monday. It said it would never negotiate with Canada.", "",
			[]rel{{typ: graph.Negotiate, subj: "Iran", obj: "Canada", polarity: graph.Negated}}, nil},
		{"'it' after other words has no antecedent outside its sentence", "Iran rejected the plan. Officials added that it would never negotiate with Canada.", "",
			nil, []rel{{typ: graph.Negotiate, subj: "Iran", obj: "Canada"}}},
		{"an opening interview phrase", "In an interview with Al Jazeera, Chilean President Ana Soto said talks would resume.", "",
			[]rel{{typ: graph.Communicate, subj: "Ana Soto", obj: "Al Jazeera", polarity: graph.Asserted}}, nil},
		{"'he' opening a sentence is the previous sentence's subject", "President Ana Lupu, who met Chilean President Jorge Vidal on Monday, praised the talks. He urged Peru to join.", "",
			[]rel{{typ: graph.Request, subj: "Ana Lupu", obj: "Peru", polarity: graph.Asserted}},
			[]rel{{typ: graph.Request, subj: "Jorge Vidal", obj: "Peru"}}},
		{"a person and the state they serve are one side", "Chilean President Jorge Vidal urged Chile to unite.", "",
			nil, []rel{{typ: graph.Request, subj: "Jorge Vidal", obj: "Chile"}}},
		{"one event per sentence whatever its readings' dates", "Iraq launched its largest attack on Syria in weeks, the army said on Thursday.", "2025-08-21",
			[]rel{{typ: graph.Attack, subj: "Iraq", obj: "Syria", polarity: graph.Asserted, date: "2025-08-21"}}, nil},
		{"a dateline without a year does not hide the event's day", "LIMA, March 3 (Reuters) - Peru held talks with Chile in Lima on Monday.", "2024-03-06",
			[]rel{{typ: graph.Negotiate, subj: "Peru", obj: "Chile", polarity: graph.Asserted, date: "2024-03-04"}}, nil},
		{"a range dates nothing", "Peru sent letters to Chile between 2009 and 2015.", "",
			[]rel{{typ: graph.Communicate, subj: "Peru", obj: "Chile", polarity: graph.Asserted, date: ""}}, nil},
		{"many co-signatories imply no pairs", "Forty states, including Chile, Peru and Ghana, signed the declaration.", "",
			nil, []rel{{typ: graph.Agree, subj: "Chile", obj: "Peru"}}},
		{"two signatories agree with each other", "Chile and Peru signed an accord.", "",
			[]rel{{typ: graph.Agree, subj: "Chile", obj: "Peru", polarity: graph.Asserted}}, nil},
		{"a threat is no attack", "Israel's Prime Minister Dan Shamir threatened to strike Syria again.", "",
			[]rel{{typ: graph.Threaten, subj: "Dan Shamir", obj: "Syria", polarity: graph.Asserted}},
			[]rel{{typ: graph.Attack, subj: "Dan Shamir", obj: "Syria"}}},
		{"an open door is a request", "Venezuela said it remained open to talks with Guyana.", "",
			[]rel{{typ: graph.Request, subj: "Venezuela", obj: "Guyana", polarity: graph.Asserted}}, nil},
		{"coordinated antecedents of 'which'", "Egypt and Qatar, which have mediated between Israel and Hamas, presented a plan.", "",
			[]rel{{typ: graph.Negotiate, subj: "Israel", obj: "Hamas", polarity: graph.Asserted, via: "Egypt"},
				{typ: graph.Negotiate, subj: "Israel", obj: "Hamas", polarity: graph.Asserted, via: "Qatar"}}, nil},
		{"someone sent to a state visits it", "He said Army Secretary Dan Moller was being sent to Ukraine.", "",
			[]rel{{typ: graph.Meet, subj: "Dan Moller", obj: "Ukraine", polarity: graph.Asserted}}, nil},
		{"travelling to a capital is no meeting", "Lena Fisch flew to Riyadh on Monday.", "",
			nil, []rel{{typ: graph.Meet, subj: "Lena Fisch", obj: "Saudi Arabia"}}},
		{"co-travellers do not meet each other", "Lena Fisch and Otto Brandt will fly to Doha on Monday.", "",
			nil, []rel{{typ: graph.Meet, subj: "Lena Fisch", obj: "Otto Brandt"}}},
		{"a participle after a comma takes the sentence's subject", "Chile will not impose new sanctions on Peru, its minister told reporters, rejecting calls from Bolivia.", "",
			[]rel{{typ: graph.Sanction, subj: "Chile", obj: "Peru", polarity: graph.Negated},
				{typ: graph.Reject, subj: "Chile", obj: "Bolivia", polarity: graph.Asserted}}, nil},
		{"a speaker before a colon", "🔴 Rosa Vera: We will not negotiate with Lima under threats.", "",
			[]rel{{typ: graph.Negotiate, subj: "Rosa Vera", obj: "Peru", polarity: graph.Negated}}, nil},
		{"every mediator of the talks", "Sudan and Chad agreed to a truce after talks mediated by Qatar and Egypt.", "",
			[]rel{{typ: graph.Agree, subj: "Sudan", obj: "Chad", polarity: graph.Asserted, via: "Egypt"}}, nil},
		{"airstrikes inside a state", "Pakistan carried out airstrikes inside Afghanistan.", "",
			[]rel{{typ: graph.Attack, subj: "Pakistan", obj: "Afghanistan", polarity: graph.Asserted}}, nil},
		{"denouncing is accusing", "Cuba denounced U.S. strikes on fishing boats in the Caribbean.", "",
			[]rel{{typ: graph.Accuse, subj: "Cuba", obj: "United States", polarity: graph.Asserted}}, nil},
		{"voiced support", "Russia and China voiced support for Caracas.", "",
			[]rel{{typ: graph.Support, subj: "Russia", obj: "Venezuela", polarity: graph.Asserted},
				{typ: graph.Support, subj: "China", obj: "Venezuela", polarity: graph.Asserted}}, nil},
		{"an offer to mediate is no talks yet", "Brazil offered to mediate between Washington and Caracas.", "",
			nil, []rel{{typ: graph.Negotiate, subj: "United States", obj: "Venezuela"}}},
		{"mediating between two sides", "Brazil is mediating between Washington and Caracas.", "",
			[]rel{{typ: graph.Negotiate, subj: "United States", obj: "Venezuela", polarity: graph.Asserted, via: "Brazil"}}, nil},
		{"a possessor's letter to someone", "Chile's letter to Peru was published on Monday.", "",
			[]rel{{typ: graph.Communicate, subj: "Chile", obj: "Peru", polarity: graph.Asserted}}, nil},
		{"a war against a state", "Russia's war against Ukraine entered its fourth year.", "",
			[]rel{{typ: graph.Attack, subj: "Russia", obj: "Ukraine", polarity: graph.Asserted}}, nil},
		{"a war in a place names no target", "The war in Sudan displaced millions.", "",
			nil, nil},
		{"a common-noun subject names no one", "Talks with Guyana stalled in Caracas, and two sources told Reuters the envoy had left.", "",
			nil, []rel{{typ: graph.Communicate, subj: "Guyana", obj: "Reuters"}}},
		{"a common-noun subject qualified by a state", "Malian officials met Algerian mediators on Monday.", "",
			[]rel{{typ: graph.Meet, subj: "Mali", obj: "Algeria", polarity: graph.Asserted}}, nil},
		{"rejecting an accusation rejects the accuser", "Vietnam accused Laos of dumping waste. Laos rejected the accusation.", "",
			[]rel{{typ: graph.Reject, subj: "Laos", obj: "Vietnam", polarity: graph.Asserted}}, nil},
		{"reciprocal", "Armenia and Azerbaijan continued to exchange fire.", "",
			[]rel{{typ: graph.Attack, subj: "Armenia", obj: "Azerbaijan", polarity: graph.Asserted},
				{typ: graph.Attack, subj: "Azerbaijan", obj: "Armenia", polarity: graph.Asserted}}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			x := run(t, tc.text, tc.published)
			for _, w := range tc.want {
				rs := findRel(x, w.typ, w.subj, w.obj)
				if len(rs) == 0 {
					t.Errorf("no %s(%s, %s); got %v", w.typ, w.subj, w.obj, relSummary(x))
					continue
				}
				r := rs[0]
				if r.Polarity != w.polarity {
					t.Errorf("%s polarity = %s, want %s", w.typ, r.Polarity, w.polarity)
				}
				if r.Date != w.date {
					t.Errorf("%s date = %q, want %q", w.typ, r.Date, w.date)
				}
				if w.via != "" && !containsName(x, r.Via, w.via) {
					t.Errorf("%s via = %v, want %s in it", w.typ, r.Via, w.via)
				}
				if w.attr != "" && !containsName(x, r.AttributedTo, w.attr) {
					t.Errorf("%s attributed_to = %v, want %s in it", w.typ, r.AttributedTo, w.attr)
				}
				if w.bare && (len(r.AttributedTo) > 0 || len(r.Via) > 0) {
					t.Errorf("%s via = %v, attributed_to = %v, want none", w.typ, r.Via, r.AttributedTo)
				}
			}
			for _, n := range tc.not {
				if rs := findRel(x, n.typ, n.subj, n.obj); len(rs) > 0 {
					t.Errorf("unexpected %s(%s, %s)", n.typ, n.subj, n.obj)
				}
			}

		})
	}
}

func containsName(x graph.Extraction, ids []string, name string) bool {
	for _, id := range ids {
		if nameOf(x, id) == name {
			return true
		}
	}
	return false
}

func TestMemberOf(t *testing.T) {
	tests := []struct {
		name, text, member, body string
		want                     bool
	}{
		{"apposition", "Estonia, a founding member of the Baltic Council, objected.", "Estonia", "Baltic Council", true},
		{"body before members", "NATO members Estonia and Latvia asked for more troops.", "Latvia", "NATO", true},
		{"member state", "EU member state Malta abstained.", "Malta", "European Union", true},
		{"joined", "Finland joined NATO in 2023.", "Finland", "NATO", true},
		{"membership", "Ukraine's membership of NATO was discussed.", "Ukraine", "NATO", true},
		{"a state is no body to be member of", "Spain, a member of Portugal's team, left.", "Spain", "Portugal", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			x := run(t, tc.text, "")
			found := false
			for _, r := range x.Relations {
				if r.Type == graph.MemberOf && nameOf(x, r.Subject) == tc.member && (nameOf(x, r.Object) == tc.body || hasAlias(x, r.Object, tc.body)) {
					found = true
				}
			}
			if found != tc.want {
				t.Errorf("MEMBER_OF(%s, %s) found = %v, want %v; got %v", tc.member, tc.body, found, tc.want, relSummary(x))
			}
		})
	}
}

func hasAlias(x graph.Extraction, id, form string) bool {
	for _, e := range x.Entities {
		if e.ID == id {
			for _, a := range e.Aliases {
				if a == form {
					return true
				}
			}
		}
	}
	return false
}

func TestAffiliatedWith(t *testing.T) {
	tests := []struct {
		name, text, a, b string
		want             bool
	}{
		{"state-run outlet", "Egypt's state-run Al-Ahram reported the visit.", "Al-Ahram", "Egypt", true},
		{"state media with demonym", "Chinese state media outlet CGTN aired the speech.", "CGTN", "China", true},
		{"generic ministry", "Peru's Foreign Ministry announced the visit.", "Foreign Ministry of Peru", "Peru", true},
		{"linked outlet", "The army-linked Nile Daily praised Sudan's Sovereign Council.", "Nile Daily", "Sudan", false},
		{"state before a body", "The U.S. State Department confirmed it.", "State Department", "United States", true},
		{"X-backed group", "The Iran-backed Kataib Brigade claimed the attack.", "Kataib Brigade", "Iran", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			x := run(t, tc.text, "")
			found := len(findRel(x, graph.AffiliatedWith, tc.a, tc.b)) > 0
			if found != tc.want {
				t.Errorf("AFFILIATED_WITH(%s, %s) found = %v, want %v; got %v / %v", tc.a, tc.b, found, tc.want, relSummary(x), summary(x))
			}
		})
	}
}

// TestNoRelation: sentences that must not yield any interaction.
func TestNoRelation(t *testing.T) {
	tests := []struct{ name, text string }{
		{"hedged", "Kenya may have met Uganda secretly."},
		{"headline", "Kenya Meets Uganda Amid Border Row\n\nOfficials gave no details."},
		{"reported speech without named parties", "Officials said the talks went well."},
		{"requested act is not asserted", "Peru asked Bolivia to meet Chile next month."},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			x := run(t, tc.text, "")
			for _, r := range x.Relations {
				if r.Type.Structural() {
					continue
				}
				if tc.name == "requested act is not asserted" && r.Type == graph.Request {
					continue
				}
				t.Errorf("unexpected %s(%s, %s)", r.Type, nameOf(x, r.Subject), nameOf(x, r.Object))
			}
		})
	}
}

// TestRobustness: any bytes in, valid output, no panic.
func TestRobustness(t *testing.T) {
	tests := []struct{ name, text string }{
		{"empty", ""},
		{"spaces", "   \n\n\t "},
		{"invalid utf-8", "Chile \xff\xfe met Peru\x80 on Monday."},
		{"only punctuation", "—–-—...!!!???"},
		{"nul bytes", "Brazil\x00 met\x00 Peru."},
		{"very long word", strings.Repeat("A", 5000)},
		{"unbalanced quotes and parens", "“Iran (IRGC said ( ) ) ” ( France"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			x := run(t, tc.text, "not a date")
			b, err := jsonMarshal(x)
			if err != nil {
				t.Fatal(err)
			}
			if !utf8.Valid(b) {
				t.Errorf("output is not valid UTF-8")
			}
			if strings.TrimSpace(tc.text) == "" && (len(x.Entities) != 0 || len(x.Relations) != 0) {
				t.Errorf("empty text gave %d entities, %d relations", len(x.Entities), len(x.Relations))
			}
		})
	}
}

// TestArticleFields: the article comes back without text, with its hash,
// its id kept (even when empty).
func TestArticleFields(t *testing.T) {
	x := sharedExtractor(t)
	for _, id := range []string{"a-1", ""} {
		t.Run("id="+id, func(t *testing.T) {
			a := graph.Article{ID: id, URL: "https://example.org/x", Title: "T", Text: "Chile met Peru."}
			out, err := x.Extract(context.Background(), a)
			if err != nil {
				t.Fatal(err)
			}
			if out.Article.ID != id || out.Article.Text != "" || out.Article.Hash != graph.TextHash(a.Text) || out.Article.URL != a.URL {
				t.Errorf("article = %+v", out.Article)
			}
		})
	}
}

// TestCancelled: a cancelled context is reported, not ignored.
func TestCancelled(t *testing.T) {
	x := sharedExtractor(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := x.Extract(ctx, graph.Article{Text: "Chile met Peru."}); err == nil {
		t.Errorf("Extract with a cancelled context returned no error")
	}
}

// TestConcurrent: one Extractor serves many goroutines with equal results.
func TestConcurrent(t *testing.T) {
	x := sharedExtractor(t)
	a := graph.Article{Text: "Chilean President Elena Rojas met Peru's Foreign Minister Jorge Salas in Lima on Monday.", Published: "2024-05-08"}
	want, err := x.Extract(context.Background(), a)
	if err != nil {
		t.Fatal(err)
	}
	wb, _ := jsonMarshal(want)
	errs := make(chan string, 8)
	for i := 0; i < 8; i++ {
		go func() {
			got, err := x.Extract(context.Background(), a)
			gb, _ := jsonMarshal(got)
			if err != nil || string(gb) != string(wb) {
				errs <- "concurrent extraction differs"
				return
			}
			errs <- ""
		}()
	}
	for i := 0; i < 8; i++ {
		if e := <-errs; e != "" {
			t.Error(e)
		}
	}
}
