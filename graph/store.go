package graph

import (
	"context"
	"io"
	"sort"
)

// Limits that keep every query bounded, whatever a caller asks for.
const (
	DefaultLimit   = 50
	MaxLimit       = 1000
	DefaultMaxHops = 4
	MaxHops        = 6
	DefaultPaths   = 10 // paths returned when a query gives no limit
	MaxPaths       = 100
)

// Ingester stores extractions.
//
// Ingest is idempotent and atomic per article: an article whose key (see
// Article.Key) is stored with the same text hash is skipped; one stored with
// a different hash has its old contribution replaced; a failure leaves that
// article wholly unstored and is reported in its IngestResult while the
// other articles go on. Backends write in batches, not a statement per row.
type Ingester interface {
	Ingest(ctx context.Context, xs []Extraction) (IngestReport, error)
}

// EntityReader answers questions about entities.
type EntityReader interface {
	// Entity returns one entity by id, or ENOTFOUND.
	Entity(ctx context.Context, id string) (*EntityDetail, error)
	// FindEntities searches names and aliases; results are ranked by
	// exactness of the match, then mention count, then id.
	FindEntities(ctx context.Context, f EntityFilter) ([]Entity, error)
}

// RelationReader answers questions about stored relations.
type RelationReader interface {
	// Relation returns one edge by id with all its evidence, or ENOTFOUND.
	Relation(ctx context.Context, id string) (*Edge, error)
	// Relations lists edges matching the filter, ordered by id, one page at
	// a time.
	Relations(ctx context.Context, q RelationQuery) (RelationPage, error)
	// Timeline lists dated edges matching the query, oldest first.
	Timeline(ctx context.Context, q TimelineQuery) ([]Edge, error)
}

// EntityBatchReader is implemented by stores that read many entities at
// once: answers that name hundreds of entities then cost one query, not one
// per entity.
type EntityBatchReader interface {
	// Entities returns the stored entities among ids, by id; ids not
	// stored are left out.
	Entities(ctx context.Context, ids []string) (map[string]Entity, error)
}

// PathFinder finds how two entities are connected.
type PathFinder interface {
	// Paths returns the shortest paths between two entities, ignoring edge
	// direction, at most q.MaxHops long; see PathQuery.
	Paths(ctx context.Context, q PathQuery) ([]Path, error)
}

// Store is a graph backend: everything the CLI and the API need. Every
// backend passes the conformance suite in graphtest.
type Store interface {
	Ingester
	EntityReader
	RelationReader
	PathFinder
	// Counts returns the number of stored entities, edges and articles.
	Counts(ctx context.Context) (Counts, error)
	io.Closer
}

// Counts is the size of a stored graph.
type Counts struct {
	Entities  int `json:"entities"`
	Relations int `json:"relations"`
	Articles  int `json:"articles"`
}

// IngestStatus says what happened to one article.
type IngestStatus string

// The outcomes of ingesting one article.
const (
	IngestNew       IngestStatus = "new"
	IngestUnchanged IngestStatus = "unchanged" // same key and text: nothing written
	IngestReplaced  IngestStatus = "replaced"  // same key, new text: old contribution replaced
	IngestFailed    IngestStatus = "failed"
)

// IngestResult is the outcome for one article.
type IngestResult struct {
	Key    string       `json:"key"`
	ID     string       `json:"id"`
	Status IngestStatus `json:"status"`
	Error  string       `json:"error,omitempty"`
	// EntityIDs maps the extraction's local entity ids to stored ids.
	EntityIDs map[string]string `json:"entity_ids,omitempty"`
}

// IngestReport sums up one Ingest call.
type IngestReport struct {
	Results          []IngestResult `json:"results"`
	EntitiesAdded    int            `json:"entities_added"`
	RelationsAdded   int            `json:"relations_added"`
	EvidenceAdded    int            `json:"evidence_added"`
	ArticlesNew      int            `json:"articles_new"`
	ArticlesSkipped  int            `json:"articles_skipped"`
	ArticlesReplaced int            `json:"articles_replaced"`
	ArticlesFailed   int            `json:"articles_failed"`
}

// RelationQuery lists edges.
type RelationQuery struct {
	Filter RelationFilter
	// Entity, when set, keeps edges with it as subject or object; Other,
	// when also set, keeps only edges between the two.
	Entity string
	Other  string
	// After is the cursor: the id of the last edge of the previous page.
	After string
	Limit int
	// Evidence bounds each edge's evidence; see EvidenceCap.
	Evidence int
}

