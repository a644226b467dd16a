package extract

import (
	"context"
	"strings"
	"testing"
)

func TestSplitDashes(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"report—widely", []string{"report", "—", "widely"}},
		{"1–2", []string{"1", "–", "2"}},
		{"—", []string{"—"}},
		{"Jazeera—claiming", []string{"Jazeera", "—", "claiming"}},
		{"plain", []string{"plain"}},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			var got []string
			for _, p := range splitDashes(tc.in, 10) {
				if tc.in[p.start-10:p.start-10+len(p.text)] != p.text {
					t.Errorf("piece %q at %d does not match the input", p.text, p.start)
				}
				got = append(got, p.text)
			}
			if strings.Join(got, "|") != strings.Join(tc.want, "|") {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func TestSplitEdges(t *testing.T) {
	tests := []struct {
		in   string
		want string
	}{
		{"Sea.", "Sea|."},
		{"Yi.", "Yi|."},
		{"Dr.", "Dr."},
		{"U.S.", "U.S."},
		{"News-", "News|-"},
		{"#Iran", "#|Iran"},
		{"@IRNA", "@|IRNA"},
		{"-", "-"},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			var got []string
			for _, p := range splitEdges([]piece{{tc.in, 0}}) {
				if tc.in[p.start:p.start+len(p.text)] != p.text {
					t.Errorf("piece %q at %d does not match", p.text, p.start)
				}
				got = append(got, p.text)
			}
			if g := strings.Join(got, "|"); g != tc.want {
				t.Errorf("got %q, want %q", g, tc.want)
			}
		})
	}
}

func TestParseSentencesAndTokens(t *testing.T) {
	tests := []struct {
		name      string
		text      string
		sentences int
		headlines int
		titleCase int
	}{
		{"headline then body", "Minister Denies Reports Of Secret Talks\n\nThe minister spoke. He left.", 3, 1, 1},
		{"line breaks cut sentences", "TEHRAN –\nOfficials met on Monday.", 2, 1, 0},
		{"empty", "", 0, 0, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d, err := parse(context.Background(), tc.text)
			if err != nil {
				t.Fatal(err)
			}
			if len(d.sents) != tc.sentences {
				t.Fatalf("%d sentences, want %d", len(d.sents), tc.sentences)
			}
			h, tcs := 0, 0
			for _, s := range d.sents {
				if strings.Contains(tc.text[s.start:s.end], "\n") {
					t.Errorf("sentence %q crosses a line", tc.text[s.start:s.end])
				}
				if s.headline {
					h++
				}
				if s.titleCase {
					tcs++
				}
			}
			if h != tc.headlines || tcs != tc.titleCase {
				t.Errorf("headlines %d, title-case %d; want %d, %d", h, tcs, tc.headlines, tc.titleCase)
			}
			for _, tk := range d.toks {
				if tc.text[tk.start:tk.end] != tk.text {
					t.Errorf("token %q at %d-%d does not match", tk.text, tk.start, tk.end)
				}
			}
		})
	}
}

func TestJoinInitials(t *testing.T) {
	d, err := parse(context.Background(), "Vice President J. D. Vance spoke.")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, tk := range d.toks {
		got = append(got, tk.text)
	}
	if g := strings.Join(got, " "); !strings.Contains(g, "J. D. Vance") {
		t.Errorf("tokens %q: initials not joined", g)
	}
}
