package feeds

import (
	"encoding/xml"
	"html"
	"time"

	"github.com/lubuskie-es/sitegen/internal/site"
)

// The Atom feed (RFC 4287) of one language lists its meeting reports: the
// meetings that have taken place, newest first. Announcements of upcoming
// meetings are in the calendar feed; a feed entry needs an "updated" date,
// and the only date an announcement has is in the future.
//
// Identity and dates, all taken from the content so that a rebuild on
// another day writes the same bytes:
//   - an entry's id is its page's permanent address: it changes only when
//     the page moves, which the old address's alias then records;
//   - an entry's updated is the meeting's date (midnight in the site's time
//     zone for a meeting without a time): the site keeps no edit dates;
//   - the feed's updated is that of its newest entry, or the Unix epoch for
//     a feed with no entries yet (Atom requires one, and any other constant
//     would be as arbitrary).

type atomDoc struct {
	XMLName  xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Lang     string      `xml:"http://www.w3.org/XML/1998/namespace lang,attr"`
	ID       string      `xml:"id"`
	Title    string      `xml:"title"`
	Subtitle string      `xml:"subtitle,omitempty"`
	Links    []atomLink  `xml:"link"`
	Updated  string      `xml:"updated"`
	Author   atomPerson  `xml:"author"`
	Entries  []atomEntry `xml:"entry"`
}

type atomLink struct {
	Rel  string `xml:"rel,attr"`
	Type string `xml:"type,attr,omitempty"`
	Href string `xml:"href,attr"`
}

type atomPerson struct {
	Name string `xml:"name"`
	URI  string `xml:"uri,omitempty"`
}

type atomEntry struct {
	ID         string         `xml:"id"`
	Title      string         `xml:"title"`
	Link       atomLink       `xml:"link"`
	Updated    string         `xml:"updated"`
	Summary    *atomText      `xml:"summary"`
	Categories []atomCategory `xml:"category"`
}

// atomText is a text construct of type "html": the characters are HTML
// source, escaped once more by the XML encoder.
type atomText struct {
	Type string `xml:"type,attr"`
	Text string `xml:",chardata"`
}

type atomCategory struct {
	Term string `xml:"term,attr"`
}

func atomFeed(l *site.Lang, k linker, title string) []byte {
	feed := atomDoc{
		Lang:     l.Config.Code,
		ID:       k.abs(AtomPath(l)),
		Title:    title,
		Subtitle: l.Config.Description,
		Links: []atomLink{
			{Rel: "self", Type: "application/atom+xml", Href: k.abs(AtomPath(l))},
			{Rel: "alternate", Type: "text/html", Href: k.page(l.MeetingsIndex)},
		},
		Updated: time.Unix(0, 0).UTC().Format(time.RFC3339),
		Author:  atomPerson{Name: l.Config.Title, URI: k.page(l.Home)},
	}
	for _, m := range l.Past {
		feed.Entries = append(feed.Entries, atomItem(m, k))
	}
	if len(feed.Entries) > 0 {
		feed.Updated = feed.Entries[0].Updated // l.Past is newest first
	}
	return marshalXML(feed)
}

func atomItem(m *site.Page, k linker) atomEntry {
	e := atomEntry{
		ID:      k.page(m),
		Title:   m.Doc.Title,
		Link:    atomLink{Rel: "alternate", Type: "text/html", Href: k.page(m)},
		Updated: m.Doc.Date.Format(time.RFC3339),
	}
	if m.Summary != "" {
		// The summary is plain text: escaped as HTML it shows as written,
		// whatever characters it holds, in a reader that renders HTML.
		e.Summary = &atomText{Type: "html", Text: html.EscapeString(m.Summary)}
	}
	for _, t := range m.Tags {
		e.Categories = append(e.Categories, atomCategory{Term: t.Name})
	}
	return e
}

// marshalXML writes v as an indented XML document. The types marshalled
// here cannot fail to encode, so an error is a bug worth a panic.
func marshalXML(v any) []byte {
	out, err := xml.MarshalIndent(v, "", "  ")
	if err != nil {
		panic("feeds: " + err.Error())
	}
	return append(append([]byte(xml.Header), out...), '\n')
}
