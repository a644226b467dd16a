package source

import (
	"bytes"
	"io"
	"unicode/utf8"

	"github.com/actorgraph/actorgraph/graph"
)

// sniffBytes is how much of an input is looked at to tell text from binary,
// as git and file(1) do.
const sniffBytes = 8 << 10

// bom is the UTF-8 byte order mark some editors put first; it is not text.
var bom = []byte("\uFEFF")

// readCapped reads a whole file of at most MaxLineBytes.
func (r *reader) readCapped(p string) ([]byte, *graph.Error) {
	f, err := r.open(p)
	if err != nil {
		return nil, statError(p, err)
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, MaxLineBytes+1))
	if err != nil {
		return nil, graph.Wrap(graph.EINVALID, err, "%s: cannot read", p)
	}
	if len(b) > MaxLineBytes {
		return nil, graph.Errorf(graph.ETOOLARGE, "%s: file is larger than %d MiB, the limit for one article", p, MaxLineBytes>>20)
	}
	return bytes.TrimPrefix(b, bom), nil
}

// checkText says what keeps b from being an article's text: nothing but
// white space, binary content, or bytes that are not UTF-8. what names the
// input in the message ("a.txt", "b.jsonl:3").
func checkText(what string, b []byte) *graph.Error {
	if len(bytes.TrimSpace(b)) == 0 {
		return graph.Errorf(graph.EINVALID, "%s: file is empty", what)
	}
	if why := binaryReason(b); why != "" {
		return graph.Errorf(graph.EINVALID, "%s: looks like a binary file (%s), not text", what, why)
	}
	if off := invalidUTF8(b); off >= 0 {
		return graph.Errorf(graph.EINVALID, "%s: text is not valid UTF-8 (bad byte 0x%02x at offset %d); convert it to UTF-8 first", what, b[off], off)
	}
	return nil
}

// binaryReason says why b looks binary, or "" when it looks like text: a NUL
// byte anywhere, or mostly control characters in its first sniffBytes.
func binaryReason(b []byte) string {
	if bytes.IndexByte(b, 0) >= 0 {
		return "it contains NUL bytes"
	}
	sample := b[:min(len(b), sniffBytes)]
	ctl := 0
	for _, c := range sample {
		if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v') || c == 0x7f {
			ctl++
		}
	}
	// Text has almost no control characters; a tenth is far beyond any
	// stray escape sequence.
	if len(sample) > 0 && ctl*10 > len(sample) {
		return "it is mostly control characters"
	}
	return ""
}

// invalidUTF8 returns the offset of the first byte that is not part of a
// valid UTF-8 sequence, or -1.
func invalidUTF8(b []byte) int {
	if utf8.Valid(b) {
		return -1
	}
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return -1
}
