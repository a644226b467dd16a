package extract

import (
	"context"
	"fmt"
	"math"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/actorgraph/actorgraph/graph"
	"github.com/jdkato/prose/v3"
)

// Extractor reads articles. It holds the lexicons; the prose models are
// process-wide and loaded by New. An Extractor is safe for concurrent use:
// Extract keeps all its state on the stack.
type Extractor struct {
	lx *lexicon
}

// New loads lexicons and the prose models once; the *Extractor is safe for concurrent use.
func New() (*Extractor, error) {
	lx, err := loadLexicon()
	if err != nil {
		return nil, err
	}
	// Warm prose's shared models now, so the first article does not pay.
	if _, err := prose.NewDocument("Warm up."); err != nil {
		return nil, fmt.Errorf("extract: loading prose models: %w", err)
	}
	if _, err := nerModels(); err != nil {
		return nil, fmt.Errorf("extract: loading prose's entity model: %w", err)
	}
	return &Extractor{lx: lx}, nil
}

// Extract reads one article. Dates are resolved against a.Published only (never the clock).
func (x *Extractor) Extract(ctx context.Context, a graph.Article) (graph.Extraction, error) {
	text := a.Text
	out := graph.Extraction{Article: a, Entities: []graph.Entity{}, Relations: []graph.Relation{}}
	out.Article.Text = ""
	out.Article.Hash = graph.TextHash(text)
	if err := ctx.Err(); err != nil {
		return out, err
	}
	if !utf8.ValidString(text) {
		// Offsets must point into a.Text, so invalid bytes cannot be
		// repaired by rewriting; blank them to spaces of equal length.
		text = blankInvalid(text)
	}
	d, err := parse(ctx, text)
	if err != nil {
		return out, fmt.Errorf("extract: %w", err)
	}
	sc := findMentions(d, x.lx)
	ents := resolve(sc)
	if err := ctx.Err(); err != nil {
		return out, err
	}
	rb := &relBuilder{sc: sc, ents: ents, pub: parsePub(a.Published)}
	rb.roles()
	rb.roleRefs()
	rb.affiliations()
	rb.memberships()
	rb.interactions()

	// Entities with at least one mention, ids by type and name.
	ids := make([]string, len(ents))
	seen := map[string]int{}
	for ei, e := range ents {
		if len(e.mentions) == 0 {
			continue
		}
		id := graph.EntityID(e.typ, e.name)
		if k, dup := seen[id]; dup {
			// Two referents with one slug: fold the later into the earlier.
			ids[ei] = id
			out.Entities[k].Mentions = append(out.Entities[k].Mentions, mentionsOf(sc, e)...)
			continue
		}
		ids[ei] = id
		ge := graph.Entity{ID: id, Name: validName(e.name), Type: e.typ, Aliases: []string{}, Mentions: mentionsOf(sc, e)}
		for _, f := range append(append([]string(nil), e.forms...), e.extra...) {
			if f != e.name && graph.NormalizeName(f) != "" && !hasForm(ge.Aliases, f) {
				ge.Aliases = append(ge.Aliases, validName(f))
			}
		}
		seen[id] = len(out.Entities)
		out.Entities = append(out.Entities, ge)
	}
	for _, r := range rb.out {
		if ids[r.subj] == "" || ids[r.obj] == "" || ids[r.subj] == ids[r.obj] {
			continue
		}
		if r.date != "" && !graph.ValidDate(r.date) {
			r.date = "" // never emit what the contract rejects
		}
		r.conf = math.Round(r.conf*100) / 100
		if r.conf <= 0 {
			r.conf = 0.01
		} else if r.conf > 1 {
			r.conf = 1
		}
		gr := graph.Relation{Type: r.typ, Subject: ids[r.subj], Object: ids[r.obj], Via: []string{},
			AttributedTo: []string{}, Date: r.date, Polarity: r.pol, Role: r.role, Confidence: r.conf}
		for _, v := range r.via {
			if ids[v] != "" && ids[v] != gr.Subject && ids[v] != gr.Object {
				gr.Via = appendUnique(gr.Via, ids[v])
			}
		}
		for _, v := range r.attr {
			if ids[v] != "" {
				gr.AttributedTo = appendUnique(gr.AttributedTo, ids[v])
			}
		}
		s := d.sents[r.sent]
		gr.Evidence = graph.Evidence{Text: text[s.start:s.end], Start: s.start, End: s.end}
		out.Relations = append(out.Relations, gr)
	}
	out.Relations = dedupe(out.Relations)
	return out, nil
}

