package graphtest

import (
	"fmt"

	"github.com/actorgraph/actorgraph/graph"
)

// Entity ids the fixtures resolve to, as graph.EntityID gives them.
var (
	idQuist    = graph.EntityID(graph.Person, "Mara Quist")
	idBrevik   = graph.EntityID(graph.Person, "Tomas Brevik")
	idAli      = graph.EntityID(graph.Person, "Ali Farran")
	idSadeq    = graph.EntityID(graph.Person, "Sadeq Farran")
	idValdoria = graph.EntityID(graph.Country, "Valdoria")
	idNorland  = graph.EntityID(graph.Country, "Norland")
	idOskaria  = graph.EntityID(graph.Country, "Oskaria")
	idSelden   = graph.EntityID(graph.Location, "Port Selden")
	idDaily    = graph.EntityID(graph.Media, "Harbor Daily")
	idCouncil  = graph.EntityID(graph.Organization, "Council of Ministers of Valdoria")
	idOffice   = graph.EntityID(graph.Organization, "Norland Trade Office")
)

// Fixture returns four small extractions written for the suite (invented
// countries and people, no corpus text). Together they exercise every
// entity type, structural and interaction relations, via and attributed_to,
// full and partial dates, a negated relation, a symmetric relation given in
// both directions, short forms that must join full names across articles,
// two people sharing a surname, and an article keyed by its text hash.
//
// Ingested in order into an empty store they give 11 entities, 12 edges
// (one of them negated, one supported by two articles) and 4 articles.
func Fixture() []graph.Extraction {
	a1 := newArticle("fx-1", "https://example.org/news/valdoria-norland-talks", "Valdoria and Norland hold talks",
		"Harbor Daily", "2025-03-10",
		"Valdorian Foreign Minister Mara Quist met Norland's envoy Tomas Brevik in Port Selden on Saturday.",
		"The meeting was hosted by Oskaria, and Brevik called it useful.",
		"Valdoria will not negotiate with Norland over fishing rights, Quist said.").
		entity("quist", graph.Person, "Mara Quist", "Quist").
		entity("brevik", graph.Person, "Tomas Brevik", "Brevik").
		entity("valdoria", graph.Country, "Valdoria", "Valdorian").
		entity("norland", graph.Country, "Norland").
		entity("selden", graph.Location, "Port Selden").
		entity("oskaria", graph.Country, "Oskaria").
		rel(0, graph.Relation{Type: graph.HoldsRole, Subject: "quist", Object: "valdoria", Role: "Foreign Minister", Confidence: 0.9}).
		rel(0, graph.Relation{Type: graph.HoldsRole, Subject: "brevik", Object: "norland", Role: "Envoy", Confidence: 0.8}).
		rel(0, graph.Relation{Type: graph.Meet, Subject: "quist", Object: "brevik", Date: "2025-03-08", Via: []string{"oskaria"}, Confidence: 0.8}).
		rel(2, graph.Relation{Type: graph.Negotiate, Subject: "valdoria", Object: "norland", Polarity: graph.Negated, AttributedTo: []string{"quist"}, Confidence: 0.7}).
		done()

	a2 := newArticle("fx-2", "https://example.org/news/second-account", "A second account of the talks",
		"Capital Wire", "2025-03-12",
		"Brevik and Quist met on 8 March, Harbor Daily reported.",
		"Norland accused the Council of Ministers of Valdoria on Tuesday of delaying the fishing accord.",
		"The council answered that it backs a fair settlement.").
		entity("b", graph.Person, "Brevik").
		entity("q", graph.Person, "Quist").
		entity("daily", graph.Media, "Harbor Daily").
		entity("norland", graph.Country, "Norland").
		entity("council", graph.Organization, "Council of Ministers of Valdoria", "council").
		entity("valdoria", graph.Country, "Valdoria").
		rel(0, graph.Relation{Type: graph.Meet, Subject: "b", Object: "q", Date: "2025-03-08", AttributedTo: []string{"daily"}, Confidence: 0.95}).
		rel(1, graph.Relation{Type: graph.Accuse, Subject: "norland", Object: "council", Date: "2025-03-11", Confidence: 0.6}).
		rel(1, graph.Relation{Type: graph.AffiliatedWith, Subject: "council", Object: "valdoria", Confidence: 0.65}).
		done()

	a3 := newArticle("fx-3", "https://example.org/news/farran-brothers", "The Farran brothers",
		"Harbor Daily", "2025-05-20",
		"Ali Farran, a lawmaker in Norland, urged Oskaria on Monday to mediate between the two sides.",
		"His brother Sadeq Farran leads the Norland Trade Office, which Oskaria has praised.").
		entity("ali", graph.Person, "Ali Farran", "Farran").
		entity("sadeq", graph.Person, "Sadeq Farran", "Farran").
		entity("norland", graph.Country, "Norland").
		entity("oskaria", graph.Country, "Oskaria").
		entity("office", graph.Organization, "Norland Trade Office").
		rel(0, graph.Relation{Type: graph.Request, Subject: "ali", Object: "oskaria", Date: "2025-05-19", Confidence: 0.75}).
		rel(0, graph.Relation{Type: graph.HoldsRole, Subject: "ali", Object: "norland", Role: "Lawmaker", Confidence: 0.6}).
		rel(1, graph.Relation{Type: graph.HoldsRole, Subject: "sadeq", Object: "office", Role: "Head", Confidence: 0.7}).
		rel(1, graph.Relation{Type: graph.Support, Subject: "oskaria", Object: "office", Date: "2025", Confidence: 0.5}).
		rel(1, graph.Relation{Type: graph.AffiliatedWith, Subject: "office", Object: "norland", Confidence: 0.55}).
		done()

	// No URL: keyed by its text hash. "Farran" could be either brother;
	// both have one article, so the smaller id wins.
	a4 := newArticle("fx-4", "", "", "Capital Wire", "",
		"Farran told Harbor Daily that the office would reopen.").
		entity("farran", graph.Person, "Farran").
		entity("daily", graph.Media, "Harbor Daily").
		rel(0, graph.Relation{Type: graph.Communicate, Subject: "farran", Object: "daily", Confidence: 0.5}).
		done()

	return []graph.Extraction{a1, a2, a3, a4}
}

