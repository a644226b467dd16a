package source

import (
	"strings"

	"github.com/actorgraph/actorgraph/graph"
)

// textFile reads a .txt file as one article: the title is its first
// non-empty line, the id its base name. Line ends are normalised to "\n" so
// offsets and paragraph breaks do not depend on the editor that wrote it.
func (r *reader) textFile(p string) error {
	b, gerr := r.readCapped(p)
	if gerr != nil {
		return r.fail(p, gerr)
	}
	if gerr := checkText(p, b); gerr != nil {
		return r.fail(p, gerr)
	}
	text := strings.ReplaceAll(string(b), "\r\n", "\n")
	return r.emit(Item{Origin: p, Article: graph.Article{
		ID:    baseID(p),
		Title: firstLine(text),
		Text:  text,
	}})
}

// firstLine returns the first line of text that is not blank, trimmed.
func firstLine(text string) string {
	for line := range strings.Lines(text) {
		if t := strings.TrimSpace(line); t != "" {
			return t
		}
	}
	return ""
}
