package api

import (
	"context"
	"errors"

	"github.com/actorgraph/actorgraph/graph"
)

// resolveLimit bounds the search behind a name. Exact matches rank first,
// so it only has to exceed the number of entities one name can mean.
const resolveLimit = 100

// resolveEntity turns a parameter that holds an entity id or a name into
// the entity. An id wins; otherwise the name must equal, once normalised,
// the name or an alias of exactly one entity: none is ENOTFOUND, several
// are ECONFLICT with the candidates, so the client can retry with an id.
func (s *Server) resolveEntity(ctx context.Context, param, value string) (graph.Entity, error) {
	d, err := s.Store.Entity(ctx, value)
	if err == nil {
		return d.Entity, nil
	}
	if graph.ErrorCode(err) != graph.ENOTFOUND {
		return graph.Entity{}, err
	}
	want := graph.NormalizeName(value)
	if want == "" {
		return graph.Entity{}, graph.Errorf(graph.ENOTFOUND, "parameter %s: no entity has the id or name %q", param, value)
	}
	found, err := s.Store.FindEntities(ctx, graph.EntityFilter{Query: value, Limit: resolveLimit})
	if err != nil {
		return graph.Entity{}, err
	}
	var matches []graph.Entity
	seen := map[string]bool{}
	for _, e := range found {
		if seen[e.ID] || !hasForm(e, want) {
			continue
		}
		seen[e.ID] = true
		matches = append(matches, e)
	}
	switch len(matches) {
	case 0:
		return graph.Entity{}, graph.Errorf(graph.ENOTFOUND, "parameter %s: no entity has the id or name %q", param, value)
	case 1:
		return matches[0], nil
	}
	e := graph.Errorf(graph.ECONFLICT, "parameter %s: %q names %d entities; give one of their ids", param, value, len(matches))
	e.Candidates = matches
	return graph.Entity{}, e
}

func hasForm(e graph.Entity, form string) bool {
	for _, f := range graph.Forms(e) {
		if f == form {
			return true
		}
	}
	return false
}

// entityRefs maps every entity id the edges mention (ends, via,
// attributed_to) to the entity, so that clients can show names. Entities
// already at hand are passed in known and not read again.
func (s *Server) entityRefs(ctx context.Context, edges []graph.Edge, known ...graph.Entity) (map[string]EntityRef, error) {
	out := make(map[string]EntityRef)
	for _, e := range known {
		if e.ID != "" {
			out[e.ID] = ref(e)
		}
	}
	for _, e := range edges {
		ids := append(append([]string{e.Subject, e.Object}, e.Via...), e.AttributedTo...)
		for _, id := range ids {
			if _, ok := out[id]; ok || id == "" {
				continue
			}
			d, err := s.Store.Entity(ctx, id)
			if err != nil {
				var ge *graph.Error
				if errors.As(err, &ge) && ge.Code == graph.ENOTFOUND {
					// An edge should not outlive its ends; if one does, the
					// edge is still worth showing without the name.
					continue
				}
				return nil, err
			}
			out[id] = ref(d.Entity)
		}
	}
	return out, nil
}
