package api

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/actorgraph/actorgraph/graph"
	"github.com/gin-gonic/gin"
)

// articleRequest is the body of POST /v1/articles. Fields the API does not
// know (a corpus file's "gold", say) are ignored, so a corpus file can be
// posted as it is.
type articleRequest struct {
	ID        string `json:"id"`
	URL       string `json:"url"`
	Title     string `json:"title"`
	Source    string `json:"source"`
	Published string `json:"published"`
	Text      string `json:"text"`
}

// ArticleResponse answers POST /v1/articles: what the store did with the
// article and what was read from it.
type ArticleResponse struct {
	Result     graph.IngestResult `json:"result"`
	Report     graph.IngestReport `json:"report"`
	Extraction ExtractionSummary  `json:"extraction"`
}

// ExtractionSummary says what the extractor read from a posted article,
// with entity ids as stored.
type ExtractionSummary struct {
	Entities       []EntityRef                `json:"entities"`
	Relations      int                        `json:"relations"`
	RelationCounts map[graph.RelationType]int `json:"relation_counts"`
}

// EntityRef names an entity without its counts, for lookups and summaries.
type EntityRef struct {
	ID      string           `json:"id"`
	Name    string           `json:"name"`
	Type    graph.EntityType `json:"type"`
	Aliases []string         `json:"aliases"`
}

// postArticle answers POST /v1/articles: 201 when the article is new, 200
// when it was stored already (unchanged, or replaced by the new text).
func (s *Server) postArticle(c *gin.Context) {
	if s.Extractor == nil {
		s.fail(c, graph.Errorf(graph.EUNAVAILABLE, "this server has no extractor; it does not ingest articles"))
		return
	}
	a, err := s.readArticle(c.Request)
	if err != nil {
		s.fail(c, err)
		return
	}
	ctx := c.Request.Context()
	x, err := s.Extractor.Extract(ctx, a)
	if err != nil {
		s.fail(c, err)
		return
	}
	report, err := s.Store.Ingest(ctx, []graph.Extraction{x})
	if err != nil {
		s.fail(c, err)
		return
	}
	if len(report.Results) != 1 {
		s.fail(c, graph.Errorf(graph.EINTERNAL, "store reported %d results for one article", len(report.Results)))
		return
	}
	res := report.Results[0]
	status := http.StatusOK
	switch res.Status {
	case graph.IngestNew:
		status = http.StatusCreated
	case graph.IngestFailed:
		// The store's per-article message may come from a driver, so it is
		// logged, not shown.
		s.fail(c, graph.Errorf(graph.EINTERNAL, "ingest failed: %s", res.Error))
		return
	}
	writeJSON(c, status, ArticleResponse{Result: res, Report: report, Extraction: summarize(x, res.EntityIDs)})
}

// readArticle decodes and checks the body. Every way a body can be wrong is
// the client's: 400, or 413 when it is too long.
func (s *Server) readArticle(r *http.Request) (graph.Article, error) {
	body, err := io.ReadAll(r.Body)
	if err != nil {
		var tooLarge *http.MaxBytesError
		if errors.As(err, &tooLarge) {
			return graph.Article{}, graph.Errorf(graph.ETOOLARGE, "request body is over the limit of %d bytes", tooLarge.Limit)
		}
		return graph.Article{}, graph.Wrap(graph.EINVALID, err, "the request body could not be read")
	}
	if ct := r.Header.Get("Content-Type"); ct != "" && !isJSON(ct) {
		return graph.Article{}, graph.Errorf(graph.EINVALID, "Content-Type %q is not JSON; send application/json", ct)
	}
	// encoding/json would replace invalid UTF-8 silently, and offsets into
	// the text would then point at other bytes than the client sent.
	if !utf8.Valid(body) {
		return graph.Article{}, graph.Errorf(graph.EINVALID, "the body is not valid UTF-8")
	}
	var req articleRequest
	dec := json.NewDecoder(bytes.NewReader(body))
	if err := dec.Decode(&req); err != nil {
		return graph.Article{}, graph.Wrap(graph.EINVALID, err, "the body is not a JSON article object: %s", jsonProblem(err))
	}
	if dec.More() {
		return graph.Article{}, graph.Errorf(graph.EINVALID, "the body holds more than one JSON value; post one article at a time")
	}
	if err := checkFieldCase(body); err != nil {
		return graph.Article{}, err
	}
	if strings.TrimSpace(req.Text) == "" {
		return graph.Article{}, graph.Errorf(graph.EINVALID, "the article has no text")
	}
	published, err := parsePublished(req.Published)
	if err != nil {
		return graph.Article{}, err
	}
	return graph.Article{
		ID:        strings.TrimSpace(req.ID),
		URL:       strings.TrimSpace(req.URL),
		Title:     req.Title,
		Source:    req.Source,
		Published: published,
		Text:      req.Text,
		Hash:      graph.TextHash(req.Text),
	}, nil
}

