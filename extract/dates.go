package extract

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// date is a publication date; ok is false when the article has none.
type date struct {
	t  time.Time
	ok bool
}

func parsePub(s string) date {
	s = strings.TrimSpace(s)
	if len(s) >= 10 {
		if t, err := time.Parse("2006-01-02", s[:10]); err == nil && t.Year() >= 1000 && t.Year() <= 9998 {
			return date{t, true}
		}
	}
	return date{}
}

// dateFor gives a trigger the date expression of its sentence that is
// nearer to it than to any other trigger ("talks began ... since the US
// launched strikes in June": June is the strikes').
func (rb *relBuilder) dateFor(s sentence, i int) string {
	d := rb.sc.d
	// segment bounds: the comma-separated stretch around token k
	seg := func(k int) (int, int) {
		a, b := k, k
		for a > s.first && d.toks[a-1].text != "," {
			a--
		}
		for b < s.lim && d.toks[b].text != "," {
			b++
		}
		return a, b
	}
	best, bestDist := "", 1<<30
	for k := s.first; k < s.lim; k++ {
		v, n := rb.dateAt(s, k)
		if n == 0 {
			continue
		}
		if v == "" {
			// a date we cannot resolve (no year, a range) dates nothing
			k += n - 1
			continue
		}
		dist := abs(k - i)
		a, b := seg(k)
		mine := true
		inSeg := false
		for _, p := range rb.trigPos {
			if p >= a && p < b {
				inSeg = true
			}
		}
		if !inSeg && !rb.reportIn(a, b) && !rb.bareDate(a, b, k, n) {
			// a date in a stretch without any event of ours belongs to
			// something we did not read ("hosted X on Sunday, days
			// after a meeting ..."), unless it dates the report itself
			mine = false
		}
		if inSeg {
			// the date belongs to the nearest trigger of its own stretch
			for _, p := range rb.trigPos {
				if p != i && p >= a && p < b && abs(k-p) < dist {
					mine = false
				}
			}
			if i < a || i >= b {
				mine = false
			}
		}
		if mine && dist < bestDist {
			best, bestDist = v, dist
		}
		k += n - 1
	}
	return best
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// dateAt reads a date expression starting at token k; it returns the value
// ("" when it cannot be resolved) and the tokens consumed (0: none there).
func (rb *relBuilder) dateAt(s sentence, k int) (string, int) {
	d := rb.sc.d
	tok := func(j int) string {
		if j < s.first || j >= s.lim {
			return ""
		}
		return d.toks[j].text
	}
	low := func(j int) string {
		if j < s.first || j >= s.lim {
			return ""
		}
		return d.toks[j].low
	}
	w := lower(strings.TrimPrefix(strings.TrimPrefix(tok(k), "mid-"), "early-"))
	prev := low(k - 1)
	if prev == "between" || prev == "from" || low(k+1) == "to" {
		if _, ok := months[w]; ok || isYear(tok(k)) {
			return "", 1 // a range
		}
	}
	if wd, ok := weekdays[w]; ok {
		if !rb.pub.ok || prev == "next" {
			return "", 1
		}
		t := rb.pub.t
		back := (int(t.Weekday()) - wd + 7) % 7
		return t.AddDate(0, 0, -back).Format("2006-01-02"), 1
	}
	switch w {
	case "today", "tonight":
		if rb.pub.ok {
			return rb.pub.t.Format("2006-01-02"), 1
		}
		return "", 1
	case "tomorrow":
		if rb.pub.ok {
			return rb.pub.t.AddDate(0, 0, 1).Format("2006-01-02"), 1
		}
		return "", 1
	case "yesterday":
		if rb.pub.ok {
			return rb.pub.t.AddDate(0, 0, -1).Format("2006-01-02"), 1
		}
		return "", 1
	}
	if m, ok := months[strings.TrimSuffix(w, ".")]; ok {
		if w == "may" && !isDay(tok(k+1)) && !isYear(tok(k+1)) {
			return "", 0 // the verb
		}
		// Month Day, Year | Month Year | Month Day | Month
		if isDay(tok(k + 1)) {
			day, _ := strconv.Atoi(strings.TrimRight(tok(k+1), "stndrh"))
			n := 2
			if tok(k+2) == "," {
				n++
			}
			if isYear(tok(k + n)) {
				return fmt.Sprintf("%s-%02d-%02d", tok(k+n), m, day), n + 1
			}
			return "", 2
		}
		if isYear(tok(k + 1)) {
			return fmt.Sprintf("%s-%02d", tok(k+1), m), 2
		}
		if prev == "in" && rb.pub.ok {
			y := rb.pub.t.Year()
			if m > int(rb.pub.t.Month()) {
				y--
			}
			return fmt.Sprintf("%d-%02d", y, m), 1
		}
		return "", 1
	}
	// Day Month Year
	if isDay(tok(k)) {
		if m, ok := months[lower(strings.TrimSuffix(tok(k+1), "."))]; ok {
			day, _ := strconv.Atoi(tok(k))
			if isYear(tok(k + 2)) {
				return fmt.Sprintf("%s-%02d-%02d", tok(k+2), m, day), 3
			}
			return "", 2
		}
	}
	if isYear(tok(k)) && (prev == "in" || prev == "since") {
		if low(k+1) == "and" || prev == "since" {
			return "", 1
		}
		return tok(k), 1
	}
	return "", 0
}

func isYear(s string) bool {
	// four digits: a sign leaves three, below 1900
	if len(s) != 4 || !isDigits(s) {
		return false
	}
	n, err := strconv.Atoi(s)
	return err == nil && n >= 1900 && n <= 2100
}

func isDay(s string) bool {
	s = strings.TrimRight(s, "stndrh")
	// what Atoi reads in two bytes ends with a digit; saves its error value
	if len(s) > 2 || s == "" || s[len(s)-1] < '0' || s[len(s)-1] > '9' {
		return false
	}
	n, err := strconv.Atoi(s)
	return err == nil && n >= 1 && n <= 31 && len(s) <= 2
}

// reportIn: a reporting verb in tokens [a, b) ("announced on Friday").
func (rb *relBuilder) reportIn(a, b int) bool {
	for k := a; k < b; k++ {
		if reportVerbs[rb.sc.d.toks[k].low] {
			return true
		}
	}
	return false
}

var dateFillers = set("on", "in", "at", "by", "earlier", "later", "late", "early", "last", "this",
	"the", "of", "until", "—", "–", "-")

// bareDate: the stretch [a, b) holds only the date at k (n tokens) and
// filler words — a fronted adjunct ("On 27 October 2024, X signed ...")
// that dates the whole sentence.
func (rb *relBuilder) bareDate(a, b, k, n int) bool {
	for j := a; j < b; j++ {
		if j >= k && j < k+n {
			continue
		}
		if !dateFillers[rb.sc.d.toks[j].low] {
			return false
		}
	}
	return true
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
