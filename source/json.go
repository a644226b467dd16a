package source

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/actorgraph/actorgraph/graph"
)

// errTooLong marks a JSONL line over MaxLineBytes.
var errTooLong = errors.New("line too long")

// articleJSON is the input object. Text is a pointer to tell a missing text
// from an empty one in messages; keys not listed (such as a gold corpus's
// "gold") are ignored.
type articleJSON struct {
	ID        string  `json:"id"`
	URL       string  `json:"url"`
	Title     string  `json:"title"`
	Source    string  `json:"source"`
	Published string  `json:"published"`
	Text      *string `json:"text"`
}

// jsonFile reads a .json file holding one article object.
func (r *reader) jsonFile(p string) error {
	b, gerr := r.readCapped(p)
	if gerr != nil {
		return r.fail(p, gerr)
	}
	if gerr := checkText(p, b); gerr != nil {
		return r.fail(p, gerr)
	}
	a, gerr := decodeArticle(p, b, true)
	if gerr != nil {
		return r.fail(p, gerr)
	}
	if a.ID == "" {
		a.ID = baseID(p)
	}
	return r.emit(Item{Origin: p, Article: a})
}

// jsonlFile reads a .jsonl file one line at a time, each a whole article
// object; blank lines are skipped. Memory is bounded by MaxLineBytes: a
// longer line is skipped with an error and reading goes on after it.
func (r *reader) jsonlFile(p string) error {
	f, err := r.open(p)
	if err != nil {
		return r.fail(p, statError(p, err))
	}
	defer f.Close()
	br := bufio.NewReaderSize(f, 64<<10)
	head, _ := br.Peek(sniffBytes)
	if why := binaryReason(head); why != "" {
		return r.fail(p, graph.Errorf(graph.EINVALID, "%s: looks like a binary file (%s), not text", p, why))
	}
	if len(head) >= len(bom) && bytes.Equal(head[:len(bom)], bom) {
		br.Discard(len(bom))
	}
	var buf []byte
	seen := false
	for n := 1; ; n++ {
		line, err := readLine(br, buf[:0])
		buf = line[:0]
		origin := p + ":" + strconv.Itoa(n)
		switch {
		case errors.Is(err, errTooLong):
			seen = true
			if ferr := r.fail(origin, graph.Errorf(graph.ETOOLARGE, "%s: line is longer than %d MiB, the limit for one article", origin, MaxLineBytes>>20)); ferr != nil {
				return ferr
			}
			continue
		case err != nil && err != io.EOF:
			return r.fail(origin, graph.Wrap(graph.EINVALID, err, "%s: cannot read", origin))
		}
		if len(bytes.TrimSpace(line)) > 0 {
			seen = true
			if ferr := r.jsonLine(p, n, origin, line); ferr != nil {
				return ferr
			}
		}
		if err == io.EOF {
			break
		}
	}
	if !seen {
		return r.fail(p, graph.Errorf(graph.EINVALID, "%s: file is empty", p))
	}
	return nil
}

// jsonLine reads line n of a JSONL file. A line without an id gets the file's
// base name and the line number, which is stable as long as the file is.
func (r *reader) jsonLine(p string, n int, origin string, line []byte) error {
	if why := binaryReason(line); why != "" {
		return r.fail(origin, graph.Errorf(graph.EINVALID, "%s: line is not text (%s)", origin, why))
	}
	if off := invalidUTF8(line); off >= 0 {
		return r.fail(origin, graph.Errorf(graph.EINVALID, "%s: line is not valid UTF-8 (bad byte 0x%02x at column %d)", origin, line[off], off+1))
	}
	a, gerr := decodeArticle(origin, line, false)
	if gerr != nil {
		return r.fail(origin, gerr)
	}
	if a.ID == "" {
		a.ID = baseID(p) + "-" + strconv.Itoa(n)
	}
	return r.emit(Item{Origin: origin, Article: a})
}

