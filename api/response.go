package api

import (
	"bytes"
	"encoding/json"
	"net/http"

	"github.com/gin-gonic/gin"
)

// writeJSON answers with v as application/json.
func writeJSON(c *gin.Context, status int, v any) {
	writeBody(c, status, "application/json", v)
}

// writeBody encodes v before writing anything, so a value that cannot be
// encoded becomes a clean 500 rather than half a body. HTML is not escaped:
// evidence sentences are text, and "&" should read as "&".
func writeBody(c *gin.Context, status int, contentType string, v any) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		c.Set(errorKey, err)
		status, contentType = http.StatusInternalServerError, "application/problem+json"
		buf.Reset()
		buf.WriteString(`{"type":"/problems/internal","title":"Internal error","status":500,"detail":"internal error","code":"internal"}` + "\n")
	}
	c.Header("Content-Type", contentType)
	c.Header("X-Content-Type-Options", "nosniff")
	c.Status(status)
	_, _ = c.Writer.Write(buf.Bytes())
}
