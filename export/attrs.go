package export

import (
	"bytes"
	"encoding/json"
	"strconv"
	"strings"
)

// attrKind is the type of an attribute, named per format where they differ.
type attrKind int

const (
	kindString attrKind = iota
	kindInt
	kindDouble
	kindBool
	kindList
)

// attr is a node or edge attribute the XML formats declare once and then
// give per element, in this order.
type attr struct {
	name string
	kind attrKind
}

// value is an attribute's value on one element; ok is false when the
// element has none, so the XML leaves it out.
type value struct {
	s    string
	list []string
	ok   bool
}

var nodeAttrs = []attr{
	{"type", kindString},
	{"aliases", kindList},
	{"mention_count", kindInt},
	{"article_count", kindInt},
}

func nodeValues(d NodeData) []value {
	return []value{str(d.Type), lst(d.Aliases), num(d.MentionCount), num(d.ArticleCount)}
}

var edgeAttrs = []attr{
	{"type", kindString},
	{"date", kindString},
	{"polarity", kindString},
	{"role", kindString},
	{"via", kindList},
	{"attributed_to", kindList},
	{"confidence", kindDouble},
	{"support", kindInt},
	{"symmetric", kindBool},
}

func edgeValues(d EdgeData) []value {
	return []value{
		str(d.Type), str(d.Date), str(d.Polarity), str(d.Role), lst(d.Via), lst(d.AttributedTo),
		{s: strconv.FormatFloat(d.Confidence, 'f', -1, 64), ok: true},
		num(d.Support),
		{s: strconv.FormatBool(d.Symmetric), ok: true},
	}
}

func str(s string) value   { return value{s: s, ok: s != ""} }
func num(n int) value      { return value{s: strconv.Itoa(n), ok: true} }
func lst(l []string) value { return value{list: l, ok: len(l) > 0} }

// graphmlType is the attr.type GraphML declares: it has no list type, so
// lists are strings joined by "; " (names never contain one).
func (k attrKind) graphmlType() string {
	switch k {
	case kindInt:
		return "int"
	case kindDouble:
		return "double"
	case kindBool:
		return "boolean"
	}
	return "string"
}

func (v value) graphml() string {
	if v.list != nil {
		return strings.Join(v.list, "; ")
	}
	return v.s
}

// gexfType is the GEXF 1.3 attribute type.
func (k attrKind) gexfType() string {
	switch k {
	case kindInt:
		return "integer"
	case kindDouble:
		return "double"
	case kindBool:
		return "boolean"
	case kindList:
		return "liststring"
	}
	return "string"
}

// gexf writes a list as Gephi parses liststring values: bracketed, each
// element double-quoted with backslash escapes, which a JSON array of
// strings is.
func (v value) gexf() string {
	if v.list == nil {
		return v.s
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v.list); err != nil {
		return "" // a []string always encodes
	}
	return strings.TrimSuffix(b.String(), "\n")
}
