package export_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"

	"github.com/actorgraph/actorgraph/export"
	"github.com/actorgraph/actorgraph/graph"
)

func sampleTimeline() export.Timeline {
	return export.Timeline{Title: "Quist & <friends>", Edges: sampleEdges(), Name: sampleNames}
}

func writeTimeline(t *testing.T, f export.TimelineFormat, tl export.Timeline) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := export.WriteTimeline(&b, f, tl); err != nil {
		t.Fatalf("%s: %v", f, err)
	}
	return b.Bytes()
}

func TestTimelineGolden(t *testing.T) {
	for _, f := range export.TimelineFormats() {
		t.Run(string(f), func(t *testing.T) {
			golden(t, "timeline_"+string(f)+f.Ext(), writeTimeline(t, f, sampleTimeline()))
		})
	}
}

func TestTimelineJSONParsesBack(t *testing.T) {
	var doc struct {
		Events []struct {
			ID, Date, Type, Subject, Object, Polarity, Role string
			SubjectName                                     string `json:"subject_name"`
			ObjectName                                      string `json:"object_name"`
			Via                                             []struct{ ID, Name string }
			AttributedTo                                    []struct{ ID, Name string } `json:"attributed_to"`
			Confidence                                      float64
			Support                                         int
			Evidence                                        []struct {
				Text         string
				ArticleURL   string `json:"article_url"`
				ArticleTitle string `json:"article_title"`
				Published    string
			}
		}
	}
	out := writeTimeline(t, export.TimelineJSON, sampleTimeline())
	dec := json.NewDecoder(bytes.NewReader(out))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&doc); err != nil {
		t.Fatalf("not the documented shape: %v\n%s", err, out)
	}
	edges := sampleEdges()
	if len(doc.Events) != len(edges) {
		t.Fatalf("%d events, want %d (undated ones included)", len(doc.Events), len(edges))
	}
	for i, ev := range doc.Events {
		e := edges[i]
		if ev.ID != e.ID || ev.Date != e.Date || ev.Type != string(e.Type) || ev.Subject != e.Subject || ev.Object != e.Object {
			t.Errorf("event %d = %+v, want edge %+v in the order given", i, ev, e)
		}
		if ev.SubjectName != sampleNames(e.Subject) || ev.ObjectName != sampleNames(e.Object) {
			t.Errorf("event %d names %q, %q", i, ev.SubjectName, ev.ObjectName)
		}
		if want := string(e.Polarity); ev.Polarity != want {
			t.Errorf("event %d polarity %q, want %q", i, ev.Polarity, want)
		}
		if ev.Confidence != e.Confidence || ev.Support != e.Support || ev.Role != e.Role {
			t.Errorf("event %d confidence/support/role %v/%d/%q", i, ev.Confidence, ev.Support, ev.Role)
		}
		if len(ev.Evidence) != len(e.Evidence) {
			t.Fatalf("event %d has %d evidence, want %d", i, len(ev.Evidence), len(e.Evidence))
		}
		for j, x := range ev.Evidence {
			if x.Text != e.Evidence[j].Text || x.ArticleURL != e.Evidence[j].ArticleURL {
				t.Errorf("event %d evidence %d = %+v, want %+v", i, j, x, e.Evidence[j])
			}
		}
	}
	meet := doc.Events[3]
	if len(meet.Via) != 1 || meet.Via[0].ID != idOsk || meet.Via[0].Name != "Oskaria" {
		t.Errorf("via = %+v, want Oskaria", meet.Via)
	}
	if len(meet.AttributedTo) != 1 || meet.AttributedTo[0].Name != "Harbor Daily" {
		t.Errorf("attributed_to = %+v, want Harbor Daily", meet.AttributedTo)
	}
}

