package graph

// EntityType is one of the ontology's five entity types. The set is closed:
// extraction, stores and the API accept nothing else, which is also what lets
// the Neo4j backend use types as labels without building Cypher from input.
type EntityType string

// The entity types of ../shared/ontology.md.
const (
	Person       EntityType = "PERSON"
	Organization EntityType = "ORGANIZATION"
	Media        EntityType = "MEDIA"
	Country      EntityType = "COUNTRY"
	Location     EntityType = "LOCATION"
)

var entityTypes = []EntityType{Person, Organization, Media, Country, Location}

// EntityTypes returns every entity type, in the ontology's order.
func EntityTypes() []EntityType { return append([]EntityType(nil), entityTypes...) }

// Valid reports whether t is one of the ontology's entity types.
func (t EntityType) Valid() bool {
	for _, v := range entityTypes {
		if t == v {
			return true
		}
	}
	return false
}

// Label is the Neo4j node label for t ("Person", "Organization", …).
func (t EntityType) Label() string {
	switch t {
	case Person:
		return "Person"
	case Organization:
		return "Organization"
	case Media:
		return "Media"
	case Country:
		return "Country"
	case Location:
		return "Location"
	}
	return ""
}

// ParseEntityType accepts a type in any letter case ("person", "PERSON").
func ParseEntityType(s string) (EntityType, error) {
	t := EntityType(upper(s))
	if !t.Valid() {
		return "", Errorf(EINVALID, "unknown entity type %q (want one of %v)", s, entityTypes)
	}
	return t, nil
}

// RelationType is one of the ontology's relation types: twelve interactions
// (dated events) and three structural ties.
type RelationType string

// Interaction types.
const (
	Meet        RelationType = "MEET"
	Negotiate   RelationType = "NEGOTIATE"
	Communicate RelationType = "COMMUNICATE"
	Request     RelationType = "REQUEST"
	Agree       RelationType = "AGREE"
	Reject      RelationType = "REJECT"
	Accuse      RelationType = "ACCUSE"
	Threaten    RelationType = "THREATEN"
	Attack      RelationType = "ATTACK"
	Sanction    RelationType = "SANCTION"
	Support     RelationType = "SUPPORT"
	Cooperate   RelationType = "COOPERATE"
)

// Structural types.
const (
	HoldsRole      RelationType = "HOLDS_ROLE"
	MemberOf       RelationType = "MEMBER_OF"
	AffiliatedWith RelationType = "AFFILIATED_WITH"
)

var relationTypes = []RelationType{
	Meet, Negotiate, Communicate, Request, Agree, Reject, Accuse, Threaten,
	Attack, Sanction, Support, Cooperate, HoldsRole, MemberOf, AffiliatedWith,
}

// RelationTypes returns every relation type, in the ontology's order.
func RelationTypes() []RelationType { return append([]RelationType(nil), relationTypes...) }

// Valid reports whether t is one of the ontology's relation types.
func (t RelationType) Valid() bool {
	for _, v := range relationTypes {
		if t == v {
			return true
		}
	}
	return false
}

// Symmetric reports whether direction carries no meaning for t, as the
// ontology marks it (the scorer also matches AFFILIATED_WITH both ways).
func (t RelationType) Symmetric() bool {
	switch t {
	case Meet, Negotiate, Cooperate, AffiliatedWith:
		return true
	}
	return false
}

// Structural reports whether t is a standing tie rather than a dated event.
func (t RelationType) Structural() bool {
	switch t {
	case HoldsRole, MemberOf, AffiliatedWith:
		return true
	}
	return false
}

// ParseRelationType accepts a type in any letter case ("negotiate").
func ParseRelationType(s string) (RelationType, error) {
	t := RelationType(upper(s))
	if !t.Valid() {
		return "", Errorf(EINVALID, "unknown relation type %q (want one of %v)", s, relationTypes)
	}
	return t, nil
}

// Polarity says whether the text asserts a relation or says it did not or
// will not happen.
type Polarity string

// The two polarities.
const (
	Asserted Polarity = "asserted"
	Negated  Polarity = "negated"
)

// Valid reports whether p is a known polarity; empty counts as asserted.
func (p Polarity) Valid() bool { return p == "" || p == Asserted || p == Negated }

func upper(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'a' <= c && c <= 'z' {
			b[i] = c - 'a' + 'A'
		}
	}
	return string(b)
}