// Entity ids of PathFixture.
var (
	pA = graph.EntityID(graph.Country, "Alpha")
	pB = graph.EntityID(graph.Country, "Bravo")
	pC = graph.EntityID(graph.Country, "Charlie")
	pD = graph.EntityID(graph.Country, "Delta")
	pE = graph.EntityID(graph.Country, "Echo")
	pF = graph.EntityID(graph.Country, "Foxtrot")
	pG = graph.EntityID(graph.Country, "Golf")
	pH = graph.EntityID(graph.Country, "Hotel")
)

// PathFixture returns a small graph made for path queries, as two
// extractions. Ignoring direction, with the default filter:
//
//	Alpha–Bravo (MEET 2025-01-10, COMMUNICATE 2025-02-20)
//	Bravo–Delta (MEET 2025-02-01)
//	Alpha–Charlie (SUPPORT 2025-01-15)
//	Delta–Charlie (ACCUSE 2024-06-01)
//	Echo–Delta (AGREE 2025-02-10)
//	Alpha–Echo (COOPERATE, undated)
//	Bravo–Echo (SUPPORT 2025-01-20)
//	Delta–Foxtrot (NEGOTIATE 2025-03-01 via Golf)
//	Foxtrot–Hotel (SANCTION 2025-03-05)
//
// plus Bravo–Charlie (THREATEN 2025-01-05, negated), and Golf reachable only
// as a via entity.
func PathFixture() []graph.Extraction {
	a := newArticle("px-1", "https://example.org/news/path-fixture-1", "Alliances in the north", "Capital Wire", "2025-03-06",
		"Alpha met Bravo in January.",
		"Alpha later wrote to Bravo.",
		"Bravo met Delta on 1 February.",
		"Alpha backed Charlie.",
		"Delta accused Charlie in 2024.",
		"Echo agreed with Delta.",
		"Alpha and Echo cooperate.",
		"Bravo praised Echo.").
		entity("a", graph.Country, "Alpha").
		entity("b", graph.Country, "Bravo").
		entity("c", graph.Country, "Charlie").
		entity("d", graph.Country, "Delta").
		entity("e", graph.Country, "Echo").
		rel(0, graph.Relation{Type: graph.Meet, Subject: "a", Object: "b", Date: "2025-01-10"}).
		rel(1, graph.Relation{Type: graph.Communicate, Subject: "a", Object: "b", Date: "2025-02-20"}).
		rel(2, graph.Relation{Type: graph.Meet, Subject: "b", Object: "d", Date: "2025-02-01"}).
		rel(3, graph.Relation{Type: graph.Support, Subject: "a", Object: "c", Date: "2025-01-15"}).
		rel(4, graph.Relation{Type: graph.Accuse, Subject: "d", Object: "c", Date: "2024-06-01"}).
		rel(5, graph.Relation{Type: graph.Agree, Subject: "e", Object: "d", Date: "2025-02-10"}).
		rel(6, graph.Relation{Type: graph.Cooperate, Subject: "a", Object: "e"}).
		rel(7, graph.Relation{Type: graph.Support, Subject: "b", Object: "e", Date: "2025-01-20"}).
		done()
	b := newArticle("px-2", "https://example.org/news/path-fixture-2", "Talks in the south", "Harbor Daily", "2025-03-07",
		"Delta and Foxtrot negotiated through Golf.",
		"Foxtrot sanctioned Hotel.",
		"Bravo did not threaten Charlie.").
		entity("b", graph.Country, "Bravo").
		entity("c", graph.Country, "Charlie").
		entity("d", graph.Country, "Delta").
		entity("f", graph.Country, "Foxtrot").
		entity("g", graph.Country, "Golf").
		entity("h", graph.Country, "Hotel").
		rel(0, graph.Relation{Type: graph.Negotiate, Subject: "d", Object: "f", Date: "2025-03-01", Via: []string{"g"}}).
		rel(1, graph.Relation{Type: graph.Sanction, Subject: "f", Object: "h", Date: "2025-03-05"}).
		rel(2, graph.Relation{Type: graph.Threaten, Subject: "b", Object: "c", Date: "2025-01-05", Polarity: graph.Negated}).
		done()
	return []graph.Extraction{a, b}
}

// HubFixture returns one extraction in which n middle countries each join
// "Source" to "Target" by a MEET, so Source and Target have n shortest
// paths of two hops: enough to exercise path limits.
func HubFixture(n int) graph.Extraction {
	var sentences []string
	for i := 1; i <= n; i++ {
		sentences = append(sentences, fmt.Sprintf("Source met Middle %02d, which then met Target.", i))
	}
	b := newArticle("hub", "https://example.org/news/hub", "Many middlemen", "Capital Wire", "2025-06-01", sentences...).
		entity("s", graph.Country, "Source").
		entity("t", graph.Country, "Target")
	for i := 1; i <= n; i++ {
		local := fmt.Sprintf("m%02d", i)
		b.entity(local, graph.Country, fmt.Sprintf("Middle %02d", i))
		b.rel(i-1, graph.Relation{Type: graph.Meet, Subject: "s", Object: local, Date: "2025-05-30"})
		b.rel(i-1, graph.Relation{Type: graph.Meet, Subject: local, Object: "t", Date: "2025-05-31"})
	}
	return b.done()
}
