package jsonld

import (
	"encoding/json"
	"strconv"
	"unicode/utf8"
)

// AppendJSON appends the document's JSON text to b and returns the
// extended buffer. The bytes are exactly those json.Marshal(d) gives: the
// same fields in the same order, the same omitempty and null, and strings
// escaped the same HTML-safe way ("<", ">", "&", U+2028 and U+2029 as \u
// escapes, invalid UTF-8 as \ufffd), which is what keeps front matter from
// ending the <script> element the text goes into. FuzzAppendJSON holds it
// to that.
//
// It writes the four node types Describe makes by hand, without
// reflection. A graph holding anything else is encoded by json.Marshal, as
// a whole, so that the result never depends on which path wrote it; only
// that path can fail, and then b comes back as it was.
func (d *Document) AppendJSON(b []byte) ([]byte, error) {
	if d == nil {
		return append(b, "null"...), nil
	}
	for _, n := range d.Graph {
		switch n.(type) {
		case Event, Organization, WebSite, BreadcrumbList:
		default:
			data, err := json.Marshal(d)
			if err != nil {
				return b, err
			}
			return append(b, data...), nil
		}
	}
	b = append(b, `{"@context":`...)
	b = appendString(b, d.Context)
	b = append(b, `,"@graph":`...)
	if d.Graph == nil {
		b = append(b, "null"...)
	} else {
		b = append(b, '[')
		for i, n := range d.Graph {
			if i > 0 {
				b = append(b, ',')
			}
			switch n := n.(type) {
			case Event:
				b = n.appendJSON(b)
			case Organization:
				b = n.appendJSON(b)
			case WebSite:
				b = n.appendJSON(b)
			case BreadcrumbList:
				b = n.appendJSON(b)
			}
		}
		b = append(b, ']')
	}
	return append(b, '}'), nil
}

// The appendJSON methods below follow the struct tags field by field: a
// field comes with its leading comma, and an omitempty one only when it is
// not empty. Every node starts with its "@type", which is never omitted.

func (e *Event) appendJSON(b []byte) []byte {
	b = append(b, `{"@type":`...)
	b = appendString(b, e.Type)
	b = append(b, `,"@id":`...)
	b = appendString(b, e.ID)
	b = append(b, `,"name":`...)
	b = appendString(b, e.Name)
	b = appendOmitEmpty(b, `,"description":`, e.Description)
	b = append(b, `,"url":`...)
	b = appendString(b, e.URL)
	b = append(b, `,"inLanguage":`...)
	b = appendString(b, e.InLanguage)
	b = append(b, `,"startDate":`...)
	b = appendString(b, e.StartDate)
	b = appendOmitEmpty(b, `,"endDate":`, e.EndDate)
	b = append(b, `,"eventStatus":`...)
	b = appendString(b, e.EventStatus)
	b = append(b, `,"eventAttendanceMode":`...)
	b = appendString(b, e.EventAttendanceMode)
	b = append(b, `,"location":{"@type":`...)
	b = appendString(b, e.Location.Type)
	b = append(b, `,"name":`...)
	b = appendString(b, e.Location.Name)
	b = append(b, `,"address":`...)
	b = appendString(b, e.Location.Address)
	b = append(b, '}')
	if e.Organizer != nil {
		b = append(b, `,"organizer":`...)
		b = e.Organizer.appendJSON(b)
	}
	b = appendOmitEmpty(b, `,"image":`, e.Image)
	if len(e.Keywords) > 0 {
		b = append(b, `,"keywords":`...)
		b = appendStrings(b, e.Keywords)
	}
	return append(b, '}')
}

