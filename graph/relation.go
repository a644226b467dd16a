package graph

// Evidence is the sentence a relation was read from.
type Evidence struct {
	// ArticleKey and the article fields are set on stored evidence; in
	// extraction output the article is the line's own.
	ArticleKey   string `json:"article_key,omitempty"`
	ArticleID    string `json:"article_id,omitempty"`
	ArticleURL   string `json:"article_url,omitempty"`
	ArticleTitle string `json:"article_title,omitempty"`
	Published    string `json:"published,omitempty"`

	Text  string `json:"text"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// Relation is one relation read from one article: the extractor's output.
// Subject, Object, Via and AttributedTo hold entity ids of the same
// extraction.
type Relation struct {
	Type         RelationType `json:"type"`
	Subject      string       `json:"subject"`
	Object       string       `json:"object"`
	Via          []string     `json:"via"`
	Date         string       `json:"date"` // YYYY-MM-DD, YYYY-MM, YYYY or ""
	Polarity     Polarity     `json:"polarity"`
	Role         string       `json:"role,omitempty"`
	AttributedTo []string     `json:"attributed_to"`
	Confidence   float64      `json:"confidence"`
	Evidence     Evidence     `json:"evidence"`
}

// Edge is a relation as a store keeps it: one per (type, subject, object,
// date, polarity, role) across all articles, with every piece of evidence
// and the number of distinct articles that support it. Subject, Object, Via
// and AttributedTo hold stable entity ids.
type Edge struct {
	ID           string       `json:"id"`
	Type         RelationType `json:"type"`
	Subject      string       `json:"subject"`
	Object       string       `json:"object"`
	Via          []string     `json:"via"`
	Date         string       `json:"date"`
	Polarity     Polarity     `json:"polarity"`
	Role         string       `json:"role,omitempty"`
	AttributedTo []string     `json:"attributed_to"`
	// Confidence is the highest confidence any extraction gave it.
	Confidence float64 `json:"confidence"`
	// Support is the number of distinct articles with evidence for it.
	Support  int        `json:"support"`
	Evidence []Evidence `json:"evidence"`
}
