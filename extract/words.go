package extract

import "strings"

// Closed-class word lists the rules use. They are grammar, not names, so
// they live here rather than in lexicon/.

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// orgHeads end organisation names ("Supreme National Security Council").
var orgHeads = set("council", "ministry", "corps", "guards", "guard", "party", "agency", "front",
	"movement", "parliament", "assembly", "committee", "commission", "department", "office",
	"forces", "force", "army", "navy", "organization", "organisation", "union", "bank", "court",
	"authority", "administration", "government", "institute", "foundation", "association",
	"league", "alliance", "coalition", "group", "brigade", "brigades", "militia", "service",
	"services", "police", "cabinet", "senate", "congress", "bureau", "directorate", "company",
	"corporation", "inc", "inc.", "ltd", "ltd.", "university", "fund", "mission", "secretariat",
	"embassy", "federation", "command", "board", "tribunal", "presidency", "resistance", "jihad",
	"battalion", "regiment", "division", "legion", "network", "initiative", "project", "program",
	"programme", "forum", "center", "centre", "society", "cooperation", "co-operation",
	"holdings", "industries", "enterprises", "partners", "airlines", "airways", "motors",
	"systems", "technologies", "corp", "corp.", "llc", "plc", "ag", "sa", "gmbh", "bloc",
	"caucus", "syndicate", "fleet", "flotilla", "consortium", "cartel", "trust", "exchange", "reserve")

// mediaHeads end outlet names ("Tehran Times", "Vahid Online").
var mediaHeads = set("news", "times", "journal", "post", "tv", "press", "online", "gazette",
	"herald", "tribune", "daily", "radio", "telegraph", "observer", "chronicle", "monitor",
	"broadcasting", "channel", "magazine", "weekly", "review", "today", "wire", "express",
	"standard", "insider", "report", "dispatch", "mirror", "courier", "sun", "star", "network")

// locHeads end place names ("Presidential Complex", "Dolmabahce Palace").
var locHeads = set("palace", "complex", "square", "street", "avenue", "building", "tower",
	"airport", "base", "region", "province", "island", "islands", "mountains", "mountain", "river",
	"sea", "gulf", "strait", "bay", "lake", "valley", "desert", "city", "county", "district",
	"peninsula", "plant", "facility", "port", "hotel", "stadium", "bridge", "canal", "camp",
	"heights", "coast", "border", "crossing", "hall", "house", "resort", "oblast", "governorate")

// mediaCues near an unknown name say it is an outlet ("newspaper Kayhan",
// "Javan newspaper", "chat group X").
var mediaCues = set("newspaper", "newspapers", "daily", "outlet", "outlets", "channel", "channels",
	"agency", "broadcaster", "aggregator", "website", "magazine", "tabloid", "paper", "network",
	"group", "station", "weekly", "publication", "media", "newswire", "portal", "podcast")

// placePreps before a capital make it a place rather than the state.
var placePreps = set("in", "at", "near", "from", "to", "into", "outside", "inside", "across",
	"around", "via", "toward", "towards", "through", "leaving", "left", "reached")

// stopCaps are capitalised words that start sentences or sit in headlines
// but never start a name.
var stopCaps = set("The", "A", "An", "This", "That", "These", "Those", "It", "Its", "He", "She",
	"They", "We", "I", "You", "His", "Her", "Their", "Our", "My", "Your", "In", "On", "At", "By",
	"For", "From", "With", "To", "Of", "And", "But", "Or", "As", "After", "Before", "During",
	"Despite", "According", "While", "When", "If", "Although", "Though", "Following", "Earlier",
	"Later", "Last", "Next", "Meanwhile", "However", "Both", "All", "Some", "Many", "Several",
	"Notes", "Note", "Early", "Key", "Since", "Until", "Under", "Over", "Amid", "Among", "About",
	"Also", "Now", "Then", "There", "Here", "What", "Who", "Why", "How", "Where", "Which", "Not",
	"No", "Yes", "Read", "More", "Update", "Updated", "Breaking", "Exclusive", "Analysis",
	"Opinion", "Editorial", "Photo", "Video", "Watch", "Live", "Speaking", "Adding", "Sharing",
	"Public", "Historic", "Discussions", "Talks", "Highlighting", "Referring", "Based", "Most",
	"Such", "Each", "Every", "Other", "Another", "Any", "Former", "Ex", "Monday", "Tuesday",
	"Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March",
	"April", "June", "July", "August", "September", "October", "November", "December", "Jan.",
	"Feb.", "Mar.", "Apr.", "Jun.", "Jul.", "Aug.", "Sep.", "Sept.", "Oct.", "Nov.", "Dec.",
	"Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
	"Mr", "Mrs", "Ms", "By", "Via", "Source", "Sources", "Statement", "Today", "Yesterday",
	"Tomorrow", "Tonight", "Morning", "Evening", "Afternoon", "State", "States", "Speculation",
	"Backchannel", "Hardline", "Diplomacy", "Ceasefire", "Peace", "War", "Government",
	"Officials", "Official", "Minister", "Ministers", "Leaders", "Leader", "Opposition",
	"Muslim", "Muslims", "Christian", "Christians", "Jew", "Jews", "Jewish", "Islam",
	"Christianity", "Judaism", "Sunni", "Sunnis", "Shia", "Shiite", "Shiites", "Kurds", "Arabs",
	"Druze", "Alawite", "Alawites", "Catholic", "Catholics", "Orthodox", "Hindu", "Hindus",
	"Western", "Eastern", "Northern", "Southern", "God", "Allah", "Ramadan", "Eid", "Christmas", "Easter",
	"GDP", "GNP", "CEO", "CFO", "COO", "NGO", "NGOs", "UAV", "UAVs", "LNG", "AI", "IT", "HQ",
	"ID", "VAT", "COVID", "HIV", "AIDS", "DNA", "IPO", "FAQ", "PDF", "URL", "USD", "EUR",
	"AM", "PM", "GMT", "UTC", "EST", "EDT", "CET", "II", "III", "IV", "OK", "TV", "PhD",
	"Internet", "X", "Twitter", "Facebook", "Instagram", "YouTube", "TikTok", "WhatsApp")

