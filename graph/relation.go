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
	// EvidenceTotal is how many pieces of evidence the store holds for the
	// edge. It is set when a query bounded the evidence (see EvidenceCap),
	// so that a client can tell a shortened list from a whole one; it is 0
	// when Evidence is whole.
	EvidenceTotal int `json:"evidence_total,omitempty"`
}

// Bounds of the evidence per edge in an answer: a hub pair has thousands
// of sentences, and a path or a neighbourhood needs a few to show why.
const (
	// DefaultEvidence is what the API gives per edge of a path when a
	// request does not say.
	DefaultEvidence = 3
	// MaxEvidence bounds a requested count; a whole list is paged from
	// the relation itself.
	MaxEvidence = 100
	// NoEvidence as an evidence bound keeps none.
	NoEvidence = -1
)

// EvidenceCap applies an evidence bound (a query's Evidence field) to an
// edge read whole: 0 leaves it whole; n > 0 keeps the first n pieces in
// evidence order and NoEvidence none, and either sets EvidenceTotal.
// Stores that read evidence whole anyway bound it with this; the others
// read only what it would keep, and must answer alike.
func EvidenceCap(e *Edge, n int) {
	if n == 0 {
		return
	}
	e.EvidenceTotal = len(e.Evidence)
	if n < 0 {
		n = 0
	}
	if len(e.Evidence) > n {
		e.Evidence = e.Evidence[:n:n]
	}
	if e.Evidence == nil {
		e.Evidence = []Evidence{}
	}
}

// ValidEvidence checks an evidence bound: 0, NoEvidence or 1..MaxEvidence.
func ValidEvidence(n int) error {
	if n < NoEvidence || n > MaxEvidence {
		return Errorf(EINVALID, "evidence %d is outside 1..%d (0 for all, %d for none)", n, MaxEvidence, NoEvidence)
	}
	return nil
}
