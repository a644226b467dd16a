package source_test

import (
	"context"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/actorgraph/actorgraph/graph"
	"github.com/actorgraph/actorgraph/source"
)

func TestReadFS(t *testing.T) {
	fsys := fstest.MapFS{
		"a.json":          {Data: []byte(`{"id": "a", "published": "2026-10-05", "text": "Chile and Argentina held talks."}`)},
		"dir/b.txt":       {Data: []byte("Talks resume\n\nThe envoy returned.\n")},
		"dir/c.jsonl":     {Data: []byte(`{"text": "One."}` + "\n" + `{"text": ` + "\n")},
		".hidden.json":    {Data: []byte(`{"id": "hidden", "text": "never read"}`)},
		"dir/notes.md":    {Data: []byte("not an article")},
		"dir/empty.json":  {Data: nil},
		"other/skip.json": {Data: []byte(`{"id": "skip", "text": "not asked for"}`)},
	}
	tests := []struct {
		name  string
		paths []string
		want  []string // origin=id, or origin!problem
	}{
		{"whole file system", []string{"."}, []string{
			"a.json=a", "dir/b.txt=b", "dir/c.jsonl:1=c-1", "dir/c.jsonl:2!malformed JSON", "dir/empty.json!file is empty", "other/skip.json=skip",
		}},
		{"a folder and a file", []string{"dir/b.txt", "a.json"}, []string{"dir/b.txt=b", "a.json=a"}},
		{"missing and invalid paths", []string{"nope.json", "../up.json"}, []string{
			"nope.json!no such file or directory", "../up.json!not a valid path",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			err := source.ReadFS(context.Background(), fsys, tt.paths, func(it source.Item) error {
				if it.Err != nil {
					if graph.ErrorCode(it.Err) != graph.EINVALID || !strings.Contains(graph.ErrorMessage(it.Err), it.Origin) {
						t.Errorf("%s: error %v is not an invalid error naming its origin", it.Origin, it.Err)
					}
					got = append(got, it.Origin+"!"+graph.ErrorMessage(it.Err))
					return nil
				}
				got = append(got, it.Origin+"="+it.Article.ID)
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != len(tt.want) {
				t.Fatalf("got %q, want %q", got, tt.want)
			}
			for i, w := range tt.want {
				// An article must match exactly; an error must come from
				// the origin and say the problem.
				ok := got[i] == w
				if origin, problem, isErr := strings.Cut(w, "!"); isErr {
					ok = strings.HasPrefix(got[i], origin+"!") && strings.Contains(got[i], problem)
				}
				if !ok {
					t.Errorf("item %d: got %q, want %q", i, got[i], w)
				}
			}
		})
	}
}
