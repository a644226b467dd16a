package graph

import "unicode/utf8"

// Extraction is everything read from one article: the output contract of
// `actorgraph extract` (one JSON line per article) and the unit a store
// ingests. Entity ids are local to it; relations refer to them.
type Extraction struct {
	Article   Article    `json:"article"`
	Entities  []Entity   `json:"entities"`
	Relations []Relation `json:"relations"`
	// IDs pins local entity ids to stored ids. Extractors leave it empty; a
	// copy of a stored graph (Dumper, then Ingest) sets it so the copy
	// keeps the source's ids. A pinned entity is not resolved: it is the
	// stored entity with that id, folded with MergeEntity, or, when no
	// entity has the id, a new entity created with it (not with EntityID).
	// A pinned id must start with its entity's type as EntityID writes it
	// ("person:"). See graphtest's documentation.
	IDs map[string]string `json:"ids,omitempty"`
}

// Validate checks what a store relies on: closed-vocabulary types, relation
// ends that name entities of the same extraction, offsets inside the text
// when the text is present, and valid UTF-8. It reports the first problem.
func (x *Extraction) Validate() error {
	ids := make(map[string]bool, len(x.Entities))
	for i, e := range x.Entities {
		switch {
		case e.ID == "":
			return Errorf(EINVALID, "entity %d has no id", i)
		case ids[e.ID]:
			return Errorf(EINVALID, "entity id %q appears twice", e.ID)
		case !e.Type.Valid():
			return Errorf(EINVALID, "entity %q has unknown type %q", e.ID, e.Type)
		case e.Name == "" || !utf8.ValidString(e.Name):
			return Errorf(EINVALID, "entity %q has an empty or invalid name", e.ID)
		}
		ids[e.ID] = true
		for _, m := range e.Mentions {
			if m.Start < 0 || m.End < m.Start || (x.Article.Text != "" && m.End > len(x.Article.Text)) {
				return Errorf(EINVALID, "entity %q has a mention at %d–%d outside the text", e.ID, m.Start, m.End)
			}
		}
	}
	for local, id := range x.IDs {
		if !ids[local] {
			return Errorf(EINVALID, "ids pins %q, which the extraction does not have", local)
		}
		if !pinnable(x.Entities, local, id) {
			return Errorf(EINVALID, "ids pins %q to %q, which is not an id of its type", local, id)
		}
	}
	for i, r := range x.Relations {
		if !r.Type.Valid() {
			return Errorf(EINVALID, "relation %d has unknown type %q", i, r.Type)
		}
		if !r.Polarity.Valid() {
			return Errorf(EINVALID, "relation %d has unknown polarity %q", i, r.Polarity)
		}
		for _, ref := range append(append([]string{r.Subject, r.Object}, r.Via...), r.AttributedTo...) {
			if !ids[ref] {
				return Errorf(EINVALID, "relation %d (%s) names entity %q, which the extraction does not have", i, r.Type, ref)
			}
		}
		if r.Date != "" && !ValidDate(r.Date) {
			return Errorf(EINVALID, "relation %d has date %q, want YYYY, YYYY-MM or YYYY-MM-DD", i, r.Date)
		}
	}
	return nil
}

// ValidDate reports whether s is YYYY, YYYY-MM or YYYY-MM-DD.
func ValidDate(s string) bool {
	digits := func(s string) bool {
		for i := 0; i < len(s); i++ {
			if s[i] < '0' || s[i] > '9' {
				return false
			}
		}
		return true
	}
	switch len(s) {
	case 4:
		return digits(s)
	case 7:
		return digits(s[:4]) && s[4] == '-' && digits(s[5:]) && s[5:] >= "01" && s[5:] <= "12"
	case 10:
		return digits(s[:4]) && s[4] == '-' && digits(s[5:7]) && s[7] == '-' && digits(s[8:]) &&
			s[5:7] >= "01" && s[5:7] <= "12" && s[8:] >= "01" && s[8:] <= "31"
	}
	return false
}

// pinnable reports whether id can be the stored id of the entity local: it
// has the type prefix EntityID gives and something after it.
func pinnable(es []Entity, local, id string) bool {
	for _, e := range es {
		if e.ID == local {
			p := EntityID(e.Type, "")
			return len(id) > len(p) && id[:len(p)] == p && utf8.ValidString(id)
		}
	}
	return false
}
