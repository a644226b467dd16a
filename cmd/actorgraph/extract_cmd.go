package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/actorgraph/actorgraph/extract"
	"github.com/actorgraph/actorgraph/graph"
)

func (m *Main) runExtract(ctx context.Context, args []string) error {
	fs := m.flagSet("extract", "FILE|DIR...",
		"Extract entities and relations from articles and print one JSON object per\n"+
			"article (JSON Lines) on stdout, without touching any store. Inputs: .txt,\n"+
			".json (one article object), .jsonl (one per line) and directories of these.\n"+
			"Bad inputs are reported on stderr by file (and line); the rest is still\n"+
			"processed and the exit status is 1 at the end.")
	if err := m.parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return errUsage
	}
	x, err := extract.New()
	if err != nil {
		return err
	}
	w := bufio.NewWriter(m.Stdout)
	defer w.Flush()
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	failed := 0
	err = extractAll(ctx, x, fs.Args(), func(e extracted) error {
		if e.err != nil {
			failed++
			fmt.Fprintf(m.Stderr, "actorgraph extract: %s\n", describe(e))
			return nil
		}
		return enc.Encode(e.x)
	})
	if err != nil {
		return err
	}
	if failed > 0 {
		return errPartial{failed}
	}
	return nil
}

// describe says what went wrong with one input, naming it when the message
// does not already.
func describe(e extracted) string {
	msg := e.err.Error()
	if graph.ErrorCode(e.err) != graph.EINTERNAL {
		msg = graph.ErrorMessage(e.err)
	}
	if e.origin != "" && !strings.Contains(msg, e.origin) {
		return e.origin + ": " + msg
	}
	return msg
}
