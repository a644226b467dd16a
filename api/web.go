package api

import (
	"errors"
	"html"
	"io/fs"
	"net/http"
	"os"
	"path"
	"strings"

	"github.com/actorgraph/actorgraph/graph"
	"github.com/gin-gonic/gin"
)

// DefaultWebDir is where the built web page is looked for when
// Server.WebDir is empty: web/dist under the working directory, which is
// where `npm run build` puts it in a checkout.
const DefaultWebDir = "web/dist"

// webBuildCommand is how the page is built, for the page that says it is
// not.
const webBuildCommand = "cd web && npm ci && npm run build"

// webCSP lets the page run only its own script and talk only to this
// server. Styles may be inline because the graph library sets its
// container's position with a style element; scripts may not.
const webCSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; " +
	"img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; " +
	"form-action 'self'; frame-ancestors 'none'"

// routeWeb mounts the web page: / answers its index.html and /assets/ its
// script and style sheet, read from disk at every request so that a
// rebuild shows without a restart. The build output is not in the
// repository, so it cannot be embedded in the binary.
func (s *Server) routeWeb(r *gin.Engine) {
	r.GET("/", s.webIndex)
	r.HEAD("/", s.webIndex)
	r.GET("/assets/*file", s.webAsset)
	r.HEAD("/assets/*file", s.webAsset)
}

func (s *Server) webDir() string {
	if s.WebDir == "" {
		return DefaultWebDir
	}
	return s.WebDir
}

// webIndex answers / with the page, or with how to build it.
func (s *Server) webIndex(c *gin.Context) {
	f, info, err := s.openWebFile("index.html")
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			s.webNotBuilt(c)
			return
		}
		s.fail(c, graph.Wrap(graph.EINTERNAL, err, "reading the web page"))
		return
	}
	defer f.Close()
	h := c.Writer.Header()
	h.Set("Content-Security-Policy", webCSP)
	h.Set("Referrer-Policy", "no-referrer")
	s.serveWebFile(c, "index.html", f, info)
}

// webAsset answers /assets/{file}. Names are cleaned of ".." and resolved
// inside the web directory only (os.Root), so a symbolic link that leads
// out of it is refused too.
func (s *Server) webAsset(c *gin.Context) {
	name := strings.TrimPrefix(path.Clean("/"+c.Param("file")), "/")
	if name == "" {
		s.fail(c, graph.Errorf(graph.ENOTFOUND, "no such asset: %s", c.Request.URL.Path))
		return
	}
	f, info, err := s.openWebFile(path.Join("assets", name))
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) || errors.Is(err, errNotAFile) {
			s.fail(c, graph.Errorf(graph.ENOTFOUND, "no such asset: %s", c.Request.URL.Path))
			return
		}
		s.fail(c, graph.Wrap(graph.EINTERNAL, err, "reading a web asset"))
		return
	}
	defer f.Close()
	if strings.HasSuffix(name, ".map") {
		c.Header("Content-Type", "application/json")
	}
	s.serveWebFile(c, name, f, info)
}

var errNotAFile = errors.New("not a regular file")

// openWebFile opens a regular file of the web directory.
func (s *Server) openWebFile(name string) (*os.File, fs.FileInfo, error) {
	root, err := os.OpenRoot(s.webDir())
	if err != nil {
		return nil, nil, err
	}
	defer root.Close()
	f, err := root.Open(name)
	if err != nil {
		return nil, nil, err
	}
	info, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	if !info.Mode().IsRegular() {
		f.Close()
		return nil, nil, errNotAFile
	}
	return f, info, nil
}

// serveWebFile answers with a file, conditional requests and ranges
// included. Browsers revalidate every time (no-cache), because the asset
// names do not change from one build to the next.
func (s *Server) serveWebFile(c *gin.Context, name string, f *os.File, info fs.FileInfo) {
	h := c.Writer.Header()
	h.Set("Cache-Control", "no-cache")
	h.Set("X-Content-Type-Options", "nosniff")
	http.ServeContent(c.Writer, c.Request, name, info.ModTime(), f)
}

// webNotBuilt answers / when the page's assets are missing: a short page
// saying how to build them. The API itself is unaffected.
func (s *Server) webNotBuilt(c *gin.Context) {
	c.Header("Content-Type", "text/html; charset=utf-8")
	c.Header("Cache-Control", "no-store")
	c.Header("X-Content-Type-Options", "nosniff")
	c.Header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
	c.Status(http.StatusNotFound)
	if c.Request.Method == http.MethodHead {
		return
	}
	_, _ = c.Writer.WriteString(notBuiltPage)
}

var notBuiltPage = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>actorgraph: web page not built</title>
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;line-height:1.5}code,pre{background:#f1f3f5;padding:.1rem .3rem}pre{padding:.6rem}</style></head>
<body>
<h1>The web page is not built</h1>
<p>This server answers the HTTP API (try <a href="/healthz">/healthz</a> or <a href="/v1/entities?q=">/v1/entities</a>),
but the assets of its web page are missing. Build them from the root of the repository with Node.js and npm:</p>
<pre><code>` + html.EscapeString(webBuildCommand) + `</code></pre>
<p>then reload this page. The server looks for them in <code>web/dist</code> under its working directory, unless told another directory.</p>
</body>
</html>
`
