package neo4jstore

import (
	"context"
	"fmt"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/actorgraph/actorgraph/cypher"
	"github.com/actorgraph/actorgraph/graph"
)

// scriptBatch is how many rows one UNWIND statement of a script carries.
const scriptBatch = 500

// loader turns a dump into the rows of this package's graph model:
// entity, article and mention rows as each article comes, edges (which
// gather evidence from many articles) once the dump is read. It holds the
// ids of the entities seen and the edges with their evidence; everything
// else is handed on as it is read.
type loader struct {
	seen  map[string]bool
	edges map[string]*edgeRow
	// emit receives rows of one kind: "entity:<Label>", "article",
	// "mentions", "edge:<TYPE>".
	emit func(kind string, row map[string]any) error
}

func newLoader(emit func(kind string, row map[string]any) error) *loader {
	return &loader{seen: map[string]bool{}, edges: map[string]*edgeRow{}, emit: emit}
}

func (l *loader) article(x graph.Extraction) error {
	a := x.Article
	key := a.Key()
	for _, e := range x.Entities {
		if l.seen[e.ID] {
			continue
		}
		l.seen[e.ID] = true
		forms := graph.Forms(e)
		aliases := e.Aliases
		if aliases == nil {
			aliases = []string{}
		}
		if err := l.emit("entity:"+e.Type.Label(), map[string]any{
			"id": e.ID, "type": string(e.Type), "name": e.Name, "aliases": aliases,
			"forms": forms, "forms_text": "|" + strings.Join(forms, "|") + "|",
		}); err != nil {
			return err
		}
	}
	id := a.ID
	if id == "" {
		id = key
	}
	if err := l.emit("article", articleProps(a, key, id, articleHash(a))); err != nil {
		return err
	}
	for _, e := range x.Entities {
		if err := l.emit("mentions", map[string]any{"article": key, "entity": e.ID, "count": int64(len(e.Mentions))}); err != nil {
			return err
		}
	}
	source := graph.NormalizeName(a.Source)
	for _, r := range x.Relations {
		p := r.Polarity
		if p == "" {
			p = graph.Asserted
		}
		id := graph.EdgeID(r.Type, r.Subject, r.Object, r.Date, p)
		e := l.edges[id]
		if e == nil {
			subj, obj := r.Subject, r.Object
			if r.Type.Symmetric() && obj < subj {
				subj, obj = obj, subj
			}
			e = &edgeRow{ID: id, Type: r.Type, Subject: subj, Object: obj, Date: r.Date, Polarity: p}
			l.edges[id] = e
		}
		e.Contribs = append(e.Contribs, contribution{
			ArticleKey: key, ArticleID: id0(a, key), ArticleURL: a.URL, ArticleTitle: a.Title, Published: a.Published,
			Source: source, Text: r.Evidence.Text, Start: r.Evidence.Start, End: r.Evidence.End,
			Confidence: r.Confidence, Via: nonNil(r.Via), AttributedTo: nonNil(r.AttributedTo), Role: r.Role,
		})
	}
	return nil
}

func id0(a graph.Article, key string) string {
	if a.ID != "" {
		return a.ID
	}
	return key
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return append([]string(nil), s...)
}

// finish emits the edges, by id.
func (l *loader) finish() error {
	ids := make([]string, 0, len(l.edges))
	for id := range l.edges {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		e := l.edges[id]
		props, err := e.props()
		if err != nil {
			return graph.Wrap(graph.EINTERNAL, err, "cannot encode edge %s", id)
		}
		if err := l.emit("edge:"+string(e.Type), map[string]any{"s": e.Subject, "o": e.Object, "props": props}); err != nil {
			return err
		}
	}
	return nil
}

// scriptStatements are the statements that load rows of each kind; the
// label or type in them comes from the closed ontology, never from data.
func scriptStatement(kind string) string {
	k, arg, _ := strings.Cut(kind, ":")
	switch k {
	case "entity":
		// Form nodes as entities_upsert writes them, which ingest resolves by.
		return "MERGE (e:Entity {id: row.id}) SET e:" + arg + ", e += row WITH e UNWIND e.forms AS form MERGE (k:Form {key: form}) MERGE (k)-[:FORM_OF]->(e)"
	case "article":
		return "MERGE (a:Article {key: row.key}) SET a += row"
	case "mentions":
		return "MATCH (a:Article {key: row.article}), (e:Entity {id: row.entity}) MERGE (a)-[m:MENTIONS]->(e) SET m.count = row.count"
	case "edge":
		return "MATCH (s:Entity {id: row.s}), (o:Entity {id: row.o}) MERGE (s)-[r:" + arg + " {id: row.props.id}]->(o) SET r += row.props"
	}
	panic("neo4jstore: unknown row kind " + kind)
}

