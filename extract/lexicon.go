package extract

import (
	"bufio"
	"embed"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/actorgraph/actorgraph/graph"
)

//go:embed lexicon/*.tsv lexicon/*.txt
var lexiconFS embed.FS

// formKind says how a surface form names its entity.
type formKind int

const (
	kindName    formKind = iota // the name or an alternative name
	kindCapital                 // a capital city, which may stand for the state
	kindDemonym                 // "Iranian", which may stand for the state
)

// lexEntry is one reading of a surface form.
type lexEntry struct {
	canon string
	typ   graph.EntityType
	kind  formKind
}

// lexicon is every data file of lexicon/, loaded once.
type lexicon struct {
	forms      map[string][]lexEntry // exact surface form (apostrophes straightened)
	upper      map[string][]lexEntry // upper-cased form, for all-caps lines and datelines
	maxWords   int
	capitalOf  map[string]string // capital → country
	titles     map[string]bool   // lower-cased title
	titleWords int
	modifiers  map[string]bool
	honorifics map[string]bool
	honorWords int
	triggers   *triggerSet
}

func loadLexicon() (*lexicon, error) {
	lx := &lexicon{
		forms:      map[string][]lexEntry{},
		upper:      map[string][]lexEntry{},
		capitalOf:  map[string]string{},
		titles:     map[string]bool{},
		modifiers:  map[string]bool{},
		honorifics: map[string]bool{},
	}
	err := eachRow("countries.tsv", func(cols []string) error {
		name := cols[0]
		lx.add(name, lexEntry{name, graph.Country, kindName})
		for _, a := range field(cols, 1) {
			lx.add(a, lexEntry{name, graph.Country, kindName})
		}
		for _, c := range field(cols, 2) {
			lx.add(c, lexEntry{name, graph.Country, kindCapital})
			lx.capitalOf[c] = name
		}
		for _, d := range field(cols, 3) {
			lx.add(d, lexEntry{name, graph.Country, kindDemonym})
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	for _, f := range []struct {
		file string
		typ  graph.EntityType
	}{{"organizations.tsv", graph.Organization}, {"media.tsv", graph.Media}, {"places.tsv", graph.Location}} {
		typ := f.typ
		err := eachRow(f.file, func(cols []string) error {
			lx.add(cols[0], lexEntry{cols[0], typ, kindName})
			for _, a := range field(cols, 1) {
				lx.add(a, lexEntry{cols[0], typ, kindName})
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	for _, f := range []struct {
		file  string
		set   map[string]bool
		words *int
	}{{"titles.txt", lx.titles, &lx.titleWords}, {"modifiers.txt", lx.modifiers, nil}, {"honorifics.txt", lx.honorifics, &lx.honorWords}} {
		err := eachRow(f.file, func(cols []string) error {
			s := strings.ToLower(cols[0])
			f.set[s] = true
			if n := len(strings.Fields(s)); f.words != nil && n > *f.words {
				*f.words = n
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	ts, err := loadTriggers()
	if err != nil {
		return nil, err
	}
	lx.triggers = ts
	return lx, nil
}

func (lx *lexicon) add(form string, e lexEntry) {
	form = straighten(strings.TrimSpace(form))
	if form == "" {
		return
	}
	lx.forms[form] = appendEntry(lx.forms[form], e)
	up := upperKey(form)
	lx.upper[up] = appendEntry(lx.upper[up], e)
	// Count words the way spans are cut: at spaces, and at the points where
	// the tokenizer splits ("U.S." is one token, "Co-operation" one).
	if n := len(strings.Fields(form)) + strings.Count(form, "'") + strings.Count(form, ","); n > lx.maxWords {
		lx.maxWords = n
	}
}

func appendEntry(es []lexEntry, e lexEntry) []lexEntry {
	for _, x := range es {
		if x == e {
			return es
		}
	}
	return append(es, e)
}

// lookup returns the readings of a surface form; all-caps forms longer than
// an acronym also match case-insensitively ("TEHRAN", "TÜRKİYE").
func (lx *lexicon) lookup(form string) []lexEntry {
	form = straighten(form)
	if es := lx.forms[form]; es != nil {
		return es
	}
	if utf8.RuneCountInString(form) > 3 && isAllUpper(form) {
		return lx.upper[upperKey(form)]
	}
	return nil
}

func isAllUpper(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			letters++
			if !unicode.IsUpper(r) {
				return false
			}
		}
	}
	return letters > 0
}

// straighten turns typographic apostrophes into straight ones so that
// "People’s Daily" finds "People's Daily"; the byte length may change, which
// is fine because the result is only a lookup key.
func straighten(s string) string {
	// both quotes start with the byte 0xE2, rare in a name
	if strings.IndexByte(s, 0xE2) < 0 || !strings.ContainsAny(s, "’‘") {
		return s
	}
	return quoteFolder.Replace(s)
}

var quoteFolder = strings.NewReplacer("’", "'", "‘", "'")

func field(cols []string, i int) []string {
	if i >= len(cols) || strings.TrimSpace(cols[i]) == "" {
		return nil
	}
	var out []string
	for _, s := range strings.Split(cols[i], ";") {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// eachRow calls fn with the tab-separated columns of every line of a
// lexicon file that is neither blank nor a # comment.
func eachRow(name string, fn func([]string) error) error {
	f, err := lexiconFS.Open("lexicon/" + name)
	if err != nil {
		return fmt.Errorf("extract: lexicon %s: %w", name, err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	line := 0
	for sc.Scan() {
		line++
		s := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(s) == "" || strings.HasPrefix(s, "#") {
			continue
		}
		cols := strings.Split(s, "\t")
		if strings.TrimSpace(cols[0]) == "" {
			return fmt.Errorf("extract: lexicon %s line %d: empty first column", name, line)
		}
		if err := fn(cols); err != nil {
			return fmt.Errorf("extract: lexicon %s line %d: %w", name, line, err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("extract: lexicon %s: %w", name, err)
	}
	return nil
}

// upperKey folds case for all-caps matching; the Turkish dotted and
// dotless i fold to plain I so that "TÜRKİYE" finds "Türkiye".
func upperKey(s string) string {
	return strings.ToUpper(dotlessI.Replace(s))
}

var dotlessI = strings.NewReplacer("İ", "I", "ı", "i")
