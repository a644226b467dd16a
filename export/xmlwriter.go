package export

import (
	"bufio"
	"encoding/xml"
	"io"
)

// xmlWriter streams an XML document through encoding/xml, which escapes
// text and attributes (and replaces characters XML cannot hold), keeping
// the first error.
type xmlWriter struct {
	bw  *bufio.Writer
	enc *xml.Encoder
	err error
}

func newXMLWriter(w io.Writer) *xmlWriter {
	bw := bufio.NewWriter(w)
	enc := xml.NewEncoder(bw)
	enc.Indent("", "  ")
	return &xmlWriter{bw: bw, enc: enc}
}

func (x *xmlWriter) header() {
	if x.err == nil {
		_, x.err = x.bw.WriteString(xml.Header)
	}
}

// start opens an element with attributes given as name, value pairs.
func (x *xmlWriter) start(name string, attrs ...string) {
	if x.err != nil {
		return
	}
	se := xml.StartElement{Name: xml.Name{Local: name}}
	for i := 0; i+1 < len(attrs); i += 2 {
		se.Attr = append(se.Attr, xml.Attr{Name: xml.Name{Local: attrs[i]}, Value: attrs[i+1]})
	}
	x.err = x.enc.EncodeToken(se)
}

func (x *xmlWriter) end(name string) {
	if x.err == nil {
		x.err = x.enc.EncodeToken(xml.EndElement{Name: xml.Name{Local: name}})
	}
}

// text writes an element holding only text.
func (x *xmlWriter) text(name, s string) {
	x.start(name)
	if x.err == nil {
		x.err = x.enc.EncodeToken(xml.CharData(s))
	}
	x.end(name)
}

func (x *xmlWriter) elem(v any) {
	if x.err == nil {
		x.err = x.enc.Encode(v)
	}
}

// close checks every element was closed and flushes.
func (x *xmlWriter) close() error {
	if x.err != nil {
		return x.err
	}
	if err := x.enc.Close(); err != nil {
		return err
	}
	if _, err := x.bw.WriteString("\n"); err != nil {
		return err
	}
	return x.bw.Flush()
}