func TestTimelineCSVParsesBack(t *testing.T) {
	out := writeTimeline(t, export.TimelineCSV, sampleTimeline())
	rows, err := csv.NewReader(bytes.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatalf("encoding/csv cannot read it: %v\n%s", err, out)
	}
	if strings.Join(rows[0], ",") != "date,type,subject,subject_name,object,object_name,via,polarity,confidence,support,evidence,article_url" {
		t.Errorf("header %v", rows[0])
	}
	edges := sampleEdges()
	if len(rows) != 1+len(edges) {
		t.Fatalf("%d rows, want header + %d", len(rows), len(edges))
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	for i, e := range edges {
		r := rows[i+1]
		get := func(name string) string { return r[col[name]] }
		if get("date") != e.Date || get("type") != string(e.Type) || get("subject") != e.Subject || get("object_name") != sampleNames(e.Object) {
			t.Errorf("row %d = %v, want edge %s", i, r, e.ID)
		}
		if get("polarity") != string(e.Polarity) || get("support") != itoa(e.Support) {
			t.Errorf("row %d polarity/support = %q/%q", i, get("polarity"), get("support"))
		}
	}
	meet := rows[4]
	if got := meet[col["evidence"]]; got != sampleEdges()[3].Evidence[0].Text {
		t.Errorf("evidence with a quote, comma and newline came back as %q", got)
	}
	if got := meet[col["via"]]; got != "Oskaria" {
		t.Errorf("via = %q, want the name", got)
	}
	if got := meet[col["confidence"]]; got != "0.95" {
		t.Errorf("confidence = %q", got)
	}
	// Formula-looking cells from article text are defused.
	if got := rows[3][col["evidence"]]; !strings.HasPrefix(got, "'=HYPERLINK") {
		t.Errorf("formula cell = %q, want a leading apostrophe", got)
	}
	if got := rows[2][col["evidence"]]; !strings.HasPrefix(got, "'-Oskaria") {
		t.Errorf("cell starting with - = %q, want a leading apostrophe", got)
	}
}

func itoa(n int) string { b, _ := json.Marshal(n); return string(b) }

func TestTimelineJSShape(t *testing.T) {
	out := writeTimeline(t, export.TimelineJS, sampleTimeline())
	var doc struct {
		Title struct {
			Text struct{ Headline, Text string }
		}
		Events []struct {
			StartDate map[string]string `json:"start_date"`
			Text      struct {
				Headline string
				Text     string
			}
			Group    string
			UniqueID string `json:"unique_id"`
		}
	}
	dec := json.NewDecoder(bytes.NewReader(out))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&doc); err != nil {
		t.Fatalf("not TimelineJS3's shape: %v\n%s", err, out)
	}
	if doc.Title.Text.Headline != "Quist &amp; &lt;friends&gt;" {
		t.Errorf("title headline %q, want it HTML-escaped", doc.Title.Text.Headline)
	}
	var dated []graph.Edge
	for _, e := range sampleEdges() {
		if e.Date != "" {
			dated = append(dated, e)
		}
	}
	if len(doc.Events) != len(dated) {
		t.Fatalf("%d slides, want %d (one per dated edge)", len(doc.Events), len(dated))
	}
	wantDates := []map[string]string{
		{"year": "2025", "month": "1", "day": "5"},
		{"year": "2025"},
		{"year": "2025", "month": "2"},
		{"year": "2025", "month": "3", "day": "8"},
	}
	ids := map[string]bool{}
	for i, ev := range doc.Events {
		if !equalMaps(ev.StartDate, wantDates[i]) {
			t.Errorf("slide %d start_date %v, want %v", i, ev.StartDate, wantDates[i])
		}
		if ev.Group != string(dated[i].Type) {
			t.Errorf("slide %d group %q, want %s", i, ev.Group, dated[i].Type)
		}
		if ev.UniqueID == "" || strings.ContainsAny(ev.UniqueID, ": #") || ids[ev.UniqueID] {
			t.Errorf("slide %d unique_id %q is empty, repeated or not fit for a URL fragment", i, ev.UniqueID)
		}
		ids[ev.UniqueID] = true
		if strings.Contains(ev.Text.Text, "<script") || strings.Contains(ev.Text.Headline, "<H") {
			t.Errorf("slide %d lets HTML from articles through: %+v", i, ev.Text)
		}
	}
	if h := doc.Events[0].Text.Headline; h != "Martín Oyelaran —not THREATEN→ Valdoria" {
		t.Errorf("negated headline %q", h)
	}
	if strings.Contains(doc.Events[0].Text.Text, "href") {
		t.Errorf("a javascript: URL became a link: %s", doc.Events[0].Text.Text)
	}
	if !strings.Contains(doc.Events[2].Text.Text, `href="https://example.org/a/2?x=1&amp;y=2"`) {
		t.Errorf("article link missing or unescaped: %s", doc.Events[2].Text.Text)
	}
	if !strings.Contains(doc.Events[3].Text.Text, "&lt;script&gt;") {
		t.Errorf("evidence not escaped: %s", doc.Events[3].Text.Text)
	}
}

