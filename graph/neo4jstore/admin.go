package neo4jstore

import (
	"context"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/actorgraph/actorgraph/graph"
)

// ArrayDelimiter separates the elements of array properties, and the labels
// of a :LABEL column, in the files
// WriteAdminImport writes (U+001F, the unit separator, which text does not
// hold; any in a value is replaced by a space). neo4j-admin is told with
// --array-delimiter=U+001F.
const ArrayDelimiter = "\x1f"

// adminColumns are the typed header of each kind of file, in column order;
// the :ID, :START_ID and :END_ID columns use two id spaces, Entity and
// Article.
var adminColumns = map[string][]string{
	"entities": {"id:ID(Entity)", "type", "name", "aliases:string[]", "forms:string[]", "forms_text", ":LABEL"},
	"articles": {"key:ID(Article)", "id", "url", "title", "source", "published", "hash", "author", "platform",
		"forwarded_from", "views:long", ":LABEL"},
	"mentions": {":START_ID(Article)", ":END_ID(Entity)", "count:long", ":TYPE"},
	"edges": {":START_ID(Entity)", ":END_ID(Entity)", "id", "date", "polarity", "role", "confidence:double", "support:long",
		"via:string[]", "attributed_to:string[]", "evidence:string[]", "evidence_articles:string[]", "sources:string[]", ":TYPE"},
}

// WriteAdminImport writes into dir the CSV files `neo4j-admin database
// import full` loads into an empty database, giving the graph model this
// store reads: nodes_entities.csv and nodes_articles.csv (node files, :ID
// and :LABEL), rels_MENTIONS.csv and one rels_<TYPE>.csv per relation type
// present (:START_ID, :END_ID, :TYPE), each with its header in a separate
// <name>_header.csv with typed properties (aliases:string[],
// views:long…), and import.sh with the command. Open the imported database
// with this store to create its constraints and indexes.
func WriteAdminImport(ctx context.Context, dir string, d graph.Dumper) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("cannot create %s: %w", dir, err)
	}
	files := map[string]*csvFile{}
	defer func() {
		for _, f := range files {
			f.close()
		}
	}()
	open := func(name, kind string) (*csvFile, error) {
		if f := files[name]; f != nil {
			return f, nil
		}
		f, err := newCSVFile(dir, name, adminColumns[kind])
		if err != nil {
			return nil, err
		}
		files[name] = f
		return f, nil
	}
	l := newLoader(func(kind string, row map[string]any) error {
		var name, k string
		var rec []string
		switch {
		case strings.HasPrefix(kind, "entity:"):
			name, k = "nodes_entities", "entities"
			rec = []string{str(row["id"]), str(row["type"]), str(row["name"]), array(row["aliases"]), array(row["forms"]),
				str(row["forms_text"]), "Entity" + ArrayDelimiter + strings.TrimPrefix(kind, "entity:")}
		case kind == "article":
			name, k = "nodes_articles", "articles"
			rec = []string{str(row["key"]), str(row["id"]), str(row["url"]), str(row["title"]), str(row["source"]),
				str(row["published"]), str(row["hash"]), str(row["author"]), str(row["platform"]), str(row["forwarded_from"]),
				strconv.FormatInt(row["views"].(int64), 10), "Article"}
		case kind == "mentions":
			name, k = "rels_MENTIONS", "mentions"
			rec = []string{str(row["article"]), str(row["entity"]), strconv.FormatInt(row["count"].(int64), 10), "MENTIONS"}
		default:
			t := strings.TrimPrefix(kind, "edge:")
			name, k = "rels_"+t, "edges"
			p := row["props"].(map[string]any)
			rec = []string{str(row["s"]), str(row["o"]), str(p["id"]), str(p["date"]), str(p["polarity"]), str(p["role"]),
				strconv.FormatFloat(p["confidence"].(float64), 'g', -1, 64), strconv.FormatInt(p["support"].(int64), 10),
				array(p["via"]), array(p["attributed_to"]), array(p["evidence"]), array(p["evidence_articles"]),
				array(p["sources"]), t}
		}
		f, err := open(name, k)
		if err != nil {
			return err
		}
		for i := range rec {
			rec[i] = strings.ToValidUTF8(rec[i], "\uFFFD")
		}
		return f.write(rec)
	})
	if err := d.Dump(ctx, l.article); err != nil {
		return err
	}
	if err := l.finish(); err != nil {
		return err
	}
	// A graph without articles still gets its node files.
	for _, n := range []struct{ name, kind string }{{"nodes_entities", "entities"}, {"nodes_articles", "articles"}, {"rels_MENTIONS", "mentions"}} {
		if _, err := open(n.name, n.kind); err != nil {
			return err
		}
	}
	var names []string
	for n, f := range files {
		if err := f.close(); err != nil {
			return err
		}
		names = append(names, n)
	}
	sort.Strings(names)
	return writeImportScript(dir, names)
}

