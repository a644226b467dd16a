package eval

import "testing"

func TestNormName(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Abbas Araghchi", "abbas araghchi"},
		{"  The  Wall Street Journal ", "wall street journal"},
		{"the the Hague", "the hague"}, // a leading "the" is dropped once
		{"Theodore", "theodore"},
		{"the", "the"},
		{"U.S.", "u s"},
		{"Al-Jazeera", "al jazeera"},
		{"O\u2019Brien", "o brien"},
		{"Straße", "strasse"},            // full case folding
		{"Ｉｒａｎ", "iran"},                 // NFKC folds full-width forms
		{"ﬁnance", "finance"},            // and ligatures
		{"Kayhan_Daily", "kayhan_daily"}, // "_" is a word character
		{"İstanbul", "i stanbul"},        // folding leaves a combining dot, which is not a word character
		{"naı\u0308ve", "naı ve"},        // a mark that does not compose splits the word
		{"x\u00a0\u2003y\x1cz", "x y z"}, // every kind of space
		{"١٢٣ Ⅻ", "١٢٣ xii"},             // numbers of any script
		{"", ""},
		{"---", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := normName(tt.in); got != tt.want {
				t.Errorf("normName(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestForms(t *testing.T) {
	f := forms("The Islamic Republic", []string{"Iran", "", "--", "IRAN"})
	if len(f) != 2 {
		t.Fatalf("forms = %v, want islamic republic and iran", f)
	}
	for _, k := range []string{"islamic republic", "iran"} {
		if _, ok := f[k]; !ok {
			t.Errorf("forms = %v, lacks %q", f, k)
		}
	}
}