func equalMaps(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

func TestVisTimelineShape(t *testing.T) {
	out := writeTimeline(t, export.TimelineVis, sampleTimeline())
	var items []struct {
		ID, Content, Start, Group, Title, ClassName string
	}
	dec := json.NewDecoder(bytes.NewReader(out))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&items); err != nil {
		t.Fatalf("not an array of vis items: %v\n%s", err, out)
	}
	wantStart := []string{"2025-01-05", "2025", "2025-02", "2025-03-08"}
	if len(items) != len(wantStart) {
		t.Fatalf("%d items, want %d dated ones", len(items), len(wantStart))
	}
	for i, it := range items {
		e := sampleEdges()[i]
		if it.ID != e.ID || it.Start != wantStart[i] || it.Group != string(e.Type) {
			t.Errorf("item %d = %+v", i, it)
		}
	}
	if items[0].ClassName != "negated" || items[1].ClassName != "" {
		t.Errorf("className %q, %q: want negated on the negated relation only", items[0].ClassName, items[1].ClassName)
	}
	if !strings.Contains(items[2].Content, "AT&amp;T &lt;Holdings&gt;") {
		t.Errorf("content not escaped: %q", items[2].Content)
	}
	if strings.Contains(items[3].Title, "<script") {
		t.Errorf("title not escaped: %q", items[3].Title)
	}
}

func TestParseFormats(t *testing.T) {
	for _, s := range []string{"json", "CSV", "TimelineJS", "vis"} {
		if _, err := export.ParseTimelineFormat(s); err != nil {
			t.Errorf("ParseTimelineFormat(%q): %v", s, err)
		}
	}
	for _, s := range []string{"cytoscape", "D3", "graphml", "GEXF"} {
		if _, err := export.ParseGraphFormat(s); err != nil {
			t.Errorf("ParseGraphFormat(%q): %v", s, err)
		}
	}
	if _, err := export.ParseTimelineFormat("xml"); graph.ErrorCode(err) != graph.EINVALID {
		t.Errorf("unknown timeline format: %v, want EINVALID", err)
	}
	if _, err := export.ParseGraphFormat("dot"); graph.ErrorCode(err) != graph.EINVALID || !strings.Contains(err.Error(), "gexf") {
		t.Errorf("unknown graph format: %v, want EINVALID listing the formats", err)
	}
	var b bytes.Buffer
	if err := export.WriteTimeline(&b, "pdf", sampleTimeline()); graph.ErrorCode(err) != graph.EINVALID {
		t.Errorf("WriteTimeline(pdf) = %v", err)
	}
}

func TestFormatMetadata(t *testing.T) {
	for _, tc := range []struct {
		ct, ext, wantCT, wantExt string
	}{
		{export.TimelineCSV.ContentType(), export.TimelineCSV.Ext(), "text/csv", ".csv"},
		{export.TimelineJS.ContentType(), export.TimelineJS.Ext(), "application/json", ".json"},
		{export.GraphML.ContentType(), export.GraphML.Ext(), "application/graphml+xml", ".graphml"},
		{export.GEXF.ContentType(), export.GEXF.Ext(), "application/gexf+xml", ".gexf"},
		{export.Cytoscape.ContentType(), export.D3.Ext(), "application/json", ".json"},
	} {
		if !strings.HasPrefix(tc.ct, tc.wantCT) || tc.ext != tc.wantExt {
			t.Errorf("content type %q ext %q, want %s, %s", tc.ct, tc.ext, tc.wantCT, tc.wantExt)
		}
	}
}

// TestTimelineWithoutNames shows ids when no name is known, and empty
// polarity as asserted.
func TestTimelineWithoutNames(t *testing.T) {
	e := edge(graph.Meet, idQuist, idMartin, "2025-03-08", "")
	var b bytes.Buffer
	if err := export.WriteTimelineJSON(&b, export.Timeline{Edges: []graph.Edge{e}}); err != nil {
		t.Fatal(err)
	}
	var doc export.TimelineDoc
	if err := json.Unmarshal(b.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	ev := doc.Events[0]
	if ev.SubjectName != idQuist || ev.ObjectName != idMartin || ev.Polarity != "asserted" || ev.Evidence == nil {
		t.Errorf("event %+v: want ids as names, asserted, evidence []", ev)
	}
	b.Reset()
	if err := export.WriteTimelineJS(&b, export.Timeline{}); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(b.String(), "title") || !strings.Contains(b.String(), `"events":[`) {
		t.Errorf("empty untitled TimelineJS3 document: %s", b.String())
	}
}
