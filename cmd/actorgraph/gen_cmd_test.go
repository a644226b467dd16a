package main

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/actorgraph/actorgraph/graph"
)

func TestGen(t *testing.T) {
	code, out, errs := run(t, nil, "gen", "--articles", "25", "--seed", "4")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	sc := bufio.NewScanner(strings.NewReader(out))
	sc.Buffer(nil, 1<<20)
	n := 0
	for sc.Scan() {
		var a graph.Article
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			t.Fatalf("line %d: %v", n+1, err)
		}
		if a.ID == "" || a.Text == "" || a.Published == "" {
			t.Errorf("line %d: incomplete article %+v", n+1, a)
		}
		n++
	}
	if n != 25 {
		t.Errorf("got %d lines, want 25", n)
	}
	_, again, _ := run(t, nil, "gen", "--articles", "25", "--seed", "4")
	if again != out {
		t.Error("the same seed gave different output")
	}
	_, other, _ := run(t, nil, "gen", "--articles", "25", "--seed", "5")
	if other == out {
		t.Error("another seed gave the same output")
	}
}

func TestGenDir(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "articles")
	if code, _, errs := run(t, nil, "gen", "--articles", "3", "-o", dir); code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	files, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil || len(files) != 3 {
		t.Fatalf("got %v (%v), want 3 files", files, err)
	}
	data, err := os.ReadFile(files[0])
	if err != nil {
		t.Fatal(err)
	}
	var a graph.Article
	if err := json.Unmarshal(data, &a); err != nil || a.Text == "" {
		t.Errorf("%s: %v, %+v", files[0], err, a)
	}
}

func TestGenUsage(t *testing.T) {
	for _, args := range [][]string{
		{"gen"},
		{"gen", "--articles", "0"},
		{"gen", "--articles", "3", "extra"},
		{"gen", "--articles", "3", "--people", "1"},
	} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			if code, _, _ := run(t, nil, args...); code != 2 {
				t.Errorf("exit %d, want 2", code)
			}
		})
	}
}
