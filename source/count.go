package source

import (
	"bufio"
	"bytes"
	"context"
	"io"
	"io/fs"
	"strings"
)

// Count estimates how many items Read will give for paths, articles and
// bad inputs alike, without reading them as articles, so a progress display
// can show how far along a long ingest is: a JSONL file counts its
// non-blank lines, any other file one. ok is false when the number cannot
// be known cheaply, as for a Telegram export, whose messages only a full
// decoding tells apart from service notices. Count is fast (it only scans
// for line ends) but reads every JSONL file once more.
func Count(ctx context.Context, paths []string) (n int, ok bool) {
	r := reader{ctx: ctx}
	ok = true
	for _, p := range paths {
		if ctx.Err() != nil {
			return n, false
		}
		info, err := r.stat(p)
		if err != nil || !info.IsDir() {
			c, cok := r.countFile(p)
			n, ok = n+c, ok && cok
			continue
		}
		r.walk(p, func(path string, d fs.DirEntry, err error) error {
			switch {
			case ctx.Err() != nil:
				ok = false
				return fs.SkipAll
			case err != nil:
				n++
				if d != nil && d.IsDir() {
					return fs.SkipDir
				}
				return nil
			case path != p && strings.HasPrefix(d.Name(), "."):
				if d.IsDir() {
					return fs.SkipDir
				}
				return nil
			case d.IsDir() || kindOf(path) == "":
				return nil
			}
			c, cok := r.countFile(path)
			n, ok = n+c, ok && cok
			return nil
		})
	}
	return n, ok
}

// countFile counts the items of one file, as Count does.
func (r *reader) countFile(p string) (int, bool) {
	switch kindOf(p) {
	case kindJSONL:
		return r.countLines(p), true
	case kindJSON:
		return 1, !r.sniffTelegram(p)
	}
	return 1, true
}

// countLines counts the non-blank lines of a file; an unreadable or empty
// one is one bad input.
func (r *reader) countLines(p string) int {
	f, err := r.open(p)
	if err != nil {
		return 1
	}
	defer f.Close()
	br := bufio.NewReaderSize(f, 64<<10)
	if head, _ := br.Peek(sniffBytes); binaryReason(head) != "" {
		return 1 // Read refuses the whole file at once
	}
	n, blank := 0, true
	for {
		chunk, err := br.ReadSlice('\n')
		if len(bytes.TrimSpace(chunk)) > 0 {
			blank = false
		}
		if len(chunk) > 0 && chunk[len(chunk)-1] == '\n' || (err == io.EOF && len(chunk) > 0) {
			if !blank {
				n++
			}
			blank = true
		}
		if err != nil && err != bufio.ErrBufferFull {
			break
		}
	}
	return max(n, 1)
}
