package graph

// Mention is one place an entity is named in an article, as byte offsets
// into the article text.
type Mention struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

// Entity is a person, organisation, outlet, country or place.
//
// In extraction output, ID is local to the article's line and Mentions are
// its mentions there. In a store, ID is stable across articles (see
// EntityID) and the counts say how much evidence the store has for it.
type Entity struct {
	ID       string     `json:"id"`
	Name     string     `json:"name"`
	Type     EntityType `json:"type"`
	Aliases  []string   `json:"aliases"`
	Mentions []Mention  `json:"mentions,omitempty"`

	// MentionCount is the number of mentions across all stored articles.
	MentionCount int `json:"mention_count,omitempty"`
	// ArticleCount is the number of stored articles that mention it.
	ArticleCount int `json:"article_count,omitempty"`
}

// Role is a title an entity holds, read from HOLDS_ROLE relations.
type Role struct {
	Title    string `json:"title"`
	Of       string `json:"of"`      // entity id of the organisation, country or person served
	OfName   string `json:"of_name"` // its name, for display
	Relation string `json:"relation"`
}

// EntityDetail is an entity with what the store knows around it.
type EntityDetail struct {
	Entity
	Roles []Role `json:"roles"`
	// RelationCounts counts the entity's relations by type, both directions.
	RelationCounts map[RelationType]int `json:"relation_counts"`
}

// EntityFilter selects entities for search.
type EntityFilter struct {
	// Query matches names and aliases: exact normalised form first, then
	// prefix, then substring. Empty matches every entity.
	Query string
	Types []EntityType
	Limit int // 0 means DefaultLimit
}
