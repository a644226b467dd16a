package extract_test

import (
	"context"
	"strings"
	"testing"

	"github.com/actorgraph/actorgraph/graph"
	"github.com/jdkato/prose/v3"
)

// ownText is an invented article (no corpus text), repeated to a few
// kilobytes, for benchmarks that must run without ../shared.
var ownText = strings.Repeat(`NAIROBI — Kenyan Foreign Minister Amina Odhiambo met her Ugandan counterpart, Joseph Okello, in Kampala on Tuesday, according to the Daily Nation.
The two ministers held talks on the border dispute, which Tanzania has offered to mediate. "We will not accept any solution imposed from outside," Okello said.
Later, Odhiambo told Reuters that Nairobi had asked the African Union (AU) to send observers, while Uganda's Defence Ministry accused rebels of attacking a convoy near Gulu.
`, 6)

func ownArticles() []graph.Article {
	return []graph.Article{{ID: "own", Text: ownText, Published: "2024-05-08"}}
}

func benchExtract(b *testing.B, arts []graph.Article) {
	x := sharedExtractor(b)
	ctx := context.Background()
	size := 0
	for _, a := range arts {
		size += len(a.Text)
	}
	b.SetBytes(int64(size))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, a := range arts {
			if _, err := x.Extract(ctx, a); err != nil {
				b.Fatal(err)
			}
		}
	}
}

func benchProse(b *testing.B, arts []graph.Article) {
	size := 0
	for _, a := range arts {
		size += len(a.Text)
	}
	b.SetBytes(int64(size))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, a := range arts {
			if _, err := prose.NewDocument(a.Text); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkExtract runs the whole pipeline over the dev corpus; compare
// with BenchmarkProseNewDocument (target: at most twice its time).
func BenchmarkExtract(b *testing.B) { benchExtract(b, devCorpus(b)) }

// BenchmarkProseNewDocument is prose's own NewDocument on the same texts.
func BenchmarkProseNewDocument(b *testing.B) { benchProse(b, devCorpus(b)) }

// BenchmarkExtractOwnText and BenchmarkProseNewDocumentOwnText are the same
// pair on an invented text, so they run without the corpus.
func BenchmarkExtractOwnText(b *testing.B) { benchExtract(b, ownArticles()) }

func BenchmarkProseNewDocumentOwnText(b *testing.B) { benchProse(b, ownArticles()) }

// BenchmarkNew measures loading lexicons and models.
func BenchmarkNew(b *testing.B) {
	for i := 0; i < b.N; i++ {
		if _, err := extractNew(); err != nil {
			b.Fatal(err)
		}
	}
}
