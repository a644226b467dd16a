package source

import "testing"

func TestNormalizeDate(t *testing.T) {
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"", "", true},
		{"  ", "", true},
		{"2025-03-12", "2025-03-12", true},
		{"2025-03-12T10:00:00Z", "2025-03-12", true},
		{"2025-03-12T23:30:00-05:00", "2025-03-12", true}, // the date as written, not shifted to UTC
		{"2025-03-12 10:00:00", "2025-03-12", true},
		{"March 12, 2025", "2025-03-12", true},
		{"12 March 2025", "2025-03-12", true},
		{"Wed, 12 Mar 2025 10:00:00 GMT", "2025-03-12", true},
		{"2025/03/12", "2025-03-12", true},
		{"2025-02-30", "", false},
		{"2025-13-01", "", false},
		{"03/04/2025", "", false},
		{"2025", "", false},
		{"2025-03", "", false},
		{"1741773600", "", false},
		{"yesterday", "", false},
		{"not a date", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := normalizeDate(tt.in)
			if (err == nil) != tt.ok || got != tt.want {
				t.Errorf("normalizeDate(%q) = %q, %v; want %q, ok=%v", tt.in, got, err, tt.want, tt.ok)
			}
		})
	}
}