// RelationPage is one page of edges; Next is "" on the last page.
type RelationPage struct {
	Relations []Edge `json:"relations"`
	Next      string `json:"next,omitempty"`
}

// TimelineQuery selects dated edges for a timeline.
type TimelineQuery struct {
	Filter RelationFilter
	Entity string // optional: edges touching it
	Other  string // optional, with Entity: edges between the two
	Limit  int
}

// PathQuery asks how two entities are connected.
type PathQuery struct {
	From, To string // entity ids
	// MaxHops bounds the length; 0 means DefaultMaxHops, above MaxHops is
	// EINVALID.
	MaxHops int
	// K asks for the k shortest simple paths rather than only the shortest
	// ones; 0 means all shortest paths (up to Limit).
	K      int
	Limit  int
	Filter RelationFilter
	// ViaHops treats a relation's via entities as hops: A–NEGOTIATE via
	// C–B also connects A–C–B.
	ViaHops bool
	// Evidence bounds each edge's evidence; see EvidenceCap.
	Evidence int
	// StepEdges bounds the edges of each step, 0 meaning all; see
	// CapStep.
	StepEdges int
}

// Path is a chain of entities, each step with the edges (matching the
// query's filter) that join one node to the next. Nodes has one more element
// than Steps.
type Path struct {
	Nodes []Entity `json:"nodes"`
	Steps []Step   `json:"steps"`
}

// Step joins Path.Nodes[i] to Path.Nodes[i+1]. Via is set when the hop was
// made through a relation's via entity rather than the relation's own ends.
type Step struct {
	From  string `json:"from"`
	To    string `json:"to"`
	Edges []Edge `json:"edges"`
	Via   bool   `json:"via,omitempty"`
	// EdgesTotal is how many edges join the two nodes under the query;
	// set when PathQuery.StepEdges bounded Edges, 0 otherwise.
	EdgesTotal int `json:"edges_total,omitempty"`
}

// StepKeeps returns which of a step's edges (in id order) a bound of n
// keeps, also in id order: all when n is 0 or not below their number,
// otherwise the n with most support, ties to the smaller id, since those
// are the best attested links between the two. support(i) is the support
// of edge i.
func StepKeeps(count, n int, support func(i int) int) []int {
	keep := make([]int, count)
	for i := range keep {
		keep[i] = i
	}
	if n <= 0 || count <= n {
		return keep
	}
	sort.SliceStable(keep, func(a, b int) bool { return support(keep[a]) > support(keep[b]) })
	keep = keep[:n]
	sort.Ints(keep)
	return keep
}

// Limit applies a default and a cap to a requested count: 0 means def, a
// count above max is lowered to max, a negative one is EINVALID. Every
// store bounds its answers through it, so all bound them alike.
func Limit(n, def, max int) (int, error) {
	switch {
	case n < 0:
		return 0, Errorf(EINVALID, "limit %d is negative", n)
	case n == 0:
		return def, nil
	case n > max:
		return max, nil
	}
	return n, nil
}

// Bounds checks a path query and returns, with defaults applied, the hop
// bound and how many paths to find (the limit, or K when it is smaller).
// Both stores start their Paths with it, so they refuse the same queries
// with the same messages.
func (q PathQuery) Bounds() (hops, paths int, err error) {
	if err := q.Filter.Validate(); err != nil {
		return 0, 0, err
	}
	hops = q.MaxHops
	switch {
	case hops == 0:
		hops = DefaultMaxHops
	case hops < 0 || hops > MaxHops:
		return 0, 0, Errorf(EINVALID, "max_hops %d is outside 1..%d", q.MaxHops, MaxHops)
	}
	if q.K < 0 {
		return 0, 0, Errorf(EINVALID, "k %d is negative", q.K)
	}
	if err := ValidEvidence(q.Evidence); err != nil {
		return 0, 0, err
	}
	if q.StepEdges < 0 {
		return 0, 0, Errorf(EINVALID, "step_edges %d is negative", q.StepEdges)
	}
	paths, err = Limit(q.Limit, DefaultPaths, MaxPaths)
	if err != nil {
		return 0, 0, err
	}
	if q.K > 0 && q.K < paths {
		paths = q.K
	}
	if q.From == q.To {
		return 0, 0, Errorf(EINVALID, "a path needs two different entities, got %q twice", q.From)
	}
	return hops, paths, nil
}
