package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/actorgraph/actorgraph/export"
	"github.com/actorgraph/actorgraph/graph"
)

// filterFlags adds the relation filter flags every query verb shares, the
// CLI's spelling of the API's filter parameters, and returns a function
// that builds and validates the filter once the flags are parsed. Keeping
// them in one place is what makes path, timeline and export answer the
// same question for the same flags.
func filterFlags(fs *flag.FlagSet) func() (graph.RelationFilter, error) {
	var types, exclude stringList
	fs.Var(&types, "type", "keep only relations of this `TYPE` (repeatable or comma-separated, e.g. MEET,NEGOTIATE)")
	fs.Var(&exclude, "exclude-type", "leave out relations of this `TYPE` (repeatable or comma-separated)")
	noStructural := fs.Bool("no-structural", false, "leave out HOLDS_ROLE, MEMBER_OF and AFFILIATED_WITH")
	from := fs.String("from-date", "", "keep relations dated on or after `DATE` (YYYY, YYYY-MM or YYYY-MM-DD); undated ones are left out")
	to := fs.String("to-date", "", "keep relations dated on or before `DATE`; undated ones are left out")
	negated := fs.Bool("include-negated", false, "also keep relations the text says did not or will not happen")
	minConf := fs.Float64("min-confidence", 0, "keep relations with at least this confidence (0..1)")
	minSupport := fs.Int("min-support", 0, "keep relations supported by at least `N` articles")
	source := fs.String("source", "", "keep relations with evidence from this `SOURCE` (outlet)")
	return func() (graph.RelationFilter, error) {
		f := graph.RelationFilter{
			NoStructural: *noStructural, FromDate: *from, ToDate: *to, IncludeNegated: *negated,
			MinConfidence: *minConf, MinSupport: *minSupport, Source: *source,
		}
		var err error
		if f.Types, err = relationTypes("--type", types); err != nil {
			return f, err
		}
		if f.ExcludeTypes, err = relationTypes("--exclude-type", exclude); err != nil {
			return f, err
		}
		if f.MinSupport < 0 {
			return f, graph.Errorf(graph.EINVALID, "--min-support %d is negative", f.MinSupport)
		}
		return f, f.Validate()
	}
}

func relationTypes(flagName string, values []string) ([]graph.RelationType, error) {
	var out []graph.RelationType
	for _, v := range values {
		for _, s := range splitList(v) {
			t, err := graph.ParseRelationType(s)
			if err != nil {
				return nil, fmt.Errorf("%s: %s", flagName, graph.ErrorMessage(err))
			}
			out = append(out, t)
		}
	}
	return out, nil
}

