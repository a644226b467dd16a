package eval

import "testing"

func TestPyRepr(t *testing.T) {
	tests := []struct{ in, want string }{
		{"abc", `'abc'`},
		{"it's", `"it's"`},
		{`say "hi"`, `'say "hi"'`},
		{`it's "x"`, `'it\'s "x"'`},
		{`a\b`, `'a\\b'`},
		{"a\nb\tc", `'a\nb\tc'`},
		{"\x01", `'\x01'`},
		{"Ibáñez", `'Ibáñez'`},
		{"\u200b", `'\u200b'`},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := pyRepr(tt.in); got != tt.want {
				t.Errorf("pyRepr(%q) = %s, want %s", tt.in, got, tt.want)
			}
		})
	}
}
