package source_test

import (
	"os"
	"strings"
	"testing"

	"github.com/actorgraph/actorgraph/graph"
	"github.com/actorgraph/actorgraph/source"
)

func TestReadHTML(t *testing.T) {
	items := readAll(t, td("web", "article.html"))
	if len(items) != 1 || items[0].Err != nil {
		t.Fatalf("items = %+v, want one article", items)
	}
	a := items[0].Article
	want := graph.Article{
		ID:        "article",
		URL:       "https://courier.example.org/2025/04/harbour-talks",
		Title:     "Valdoria and Ostrand reopen harbour talks",
		Source:    "Port Elm Courier",
		Author:    "Mira Tollan",
		Published: "2025-04-08",
	}
	got := a
	got.Text = ""
	if got != want {
		t.Errorf("metadata\n got %+v\nwant %+v", got, want)
	}
	// Blocks stay apart: the headline does not run into the first
	// sentence, and each paragraph ends where the page ended it.
	if !strings.HasPrefix(a.Text, "Valdoria and Ostrand reopen harbour talks\n\nThe foreign ministers") ||
		!strings.Contains(a.Text, "fishing rights.\n\nValdorian Foreign Minister") {
		t.Errorf("text lost its paragraph breaks:\n%q", a.Text)
	}
	for _, in := range []string{"met in Port Elm on Monday", "Teodor Brask, thanked", "customs inspections"} {
		if !strings.Contains(a.Text, in) {
			t.Errorf("text lacks %q:\n%s", in, a.Text)
		}
	}
	for _, out := range []string{"Sign in", "Most read", "Local team wins", "All rights reserved"} {
		if strings.Contains(a.Text, out) {
			t.Errorf("text keeps page furniture %q:\n%s", out, a.Text)
		}
	}
}

func TestFromHTML(t *testing.T) {
	page, err := os.ReadFile(td("web", "article.html"))
	if err != nil {
		t.Fatal(err)
	}
	latin1 := []byte("<html><head><title>Caf\xe9</title></head><body><article><p>" +
		strings.Repeat("The minister of R\xe9gion Nord visited the harbour and spoke with the workers there about wages. ", 6) +
		"</p></article></body></html>")
	tests := []struct {
		name, page, contentType, url string
		code                         string
		wantURL, wantSource, inText  string
	}{
		{name: "fetched URL wins over canonical", page: string(page), url: "https://mirror.example.com/x",
			wantURL: "https://mirror.example.com/x", wantSource: "Port Elm Courier", inText: "shipping lanes"},
		{name: "charset from Content-Type", page: string(latin1), contentType: "text/html; charset=iso-8859-1", url: "https://www.example.net/n",
			wantURL: "https://www.example.net/n", wantSource: "example.net", inText: "Région Nord"},
		{name: "no article body", page: "<html><body><nav><a href=/>Home</a></nav></body></html>", code: graph.EINVALID},
		{name: "not HTML at all", page: "\x00\x01\x02", code: graph.EINVALID},
		{name: "more text than any article", page: "<html><body><article>" +
			strings.Repeat("<p>"+strings.Repeat("The council sat late again and the clerk read the long list of motions. ", 20)+"</p>\n", source.MaxPageText/1400+1) +
			"</article></body></html>", code: graph.ETOOLARGE},
		{name: "megabytes of script around a short article", page: "<html><head><script>var state = \"" +
			strings.Repeat("x", 2*source.MaxPageText) + "\";</script><style>" + strings.Repeat("p{}", source.MaxPageText/3) +
			"</style></head><body><article><p>" + strings.Repeat("The envoy crossed the border at dawn and met the governor before noon. ", 5) +
			"</p></article></body></html>", url: "https://news.example.org/a", wantURL: "https://news.example.org/a", wantSource: "news.example.org", inText: "met the governor"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := source.FromHTML("page", []byte(tt.page), tt.contentType, tt.url)
			if tt.code != "" {
				if graph.ErrorCode(err) != tt.code || !strings.Contains(graph.ErrorMessage(err), "page") {
					t.Fatalf("FromHTML = %v, want %s naming the input", err, tt.code)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if a.URL != tt.wantURL || a.Source != tt.wantSource || !strings.Contains(a.Text, tt.inText) {
				t.Errorf("got URL %q source %q text %q; want %q, %q, containing %q", a.URL, a.Source, a.Text, tt.wantURL, tt.wantSource, tt.inText)
			}
		})
	}
}

func TestReadHTMLWithoutArticle(t *testing.T) {
	items := readAll(t, td("web"))
	var bad []source.Item
	for _, it := range items {
		if it.Err != nil {
			bad = append(bad, it)
		}
	}
	if len(items) != 2 || len(bad) != 1 {
		t.Fatalf("read %d items with %d errors, want 2 with 1", len(items), len(bad))
	}
	msg := graph.ErrorMessage(bad[0].Err)
	if !strings.Contains(msg, "no-article.html") || !strings.Contains(msg, "no article text") {
		t.Errorf("error %q should name the file and say it has no article text", msg)
	}
}

func TestFromHTMLBlocks(t *testing.T) {
	filler := strings.Repeat("The delegations met again in the afternoon and agreed on a timetable. ", 4)
	page := `<html><body><article><h2>Talks resume</h2>
<p>The envoy arrived <b>early</b> on Monday<br>and met the minister.</p>
<ul><li>First, shipping.</li><li>Second, customs.</li></ul>
<blockquote>We are ready, the minister said.</blockquote>
<p>` + filler + `</p></article></body></html>`
	a, err := source.FromHTML("page", []byte(page), "", "")
	if err != nil {
		t.Fatal(err)
	}
	want := "Talks resume\n\nThe envoy arrived early on Monday\nand met the minister.\n\nFirst, shipping.\n\nSecond, customs.\n\n" +
		"We are ready, the minister said.\n\n" + strings.TrimSpace(filler)
	if a.Text != want {
		t.Errorf("text\n got %q\nwant %q", a.Text, want)
	}
}
