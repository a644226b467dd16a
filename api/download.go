package api

import (
	"bytes"
	"mime"
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"
)

// downloadName is the file name an export is offered under: what it is,
// then the entities it is about, then the extension:
// "timeline-person-abbas-araghchi.csv". Ids are slugs already, so only
// their colon changes.
func downloadName(what, ext string, refs ...*EntityRef) string {
	parts := []string{what}
	for _, r := range refs {
		if r != nil {
			parts = append(parts, strings.ReplaceAll(r.ID, ":", "-"))
		}
	}
	return strings.Join(parts, "-") + ext
}

// contentDisposition offers a body as a file named name. mime encodes a
// name outside ASCII (ids keep letters of every script) as RFC 2231 asks.
func contentDisposition(name string) string {
	return mime.FormatMediaType("attachment", map[string]string{"filename": name})
}

// bufferedAnswer holds a body written by an export writer until it is
// complete, so that a writer's failure can still be answered as a problem.
type bufferedAnswer struct {
	bytes.Buffer
}

// send answers 200 with the buffered body.
func (b *bufferedAnswer) send(c *gin.Context, contentType, filename string) {
	h := c.Writer.Header()
	h.Set("Content-Type", contentType)
	h.Set("X-Content-Type-Options", "nosniff")
	if filename != "" {
		h.Set("Content-Disposition", contentDisposition(filename))
	}
	c.Status(http.StatusOK)
	_, _ = c.Writer.Write(b.Bytes())
}

// streamHold is how much of a streamed export is held back before the
// headers go out: a failure within it (the store failing while the writer
// has only written its preamble, or a small export) is still answered as
// a problem, and larger exports stream.
const streamHold = 64 << 10

// streamedAnswer writes an export to the client as it is produced,
// holding back the first streamHold bytes (see there).
type streamedAnswer struct {
	c           *gin.Context
	contentType string
	filename    string
	held        bytes.Buffer
	started     bool // headers and held bytes sent
}

func (w *streamedAnswer) Write(b []byte) (int, error) {
	if w.started {
		return w.c.Writer.Write(b)
	}
	w.held.Write(b)
	if w.held.Len() >= streamHold {
		if err := w.start(); err != nil {
			return 0, err
		}
	}
	return len(b), nil
}

// start sends the headers and what is held.
func (w *streamedAnswer) start() error {
	w.started = true
	h := w.c.Writer.Header()
	h.Set("Content-Type", w.contentType)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Content-Disposition", contentDisposition(w.filename))
	w.c.Status(http.StatusOK)
	_, err := w.c.Writer.Write(w.held.Bytes())
	w.held = bytes.Buffer{}
	return err
}

// finish sends whatever is still held, once the writer is done.
func (w *streamedAnswer) finish() {
	if !w.started {
		_ = w.start()
	}
}
