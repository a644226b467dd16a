package source_test

import (
	"context"
	"testing"

	"github.com/actorgraph/actorgraph/source"
)

// TestCount checks the estimate against what Read really gives.
func TestCount(t *testing.T) {
	tests := []struct {
		name  string
		paths []string
		known bool
	}{
		{"good files", []string{td("ok")}, true},
		{"bad files", []string{td("bad")}, true},
		{"mixed lines", []string{td("mixed", "lines.jsonl")}, true},
		{"web pages", []string{td("web")}, true},
		{"missing file", []string{td("nope.json")}, true},
		{"telegram export", []string{td("telegram")}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n, ok := source.Count(context.Background(), tt.paths)
			if ok != tt.known {
				t.Fatalf("Count known = %v, want %v", ok, tt.known)
			}
			if !ok {
				return
			}
			if got := len(readAll(t, tt.paths...)); n != got {
				t.Errorf("Count = %d, Read gave %d items", n, got)
			}
		})
	}
}
