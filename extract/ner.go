package extract

import (
	_ "embed"
	"encoding/binary"
	"errors"
	"math"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/jdkato/prose/v3"
	"github.com/jdkato/prose/v3/ner"
	"github.com/jdkato/prose/v3/ner/maxentmodel"
)

// prose's entity stage (package ner) is most of prose's time: for every
// token it sums 17 feature weights for each of 13 labels, each weight found
// by a binary search over 150,000 keys, and it compiles two regular
// expressions per token. The same model, read into a map from feature to
// its weights per label, labels a token with 17 lookups and no garbage.
// nerScorer is that reading; it computes exactly what ner.Extracter.Label
// does (same features, same float32 sums in the same order, same
// tie-break), which TestNERScorerMatchesProse checks on every token of
// several hundred articles. If a later prose ships a model we cannot read,
// nerLabeler falls back to prose's own Extracter.

// labeler gives each token an IOB entity label in place.
type labeler interface {
	Label(toks []prose.Token)
}

// nerModels is prose's Extracter (for Chunk, and Label when the model
// cannot be read) and the labeler to use, loaded once; both are read-only
// and safe for concurrent use.
var nerModels = sync.OnceValues(func() (*nerPair, error) {
	ex, err := ner.New()
	if err != nil {
		return nil, err
	}
	p := &nerPair{ex: ex, label: ex}
	if sc, err := readNERModel(maxentmodel.English); err == nil {
		p.label = sc
	}
	return p, nil
})

type nerPair struct {
	ex    *ner.Extracter
	label labeler
}

// nerFeatures are the model's features in the order prose sums them.
var nerFeatures = [...]string{
	"bias", "en-wordlist", "nextpos", "nextword", "pos", "pos+prevtag",
	"prefix3", "prevpos", "prevtag", "prevword", "shape", "shape+prevtag",
	"suffix3", "word", "word+nextpos", "word.lower", "wordlen"}

// nerWeight is one label's weight for a feature value.
type nerWeight struct {
	w     float32
	label uint8
}

// nerScorer is prose's maximum-entropy entity model keyed by feature value.
type nerScorer struct {
	labels []string
	hist   []string          // each label as the next token's "prevtag" reads it: B, I or O
	index  map[string]uint32 // "feature-value" → first weight <<4 | number of weights
	ws     []nerWeight
	basic  map[string]bool // Ogden's Basic English, the "en-wordlist" feature
}

//go:embed nerdata/basic-english.txt
var basicEnglish string

// readNERModel reads prose's flat model format (documented in prose's
// internal/maxent): magic, version, cardinality, labels, sorted keys
// "feature-value-label" as a blob with offsets, one float32 weight a key.
func readNERModel(data []byte) (*nerScorer, error) {
	r := modelReader{b: data}
	if string(r.bytes(8)) != "PROSENER" || r.u32() != 1 {
		return nil, errors.New("not a version 1 prose entity model")
	}
	r.u32() // cardinality: only for probabilities
	n := int(r.u32())
	if n == 0 || n > 15 {
		return nil, errors.New("unexpected number of labels")
	}
	m := &nerScorer{index: map[string]uint32{}, basic: map[string]bool{}}
	for range n {
		l := string(r.bytes(int(r.u16())))
		m.labels = append(m.labels, l)
		h, _, _ := strings.Cut(l, "-")
		m.hist = append(m.hist, h)
	}
	nk := int(r.u32())
	blob := string(r.bytes(int(r.u32())))
	offs := r.bytes((nk + 1) * 4)
	wb := r.bytes(nk * 4)
	if r.bad {
		return nil, errors.New("truncated prose entity model")
	}
	// One feature value's keys need not be adjacent ("word-X-O" sorts
	// after "word-X-Bank-O"): count them first, then place them.
	prefixes := make([]string, nk)
	labels := make([]uint8, nk)
	for k := 0; k < nk; k++ {
		a, b := binary.LittleEndian.Uint32(offs[k*4:]), binary.LittleEndian.Uint32(offs[k*4+4:])
		if a > b || int(b) > len(blob) {
			return nil, errors.New("bad key offsets in prose entity model")
		}
		key := blob[a:b]
		li := -1
		for j, l := range m.labels {
			if len(key) > len(l) && key[len(key)-len(l)-1] == '-' && strings.HasSuffix(key, l) {
				if li >= 0 {
					return nil, errors.New("ambiguous key in prose entity model")
				}
				li = j
			}
		}
		if li < 0 {
			return nil, errors.New("key without a label in prose entity model")
		}
		prefixes[k], labels[k] = key[:len(key)-len(m.labels[li])-1], uint8(li)
		m.index[prefixes[k]]++
	}
	start := uint32(0)
	for p, c := range m.index {
		if c > 15 {
			return nil, errors.New("a feature value with more than 15 labels in prose entity model")
		}
		m.index[p] = start << 4
		start += c
	}
	m.ws = make([]nerWeight, nk)
	for k, p := range prefixes {
		v := m.index[p]
		m.ws[v>>4+v&15] = nerWeight{math.Float32frombits(binary.LittleEndian.Uint32(wb[k*4:])), labels[k]}
		m.index[p] = v + 1
	}
	for _, w := range strings.Fields(basicEnglish) {
		m.basic[w] = true
	}
	return m, nil
}

