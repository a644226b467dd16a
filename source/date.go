package source

import (
	"fmt"
	"strings"

	"github.com/actorgraph/actorgraph/graph"
	"github.com/araddon/dateparse"
)

// normalizeDate turns a publication date in any common form (YYYY-MM-DD,
// RFC 3339, "12 March 2025", RFC 1123, …) into YYYY-MM-DD, the date as
// written in its own time zone. Empty stays empty: the date is unknown.
// Refused: forms where day and month could be swapped ("03/04/2025"), bare
// numbers (years, Unix times) and anything without a full date, since a
// wrong publication date silently shifts every relative date in the text.
func normalizeDate(s string) (d string, err error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", nil
	}
	full := len(s) == len("2006-01-02") && graph.ValidDate(s)
	if !full && (allDigits(s) || graph.ValidDate(s)) {
		return "", fmt.Errorf("published %q is not a full date (want YYYY-MM-DD or an RFC 3339 timestamp)", s)
	}
	defer func() {
		// The parser is a state machine over arbitrary input; a panic on
		// an odd string must not take the whole read down.
		if recover() != nil {
			d, err = "", fmt.Errorf("published %q is not a valid date (want YYYY-MM-DD or an RFC 3339 timestamp)", s)
		}
	}()
	t, perr := dateparse.ParseStrict(s)
	if perr != nil {
		if strings.Contains(perr.Error(), "ambiguous") {
			return "", fmt.Errorf("published %q is ambiguous (day and month could be swapped); write it as YYYY-MM-DD", s)
		}
		return "", fmt.Errorf("published %q is not a valid date (want YYYY-MM-DD or an RFC 3339 timestamp)", s)
	}
	return t.Format("2006-01-02"), nil
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}
