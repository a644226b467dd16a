package graph

// RelationFilter narrows which stored relations a query sees. Its zero value
// sees every asserted relation. It is shared by every query (paths,
// neighbourhoods, listings, timelines) so that all answer the same question
// the same way.
type RelationFilter struct {
	Types        []RelationType // keep only these (empty: all)
	ExcludeTypes []RelationType
	// NoStructural leaves out HOLDS_ROLE, MEMBER_OF and AFFILIATED_WITH.
	NoStructural bool
	// FromDate and ToDate bound the date (inclusive, compared as
	// YYYY[-MM[-DD]] prefixes). While either is set, undated relations are
	// left out.
	FromDate, ToDate string
	// IncludeNegated keeps relations the text says did not happen.
	IncludeNegated bool
	MinConfidence  float64
	MinSupport     int
	// Source keeps relations with evidence from articles whose source is
	// this (compared normalised).
	Source string
}

// Match reports whether e passes the filter. Backends that cannot push a
// condition into their query apply Match to what they read, so every store
// filters alike.
func (f RelationFilter) Match(e Edge) bool {
	if len(f.Types) > 0 && !hasType(f.Types, e.Type) {
		return false
	}
	if hasType(f.ExcludeTypes, e.Type) {
		return false
	}
	if f.NoStructural && e.Type.Structural() {
		return false
	}
	if !f.IncludeNegated && e.Polarity == Negated {
		return false
	}
	if e.Confidence < f.MinConfidence {
		return false
	}
	if f.MinSupport > 0 && e.Support < f.MinSupport {
		return false
	}
	if f.FromDate != "" || f.ToDate != "" {
		if e.Date == "" {
			return false
		}
		if f.FromDate != "" && DateBefore(e.Date, f.FromDate) {
			return false
		}
		if f.ToDate != "" && DateBefore(f.ToDate, e.Date) {
			return false
		}
	}
	return true
}

// Validate reports an inverted date window or malformed dates as EINVALID.
func (f RelationFilter) Validate() error {
	for _, d := range []string{f.FromDate, f.ToDate} {
		if d != "" && !ValidDate(d) {
			return Errorf(EINVALID, "date %q is not YYYY, YYYY-MM or YYYY-MM-DD", d)
		}
	}
	if f.FromDate != "" && f.ToDate != "" && DateBefore(f.ToDate, f.FromDate) {
		return Errorf(EINVALID, "date window is inverted: from %s is after to %s", f.FromDate, f.ToDate)
	}
	for _, t := range append(append([]RelationType{}, f.Types...), f.ExcludeTypes...) {
		if !t.Valid() {
			return Errorf(EINVALID, "unknown relation type %q", t)
		}
	}
	if f.MinConfidence < 0 || f.MinConfidence > 1 {
		return Errorf(EINVALID, "min_confidence %v is outside 0..1", f.MinConfidence)
	}
	return nil
}

// DateBefore reports whether date a lies wholly before date b, where each
// is YYYY, YYYY-MM or YYYY-MM-DD and a coarser date covers its whole period:
// "2025" is not before "2025-03-01", and "2025-02" is.
func DateBefore(a, b string) bool {
	n := len(a)
	if len(b) < n {
		n = len(b)
	}
	return a[:n] < b[:n]
}

func hasType(ts []RelationType, t RelationType) bool {
	for _, v := range ts {
		if v == t {
			return true
		}
	}
	return false
}