// personNouns after a demonym make it a nationality describing a person
// ("British journalist"), which the ontology does not make an entity.
var personNouns = set("journalist", "journalists", "analyst", "analysts", "writer", "writers",
	"national", "nationals", "citizen", "citizens", "man", "woman", "men", "women", "people",
	"author", "academic", "scholar", "researcher", "reporter", "reporters", "activist",
	"activists", "student", "students", "businessman", "businesswoman", "athlete", "player",
	"actor", "actress", "artist", "singer", "tourist", "tourists", "resident", "residents",
	"descent", "origin", "dual", "expat", "expats", "émigré", "exile", "exiles", "born")

// nameParticles join parts of a name ("bin", "al", "van").
var nameParticles = set("bin", "bint", "ibn", "al", "el", "de", "da", "di", "du", "van", "von",
	"der", "den", "la", "le", "abu", "ben", "ben-", "dos", "das", "del", "y")

// speechVerbs after an unknown single capitalised word suggest a person.
var speechVerbs = set("said", "says", "told", "tells", "stated", "added", "argued", "warned",
	"noted", "insisted", "announced", "claimed", "wrote", "asked", "urged", "met", "meets",
	"continues", "declined", "refused", "rejected", "reportedly", "also", "has", "had", "is",
	"was", "will", "would", "departed", "arrived", "left", "visited", "thanked", "confirmed")

// months maps month names and abbreviations to their numbers.
var months = map[string]int{"january": 1, "february": 2, "march": 3, "april": 4, "may": 5,
	"june": 6, "july": 7, "august": 8, "september": 9, "october": 10, "november": 11,
	"december": 12, "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
	"sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12}

var weekdays = map[string]int{"sunday": 0, "monday": 1, "tuesday": 2, "wednesday": 3,
	"thursday": 4, "friday": 5, "saturday": 6}

func lower(s string) string { return strings.ToLower(s) }

// isPossessive reports whether a token is the possessive clitic.
func isPossessive(s string) bool { return s == "'s" || s == "’s" || s == "'" || s == "’" }

// motionWords before "to" make the next place a destination ("fly to
// Riyadh"), not a state addressed ("a proposal to Moscow").
var motionWords = set("fly", "flew", "flown", "travel", "travelled", "traveled", "travels",
	"go", "went", "gone", "return", "returned", "returns", "trip", "visit", "journey",
	"headed", "moved", "move", "sent", "sending", "came", "come", "arrive", "flight", "back",
	"delegation", "way", "route", "flew", "arrived", "arriving", "returning", "traveling",
	"travelling", "fled", "flights", "miles", "kilometres", "kilometers", "far")

// eventHeads end names of events, agreements and eras ("Munich Security
// Conference", "Paris Agreement", "Cold War"), which the ontology does not
// make entities.
var eventHeads = set("conference", "summit", "agreement", "agreements", "accord", "accords",
	"deal", "plan", "treaty", "pact", "protocol", "resolution", "act", "war", "wars", "games",
	"cup", "olympics", "championship", "festival", "memorandum", "declaration", "charter",
	"convention", "framework", "roadmap", "doctrine", "process", "format", "conflict", "crisis",
	"revolution", "uprising", "spring", "ceasefire", "truce", "award", "prize", "day", "week",
	"year", "era", "dialogue", "talks", "initiative", "strategy", "bill", "law", "amendment")

// orgNouns after a single unknown name make it a body ("Likud party",
// "Wagner group").
var orgNouns = set("party", "movement", "militia", "faction", "front", "brigade", "brigades",
	"group", "organization", "organisation", "rebels", "insurgents", "guerrillas", "gang",
	"cartel", "militants", "network", "coalition", "alliance", "company", "firm")

// placeOfNouns before "of" make a capital the place ("parts of Kyiv").
var placeOfNouns = set("parts", "part", "outskirts", "centre", "center", "streets", "suburbs",
	"residents", "mayor", "skies", "heart", "north", "south", "east", "west", "districts",
	"neighbourhoods", "neighborhoods", "areas", "area", "city", "capital")

// peopleCounters before a plural demonym make it people, not the state.
var peopleCounters = set("many", "several", "some", "most", "few", "other", "ordinary",
	"fellow", "young", "thousands", "hundreds", "dozens", "millions", "of", "displaced",
	"wounded", "killed", "detained", "stranded", "injured")
