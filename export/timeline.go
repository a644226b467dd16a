package export

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"io"
	"strconv"
	"strings"

	"github.com/actorgraph/actorgraph/graph"
)

// Timeline is what a timeline export shows: edges in the order given
// (a store's Timeline answers oldest first) and how to name their
// entities.
type Timeline struct {
	// Title heads the TimelineJS3 title slide; other formats ignore it.
	Title string
	Edges []graph.Edge
	// Name returns the display name of an entity id; nil, or an empty
	// answer, shows the id itself.
	Name func(id string) string
}

func (t Timeline) name(id string) string {
	if t.Name != nil {
		if n := t.Name(id); n != "" {
			return n
		}
	}
	return id
}

func (t Timeline) names(ids []string) []string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = t.name(id)
	}
	return out
}

// WriteTimeline writes t to w in format f.
func WriteTimeline(w io.Writer, f TimelineFormat, t Timeline) error {
	switch f {
	case TimelineJSON:
		return WriteTimelineJSON(w, t)
	case TimelineCSV:
		return WriteTimelineCSV(w, t)
	case TimelineJS:
		return WriteTimelineJS(w, t)
	case TimelineVis:
		return WriteVisTimeline(w, t)
	}
	_, err := ParseTimelineFormat(string(f))
	return err
}

// Event is one relation in a JSON timeline: the edge with its entities
// named, and its evidence.
type Event struct {
	ID           string          `json:"id"`
	Date         string          `json:"date"`
	Type         string          `json:"type"`
	Subject      string          `json:"subject"`
	SubjectName  string          `json:"subject_name"`
	Object       string          `json:"object"`
	ObjectName   string          `json:"object_name"`
	Via          []EntityName    `json:"via"`
	AttributedTo []EntityName    `json:"attributed_to"`
	Polarity     string          `json:"polarity"`
	Role         string          `json:"role,omitempty"`
	Confidence   float64         `json:"confidence"`
	Support      int             `json:"support"`
	Evidence     []EventEvidence `json:"evidence"`
}

// EntityName is an entity id with its display name.
type EntityName struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

// EventEvidence is one sentence supporting an event and where it was read.
type EventEvidence struct {
	Text         string `json:"text"`
	ArticleURL   string `json:"article_url,omitempty"`
	ArticleTitle string `json:"article_title,omitempty"`
	Published    string `json:"published,omitempty"`
}

// TimelineDoc is the JSON timeline document.
type TimelineDoc struct {
	Events []Event `json:"events"`
}

func (t Timeline) event(e graph.Edge) Event {
	ev := Event{
		ID: e.ID, Date: e.Date, Type: string(e.Type),
		Subject: e.Subject, SubjectName: t.name(e.Subject),
		Object: e.Object, ObjectName: t.name(e.Object),
		Via: t.entityNames(e.Via), AttributedTo: t.entityNames(e.AttributedTo),
		Polarity: string(polarity(e.Polarity)), Role: e.Role,
		Confidence: e.Confidence, Support: e.Support,
		Evidence: make([]EventEvidence, 0, len(e.Evidence)),
	}
	for _, x := range e.Evidence {
		ev.Evidence = append(ev.Evidence, EventEvidence{Text: x.Text, ArticleURL: x.ArticleURL, ArticleTitle: x.ArticleTitle, Published: x.Published})
	}
	return ev
}

func (t Timeline) entityNames(ids []string) []EntityName {
	out := make([]EntityName, len(ids))
	for i, id := range ids {
		out[i] = EntityName{ID: id, Name: t.name(id)}
	}
	return out
}

func polarity(p graph.Polarity) graph.Polarity {
	if p == "" {
		return graph.Asserted
	}
	return p
}

// WriteTimelineJSON writes {"events":[...]}, one event per line, every
// edge with all its evidence (see Event).
func WriteTimelineJSON(w io.Writer, t Timeline) error {
	ew := newErrWriter(w)
	ew.str("{\"events\":[")
	for i, e := range t.Edges {
		if i > 0 {
			ew.str(",")
		}
		ew.str("\n")
		ew.json(t.event(e))
	}
	ew.str("\n]}\n")
	return ew.flush()
}

// CSVHeader is the header row of a CSV timeline.
var CSVHeader = []string{"date", "type", "subject", "subject_name", "object", "object_name", "via",
	"polarity", "confidence", "support", "evidence", "article_url"}

// WriteTimelineCSV writes a header row (CSVHeader) and one row per edge:
// via as names joined by "; ", and the first evidence sentence with its
// article's URL. Cells of text from articles that a spreadsheet would run
// as a formula (starting with =, +, -, @, tab or CR) get a leading
// apostrophe, as OWASP advises for CSV meant for spreadsheets.
func WriteTimelineCSV(w io.Writer, t Timeline) error {
	bw := bufio.NewWriter(w)
	cw := csv.NewWriter(bw)
	if err := cw.Write(CSVHeader); err != nil {
		return err
	}
	for _, e := range t.Edges {
		var text, url string
		if len(e.Evidence) > 0 {
			text, url = e.Evidence[0].Text, e.Evidence[0].ArticleURL
		}
		row := []string{
			e.Date, string(e.Type),
			cell(e.Subject), cell(t.name(e.Subject)),
			cell(e.Object), cell(t.name(e.Object)),
			cell(strings.Join(t.names(e.Via), "; ")),
			string(polarity(e.Polarity)),
			strconv.FormatFloat(e.Confidence, 'f', -1, 64),
			strconv.Itoa(e.Support),
			cell(text), cell(url),
		}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	return bw.Flush()
}

// cell defuses a spreadsheet formula in text that came from an article.
func cell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// errWriter buffers writes and keeps the first error, so that a writer
// can stream many small pieces and check once.
type errWriter struct {
	w   *bufio.Writer
	err error
}

func newErrWriter(w io.Writer) *errWriter { return &errWriter{w: bufio.NewWriter(w)} }

func (ew *errWriter) str(s string) {
	if ew.err == nil {
		_, ew.err = ew.w.WriteString(s)
	}
}

func (ew *errWriter) json(v any) {
	if ew.err != nil {
		return
	}
	b, err := json.Marshal(v)
	if err != nil {
		ew.err = err
		return
	}
	_, ew.err = ew.w.Write(b)
}

func (ew *errWriter) flush() error {
	if ew.err != nil {
		return ew.err
	}
	return ew.w.Flush()
}
