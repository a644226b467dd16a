package cypher

import (
	"embed"
	"fmt"
	"io/fs"
	"sort"
	"strings"
)

//go:embed *.cypher
var files embed.FS

// Get returns the statement stored as name.cypher, without its leading
// comment lines, or an error naming the missing file.
func Get(name string) (string, error) {
	b, err := files.ReadFile(name + ".cypher")
	if err != nil {
		return "", fmt.Errorf("cypher: no statement %q: %w", name, err)
	}
	return strip(string(b)), nil
}

// MustGet is Get for statements the program cannot run without; it panics
// on a name that has no file, which a test catches before a release.
func MustGet(name string) string {
	s, err := Get(name)
	if err != nil {
		panic(err)
	}
	return s
}

// Names lists the statement names, sorted.
func Names() []string {
	entries, err := fs.ReadDir(files, ".")
	if err != nil {
		panic(err) // the embedded root always reads
	}
	var out []string
	for _, e := range entries {
		if n, ok := strings.CutSuffix(e.Name(), ".cypher"); ok {
			out = append(out, n)
		}
	}
	sort.Strings(out)
	return out
}

// Split returns the statements of a file that holds several, separated by
// semicolons at line ends (schema holds one per index or constraint): the
// server runs one statement per query.
func Split(text string) []string {
	var out []string
	for _, part := range strings.Split(text, ";\n") {
		part = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(part), ";"))
		if part != "" {
			out = append(out, part)
		}
	}
	return out
}

// strip drops "//" comment lines so that the text sent to the server is the
// statement alone, and so Split never sees a semicolon inside a comment.
func strip(s string) string {
	var b strings.Builder
	for _, line := range strings.Split(s, "\n") {
		if strings.HasPrefix(strings.TrimSpace(line), "//") {
			continue
		}
		b.WriteString(line)
		b.WriteByte('\n')
	}
	return strings.TrimSpace(b.String()) + "\n"
}