type modelReader struct {
	b   []byte
	bad bool
}

func (r *modelReader) bytes(n int) []byte {
	if r.bad || n < 0 || n > len(r.b) {
		r.bad = true
		return nil
	}
	out := r.b[:n]
	r.b = r.b[n:]
	return out
}

func (r *modelReader) u16() uint16 {
	if b := r.bytes(2); b != nil {
		return binary.LittleEndian.Uint16(b)
	}
	return 0
}

func (r *modelReader) u32() uint32 {
	if b := r.bytes(4); b != nil {
		return binary.LittleEndian.Uint32(b)
	}
	return 0
}

// Label labels toks as ner.Extracter.Label does: left to right, each token
// scored on its own features, its neighbours' and the previous label.
func (m *nerScorer) Label(toks []prose.Token) {
	scores := make([]float32, len(m.labels))
	key := make([]byte, 0, 128)
	prevTag, prevShape, prevLower := "None", "None", "None"
	for i := range toks {
		clear(scores)
		word, pos := toks[i].Text, toks[i].Tag
		lw := strings.ToLower(word)
		sh := nerShape(word, lw)
		nextWord, nextPos := "None", "None"
		if i+1 < len(toks) {
			nextWord, nextPos = strings.ToLower(toks[i+1].Text), strings.ToLower(toks[i+1].Tag)
		}
		if i < 2 {
			prevShape = "None"
		}
		for f, name := range nerFeatures {
			key = append(append(key[:0], name...), '-')
			switch f {
			case 0:
				key = append(key, "True"...)
			case 1:
				if m.basic[word] {
					key = append(key, "True"...)
				} else {
					key = append(key, "False"...)
				}
			case 2:
				key = append(key, nextPos...)
			case 3:
				key = append(key, nextWord...)
			case 4:
				key = append(key, pos...)
			case 5:
				key = append(append(append(key, pos...), '+'), prevTag...)
			case 6:
				key = append(key, strings.ToLower(word[:min(len(word), 3)])...)
			case 7:
				if i == 0 {
					key = append(key, "None"...)
				} else {
					key = append(key, toks[i-1].Tag...)
				}
			case 8:
				key = append(key, prevTag...)
			case 9:
				key = append(key, prevLower...)
			case 10:
				key = append(key, sh...)
			case 11:
				key = append(append(append(key, prevShape...), '+'), prevTag...)
			case 12:
				key = append(key, strings.ToLower(word[len(word)-min(len(word), 3):])...)
			case 13:
				key = append(key, word...)
			case 14:
				key = append(append(append(key, lw...), '+'), nextPos...)
			case 15:
				key = append(key, lw...)
			case 16:
				key = strconv.AppendInt(key, int64(len(word)), 10)
			}
			if v, ok := m.index[string(key)]; ok {
				for _, w := range m.ws[v>>4 : v>>4+v&15] {
					scores[w.label] += w.w
				}
			}
		}
		best, bestScore := 0, float32(math.Inf(-1))
		for j, s := range scores {
			if s > bestScore {
				best, bestScore = j, s
			}
		}
		toks[i].Label = m.labels[best]
		prevTag, prevShape, prevLower = m.hist[best], sh, lw
	}
}

