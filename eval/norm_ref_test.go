package eval

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// TestNormAgreesWithReference runs the reference scorer's norm() on names
// that stress Unicode handling and compares it with normName.
func TestNormAgreesWithReference(t *testing.T) {
	tools, err := filepath.Abs(filepath.Join("..", "..", "shared", "tools"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(tools, "score.py")); err != nil {
		t.Skipf("reference scorer not found (%v); skipping", err)
	}
	if _, err := exec.LookPath("python3"); err != nil {
		t.Skip("python3 not found; skipping")
	}
	names := []string{
		"Abbas Araghchi", "  The  Wall Street Journal ", "the the Hague", "Theodore", "the", "the ", " the x",
		"U.S.", "Al-Jazeera", "O\u2019Brien", "Straße", "ΣΊΣΥΦΟΣ", "Ｉｒａｎ", "ﬁnance", "ﬀ", "Ǆemal", "İstanbul",
		"nai\u0308ve", "naı\u0308ve", "Kayhan_Daily", "x\u00a0\u2003y\x1cz\x1f", "١٢٣ Ⅻ ½ ²", "日本 한국어",
		"क्षत्रिय", "עִברִית", "Ahmad\u200dShah", "café\u0301", "ǅ", "ΐ", "ẞ", "Ⓐⓑ", "x\u0085y\u2028z",
		"«Kayhan»", "Vahid\u00adOnline", "THE ISLAMIC REPUBLIC", "The\u00a0Kremlin", "", "---", "ℌ𝔢𝔩𝔩𝔬",
	}
	in, err := json.Marshal(names)
	if err != nil {
		t.Fatal(err)
	}
	script := "import json, sys; sys.path.insert(0, sys.argv[1]); import score; " +
		"print(json.dumps([score.norm(s) for s in json.load(sys.stdin)]))"
	cmd := exec.Command("python3", "-c", script, tools)
	cmd.Stdin = bytes.NewReader(in)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("python3: %v", err)
	}
	var want []string
	if err := json.Unmarshal(out, &want); err != nil {
		t.Fatal(err)
	}
	for i, s := range names {
		if got := normName(s); got != want[i] {
			t.Errorf("normName(%q) = %q, reference %q", s, got, want[i])
		}
	}
}
