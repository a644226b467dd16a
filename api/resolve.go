package api

import (
	"context"
	"errors"
	"strings"

	"github.com/actorgraph/actorgraph/graph"
)

// resolveEntity turns a parameter that holds an entity id or a name into
// the entity; see graph.LookupEntity. A name that matches nothing is still
// ENOTFOUND, but the message suggests the nearest spellings the graph
// knows ("did you mean Abbas Araghchi (person:abbas-araghchi)?"), since a
// misspelt name is the usual cause.
func (s *Server) resolveEntity(ctx context.Context, param, value string) (graph.Entity, error) {
	if br, ok := s.Store.(graph.EntityBatchReader); ok {
		// An id is the usual case, and the entity is all it needs: the
		// detail LookupEntity reads (roles, relation counts) costs a hub
		// a scan of its edges.
		found, err := br.Entities(ctx, []string{value})
		if err != nil {
			return graph.Entity{}, err
		}
		if e, ok := found[value]; ok {
			return e, nil
		}
	}
	e, err := graph.LookupEntity(ctx, s.Store, "parameter "+param, value)
	if graph.ErrorCode(err) != graph.ENOTFOUND {
		return e, err
	}
	near, nerr := s.nearMisses(ctx, graph.EntityFilter{Query: value}, nil)
	if nerr != nil || len(near) == 0 {
		return e, err
	}
	var names []string
	for i, n := range near {
		if i == maxSuggestions {
			break
		}
		names = append(names, n.Name+" ("+n.ID+")")
	}
	return e, graph.Errorf(graph.ENOTFOUND, "%s; did you mean %s?", graph.ErrorMessage(err), strings.Join(names, " or "))
}

// maxSuggestions bounds the spellings a not-found name suggests.
const maxSuggestions = 3

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
	var missing []string
	for _, e := range edges {
		for _, ids := range [][]string{{e.Subject, e.Object}, e.Via, e.AttributedTo} {
			for _, id := range ids {
				if _, ok := out[id]; ok || id == "" {
					continue
				}
				out[id] = EntityRef{}
				missing = append(missing, id)
			}
		}
	}
	if len(missing) == 0 {
		return out, nil
	}
	if br, ok := s.Store.(graph.EntityBatchReader); ok {
		// One query for all of them: a listing of a thousand edges names
		// hundreds of entities.
		found, err := br.Entities(ctx, missing)
		if err != nil {
			return nil, err
		}
		for _, id := range missing {
			if e, ok := found[id]; ok {
				out[id] = ref(e)
			} else {
				// An edge should not outlive its ends; if one does, the
				// edge is still worth showing without the name.
				delete(out, id)
			}
		}
		return out, nil
	}
	for _, id := range missing {
		d, err := s.Store.Entity(ctx, id)
		if err != nil {
			var ge *graph.Error
			if errors.As(err, &ge) && ge.Code == graph.ENOTFOUND {
				delete(out, id)
				continue
			}
			return nil, err
		}
		out[id] = ref(d.Entity)
	}
	return out, nil
}
