package extract

import (
	"context"
	"fmt"
	"os"
	"testing"

	"github.com/actorgraph/actorgraph/graph"
)

func TestZZDebug(t *testing.T) {
	text := os.Getenv("DBG")
	if text == "" {
		t.Skip()
	}
	x, _ := New()
	d, _ := parse(context.Background(), text)
	sc := findMentions(d, x.lx)
	ents := resolve(sc)
	for _, tk := range d.toks {
		fmt.Printf("%s/%s ", tk.text, tk.tag)
	}
	fmt.Println()
	for _, m := range sc.ments {
		name := ""
		if m.ent >= 0 {
			name = ents[m.ent].name
		}
		fmt.Printf("M %q %s ent=%q used?\n", m.text, m.typ, name)
	}
	for _, ti := range sc.titles {
		fmt.Printf("T %q\n", ti.text)
	}
	out, _ := x.Extract(context.Background(), graph.Article{Text: text, Published: os.Getenv("PUB")})
	for _, r := range out.Relations {
		fmt.Printf("R %s %s %s via=%v date=%s %s role=%s\n", r.Type, r.Subject, r.Object, r.Via, r.Date, r.Polarity, r.Role)
	}
}