// AdminImportArgs returns the arguments of `neo4j-admin database import
// full` for the files WriteAdminImport wrote (names without .csv), with
// paths relative to their directory.
func AdminImportArgs(database string, names []string) []string {
	// The database goes before the file options: each takes any number of
	// values, so a name after them would be read as one more file.
	args := []string{"database", "import", "full", database, "--overwrite-destination=true",
		"--array-delimiter=U+001F", "--multiline-fields=true"}
	for _, n := range names {
		flag := "--relationships"
		if strings.HasPrefix(n, "nodes_") {
			flag = "--nodes"
		}
		args = append(args, flag+"="+n+"_header.csv,"+n+".csv")
	}
	return args
}

func writeImportScript(dir string, names []string) error {
	var b strings.Builder
	b.WriteString("#!/bin/sh\n# Load this directory into an empty Neo4j database (stop the server first):\n")
	b.WriteString("#   NEO4J_HOME=/path/to/neo4j sh import.sh [DATABASE]\nset -e\ncd \"$(dirname \"$0\")\"\n")
	b.WriteString("\"${NEO4J_HOME:?set NEO4J_HOME}/bin/neo4j-admin\"")
	for _, a := range AdminImportArgs("\"${1:-neo4j}\"", names) {
		b.WriteString(" " + a)
	}
	b.WriteString("\n")
	return os.WriteFile(filepath.Join(dir, "import.sh"), []byte(b.String()), 0o755)
}

// array joins a list for an array column.
func array(v any) string {
	l, _ := v.([]string)
	out := make([]string, len(l))
	for i, s := range l {
		out[i] = strings.ReplaceAll(s, ArrayDelimiter, " ")
	}
	return strings.Join(out, ArrayDelimiter)
}

type csvFile struct {
	f *os.File
	w *csv.Writer
}

func newCSVFile(dir, name string, header []string) (*csvFile, error) {
	if err := writeCSV(filepath.Join(dir, name+"_header.csv"), header); err != nil {
		return nil, err
	}
	f, err := os.Create(filepath.Join(dir, name+".csv"))
	if err != nil {
		return nil, fmt.Errorf("cannot write %s: %w", name, err)
	}
	return &csvFile{f: f, w: csv.NewWriter(f)}, nil
}

func (c *csvFile) write(rec []string) error {
	if err := c.w.Write(rec); err != nil {
		return fmt.Errorf("cannot write %s: %w", c.f.Name(), err)
	}
	return nil
}

func (c *csvFile) close() error {
	if c.f == nil {
		return nil
	}
	c.w.Flush()
	err := c.w.Error()
	if cerr := c.f.Close(); err == nil {
		err = cerr
	}
	c.f = nil
	return err
}

func writeCSV(path string, rec []string) error {
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	w := csv.NewWriter(f)
	w.Write(rec)
	w.Flush()
	if err := w.Error(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
