package graph

import "context"

// lookupLimit bounds the search behind a name. Exact matches rank first,
// so it only has to exceed the number of entities one name can mean.
const lookupLimit = 100

// LookupEntity turns what a user typed, an entity id or a name, into the
// entity. An id wins; otherwise the name must equal, once normalised, the
// name or an alias of exactly one entity. None is ENOTFOUND; several are
// ECONFLICT with the entities in Candidates, so the user can retry with an
// id. what names the parameter in messages ("parameter from").
func LookupEntity(ctx context.Context, r EntityReader, what, value string) (Entity, error) {
	d, err := r.Entity(ctx, value)
	if err == nil {
		return d.Entity, nil
	}
	if ErrorCode(err) != ENOTFOUND {
		return Entity{}, err
	}
	want := NormalizeName(value)
	if want == "" {
		return Entity{}, Errorf(ENOTFOUND, "%s: no entity has the id or name %q", what, value)
	}
	found, err := r.FindEntities(ctx, EntityFilter{Query: value, Limit: lookupLimit})
	if err != nil {
		return Entity{}, err
	}
	var matches []Entity
	seen := map[string]bool{}
	for _, e := range found {
		if seen[e.ID] || !contains(Forms(e), want) {
			continue
		}
		seen[e.ID] = true
		matches = append(matches, e)
	}
	switch len(matches) {
	case 0:
		return Entity{}, Errorf(ENOTFOUND, "%s: no entity has the id or name %q", what, value)
	case 1:
		return matches[0], nil
	}
	e := Errorf(ECONFLICT, "%s: %q names %d entities; give one of their ids", what, value, len(matches))
	e.Candidates = matches
	return Entity{}, e
}