// articleFields are the body's known keys, exactly as spelt.
var articleFields = []string{"id", "url", "title", "source", "published", "text"}

// checkFieldCase refuses a key that is a known field in another letter
// case ("Text"). encoding/json would take it for the field, but the API's
// description says the keys are lower-case, and a client sending "Text"
// should learn that rather than have it work here and fail elsewhere.
// Other unknown keys are still ignored.
func checkFieldCase(body []byte) error {
	var keys map[string]json.RawMessage
	if json.Unmarshal(body, &keys) != nil {
		return nil // not an object: the typed decode has said what is wrong
	}
	for k := range keys {
		for _, f := range articleFields {
			if k != f && strings.EqualFold(k, f) {
				return graph.Errorf(graph.EINVALID, "unknown field %q: the field is %q, in lower case", k, f)
			}
		}
	}
	return nil
}

// parsePublished accepts a calendar date or an RFC 3339 timestamp and keeps
// the date.
func parsePublished(s string) (string, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", nil
	}
	if t, err := time.Parse(time.DateOnly, s); err == nil {
		return t.Format(time.DateOnly), nil
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t.Format(time.DateOnly), nil
	}
	return "", graph.Errorf(graph.EINVALID, "published %q is not a date (YYYY-MM-DD or an RFC 3339 timestamp)", s)
}

func isJSON(contentType string) bool {
	mt, _, _ := strings.Cut(contentType, ";")
	mt = strings.ToLower(strings.TrimSpace(mt))
	return mt == "application/json" || strings.HasSuffix(mt, "+json")
}

// jsonProblem says what is wrong with a body in words a client can act on,
// without Go type names.
func jsonProblem(err error) string {
	var syntax *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.Is(err, io.EOF):
		return "it is empty"
	case errors.Is(err, io.ErrUnexpectedEOF):
		return "it ends in the middle of a value"
	case errors.As(err, &syntax):
		return "syntax error at byte " + strconv.FormatInt(syntax.Offset, 10)
	case errors.As(err, &typ):
		if typ.Field == "" {
			return "want a JSON object, got " + typ.Value
		}
		return "field " + typ.Field + " must be a " + typ.Type.Kind().String() + ", got " + typ.Value
	}
	return "it cannot be decoded"
}

// summarize lists what an extraction holds, with the stored ids the store
// gave its entities.
func summarize(x graph.Extraction, ids map[string]string) ExtractionSummary {
	sum := ExtractionSummary{
		Entities:       make([]EntityRef, 0, len(x.Entities)),
		Relations:      len(x.Relations),
		RelationCounts: map[graph.RelationType]int{},
	}
	for _, e := range x.Entities {
		id := e.ID
		if stored, ok := ids[e.ID]; ok {
			id = stored
		}
		sum.Entities = append(sum.Entities, ref(graph.Entity{ID: id, Name: e.Name, Type: e.Type, Aliases: e.Aliases}))
	}
	sort.Slice(sum.Entities, func(i, j int) bool { return sum.Entities[i].ID < sum.Entities[j].ID })
	for _, r := range x.Relations {
		sum.RelationCounts[r.Type]++
	}
	return sum
}

// ref shortens an entity to what a lookup needs.
func ref(e graph.Entity) EntityRef {
	aliases := e.Aliases
	if aliases == nil {
		aliases = []string{}
	}
	return EntityRef{ID: e.ID, Name: e.Name, Type: e.Type, Aliases: aliases}
}
