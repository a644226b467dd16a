package extract

import (
	_ "embed"
	"encoding/binary"
	"errors"
	"hash/maphash"
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
// expressions per token. The same model, read into a table from feature
// value to its weights per label, labels a token with 17 lookups and
// little garbage.
// nerScorer is that reading; it computes exactly what ner.Extracter.Label
// does (same features, same float32 sums in the same order, same
// tie-break), which TestNERScorerMatchesProse checks on every token of
// several hundred articles and thousands of odd texts. If a later prose
// ships a model we cannot read, nerModels falls back to prose's own
// Extracter.

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

// nerWeight is one label's weight for a feature value.
type nerWeight struct {
	w     float32
	label uint8
}

// nerScorer is prose's maximum-entropy entity model keyed by feature value
// ("word-Kampala"): a group of weights, one per label the model knows for
// it. The index is an open-addressing table of hashes of the values, which
// a process builds in a few tens of milliseconds where a map of 128,000
// strings takes a tenth of a second.
type nerScorer struct {
	labels []string
	hist   []string // each label as the next token's "prevtag" reads it: B, I or O
	seed   maphash.Seed
	table  []uint64 // slot → the value's hash, high 32 bits, and its group+1, low 32; 0 when empty
	values []string // group → "feature-value"
	spans  []uint32 // group → first weight <<4 | number of weights
	ws     []nerWeight
	basic  map[string]bool // Ogden's Basic English, the "en-wordlist" feature
}

// nerGroup finds the group of value, hashed to h: linear probing from the
// slot h names to the first slot holding value, or the empty slot where it
// would go.
func nerGroup[V string | []byte](m *nerScorer, h uint64, value V) (slot int, g uint32, ok bool) {
	mask := len(m.table) - 1
	for i := int(h) & mask; ; i = (i + 1) & mask {
		e := m.table[i]
		if e == 0 {
			return i, 0, false
		}
		if e>>32 == h>>32 && m.values[uint32(e)-1] == string(value) {
			return i, uint32(e) - 1, true
		}
	}
}

// basicEnglish is Ogden's Basic English, 850 words, as prose's
// internal/wordlist has it (that package cannot be imported): the model's
// "en-wordlist" feature. A difference shows in TestNERScorerMatchesProse.
//
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
	m := &nerScorer{basic: map[string]bool{}}
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
	// after "word-X-Bank-O"): group them first, then place them.
	m.seed = maphash.MakeSeed()
	size := 1 << 10
	for size < nk*3/2 {
		size *= 2
	}
	m.table = make([]uint64, size)
	m.values, m.spans = make([]string, 0, nk), make([]uint32, 0, nk)
	group := make([]uint32, nk)
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
		value := key[:len(key)-len(m.labels[li])-1]
		h := maphash.String(m.seed, value)
		slot, g, ok := nerGroup(m, h, value)
		if !ok {
			g = uint32(len(m.values))
			m.table[slot] = h>>32<<32 | uint64(g+1)
			m.values = append(m.values, value)
			m.spans = append(m.spans, 0)
		}
		m.spans[g]++
		group[k], labels[k] = g, uint8(li)
	}
	start := uint32(0)
	for g, n := range m.spans {
		if n > 15 {
			return nil, errors.New("a feature value with more than 15 labels in prose entity model")
		}
		m.spans[g] = start << 4
		start += n
	}
	m.ws = make([]nerWeight, nk)
	for k, g := range group {
		v := m.spans[g]
		m.ws[v>>4+v&15] = nerWeight{math.Float32frombits(binary.LittleEndian.Uint32(wb[k*4:])), labels[k]}
		m.spans[g] = v + 1
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
	prevTag, prevPos, prevShape, prevLower := "None", "None", "None", "None"
	for i := range toks {
		clear(scores)
		word, pos := toks[i].Text, toks[i].Tag
		lw := strings.ToLower(word)
		prefix, suffix := lw[:min(len(lw), 3)], lw[len(lw)-min(len(lw), 3):]
		if !isASCII(word) {
			// prose lowers the first and last three bytes, not runes
			prefix, suffix = strings.ToLower(word[:min(len(word), 3)]), strings.ToLower(word[len(word)-min(len(word), 3):])
		}
		sh := nerShape(word, lw)
		nextWord, nextPos := "None", "None"
		if i+1 < len(toks) {
			nextWord, nextPos = strings.ToLower(toks[i+1].Text), strings.ToLower(toks[i+1].Tag)
		}
		if i > 0 {
			prevPos = toks[i-1].Tag
		}
		if i < 2 {
			prevShape = "None" // as prose has it, also for the second token
		}
		basic := "False"
		if m.basic[word] {
			basic = "True"
		}
		// prose's features, in the order it sums them
		key = m.add(scores, key, "bias-True")
		key = m.add(scores, key, "en-wordlist-", basic)
		key = m.add(scores, key, "nextpos-", nextPos)
		key = m.add(scores, key, "nextword-", nextWord)
		key = m.add(scores, key, "pos-", pos)
		key = m.add(scores, key, "pos+prevtag-", pos, "+", prevTag)
		key = m.add(scores, key, "prefix3-", prefix)
		key = m.add(scores, key, "prevpos-", prevPos)
		key = m.add(scores, key, "prevtag-", prevTag)
		key = m.add(scores, key, "prevword-", prevLower)
		key = m.add(scores, key, "shape-", sh)
		key = m.add(scores, key, "shape+prevtag-", prevShape, "+", prevTag)
		key = m.add(scores, key, "suffix3-", suffix)
		key = m.add(scores, key, "word-", word)
		key = m.add(scores, key, "word+nextpos-", lw, "+", nextPos)
		key = m.add(scores, key, "word.lower-", lw)
		key = m.add(scores, key, "wordlen-", strconv.Itoa(len(word)))
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

// add adds to scores the weights of the feature value the parts spell,
// using key as its buffer, which it returns.
func (m *nerScorer) add(scores []float32, key []byte, parts ...string) []byte {
	key = key[:0]
	for _, p := range parts {
		key = append(key, p...)
	}
	if _, g, ok := nerGroup(m, maphash.Bytes(m.seed, key), key); ok {
		v := m.spans[g]
		for _, w := range m.ws[v>>4 : v>>4+v&15] {
			scores[w.label] += w.w
		}
	}
	return key
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
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
