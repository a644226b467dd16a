package eval

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Write prints the report as the reference scorer does, line for line: a
// line for missing predictions if any; with errors, one line per article
// (the reference's --detail line) followed by that article's errors, each
// indented by two spaces; then micro P/R/F1 for untyped entities, typed
// entities and relations, the three attribute accuracies, and a summary
// line. Lines that do not start with a space are exactly the reference's.
func (r Report) Write(w io.Writer, errors bool) error {
	bw := bufio.NewWriter(w)
	if len(r.Missing) > 0 {
		fmt.Fprintf(bw, "no prediction for %d of %d articles: %s\n", len(r.Missing), r.Articles, pyList(r.Missing[:min(5, len(r.Missing))]))
	}
	if errors {
		for _, a := range r.PerArticle {
			a.write(bw)
		}
	}
	for _, c := range []struct {
		key string
		c   Counts
	}{{"ent", r.Entities}, {"ent_typed", r.TypedEntities}, {"rel", r.Relations}} {
		fmt.Fprintf(bw, "%-10s P=%.3f R=%.3f F1=%.3f  (tp=%d pred=%d gold=%d)\n",
			c.key, c.c.Precision(), c.c.Recall(), c.c.F1(), c.c.TP, c.c.Pred, c.c.Gold)
	}
	for _, a := range []struct {
		key string
		a   Accuracy
	}{{"via", r.Via}, {"date", r.Date}, {"polarity", r.Polarity}} {
		fmt.Fprintf(bw, "attr %-8s acc=%.3f (n=%d)\n", a.key, a.a.Value(), a.a.Total)
	}
	fmt.Fprintf(bw, "entity F1 %.3f (untyped %.3f), relation F1 %.3f\n",
		r.TypedEntities.F1(), r.Entities.F1(), r.Relations.F1())
	return bw.Flush()
}

// write prints one article's reference detail line and its errors.
func (a ArticleResult) write(w io.Writer) {
	missed := make([]string, 0, min(8, len(a.MissedRelations)))
	for _, gr := range a.MissedRelations[:min(8, len(a.MissedRelations))] {
		missed = append(missed, fmt.Sprintf("%s(%s,%s)", gr.Type, gr.Subject, gr.Object))
	}
	fmt.Fprintf(w, "%s: rel tp=%d pred=%d gold=%d; missed: %s\n",
		a.ID, a.Relations.TP, a.Relations.Pred, a.Relations.Gold, strings.Join(missed, "; "))
	for _, e := range a.MissedEntities {
		fmt.Fprintf(w, "  missed entity: %s (%s)\n", e.Name, e.Type)
	}
	for _, m := range a.Mistyped {
		fmt.Fprintf(w, "  wrong type: %s is %s, gold %s is %s\n", m.Pred.Name, m.Pred.Type, m.Gold.Name, m.Gold.Type)
	}
	for _, e := range a.SpuriousEntities {
		fmt.Fprintf(w, "  spurious entity: %s (%s)\n", e.Name, e.Type)
	}
	for _, gr := range a.MissedRelations {
		fmt.Fprintf(w, "  missed relation: %s(%s,%s)%s\n", gr.Type, gr.Subject, gr.Object, quoted(gr.Evidence))
	}
	for _, pr := range a.SpuriousRelations {
		fmt.Fprintf(w, "  spurious relation: %s(%s,%s)%s\n", pr.Type, a.name(pr.Subject), a.name(pr.Object), quoted(pr.Evidence.Text))
	}
}

// name is the predicted entity's name for an id, or the id itself when the
// prediction has no such entity.
func (a ArticleResult) name(id string) string {
	if n, ok := a.names[id]; ok {
		return n
	}
	return id
}

// quoted is the evidence sentence for an error line, or nothing.
func quoted(s string) string {
	if s = strings.TrimSpace(s); s == "" {
		return ""
	}
	return " " + strconv.Quote(s)
}

// pyList formats strings as Python prints a list of them, so the missing
// line is the reference's.
func pyList(ss []string) string {
	parts := make([]string, len(ss))
	for i, s := range ss {
		parts[i] = pyRepr(s)
	}
	return "[" + strings.Join(parts, ", ") + "]"
}

// pyRepr is Python's repr() of a str: single quotes unless the string has
// one and no double quote, with backslash escapes for quotes, backslashes
// and characters that are not printable.
func pyRepr(s string) string {
	q := byte('\'')
	if strings.ContainsRune(s, '\'') && !strings.ContainsRune(s, '"') {
		q = '"'
	}
	var b strings.Builder
	b.WriteByte(q)
	for _, r := range s {
		switch {
		case r == rune(q) || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case r == utf8.RuneError || !strconv.IsPrint(r):
			switch {
			case r < 0x100:
				fmt.Fprintf(&b, `\x%02x`, r)
			case r < 0x10000:
				fmt.Fprintf(&b, `\u%04x`, r)
			default:
				fmt.Fprintf(&b, `\U%08x`, r)
			}
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte(q)
	return b.String()
}
