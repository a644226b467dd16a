package extract

import (
	"context"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/jdkato/prose/v3"
)

// token is one word or punctuation mark with its byte span in the article
// text, its part-of-speech tag and prose's entity label (IOB, "O" outside).
type token struct {
	text       string
	low        string // text lower-cased, which most rules compare
	start, end int
	tag        string
	ner        string // prose's entity type for this token, "" outside
	sent       int    // index of its sentence
}

// sentence is a span of text with the tokens inside it. A headline is a
// line without closing punctuation: it names entities but states nothing we
// read relations from, and when title-cased its capitals say nothing.
type sentence struct {
	start, end int
	first, lim int // token range [first, lim)
	headline   bool
	titleCase  bool
}

// doc is an article as the rest of the package sees it: tokens and
// sentences with byte offsets. It is the only place prose types appear.
type doc struct {
	text  string
	toks  []token
	sents []sentence
}

// parse runs prose over text and adapts its output: sentences are further
// cut at line breaks (prose joins a headline to the next paragraph), and
// tokens are cut at dashes that join words ("report—widely"), so that no
// entity span can cross either.
func parse(ctx context.Context, text string) (*doc, error) {
	d := &doc{text: text}
	if strings.TrimSpace(text) == "" {
		return d, nil
	}
	// prose's own entity stage labels every token and is most of its
	// time; labelNames runs the same model on the tokens that can be part
	// of a name only.
	pd, err := prose.NewDocumentContext(ctx, text, prose.WithExtraction(false))
	if err != nil {
		return nil, err
	}
	nm, err := nerModels()
	if err != nil {
		return nil, err
	}
	ptoks := pd.Tokens()
	labelNames(nm.label, ptoks)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	// prose's entity labels, projected onto the tokens inside each entity.
	ents := nm.ex.Chunk(text, ptoks)
	ei := 0
	d.toks = make([]token, 0, len(ptoks)+len(ptoks)/16)
	var dashed, pieces []piece // reused for every token
	for _, t := range ptoks {
		for ei < len(ents) && ents[ei].End() <= t.Start {
			ei++
		}
		label := ""
		if ei < len(ents) && t.Start >= ents[ei].Start {
			label = ents[ei].Label
		}
		if t.Start < 0 || t.End() > len(text) || text[t.Start:t.End()] != t.Text {
			continue // defensive: never trust an offset we cannot verify
		}
		dashed = splitDashes(dashed[:0], t.Text, t.Start)
		pieces = splitEdges(pieces[:0], dashed)
		for _, p := range pieces {
			tok := token{text: p.text, low: strings.ToLower(p.text), start: p.start, end: p.start + len(p.text), tag: t.Tag, ner: label}
			if p.text != t.Text && isDash(p.text) {
				tok.tag = ":"
			}
			if p.text != t.Text && p.text == "." {
				tok.tag = "."
			}
			d.toks = append(d.toks, tok)
		}
	}
	d.toks = joinInitials(text, d.toks)
	// Sentences: prose's, cut at newlines.
	var spans [][2]int
	for _, s := range pd.Sentences() {
		start, end := s.Start, s.End()
		if start < 0 || end > len(text) || start >= end {
			continue
		}
		for start < end {
			nl := strings.IndexByte(text[start:end], '\n')
			stop := end
			if nl >= 0 {
				stop = start + nl
			}
			a, b := trimSpan(text, start, stop)
			if a < b {
				spans = append(spans, [2]int{a, b})
			}
			if nl < 0 {
				break
			}
			start = stop + 1
		}
	}
	ti := 0
	for si, sp := range spans {
		for ti < len(d.toks) && d.toks[ti].end <= sp[0] {
			ti++
		}
		first := ti
		for ti < len(d.toks) && d.toks[ti].start < sp[1] {
			d.toks[ti].sent = si
			ti++
		}
		s := sentence{start: sp[0], end: sp[1], first: first, lim: ti}
		s.headline, s.titleCase = lineKind(text[sp[0]:sp[1]], d.toks[first:ti])
		d.sents = append(d.sents, s)
	}
	return d, nil
}

type piece struct {
	text  string
	start int
}