// readLine reads one line into buf without its line end. A line over
// MaxLineBytes is consumed to its end but not kept, and errTooLong
// returned. At the end of the input it returns the last line and io.EOF.
func readLine(br *bufio.Reader, buf []byte) ([]byte, error) {
	tooLong := false
	for {
		chunk, err := br.ReadSlice('\n')
		if !tooLong {
			if len(buf)+len(chunk) > MaxLineBytes+2 { // room for "\r\n"
				tooLong, buf = true, buf[:0]
			} else {
				buf = append(buf, chunk...)
			}
		}
		switch err {
		case bufio.ErrBufferFull:
			continue
		case nil:
			if tooLong {
				return buf, errTooLong
			}
			buf = bytes.TrimSuffix(bytes.TrimSuffix(buf, []byte("\n")), []byte("\r"))
			if len(buf) > MaxLineBytes {
				return buf[:0], errTooLong
			}
			return buf, nil
		default:
			if tooLong {
				// The last line was too long; report it, and the caller's
				// next read sees EOF on an empty line.
				return buf, errTooLong
			}
			if len(buf) > MaxLineBytes {
				return buf[:0], errTooLong
			}
			return buf, err
		}
	}
}

// decodeArticle decodes one article object. what names the input in
// messages; whole says it is a whole file, so syntax errors give a line and
// column rather than a column alone.
func decodeArticle(what string, b []byte, whole bool) (graph.Article, *graph.Error) {
	bad := func(format string, args ...any) (graph.Article, *graph.Error) {
		return graph.Article{}, graph.Errorf(graph.EINVALID, "%s: %s", what, fmt.Sprintf(format, args...))
	}
	trimmed := bytes.TrimSpace(b)
	if len(trimmed) > 0 && trimmed[0] != '{' {
		return bad("want a JSON object holding one article, found %s", jsonKind(trimmed[0]))
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	var in articleJSON
	if err := dec.Decode(&in); err != nil {
		return bad("%s", jsonProblem(err, b, whole))
	}
	if rest := bytes.TrimSpace(b[dec.InputOffset():]); len(rest) > 0 {
		if whole {
			return bad("holds more than one JSON value (for one article per line, name the file .jsonl)")
		}
		return bad("malformed JSON: unexpected data after the article object at column %d", int(dec.InputOffset())+1+bytes.Index(b[dec.InputOffset():], rest[:1]))
	}
	if in.Text == nil {
		return bad("article has no \"text\"")
	}
	if strings.TrimSpace(*in.Text) == "" {
		return bad("article \"text\" is empty")
	}
	published, err := normalizeDate(in.Published)
	if err != nil {
		return bad("%v", err)
	}
	return graph.Article{
		ID:        strings.TrimSpace(in.ID),
		URL:       strings.TrimSpace(in.URL),
		Title:     strings.TrimSpace(in.Title),
		Source:    strings.TrimSpace(in.Source),
		Published: published,
		Text:      *in.Text,
	}, nil
}

// jsonKind names the JSON value starting with c, for messages.
func jsonKind(c byte) string {
	switch {
	case c == '[':
		return "an array"
	case c == '{':
		return "an object"
	case c == '"':
		return "a string"
	case c == '-' || ('0' <= c && c <= '9'):
		return "a number"
	case c == 't' || c == 'f':
		return "a boolean"
	case c == 'n':
		return "null"
	}
	return fmt.Sprintf("%q, which is not JSON", c)
}

// jsonProblem rewords a decoding error with where it happened and, for a
// field of the wrong type, which field.
func jsonProblem(err error, b []byte, whole bool) string {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		return "malformed JSON at " + position(b, syn.Offset, whole) + ": " + syn.Error()
	case errors.As(err, &typ):
		return fmt.Sprintf("field %q must be a string, not a JSON %s", typ.Field, typ.Value)
	case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		return "malformed JSON: the object is cut off before its end"
	}
	return "malformed JSON: " + err.Error()
}

// position turns a byte offset into "line L, column C" (or "column C" for a
// single line), counting from 1.
func position(b []byte, off int64, whole bool) string {
	off = min(max(off, 0), int64(len(b)))
	if !whole {
		return fmt.Sprintf("column %d", off)
	}
	before := b[:off]
	line := bytes.Count(before, []byte("\n")) + 1
	col := int(off) - (bytes.LastIndexByte(before, '\n') + 1)
	return fmt.Sprintf("line %d, column %d", line, col)
}
