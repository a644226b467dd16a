package eval

import (
	"bufio"
	"encoding/json"
	"io"
	"strings"

	"github.com/actorgraph/actorgraph/graph"
)

// ReadPredictions reads extraction output, one graph.Extraction per line as
// `actorgraph extract` prints it, keyed by article id; blank lines are
// skipped and a later line for an id replaces an earlier one, as in the
// reference scorer. Lines are limited to 64 MiB.
func ReadPredictions(r io.Reader) (map[string]graph.Extraction, error) {
	preds := make(map[string]graph.Extraction)
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 1<<20), 64<<20)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		var x graph.Extraction
		if err := json.Unmarshal([]byte(line), &x); err != nil {
			return nil, graph.Errorf(graph.EINVALID, "predictions line %d: not an extraction: %v", n, err)
		}
		preds[x.Article.ID] = x
	}
	if err := sc.Err(); err != nil {
		return nil, graph.Wrap(graph.EINVALID, err, "cannot read predictions")
	}
	return preds, nil
}