// splitDashes appends to out the pieces of a token cut at em and en dashes,
// keeping the dashes as their own tokens.
func splitDashes(out []piece, s string, start int) []piece {
	// both dashes start with the byte 0xE2
	if len(s) <= 3 || strings.IndexByte(s, 0xE2) < 0 || !strings.ContainsAny(s, "—–") {
		return append(out, piece{s, start})
	}
	last := 0
	for i, r := range s {
		if r == '—' || r == '–' {
			if i > last {
				out = append(out, piece{s[last:i], start + last})
			}
			n := utf8.RuneLen(r)
			out = append(out, piece{s[i : i+n], start + i})
			last = i + n
		}
	}
	if last < len(s) {
		out = append(out, piece{s[last:], start + last})
	}
	return out
}

func isDash(s string) bool { return s == "—" || s == "–" || s == "-" || s == "--" }

func trimSpan(text string, a, b int) (int, int) {
	for a < b {
		r, n := utf8.DecodeRuneInString(text[a:b])
		if !unicode.IsSpace(r) {
			break
		}
		a += n
	}
	for b > a {
		r, n := utf8.DecodeLastRuneInString(text[a:b])
		if !unicode.IsSpace(r) {
			break
		}
		b -= n
	}
	return a, b
}

// lineKind says whether a sentence is a headline (no closing punctuation)
// and whether it is title-cased (most of its longer words capitalised).
func lineKind(s string, toks []token) (headline, titleCase bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return true, false
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	headline = !strings.ContainsRune(".!?\"”’:)'", r)
	words, caps := 0, 0
	for _, t := range toks {
		r, _ := utf8.DecodeRuneInString(t.text)
		if !unicode.IsLetter(r) || utf8.RuneCountInString(t.text) < 4 {
			continue
		}
		words++
		if unicode.IsUpper(r) {
			caps++
		}
	}
	titleCase = words >= 3 && caps*10 >= words*7
	return headline, titleCase && headline
}

// abbreviations keep their final period.
var abbreviations = set("dr.", "mr.", "mrs.", "ms.", "jr.", "sr.", "st.", "gen.", "col.", "lt.",
	"sgt.", "rep.", "sen.", "gov.", "prof.", "inc.", "ltd.", "co.", "corp.", "jan.", "feb.",
	"mar.", "apr.", "jun.", "jul.", "aug.", "sep.", "sept.", "oct.", "nov.", "dec.", "no.",
	"vs.", "etc.", "adm.", "capt.", "maj.", "rev.", "hon.", "mt.", "ft.", "ave.")

// splitEdges appends ps to out, cutting a sentence-final period off a word
// prose left it on ("Sea.") and a hyphen off either end of a word ("News-").
func splitEdges(out, ps []piece) []piece {
	for _, p := range ps {
		s := p.text
		switch {
		case len(s) >= 3 && strings.HasSuffix(s, ".") && strings.Count(s, ".") == 1 && !abbreviations[strings.ToLower(s)]:
			out = append(out, piece{s[:len(s)-1], p.start}, piece{".", p.start + len(s) - 1})
		case len(s) > 2 && strings.HasSuffix(s, "-") && !strings.HasPrefix(s, "-"):
			out = append(out, piece{s[:len(s)-1], p.start}, piece{"-", p.start + len(s) - 1})
		case len(s) > 2 && strings.HasPrefix(s, "-") && !strings.HasSuffix(s, "-"):
			out = append(out, piece{"-", p.start}, piece{s[1:], p.start + 1})
		case len(s) > 1 && (s[0] == '#' || s[0] == '@'):
			// hashtags and handles: "#Iran", "@IRNA"
			out = append(out, piece{s[:1], p.start}, piece{s[1:], p.start + 1})
		default:
			out = append(out, p)
		}
	}
	return out
}

// joinInitials makes "J" "." one token "J.", so that "J. D. Vance" is a
// run of capitalised words.
func joinInitials(text string, toks []token) []token {
	out := toks[:0]
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if i+1 < len(toks) && toks[i+1].text == "." && toks[i+1].start == t.end &&
			utf8.RuneCountInString(t.text) == 1 && isCapWord(t.text) {
			t.end = toks[i+1].end
			t.text = text[t.start:t.end]
			t.low = strings.ToLower(t.text)
			t.tag = "NNP"
			i++
		}
		out = append(out, t)
	}
	return out
}
