package api_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/actorgraph/actorgraph/api"
	"github.com/actorgraph/actorgraph/graph/sqlitestore"
)

// webDir writes a small built page: index.html, a script, a source map and
// a directory under assets/, next to a file outside the web directory that
// must never be served.
func webDir(t *testing.T) string {
	t.Helper()
	root := t.TempDir()
	dist := filepath.Join(root, "dist")
	files := map[string]string{
		"secret.txt":                 "outside the web directory",
		"dist/index.html":            "<!doctype html><title>the page</title>",
		"dist/assets/main.js":        "console.log('page script')",
		"dist/assets/main.js.map":    `{"version":3}`,
		"dist/assets/nested/a.css":   "body{}",
		"dist/assets/main.js.LEGAL":  "licences",
		"dist/not-an-asset-root.txt": "only under assets/ is served",
	}
	for name, body := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink(filepath.Join(root, "secret.txt"), filepath.Join(dist, "assets", "escape.txt")); err != nil {
		t.Fatal(err)
	}
	return dist
}

func webServer(t *testing.T, dir string) http.Handler {
	t.Helper()
	st, err := sqlitestore.Open(context.Background(), filepath.Join(t.TempDir(), "graph.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return (&api.Server{Store: st, WebDir: dir}).Handler()
}

func TestWebPage(t *testing.T) {
	h := webServer(t, webDir(t))
	tests := []struct {
		name, method, target string
		status               int
		contentType          string // prefix
		body                 string // substring; "" checks nothing
	}{
		{"Index", "GET", "/", 200, "text/html", "<title>the page</title>"},
		{"IndexHead", "HEAD", "/", 200, "text/html", ""},
		{"IndexWithQuery", "GET", "/?utm=x", 200, "text/html", "<title>the page</title>"},
		{"Script", "GET", "/assets/main.js", 200, "text/javascript", "page script"},
		{"SourceMap", "GET", "/assets/main.js.map", 200, "application/json", `"version":3`},
		{"Nested", "GET", "/assets/nested/a.css", 200, "text/css", "body{}"},
		{"ScriptHead", "HEAD", "/assets/main.js", 200, "text/javascript", ""},
		{"MissingAsset", "GET", "/assets/nope.js", 404, "application/problem+json", "no such asset"},
		{"AssetsDirectory", "GET", "/assets/", 404, "application/problem+json", "no such asset"},
		{"NestedDirectory", "GET", "/assets/nested", 404, "application/problem+json", "no such asset"},
		{"DotDot", "GET", "/assets/../index.html", 404, "application/problem+json", ""},
		{"EncodedDotDot", "GET", "/assets/%2e%2e/%2e%2e/secret.txt", 404, "application/problem+json", ""},
		{"OutsideAssets", "GET", "/not-an-asset-root.txt", 404, "application/problem+json", "no such endpoint"},
		{"Post", "POST", "/", 405, "application/problem+json", "method_not_allowed"},
		{"APIStillThere", "GET", "/healthz", 200, "application/json", `"status":"ok"`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := httptest.NewRequest(tc.method, tc.target, nil)
			w := httptest.NewRecorder()
			h.ServeHTTP(w, r)
			if w.Code != tc.status {
				t.Fatalf("%s %s: status %d, want %d; body %s", tc.method, tc.target, w.Code, tc.status, w.Body)
			}
			if ct := w.Header().Get("Content-Type"); !strings.HasPrefix(ct, tc.contentType) {
				t.Errorf("Content-Type %q, want %s…", ct, tc.contentType)
			}
			if tc.body != "" && !strings.Contains(w.Body.String(), tc.body) {
				t.Errorf("body %q does not contain %q", w.Body, tc.body)
			}
			if tc.method == "HEAD" && w.Body.Len() != 0 {
				t.Errorf("HEAD answered a body of %d bytes", w.Body.Len())
			}
			if strings.Contains(w.Body.String(), "outside the web directory") {
				t.Errorf("served a file from outside the web directory")
			}
			if tc.status == 200 && tc.target != "/healthz" {
				if got := w.Header().Get("X-Content-Type-Options"); got != "nosniff" {
					t.Errorf("X-Content-Type-Options %q, want nosniff", got)
				}
				if got := w.Header().Get("Cache-Control"); got != "no-cache" {
					t.Errorf("Cache-Control %q, want no-cache so that a rebuild shows", got)
				}
			}
		})
	}

	t.Run("IndexPolicy", func(t *testing.T) {
		w := httptest.NewRecorder()
		h.ServeHTTP(w, httptest.NewRequest("GET", "/", nil))
		csp := w.Header().Get("Content-Security-Policy")
		for _, want := range []string{"script-src 'self'", "connect-src 'self'", "frame-ancestors 'none'"} {
			if !strings.Contains(csp, want) {
				t.Errorf("Content-Security-Policy %q lacks %q", csp, want)
			}
		}
		if strings.Contains(csp, "script-src 'self' 'unsafe-inline'") {
			t.Errorf("Content-Security-Policy %q allows inline scripts", csp)
		}
	})

	t.Run("SymlinkOutOfTheDirectory", func(t *testing.T) {
		w := httptest.NewRecorder()
		h.ServeHTTP(w, httptest.NewRequest("GET", "/assets/escape.txt", nil))
		if w.Code == http.StatusOK || strings.Contains(w.Body.String(), "outside the web directory") {
			t.Fatalf("a link out of the web directory was followed: status %d body %s", w.Code, w.Body)
		}
	})

	t.Run("Conditional", func(t *testing.T) {
		w := httptest.NewRecorder()
		h.ServeHTTP(w, httptest.NewRequest("GET", "/assets/main.js", nil))
		lm := w.Header().Get("Last-Modified")
		if lm == "" {
			t.Fatalf("no Last-Modified on an asset")
		}
		r := httptest.NewRequest("GET", "/assets/main.js", nil)
		r.Header.Set("If-Modified-Since", lm)
		w = httptest.NewRecorder()
		h.ServeHTTP(w, r)
		if w.Code != http.StatusNotModified {
			t.Errorf("revalidation answered %d, want 304", w.Code)
		}
	})
}

func TestWebPageNotBuilt(t *testing.T) {
	for _, tc := range []struct {
		name, dir string
	}{
		{"MissingDirectory", filepath.Join(t.TempDir(), "dist")},
		{"EmptyDirectory", t.TempDir()},
		// The tests run in api/, where there is no web/dist: the default
		// directory is not built either.
		{"Default", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := webServer(t, tc.dir)
			w := httptest.NewRecorder()
			h.ServeHTTP(w, httptest.NewRequest("GET", "/", nil))
			if w.Code != http.StatusNotFound {
				t.Errorf("status %d, want 404", w.Code)
			}
			if ct := w.Header().Get("Content-Type"); !strings.HasPrefix(ct, "text/html") {
				t.Errorf("Content-Type %q, want an HTML page for the browser", ct)
			}
			if body := w.Body.String(); !strings.Contains(body, "cd web &amp;&amp; npm ci &amp;&amp; npm run build") {
				t.Errorf("the page does not say how to build the assets: %s", body)
			}

			w = httptest.NewRecorder()
			h.ServeHTTP(w, httptest.NewRequest("GET", "/assets/main.js", nil))
			if w.Code != http.StatusNotFound {
				t.Errorf("asset of an unbuilt page: status %d, want 404", w.Code)
			}

			w = httptest.NewRecorder()
			h.ServeHTTP(w, httptest.NewRequest("GET", "/v1/entities?q=alpha", nil))
			if w.Code != http.StatusOK || !strings.Contains(w.Body.String(), `"entities"`) {
				t.Errorf("the API with no page: status %d body %s, want 200 with entities", w.Code, w.Body)
			}
		})
	}
}
