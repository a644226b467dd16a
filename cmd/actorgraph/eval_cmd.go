package main

import (
	"context"
	"fmt"
	"path/filepath"
	"sort"

	"github.com/actorgraph/actorgraph/eval"
	"github.com/actorgraph/actorgraph/extract"
	"github.com/actorgraph/actorgraph/graph"
)

func (m *Main) runEval(ctx context.Context, args []string) error {
	fs := m.flagSet("eval", "[--errors] DIR",
		"Score the extractor on a gold folder (one JSON article a file with a \"gold\"\n"+
			"object, as in ../shared/corpus) and print the figures ../shared/tools/score.py\n"+
			"prints: entity and relation precision, recall and F1, and via, date and\n"+
			"polarity accuracy over matched relations.")
	errs := fs.Bool("errors", false, "also list each missed and each spurious entity and relation")
	if err := m.parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return errUsage
	}
	dir := fs.Arg(0)
	gold, err := eval.LoadGold(dir)
	if err != nil {
		return err
	}
	x, err := extract.New()
	if err != nil {
		return err
	}
	paths, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil {
		return err
	}
	if len(paths) == 0 {
		return fmt.Errorf("%s: no .json gold articles", dir)
	}
	sort.Strings(paths)
	preds := make(map[string]graph.Extraction)
	failed := 0
	err = extractAll(ctx, x, paths, func(e extracted) error {
		if e.err != nil {
			failed++
			m.Logger.Error("eval input", "err", describe(e))
			return nil
		}
		preds[e.x.Article.ID] = e.x
		return nil
	})
	if err != nil {
		return err
	}
	eval.Score(gold, preds).Write(m.Stdout, *errs)
	if failed > 0 {
		return errPartial{failed}
	}
	return nil
}
