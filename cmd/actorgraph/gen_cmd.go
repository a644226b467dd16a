package main

import (
	"context"
	"fmt"

	"github.com/actorgraph/actorgraph/gen"
)

func (m *Main) runGen(ctx context.Context, args []string) error {
	fs := m.flagSet("gen", "--articles N [--seed S] [-o DIR]",
		"Write synthetic news articles about a fictional cast acting among real states,\n"+
			"for benchmarks and load tests: JSON Lines on stdout (save as FILE.jsonl for\n"+
			"ingest), or one JSON file per article in DIR with -o. The same seed gives the\n"+
			"same articles; output streams, so any number of articles takes little memory.")
	n := fs.Int("articles", 0, "how many articles to write (required)")
	seed := fs.Uint64("seed", 1, "seed choosing the cast and the articles")
	out := fs.String("o", "", "write one JSON file per article into `DIR` instead of JSON Lines on stdout")
	people := fs.Int("people", gen.DefaultPeople, "people in the cast")
	orgs := fs.Int("organizations", gen.DefaultOrganizations, "organisations in the cast")
	media := fs.Int("media", gen.DefaultMedia, "outlets in the cast")
	if err := m.parse(fs, args); err != nil {
		return err
	}
	if *n <= 0 || *people <= 1 || *orgs <= 0 || *media <= 0 || fs.NArg() > 0 {
		fmt.Fprintln(m.Stderr, "gen: --articles must be above zero, --people above one, --organizations and --media above zero, and no arguments follow the flags")
		return errUsage
	}
	g := gen.New(gen.Options{Seed: *seed, Sizes: gen.Sizes{People: *people, Organizations: *orgs, Media: *media}})
	if *out != "" {
		return g.WriteDir(*out, *n)
	}
	return g.WriteJSONL(m.Stdout, *n)
}