func (o *Organization) appendJSON(b []byte) []byte {
	b = append(b, `{"@type":`...)
	b = appendString(b, o.Type)
	b = appendOmitEmpty(b, `,"@id":`, o.ID)
	b = append(b, `,"name":`...)
	b = appendString(b, o.Name)
	b = appendOmitEmpty(b, `,"alternateName":`, o.AlternateName)
	b = appendOmitEmpty(b, `,"description":`, o.Description)
	b = append(b, `,"url":`...)
	b = appendString(b, o.URL)
	b = appendOmitEmpty(b, `,"logo":`, o.Logo)
	b = appendOmitEmpty(b, `,"address":`, o.Address)
	if len(o.SameAs) > 0 {
		b = append(b, `,"sameAs":`...)
		b = appendStrings(b, o.SameAs)
	}
	return append(b, '}')
}

func (w *WebSite) appendJSON(b []byte) []byte {
	b = append(b, `{"@type":`...)
	b = appendString(b, w.Type)
	b = append(b, `,"@id":`...)
	b = appendString(b, w.ID)
	b = append(b, `,"name":`...)
	b = appendString(b, w.Name)
	b = appendOmitEmpty(b, `,"description":`, w.Description)
	b = append(b, `,"url":`...)
	b = appendString(b, w.URL)
	b = append(b, `,"inLanguage":`...)
	b = appendString(b, w.InLanguage)
	b = append(b, `,"publisher":`...)
	if w.Publisher == nil {
		b = append(b, "null"...) // no omitempty: a nil pointer is null
	} else {
		b = w.Publisher.appendJSON(b)
	}
	return append(b, '}')
}

func (l *BreadcrumbList) appendJSON(b []byte) []byte {
	b = append(b, `{"@type":`...)
	b = appendString(b, l.Type)
	b = append(b, `,"itemListElement":`...)
	if l.ItemListElement == nil {
		b = append(b, "null"...) // no omitempty: a nil slice is null
	} else {
		b = append(b, '[')
		for i := range l.ItemListElement {
			it := &l.ItemListElement[i]
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, `{"@type":`...)
			b = appendString(b, it.Type)
			b = append(b, `,"position":`...)
			b = strconv.AppendInt(b, int64(it.Position), 10)
			b = append(b, `,"name":`...)
			b = appendString(b, it.Name)
			b = append(b, `,"item":`...)
			b = appendString(b, it.Item)
			b = append(b, '}')
		}
		b = append(b, ']')
	}
	return append(b, '}')
}

// appendOmitEmpty appends a string field tagged omitempty: key (with its
// leading comma and trailing colon) and s, or nothing when s is "".
func appendOmitEmpty(b []byte, key, s string) []byte {
	if s == "" {
		return b
	}
	return appendString(append(b, key...), s)
}

// appendStrings appends a non-nil []string as a JSON array.
func appendStrings(b []byte, ss []string) []byte {
	b = append(b, '[')
	for i, s := range ss {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendString(b, s)
	}
	return append(b, ']')
}

const hex = "0123456789abcdef"

// Bit c of safeLow (c < 64) or bit c-64 of safeHigh (64 <= c < 128) is
// set when a JSON string holds the ASCII byte c as it is: c is not a
// control character, '"', '\\', '<', '>' or '&'. DEL stays as it is, as
// in encoding/json.
const (
	safeLow  = ^uint64(1<<' '-1) &^ (1<<'"' | 1<<'&' | 1<<'<' | 1<<'>')
	safeHigh = ^uint64(1 << ('\\' - 64))
)

// appendString appends s as a JSON string escaped as encoding/json escapes
// by default: besides what JSON requires ('"', '\\' and bytes below 0x20,
// the common ones by their short escapes), "<", ">" and "&" become \u003c,
// \u003e and \u0026, U+2028 and U+2029 their \u escapes, and each byte
// that is not part of valid UTF-8 becomes \ufffd. Runs of bytes that need
// no escape are copied at once.
func appendString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0 // s[start:i] is pending, to be copied as it is
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			m := uint64(safeLow)
			if c >= 64 {
				m = safeHigh
			}
			if m>>(c&63)&1 != 0 {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default: // other control characters, "<", ">", "&"
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xF])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