// WriteCypher writes a script that cypher-shell (or any client running its
// statements one by one) loads into a Neo4j database, giving the graph
// model this store reads: first the schema (constraints and indexes), then
// entities, articles and mentions, then relations, each as UNWIND
// statements of up to 500 rows written as Cypher literals. Statements end
// with ";" at the end of a line and no literal holds a line break, so
// cypher.Split splits the script. Loading it again changes nothing (every
// write is a MERGE on a constrained key).
//
// The dump is read once; entities, articles and mentions are written as it
// is read, while relations, which gather evidence across articles, are
// held until the end.
func WriteCypher(ctx context.Context, w io.Writer, d graph.Dumper) error {
	bw := &errWriter{w: w}
	fmt.Fprintf(bw, "// actorgraph graph export: load with cypher-shell -f FILE into an empty database.\n")
	for _, s := range cypher.Split(cypher.MustGet("schema")) {
		fmt.Fprintf(bw, "%s;\n", s)
	}
	pending := map[string][]map[string]any{}
	var order []string
	flush := func(kind string) {
		rows := pending[kind]
		if len(rows) == 0 {
			return
		}
		fmt.Fprintf(bw, "UNWIND [\n")
		for i, r := range rows {
			sep := ","
			if i == len(rows)-1 {
				sep = ""
			}
			fmt.Fprintf(bw, "  %s%s\n", literal(r), sep)
		}
		fmt.Fprintf(bw, "] AS row\n%s;\n", scriptStatement(kind))
		pending[kind] = rows[:0]
	}
	// Rows wait for their batch, but mentions and edges need their
	// entities and articles written first: flush those before.
	l := newLoader(func(kind string, row map[string]any) error {
		if _, ok := pending[kind]; !ok {
			order = append(order, kind)
		}
		if kind == "mentions" || strings.HasPrefix(kind, "edge:") {
			for _, k := range order {
				if strings.HasPrefix(k, "entity:") || k == "article" {
					flush(k)
				}
			}
		}
		pending[kind] = append(pending[kind], row)
		if len(pending[kind]) >= scriptBatch {
			flush(kind)
		}
		return bw.err
	})
	if err := d.Dump(ctx, l.article); err != nil {
		return err
	}
	for _, k := range order {
		flush(k)
	}
	if err := l.finish(); err != nil {
		return err
	}
	for _, k := range order {
		flush(k)
	}
	return bw.err
}

type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) Write(p []byte) (int, error) {
	if e.err != nil {
		return 0, e.err
	}
	n, err := e.w.Write(p)
	e.err = err
	return n, err
}

// literal writes v as a Cypher literal: maps with sorted keys, lists,
// strings single-quoted with every quote, backslash and control character
// escaped, integers, and floats that always read back as floats.
func literal(v any) string {
	var b strings.Builder
	writeLiteral(&b, v)
	return b.String()
}

func writeLiteral(b *strings.Builder, v any) {
	switch x := v.(type) {
	case nil:
		b.WriteString("null")
	case string:
		quote(b, x)
	case bool:
		b.WriteString(strconv.FormatBool(x))
	case int:
		b.WriteString(strconv.Itoa(x))
	case int64:
		b.WriteString(strconv.FormatInt(x, 10))
	case float64:
		if math.IsNaN(x) || math.IsInf(x, 0) {
			b.WriteString("0.0")
			return
		}
		s := strconv.FormatFloat(x, 'g', -1, 64)
		if !strings.ContainsAny(s, ".eEn") {
			s += ".0"
		}
		b.WriteString(s)
	case []string:
		b.WriteByte('[')
		for i, s := range x {
			if i > 0 {
				b.WriteString(", ")
			}
			quote(b, s)
		}
		b.WriteByte(']')
	case map[string]any:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		b.WriteByte('{')
		for i, k := range keys {
			if i > 0 {
				b.WriteString(", ")
			}
			// Keys are this package's property names: plain identifiers.
			b.WriteString(k)
			b.WriteString(": ")
			writeLiteral(b, x[k])
		}
		b.WriteByte('}')
	default:
		panic(fmt.Sprintf("neo4jstore: no literal for %T", v))
	}
}

func quote(b *strings.Builder, s string) {
	b.WriteByte('\'')
	for _, r := range s {
		switch {
		case r == '\'':
			b.WriteString(`\'`)
		case r == '\\':
			b.WriteString(`\\`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case r == utf8.RuneError, r < 0x20, r == 0x7f, r == 0x2028, r == 0x2029:
			fmt.Fprintf(b, `\u%04X`, r)
		case r > 0xFFFF:
			// Written as is: Cypher strings are UTF-8 text.
			b.WriteRune(r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('\'')
}