// nerShape is prose's "shape" feature: number, punct (the last character
// is not an ASCII letter, digit or underscore, as the regular expression
// \W+$ finds), downcase, upcase (title case as strings.Title writes it) or
// mixedcase. lower is strings.ToLower(word).
func nerShape(word, lower string) string {
	if word == "" {
		return "other"
	}
	if isFloat(word) {
		return "number"
	}
	r, _ := utf8.DecodeLastRuneInString(word)
	if !(r < utf8.RuneSelf && (r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r))) {
		return "punct"
	}
	if lower == word {
		return "downcase"
	}
	//lint:ignore SA1019 the model was trained on strings.Title's reading
	if strings.Title(word) == word { //nolint:staticcheck // as prose computes it
		return "upcase"
	}
	return "mixedcase"
}

// isFloat reports whether strconv.ParseFloat reads s, without the error
// value it allocates for every word that is not a number.
func isFloat(s string) bool {
	t := s
	if t[0] == '+' || t[0] == '-' {
		t = t[1:]
	}
	if t == "" {
		return false
	}
	switch c := t[0]; {
	case c >= '0' && c <= '9' || c == '.':
		_, err := strconv.ParseFloat(s, 64)
		return err == nil
	case c == 'i' || c == 'I' || c == 'n' || c == 'N':
		// the only words it reads: inf and infinity, signed or not, and nan
		return strings.EqualFold(t, "inf") || strings.EqualFold(t, "infinity") || strings.EqualFold(s, "nan")
	}
	return false
}

// labelNames gives every token the IOB label prose's entity model gives it
// when it labels the whole text, at a fraction of the cost: the model
// labels only windows around runs of tokens holding a capital letter, and
// every token outside those runs is "O". The model reads a token's
// neighbours and the label of the one before, so a window starts two tokens
// before its run (the first is context for the second, whose label the
// run's first token reads) and ends one token after it; the labels it gives
// those context tokens are replaced by "O". Runs one token apart are
// labelled as one window, the token between them included.
//
// The result equals prose's whenever the model labels no token without a
// capital as part of a name and labels the context tokens "O", which held
// on every token of the dev, held-out and generated corpora and of
// thousands of odd texts (TestNERScorerMatchesProse,
// TestNERLabelsOnOddText).
func labelNames(ex labeler, toks []prose.Token) {
	n := len(toks)
	for i := 0; i < n; {
		if !hasUpper(toks[i].Text) {
			toks[i].Label = "O"
			i++
			continue
		}
		end := i + 1 // after the last capitalised token of the window
		for j := end; j < n && j-end < 2; j++ {
			if hasUpper(toks[j].Text) {
				end = j + 1
			}
		}
		lo, hi := max(i-2, 0), min(end+1, n)
		ex.Label(toks[lo:hi])
		for k := lo; k < hi; k++ {
			if k < i || k >= end {
				toks[k].Label = "O"
			}
		}
		i = end
	}
}

// hasUpper reports whether s holds a capital: a character that lower-casing
// changes, title-case letters ("ǅ") and capital numerals ("Ⅻ") included.
func hasUpper(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf {
			for _, r := range s[i:] {
				if unicode.ToLower(r) != r {
					return true
				}
			}
			return false
		} else if 'A' <= c && c <= 'Z' {
			return true
		}
	}
	return false
}