// parseArgs parses flags wherever they stand among the positional
// arguments ("path A B --max-hops 3" as well as "path --max-hops 3 A B"),
// since names come first to mind; "--" ends the flags.
func (m *Main) parseArgs(fs *flag.FlagSet, args []string) ([]string, error) {
	if err := m.parse(fs, args); err != nil {
		return nil, err
	}
	var pos []string
	for {
		rest := fs.Args()
		if len(rest) == 0 {
			return pos, nil
		}
		if len(args) > len(rest) && args[len(args)-len(rest)-1] == "--" {
			return append(pos, rest...), nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
		if err := fs.Parse(args); err != nil {
			return nil, errUsage
		}
	}
}

// usageError prints a command-line mistake with the verb's usage and
// returns errUsage (exit 2).
func (m *Main) usageError(fs *flag.FlagSet, err error) error {
	fmt.Fprintf(m.Stderr, "actorgraph %s: %v\n\n", fs.Name(), err)
	fs.Usage()
	return errUsage
}

// resolveEntity turns an id or a name into an entity (graph.LookupEntity),
// listing the candidates of an ambiguous name one a line so the user can
// retry with an id.
func resolveEntity(ctx context.Context, st graph.Reader, what, value string) (graph.Entity, error) {
	e, err := graph.LookupEntity(ctx, st, what, value)
	var ge *graph.Error
	if err == nil || !errors.As(err, &ge) || ge.Code != graph.ECONFLICT {
		return e, err
	}
	var b strings.Builder
	b.WriteString(ge.Message + ":")
	for _, c := range ge.Candidates {
		fmt.Fprintf(&b, "\n  %s\t%s (%s)", c.ID, c.Name, c.Type)
	}
	ge.Message = b.String()
	return e, ge
}

// userError shows a store's answer about the user's question (no such
// entity, an ambiguous name, a bad filter) by its message alone; other
// errors keep their cause.
func userError(err error) error {
	var ge *graph.Error
	if errors.As(err, &ge) && (ge.Code == graph.EINVALID || ge.Code == graph.ENOTFOUND || ge.Code == graph.ECONFLICT) {
		return errors.New(ge.Message)
	}
	return err
}

// names looks entity names up once each, for output that shows names
// where the store answers with ids.
type names struct {
	ctx   context.Context
	st    graph.Reader
	known map[string]string
}

func newNames(ctx context.Context, st graph.Reader, known ...graph.Entity) *names {
	n := &names{ctx: ctx, st: st, known: map[string]string{}}
	for _, e := range known {
		n.known[e.ID] = e.Name
	}
	return n
}

// name returns the entity's name, or its id when it cannot be read: a
// missing name must not stop an export.
func (n *names) name(id string) string {
	if s, ok := n.known[id]; ok {
		return s
	}
	s := id
	if d, err := n.st.Entity(n.ctx, id); err == nil {
		s = d.Name
	}
	n.known[id] = s
	return s
}

func (m *Main) runPath(ctx context.Context, args []string) error {
	fs := m.flagSet("path", "A B [flags]",
		"Print how two entities are connected: the shortest chains of relations\n"+
			"between A and B (ids or names), ignoring direction. Each step is one line,\n"+
			"\"From —TYPE (date, via X)→ To\"; ← marks a relation running the other way,\n"+
			"~ a hop through a relation's via entity (--via-hops). A name must match\n"+
			"one entity exactly (name or alias); an ambiguous one lists the candidates.")
	storeURI := m.storeFlag(fs)
	maxHops := fs.Int("max-hops", graph.DefaultMaxHops, fmt.Sprintf("longest path, in hops (1..%d)", graph.MaxHops))
	k := fs.Int("k", 0, "return the K shortest simple paths rather than all shortest ones")
	limit := fs.Int("limit", graph.DefaultPaths, fmt.Sprintf("most paths to print (1..%d)", graph.MaxPaths))
	viaHops := fs.Bool("via-hops", false, "also connect a relation's ends through its via entities")
	format := fs.String("format", "text", "output: text or json")
	filter := filterFlags(fs)
	pos, err := m.parseArgs(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 2 {
		return m.usageError(fs, fmt.Errorf("want two entities, got %d arguments", len(pos)))
	}
	if *format != "text" && *format != "json" {
		return m.usageError(fs, fmt.Errorf("--format %q: want text or json", *format))
	}
	f, err := filter()
	if err != nil {
		return m.usageError(fs, userError(err))
	}
	st, err := m.openStore(ctx, *storeURI)
	if err != nil {
		return err
	}
	defer st.Close()
	from, err := resolveEntity(ctx, st, "A", pos[0])
	if err != nil {
		return userError(err)
	}
	to, err := resolveEntity(ctx, st, "B", pos[1])
	if err != nil {
		return userError(err)
	}
	paths, err := st.Paths(ctx, graph.PathQuery{From: from.ID, To: to.ID, MaxHops: *maxHops, K: *k, Limit: *limit, Filter: f, ViaHops: *viaHops})
	if err != nil {
		return userError(err)
	}
	if paths == nil {
		paths = []graph.Path{}
	}
	bw := bufio.NewWriter(m.Stdout)
	if *format == "json" {
		enc := json.NewEncoder(bw)
		enc.SetIndent("", "  ")
		err = enc.Encode(struct {
			From  graph.Entity `json:"from"`
			To    graph.Entity `json:"to"`
			Paths []graph.Path `json:"paths"`
		}{from, to, paths})
	} else {
		writePaths(bw, newNames(ctx, st, from, to), from, to, paths)
	}
	if err != nil {
		return err
	}
	return bw.Flush()
}

// writePaths prints paths for a reader: a heading per path, a line per step.
func writePaths(w io.Writer, n *names, from, to graph.Entity, paths []graph.Path) {
	if len(paths) == 0 {
		fmt.Fprintf(w, "No path between %s and %s within the hops and filters given.\n", from.Name, to.Name)
		return
	}
	for i, p := range paths {
		for _, e := range p.Nodes {
			n.known[e.ID] = e.Name
		}
		if i > 0 {
			fmt.Fprintln(w)
		}
		hops := "hops"
		if len(p.Steps) == 1 {
			hops = "hop"
		}
		fmt.Fprintf(w, "Path %d of %d (%d %s)\n", i+1, len(paths), len(p.Steps), hops)
		for _, s := range p.Steps {
			fmt.Fprintf(w, "  %s\n", stepLine(n, s))
		}
	}
}

// stepLine renders one step: "Alpha —MEET (2025-01-10)→ Bravo", relations
// running the other way as "←TYPE (…)—", via hops between tildes; a step's
// relations oldest first, undated ones before.
func stepLine(n *names, s graph.Step) string {
	edges := append([]graph.Edge(nil), s.Edges...)
	sort.SliceStable(edges, func(i, j int) bool {
		if edges[i].Date != edges[j].Date {
			return edges[i].Date < edges[j].Date
		}
		return edges[i].Type < edges[j].Type
	})
	var fwd, back []string
	for _, e := range edges {
		l := edgeLabel(n, e)
		if s.Via || e.Subject == s.From || e.Type.Symmetric() {
			fwd = append(fwd, l)
		} else {
			back = append(back, l)
		}
	}
	var segs []string
	switch {
	case s.Via:
		segs = append(segs, "~"+strings.Join(fwd, "; ")+"~")
	default:
		if len(fwd) > 0 {
			segs = append(segs, "—"+strings.Join(fwd, "; ")+"→")
		}
		if len(back) > 0 {
			segs = append(segs, "←"+strings.Join(back, "; ")+"—")
		}
	}
	return n.name(s.From) + " " + strings.Join(segs, " ") + " " + n.name(s.To)
}

// edgeLabel is "NEGOTIATE (2025-04-12, via Oman)", "not THREATEN (…)",
// "HOLDS_ROLE (Foreign Minister)".
func edgeLabel(n *names, e graph.Edge) string {
	l := string(e.Type)
	if e.Polarity == graph.Negated {
		l = "not " + l
	}
	var details []string
	if e.Date != "" {
		details = append(details, e.Date)
	}
	if e.Role != "" {
		details = append(details, e.Role)
	}
	if len(e.Via) > 0 {
		vs := make([]string, len(e.Via))
		for i, id := range e.Via {
			vs[i] = n.name(id)
		}
		details = append(details, "via "+strings.Join(vs, ", "))
	}
	if len(details) > 0 {
		l += " (" + strings.Join(details, ", ") + ")"
	}
	return l
}

func (m *Main) runTimeline(ctx context.Context, args []string) error {
	fs := m.flagSet("timeline", "[ENTITY [--other B]] [flags]",
		"Print the dated relations of an entity (id or name), or between it and\n"+
			"--other, or of the whole graph without ENTITY, oldest first, as JSON\n"+
			"({\"events\":[...]} with names and evidence), CSV, Knight Lab TimelineJS3\n"+
			"JSON or vis-timeline items. -o writes a file atomically: a failed export\n"+
			"leaves nothing behind.")
	storeURI := m.storeFlag(fs)
	other := fs.String("other", "", "only relations between ENTITY and this entity (id or name)")
	format := fs.String("format", "", "output: json, csv, timelinejs or vis (default: csv for an -o FILE.csv, else json)")
	out := fs.String("o", "", "write to `FILE` instead of standard output")
	limit := fs.Int("limit", graph.MaxLimit, fmt.Sprintf("most relations (1..%d)", graph.MaxLimit))
	filter := filterFlags(fs)
	pos, err := m.parseArgs(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 1 {
		return m.usageError(fs, fmt.Errorf("want at most one entity, got %d arguments", len(pos)))
	}
	if len(pos) == 0 && *other != "" {
		return m.usageError(fs, fmt.Errorf("--other needs an ENTITY"))
	}
	if *format == "" {
		*format = string(export.TimelineJSON)
		if strings.HasSuffix(strings.ToLower(*out), ".csv") {
			*format = string(export.TimelineCSV)
		}
	}
	tf, err := export.ParseTimelineFormat(*format)
	if err != nil {
		return m.usageError(fs, userError(err))
	}
	f, err := filter()
	if err != nil {
		return m.usageError(fs, userError(err))
	}
	st, err := m.openStore(ctx, *storeURI)
	if err != nil {
		return err
	}
	defer st.Close()
	q := graph.TimelineQuery{Filter: f, Limit: *limit}
	var known []graph.Entity
	title := "Timeline"
	if len(pos) == 1 {
		e, err := resolveEntity(ctx, st, "ENTITY", pos[0])
		if err != nil {
			return userError(err)
		}
		q.Entity, known, title = e.ID, append(known, e), "Timeline of "+e.Name
	}
	if *other != "" {
		o, err := resolveEntity(ctx, st, "--other", *other)
		if err != nil {
			return userError(err)
		}
		q.Other, known, title = o.ID, append(known, o), known[0].Name+" and "+o.Name
	}
	edges, err := st.Timeline(ctx, q)
	if err != nil {
		return userError(err)
	}
	n := newNames(ctx, st, known...)
	tl := export.Timeline{Title: title, Edges: edges, Name: n.name}
	return m.output(*out, func(w io.Writer) error { return export.WriteTimeline(w, tf, tl) })
}
