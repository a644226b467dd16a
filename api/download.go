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

// streamedAnswer writes an export straight to the client, sending the
// headers with the first bytes; until then a failure can still be answered
// as a problem.
type streamedAnswer struct {
	c           *gin.Context
	contentType string
	filename    string
	started     bool
}

func (w *streamedAnswer) Write(b []byte) (int, error) {
	if !w.started {
		w.started = true
		h := w.c.Writer.Header()
		h.Set("Content-Type", w.contentType)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Content-Disposition", contentDisposition(w.filename))
		w.c.Status(http.StatusOK)
	}
	return w.c.Writer.Write(b)
}
