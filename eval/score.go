package eval

import (
	"cmp"
	"slices"

	"github.com/actorgraph/actorgraph/graph"
)

// Counts are matches, predictions and gold items, summed over articles.
type Counts struct {
	TP   int `json:"tp"`
	Pred int `json:"pred"`
	Gold int `json:"gold"`
}

// Precision is TP/Pred, 0 without predictions.
func (c Counts) Precision() float64 {
	if c.Pred == 0 {
		return 0
	}
	return float64(c.TP) / float64(c.Pred)
}

// Recall is TP/Gold, 0 without gold items.
func (c Counts) Recall() float64 {
	if c.Gold == 0 {
		return 0
	}
	return float64(c.TP) / float64(c.Gold)
}

// F1 is the harmonic mean of precision and recall, 0 when both are 0. It is
// computed in the reference scorer's order of operations so the two agree
// to the last bit.
func (c Counts) F1() float64 {
	p, r := c.Precision(), c.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func (c *Counts) add(d Counts) { c.TP, c.Pred, c.Gold = c.TP+d.TP, c.Pred+d.Pred, c.Gold+d.Gold }

// Accuracy is how many of the matched relations that have an attribute in
// gold got it right.
type Accuracy struct {
	Correct int `json:"correct"`
	Total   int `json:"total"`
}

// Value is Correct/Total, 0 when no relation was scored.
func (a Accuracy) Value() float64 {
	if a.Total == 0 {
		return 0
	}
	return float64(a.Correct) / float64(a.Total)
}

func (a *Accuracy) count(ok bool) {
	a.Total++
	if ok {
		a.Correct++
	}
}

// Report is the outcome of scoring: micro-averaged counts over all gold
// articles, attribute accuracies over matched relations, and what went
// wrong in each article.
type Report struct {
	// Articles is the number of gold articles scored.
	Articles int
	// Missing lists the gold articles without a prediction, in file order;
	// they score as empty predictions.
	Missing []string
	// Entities ignores types; TypedEntities requires them to match.
	Entities      Counts
	TypedEntities Counts
	Relations     Counts
	// Via counts matched relations with gold via; every gold via entity
	// must be among the predicted ones. Date counts those with a gold date;
	// Polarity counts all matched relations.
	Via, Date, Polarity Accuracy
	// PerArticle has one result per gold article, in file order.
	PerArticle []ArticleResult
}

// ArticleResult is one article's scores and errors.
type ArticleResult struct {
	ID            string
	Entities      Counts
	TypedEntities Counts
	Relations     Counts
	// MissedEntities are gold entities no prediction matched, and
	// SpuriousEntities predictions that matched none, with types required;
	// Mistyped are the pairs that match by name but not by type.
	MissedEntities   []GoldEntity
	SpuriousEntities []graph.Entity
	Mistyped         []Mistyped
	// MissedRelations are gold relations no prediction matched, in gold
	// order; SpuriousRelations predictions that matched none, in
	// prediction order.
	MissedRelations   []GoldRelation
	SpuriousRelations []graph.Relation
	// names maps the prediction's entity ids to names, for reports.
	names map[string]string
}

// Mistyped is a predicted entity that names a gold entity with another
// type.
type Mistyped struct {
	Gold GoldEntity
	Pred graph.Entity
}

// Score scores predictions, keyed by article id, against gold articles.
// Predictions for articles not in gold are ignored, as the reference scorer
// ignores them.
func Score(gold map[string]GoldArticle, preds map[string]graph.Extraction) Report {
	ids := make([]string, 0, len(gold))
	for id := range gold {
		ids = append(ids, id)
	}
	slices.SortFunc(ids, func(a, b string) int {
		return cmp.Or(cmp.Compare(gold[a].File, gold[b].File), cmp.Compare(a, b))
	})
	var r Report
	r.Articles = len(ids)
	for _, id := range ids {
		p, ok := preds[id]
		if !ok {
			r.Missing = append(r.Missing, id)
		}
		ar := r.article(id, gold[id], p)
		r.Entities.add(ar.Entities)
		r.TypedEntities.add(ar.TypedEntities)
		r.Relations.add(ar.Relations)
		r.PerArticle = append(r.PerArticle, ar)
	}
	return r
}

// article scores one article and adds its attribute accuracies to r.
func (r *Report) article(id string, g GoldArticle, p graph.Extraction) ArticleResult {
	ar := ArticleResult{ID: id, names: make(map[string]string, len(p.Entities))}
	gents, pents := g.Entities, p.Entities
	untyped := matchEntities(gents, pents, false)
	typed := matchEntities(gents, pents, true)
	ar.Entities = Counts{TP: len(untyped), Pred: len(pents), Gold: len(gents)}
	ar.TypedEntities = Counts{TP: len(typed), Pred: len(pents), Gold: len(gents)}
	entityErrors(&ar, gents, pents, untyped, typed)

	// Forms by gold name and by predicted id; later duplicates win, as in
	// the reference's dict comprehensions.
	gforms := make(map[string]formSet, len(gents))
	for _, e := range gents {
		gforms[e.Name] = forms(e.Name, e.Aliases)
	}
	pid := make(map[string]formSet, len(pents))
	for _, e := range pents {
		pid[e.ID] = forms(e.Name, e.Aliases)
		ar.names[e.ID] = e.Name
	}
	same := func(pref string, gnames []string) bool {
		pf, ok := pid[pref]
		if !ok {
			pf = formSet{normName(pref): {}}
		}
		for _, n := range gnames {
			gf, ok := gforms[n]
			if !ok {
				gf = formSet{normName(n): {}}
			}
			if pf.intersects(gf) {
				return true
			}
		}
		return false
	}

	grels, prels := g.Relations, p.Relations
	used := make([]bool, len(grels))
	tp := 0
	for _, pr := range prels {
		matched := false
		for gi, gr := range grels {
			if used[gi] || (pr.Type != gr.Type && !slices.Contains(gr.AltTypes, pr.Type)) {
				continue
			}
			subs := append([]string{gr.Subject}, gr.SubjectAlt...)
			objs := append([]string{gr.Object}, gr.ObjectAlt...)
			ok := same(pr.Subject, subs) && same(pr.Object, objs)
			// The reference tests the gold type alone for symmetry: its
			// alt-types term is a subset of the symmetric set already.
			if !ok && gr.Type.Symmetric() {
				ok = same(pr.Subject, objs) && same(pr.Object, subs)
			}
			if !ok {
				continue
			}
			used[gi], matched = true, true
			tp++
			if len(gr.Via) > 0 {
				r.Via.count(allVia(gr.Via, pr.Via, same))
			}
			if gr.Date != "" {
				r.Date.count(pr.Date == gr.Date)
			}
			pol := pr.Polarity
			if pol == "" {
				pol = graph.Asserted
			}
			r.Polarity.count(pol == gr.Polarity)
			break
		}
		if !matched {
			ar.SpuriousRelations = append(ar.SpuriousRelations, pr)
		}
	}
	for gi, gr := range grels {
		if !used[gi] {
			ar.MissedRelations = append(ar.MissedRelations, gr)
		}
	}
	ar.Relations = Counts{TP: tp, Pred: len(prels), Gold: len(grels)}
	return ar
}

// allVia reports whether every gold via entity is among the predicted ones.
func allVia(gold, pred []string, same func(string, []string) bool) bool {
	for _, gv := range gold {
		found := false
		for _, v := range pred {
			if same(v, []string{gv}) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// matchEntities pairs predicted with gold entities one to one, in the
// reference's four passes: exact name and type, exact name, shared form and
// type, shared form; each pass takes predictions in order and gives each the
// first free gold entity it fits. typed skips pairs of different types in
// every pass. It returns gold index by prediction index.
func matchEntities(gents []GoldEntity, pents []graph.Entity, typed bool) map[int]int {
	gname := make([]string, len(gents))
	gform := make([]formSet, len(gents))
	for i, g := range gents {
		gname[i], gform[i] = normName(g.Name), forms(g.Name, g.Aliases)
	}
	pname := make([]string, len(pents))
	pform := make([]formSet, len(pents))
	for i, p := range pents {
		pname[i], pform[i] = normName(p.Name), forms(p.Name, p.Aliases)
	}
	passes := []func(pi, gi int) bool{
		func(pi, gi int) bool { return pname[pi] == gname[gi] && pents[pi].Type == gents[gi].Type },
		func(pi, gi int) bool { return pname[pi] == gname[gi] },
		func(pi, gi int) bool { return pform[pi].intersects(gform[gi]) && pents[pi].Type == gents[gi].Type },
		func(pi, gi int) bool { return pform[pi].intersects(gform[gi]) },
	}
	m := make(map[int]int)
	used := make([]bool, len(gents))
	for _, ok := range passes {
		for pi := range pents {
			if _, done := m[pi]; done {
				continue
			}
			for gi := range gents {
				if used[gi] || (typed && pents[pi].Type != gents[gi].Type) {
					continue
				}
				if ok(pi, gi) {
					used[gi] = true
					m[pi] = gi
					break
				}
			}
		}
	}
	return m
}

// entityErrors lists an article's entity errors from the typed matching,
// telling apart the misses and spurious predictions that are one entity
// read with the wrong type (paired by the untyped matching).
func entityErrors(ar *ArticleResult, gents []GoldEntity, pents []graph.Entity, untyped, typed map[int]int) {
	goldTyped := make([]bool, len(gents))
	for _, gi := range typed {
		goldTyped[gi] = true
	}
	predOf := make(map[int]int, len(untyped)) // gold index -> pred index
	for pi, gi := range untyped {
		predOf[gi] = pi
	}
	explained := make(map[int]bool)
	for gi, g := range gents {
		if goldTyped[gi] {
			continue
		}
		if pi, ok := predOf[gi]; ok {
			if _, matched := typed[pi]; !matched && pents[pi].Type != g.Type {
				ar.Mistyped = append(ar.Mistyped, Mistyped{Gold: g, Pred: pents[pi]})
				explained[pi] = true
				continue
			}
		}
		ar.MissedEntities = append(ar.MissedEntities, g)
	}
	for pi, p := range pents {
		if _, ok := typed[pi]; !ok && !explained[pi] {
			ar.SpuriousEntities = append(ar.SpuriousEntities, p)
		}
	}
}