func mentionsOf(sc *scan, e *entity) []graph.Mention {
	ms := make([]graph.Mention, 0, len(e.mentions))
	for _, mi := range e.mentions {
		m := sc.ments[mi]
		ms = append(ms, graph.Mention{Start: m.start, End: m.end, Text: m.text})
	}
	sort.Slice(ms, func(a, b int) bool { return ms[a].Start < ms[b].Start })
	return ms
}

func appendUnique(xs []string, s string) []string {
	for _, x := range xs {
		if x == s {
			return xs
		}
	}
	return append(xs, s)
}

// dedupe keeps one relation per (type, subject, object, polarity, date),
// the most confident; symmetric types ignore direction and structural
// types ignore dates. Via and attribution merge; relations come out in
// text order.
func dedupe(rs []graph.Relation) []graph.Relation {
	type key struct {
		typ      graph.RelationType
		s, o     string
		pol      graph.Polarity
		date     string
		evidence int // the sentence's start in sameSentence, -1 in idx
	}
	idx := map[key]int{}
	sameSentence := map[key]int{}
	var out []graph.Relation
	for _, r := range rs {
		s, o := r.Subject, r.Object
		if r.Type.Symmetric() && o < s {
			s, o = o, s
		}
		date := r.Date
		if r.Type.Structural() {
			date = ""
		}
		k := key{r.Type, s, o, r.Polarity, date, -1}
		i, ok := idx[k]
		if !ok {
			// one sentence, one event: an undated reading joins a dated
			// one from the same evidence (and the other way round)
			i, ok = sameSentence[key{r.Type, s, o, r.Polarity, "", r.Evidence.Start}]
			if ok && out[i].Date != "" && r.Date != "" && out[i].Date != r.Date {
				ok = false
			}
			if ok && out[i].Date == "" {
				out[i].Date = r.Date
			}
		}
		if ok {
			p := &out[i]
			for _, v := range r.Via {
				p.Via = appendUnique(p.Via, v)
			}
			for _, v := range r.AttributedTo {
				p.AttributedTo = appendUnique(p.AttributedTo, v)
			}
			if r.Confidence > p.Confidence {
				p.Confidence, p.Evidence, p.Role = r.Confidence, r.Evidence, r.Role
			} else if r.Confidence == p.Confidence && formalRole(r.Role) && !formalRole(p.Role) {
				// "Foreign Minister" over "top diplomat" for one tie
				p.Evidence, p.Role = r.Evidence, r.Role
			}
			continue
		}
		idx[k] = len(out)
		sameSentence[key{r.Type, s, o, r.Polarity, "", r.Evidence.Start}] = len(out)
		out = append(out, r)
	}
	sort.SliceStable(out, func(a, b int) bool { return out[a].Evidence.Start < out[b].Evidence.Start })
	return out
}

// formalRole: a capitalised title, as protocol writes it.
func formalRole(s string) bool {
	return s != "" && s[0] >= 'A' && s[0] <= 'Z'
}

func validName(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	return strings.ToValidUTF8(s, " ")
}

// blankInvalid replaces each invalid byte by a space, keeping offsets.
func blankInvalid(s string) string {
	b := []byte(s)
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 {
			b[i] = ' '
		}
		i += n
	}
	return string(b)
}
