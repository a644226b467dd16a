package extract_test

import (
	"context"
	"testing"
	"unicode/utf8"

	"github.com/actorgraph/actorgraph/graph"
)

// FuzzExtract: any bytes in, no panic, a valid extraction with valid UTF-8
// out. Run with `go test ./extract -fuzz FuzzExtract`.
func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		"", "Chile met Peru on Monday.",
		"TEHRAN – \"We will not negotiate,\" Iranian Foreign Minister Ali Reza said. (IRGC) —",
		"Talks between A and B, mediated by Oman's Foreign Ministry (OFM), ended without agreement.",
		"\xff\xfe\x00 #Iran @IRNA J. D. Vance's U.S.-Israeli strikes—Al Jazeera—",
		"On 31 February 2024, Kenya's President-elect met Dr. . . in the the.",
	} {
		f.Add(s, "2024-05-08")
	}
	x := sharedExtractor(f)
	f.Fuzz(func(t *testing.T, text, published string) {
		a := graph.Article{Text: text, Published: published}
		out, err := x.Extract(context.Background(), a)
		if err != nil {
			t.Fatalf("Extract: %v", err)
		}
		if !utf8.ValidString(text) {
			a.Text = blankInvalid(text)
		}
		withText := out
		withText.Article.Text = a.Text
		if err := withText.Validate(); err != nil {
			t.Fatalf("Validate: %v", err)
		}
		b, err := jsonMarshal(out)
		if err != nil || !utf8.Valid(b) {
			t.Fatalf("output not valid JSON/UTF-8: %v", err)
		}
		for _, e := range out.Entities {
			for _, m := range e.Mentions {
				if a.Text[m.Start:m.End] != m.Text {
					t.Fatalf("mention %q at %d-%d does not match", m.Text, m.Start, m.End)
				}
			}
		}
	})
}
