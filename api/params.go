package api

import (
	"math"
	"net/url"
	"sort"
	"strconv"
	"strings"

	"github.com/actorgraph/actorgraph/graph"
)

// params reads a request's query string. It remembers which parameters the
// handler asked for, so that done can refuse the ones it did not know — a
// misspelt filter ("max_hop") would otherwise be ignored silently and answer
// a different question. The first error sticks; later reads return zero
// values.
type params struct {
	values url.Values
	used   map[string]bool
	err    error
}

func newParams(v url.Values) *params {
	return &params{values: v, used: make(map[string]bool)}
}

func (p *params) fail(format string, args ...any) {
	if p.err == nil {
		p.err = graph.Errorf(graph.EINVALID, format, args...)
	}
}

// one returns the single value of name with surrounding spaces trimmed, ""
// when absent. It is for text (names, ids, queries).
func (p *params) one(name string) string {
	return strings.TrimSpace(p.raw(name))
}

// raw returns the single value of name as given, "" when absent. Numbers,
// booleans and dates are read from it untrimmed, so that " " is a
// malformed number, as the API's description says, not an absent one.
func (p *params) raw(name string) string {
	p.used[name] = true
	vs := p.values[name]
	switch len(vs) {
	case 0:
		return ""
	case 1:
		return vs[0]
	}
	p.fail("parameter %s is given %d times; give it once", name, len(vs))
	return ""
}

// list returns every value of a repeatable parameter, each also split at
// commas: type=MEET&type=NEGOTIATE and type=MEET,NEGOTIATE are the same.
func (p *params) list(name string) []string {
	p.used[name] = true
	var out []string
	for _, v := range p.values[name] {
		for _, s := range strings.Split(v, ",") {
			if s = strings.TrimSpace(s); s != "" {
				out = append(out, s)
			}
		}
	}
	return out
}

// required returns the value of name, failing when it is missing or empty.
func (p *params) required(name string) string {
	v := p.one(name)
	if v == "" && p.err == nil {
		p.fail("parameter %s is required", name)
	}
	return v
}

// int returns name as an integer in [min, max], or def when absent.
func (p *params) int(name string, def, min, max int) int {
	s := p.raw(name)
	if s == "" {
		return def
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		p.fail("parameter %s: %q is not an integer", name, s)
		return def
	}
	if n < min || n > max {
		p.fail("parameter %s: %d is outside %d..%d", name, n, min, max)
		return def
	}
	return n
}

// bool returns name as a boolean (true/false, 1/0), or def when absent.
func (p *params) bool(name string, def bool) bool {
	s := p.raw(name)
	if s == "" {
		return def
	}
	b, err := strconv.ParseBool(s)
	if err != nil {
		p.fail("parameter %s: %q is not true or false", name, s)
		return def
	}
	return b
}

// evidence reads a per-edge evidence bound that also takes a boolean: a
// count 0..graph.MaxEvidence (0 for none), true for all, false for none
// (the default), and returns it as a store bound (graph.EvidenceCap).
func (p *params) evidence(name string) int {
	s := p.raw(name)
	switch s {
	case "true":
		return 0
	case "", "false":
		return graph.NoEvidence
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 || n > graph.MaxEvidence {
		p.fail("parameter %s: %q is not true, false or a count in 0..%d", name, s, graph.MaxEvidence)
		return graph.NoEvidence
	}
	if n == 0 {
		return graph.NoEvidence
	}
	return n
}

// float returns name as a finite number, or def when absent.
func (p *params) float(name string, def float64) float64 {
	s := p.raw(name)
	if s == "" {
		return def
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
		p.fail("parameter %s: %q is not a number", name, s)
		return def
	}
	return f
}

// date returns name as YYYY, YYYY-MM or YYYY-MM-DD, or "" when absent.
func (p *params) date(name string) string {
	s := p.raw(name)
	if s != "" && !graph.ValidDate(s) {
		p.fail("parameter %s: %q is not YYYY, YYYY-MM or YYYY-MM-DD", name, s)
		return ""
	}
	return s
}

// limit reads the page size: 0 (absent) lets the store use its default.
func (p *params) limit(max int) int {
	return p.int("limit", 0, 1, max)
}

// relationTypes reads a list of relation types in any letter case.
func (p *params) relationTypes(name string) []graph.RelationType {
	var out []graph.RelationType
	for _, s := range p.list(name) {
		t, err := graph.ParseRelationType(s)
		if err != nil {
			p.fail("parameter %s: %s", name, graph.ErrorMessage(err))
			return nil
		}
		out = append(out, t)
	}
	return out
}

// entityTypes reads a list of entity types in any letter case.
func (p *params) entityTypes(name string) []graph.EntityType {
	var out []graph.EntityType
	for _, s := range p.list(name) {
		t, err := graph.ParseEntityType(s)
		if err != nil {
			p.fail("parameter %s: %s", name, graph.ErrorMessage(err))
			return nil
		}
		out = append(out, t)
	}
	return out
}

// filter reads the parameters every relation, path and timeline query
// shares into a graph.RelationFilter. It is the one place they are parsed,
// so that every endpoint names and checks them alike:
//
//	type           keep only these relation types (repeatable or comma list)
//	exclude_type   leave these out (same form)
//	structural     false leaves out HOLDS_ROLE, MEMBER_OF, AFFILIATED_WITH
//	from_date      keep dated relations on or after (YYYY[-MM[-DD]])
//	to_date        keep dated relations on or before
//	include_negated true keeps relations the text says did not happen
//	min_confidence 0..1
//	min_support    at least this many distinct articles
//	source         only evidence from articles of this source
func (p *params) filter() graph.RelationFilter {
	f := graph.RelationFilter{
		Types:          p.relationTypes("type"),
		ExcludeTypes:   p.relationTypes("exclude_type"),
		NoStructural:   !p.bool("structural", true),
		FromDate:       p.date("from_date"),
		ToDate:         p.date("to_date"),
		IncludeNegated: p.bool("include_negated", false),
		MinConfidence:  p.float("min_confidence", 0),
		MinSupport:     p.int("min_support", 0, 0, math.MaxInt32),
		Source:         p.one("source"),
	}
	if p.err == nil {
		if err := f.Validate(); err != nil {
			p.err = err
		}
	}
	return f
}

// done reports the first problem met, or a parameter the handler did not
// read, by name.
func (p *params) done() error {
	if p.err != nil {
		return p.err
	}
	var unknown []string
	for name := range p.values {
		if !p.used[name] {
			unknown = append(unknown, name)
		}
	}
	if len(unknown) > 0 {
		sort.Strings(unknown)
		known := make([]string, 0, len(p.used))
		for name := range p.used {
			known = append(known, name)
		}
		sort.Strings(known)
		return graph.Errorf(graph.EINVALID, "unknown parameter %q (this endpoint takes: %s)", unknown[0], strings.Join(known, ", "))
	}
	return nil
}
