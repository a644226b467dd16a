package export

import (
	"html"
	"io"
	"net/url"
	"strings"

	"github.com/actorgraph/actorgraph/graph"
)

// TimelineJS3 JSON (timeline.knightlab.com/docs/json-format.html): a title
// slide and event slides, each with a start_date whose parts are strings,
// and text whose "text" is HTML.

// TLDoc is a TimelineJS3 timeline.
type TLDoc struct {
	Title  *TLSlide  `json:"title,omitempty"`
	Events []TLSlide `json:"events"`
}

// TLSlide is a TimelineJS3 slide: the title slide has no start date.
type TLSlide struct {
	StartDate *TLDate `json:"start_date,omitempty"`
	Text      TLText  `json:"text"`
	Group     string  `json:"group,omitempty"`
	UniqueID  string  `json:"unique_id,omitempty"`
}

// TLDate is a TimelineJS3 date; month and day are left out when the
// relation's date has none.
type TLDate struct {
	Year  string `json:"year"`
	Month string `json:"month,omitempty"`
	Day   string `json:"day,omitempty"`
}

// TLText is a slide's headline and HTML body.
type TLText struct {
	Headline string `json:"headline"`
	Text     string `json:"text"`
}

// WriteTimelineJS writes a TimelineJS3 document: a title slide when
// t.Title is set, then one slide per dated edge (TimelineJS3 needs a start
// date, so undated edges are left out), grouped by relation type. The
// headline names both ends; the body quotes the evidence with links to the
// articles. Everything is HTML-escaped.
func WriteTimelineJS(w io.Writer, t Timeline) error {
	ew := newErrWriter(w)
	ew.str("{")
	if t.Title != "" {
		ew.str("\"title\":")
		ew.json(TLSlide{Text: TLText{Headline: html.EscapeString(t.Title), Text: ""}})
		ew.str(",")
	}
	ew.str("\"events\":[")
	n := 0
	for _, e := range t.Edges {
		d, ok := tlDate(e.Date)
		if !ok {
			continue
		}
		if n > 0 {
			ew.str(",")
		}
		n++
		ew.str("\n")
		ew.json(TLSlide{
			StartDate: &d,
			Text:      TLText{Headline: html.EscapeString(headline(t, e)), Text: evidenceHTML(e.Evidence)},
			Group:     string(e.Type),
			UniqueID:  domID(e.ID),
		})
	}
	ew.str("\n]}\n")
	return ew.flush()
}

// tlDate splits YYYY[-MM[-DD]] into TimelineJS3's parts, without leading
// zeros as its documentation writes them.
func tlDate(date string) (TLDate, bool) {
	if !graph.ValidDate(date) {
		return TLDate{}, false
	}
	d := TLDate{Year: date[:4]}
	if len(date) >= 7 {
		d.Month = strings.TrimPrefix(date[5:7], "0")
	}
	if len(date) == 10 {
		d.Day = strings.TrimPrefix(date[8:10], "0")
	}
	return d, true
}

// headline says who did what to whom, in plain text: "Alpha —MEET→ Bravo",
// "Bravo —not THREATEN→ Charlie", with via entities after.
func headline(t Timeline, e graph.Edge) string {
	verb := string(e.Type)
	if e.Polarity == graph.Negated {
		verb = "not " + verb
	}
	s := t.name(e.Subject) + " —" + verb + "→ " + t.name(e.Object)
	if len(e.Via) > 0 {
		s += " (via " + strings.Join(t.names(e.Via), ", ") + ")"
	}
	return s
}

// evidenceHTML quotes each evidence sentence, with its article as a link
// when the URL is http(s): a javascript: or data: URL from a page must not
// become clickable.
func evidenceHTML(ev []graph.Evidence) string {
	var b strings.Builder
	for _, x := range ev {
		b.WriteString("<blockquote>")
		b.WriteString(html.EscapeString(x.Text))
		b.WriteString("</blockquote>")
		label := x.ArticleTitle
		if label == "" {
			label = x.ArticleURL
		}
		if label == "" {
			continue
		}
		b.WriteString("<p>")
		if safeURL(x.ArticleURL) {
			b.WriteString(`<a href="` + html.EscapeString(x.ArticleURL) + `" target="_blank" rel="noopener noreferrer">` + html.EscapeString(label) + "</a>")
		} else {
			b.WriteString(html.EscapeString(label))
		}
		if x.Published != "" {
			b.WriteString(", " + html.EscapeString(x.Published))
		}
		b.WriteString("</p>")
	}
	return b.String()
}

func safeURL(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}

// domID turns an edge id into one safe as an HTML id and URL fragment,
// which is how TimelineJS3 uses unique_id ("rel:ab12" → "rel-ab12").
func domID(id string) string {
	return strings.Map(func(r rune) rune {
		if r == '-' || r == '_' || ('0' <= r && r <= '9') || ('a' <= r && r <= 'z') || ('A' <= r && r <= 'Z') {
			return r
		}
		return '-'
	}, id)
}

// VisItem is a vis-timeline item (visjs.github.io/vis-timeline): content
// and title are HTML, start a date vis parses (YYYY-MM-DD, YYYY-MM, YYYY).
type VisItem struct {
	ID        string `json:"id"`
	Content   string `json:"content"`
	Start     string `json:"start"`
	Group     string `json:"group"`
	Title     string `json:"title,omitempty"`
	ClassName string `json:"className,omitempty"`
}

// WriteVisTimeline writes a JSON array of vis-timeline items, one per
// dated edge (vis needs a start), grouped by relation type, the evidence
// as the tooltip; negated relations get className "negated". Content and
// title are HTML-escaped.
func WriteVisTimeline(w io.Writer, t Timeline) error {
	ew := newErrWriter(w)
	ew.str("[")
	n := 0
	for _, e := range t.Edges {
		if !graph.ValidDate(e.Date) {
			continue
		}
		if n > 0 {
			ew.str(",")
		}
		n++
		ew.str("\n")
		var tips []string
		for _, x := range e.Evidence {
			tips = append(tips, html.EscapeString(x.Text))
		}
		item := VisItem{
			ID:      e.ID,
			Content: html.EscapeString(headline(t, e)),
			Start:   e.Date,
			Group:   string(e.Type),
			Title:   strings.Join(tips, "<br>"),
		}
		if e.Polarity == graph.Negated {
			item.ClassName = "negated"
		}
		ew.json(item)
	}
	ew.str("\n]\n")
	return ew.flush()
}
