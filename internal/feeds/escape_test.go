package feeds_test

import (
	"encoding/json"
	"encoding/xml"
	"strings"
	"testing"
	"time"

	"github.com/lubuskie-es/sitegen/internal/feeds"
	"github.com/lubuskie-es/sitegen/internal/htmlx"
	"github.com/lubuskie-es/sitegen/internal/site"
	xhtml "golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// TestHostileText follows front matter full of characters that mean
// something in XML, iCalendar, JSON and HTML (see hostile) through every
// format, and expects it back as the same text, never as markup, a new
// property or a closed script element.
func TestHostileText(t *testing.T) {
	announced := buildFS(t, fixture(t), buildOpts(fixtureNow))
	reported := buildFS(t, fixture(t), buildOpts(time.Date(2031, 1, 1, 0, 0, 0, 0, time.UTC)))
	find := func(b built) (*site.Lang, *site.Page) {
		l := b.site.Lang("pl")
		for _, m := range l.Meetings {
			if strings.Contains(m.Doc.Title, hostile) {
				return l, m
			}
		}
		t.Fatal("the fixture's hostile meeting is missing")
		return nil, nil
	}
	l, m := find(announced)
	d := m.Doc
	if d.Title != "Zapowiedź "+hostile || d.Location != "Sala "+hostile || m.Summary != "Opis "+hostile {
		t.Fatalf("the front matter did not survive parsing: %q %q %q", d.Title, d.Location, m.Summary)
	}

	t.Run("iCalendar", func(t *testing.T) {
		for _, path := range []string{feeds.CalendarPath(l), feeds.EventPath(l, m)} {
			path = strings.TrimPrefix(path, "/")
			cal, err := parseICS(announced.files[path])
			if err != nil {
				t.Fatalf("%s: %v", path, err)
			}
			var ev *icsComp
			for _, c := range cal.Comps {
				if s, _ := unescapeText(c.one(t, path, "SUMMARY").Value); s == d.Title {
					ev = c
				}
			}
			if ev == nil {
				t.Fatalf("%s: no event has the title back", path)
			}
			if got := textProp(t, path, ev, "LOCATION"); got != d.Location {
				t.Errorf("%s: LOCATION %q", path, got)
			}
			if got := textProp(t, path, ev, "DESCRIPTION"); got != m.Summary {
				t.Errorf("%s: DESCRIPTION %q", path, got)
			}
			if n := len(ev.Props); n != 8 {
				t.Errorf("%s: the event has %d properties, want 8: did a value start a new one?", path, n)
			}
		}
	})

	t.Run("Atom", func(t *testing.T) {
		rl, rm := find(reported)
		path := strings.TrimPrefix(feeds.AtomPath(rl), "/")
		raw := string(reported.files[path])
		if strings.Contains(raw, "<script") || strings.Contains(raw, "]]>") {
			t.Errorf("%s holds the markup unescaped", path)
		}
		var entry *atomEntry
		f := parseAtom(t, path, reported.files[path])
		for i := range f.Entries {
			if f.Entries[i].Title == rm.Doc.Title {
				entry = &f.Entries[i]
			}
		}
		if entry == nil || entry.Summary == nil {
			t.Fatalf("%s: no entry has the title back", path)
		}
		// A reader renders the summary as HTML: it must be text only.
		nodes, err := xhtml.ParseFragment(strings.NewReader(entry.Summary.Text), &xhtml.Node{Type: xhtml.ElementNode, Data: "div", DataAtom: atom.Div})
		if err != nil {
			t.Fatal(err)
		}
		var text strings.Builder
		for _, n := range nodes {
			if n.Type != xhtml.TextNode {
				t.Errorf("%s: the summary renders as a %s element", path, n.Data)
			}
			text.WriteString(n.Data)
		}
		if text.String() != rm.Summary {
			t.Errorf("%s: the summary reads %q, want %q", path, text.String(), rm.Summary)
		}
	})

	t.Run("HTML and JSON-LD", func(t *testing.T) {
		file := outputOf(m)
		raw := string(announced.files[file])
		head := readHead(parseHTML(t, file, announced.files[file]))
		// A plain meeting page of the same build has the same scripts.
		plain := readHead(parseHTML(t, "plain", announced.files[outputOf(l.Past[0])]))
		if head.scripts != plain.scripts || len(head.ldJSON) != 1 {
			t.Fatalf("%s: %d script elements (%d JSON-LD), a plain meeting page has %d: the title opened or closed one",
				file, head.scripts, len(head.ldJSON), plain.scripts)
		}
		ld := head.ldJSON[0]
		if low := strings.ToLower(ld); strings.Contains(low, "</script") || strings.Contains(low, "<!--") || strings.Contains(low, "<script") {
			t.Errorf("%s: the JSON-LD text holds markup: %s", file, ld)
		}
		var doc ldDoc
		if err := json.Unmarshal([]byte(ld), &doc); err != nil {
			t.Fatalf("%s: JSON-LD is not JSON: %v", file, err)
		}
		e := doc.find("Event")
		if e == nil || e.Name != d.Title || e.Location == nil || e.Location.Name != d.Location || e.Description != m.Summary {
			t.Errorf("%s: the Event does not give the text back: %+v", file, e)
		}
		for key, want := range map[string]string{"og:title": d.Title, "og:description": m.Summary, "twitter:title": d.Title} {
			if got := head.meta[key]; len(got) != 1 || got[0] != want {
				t.Errorf("%s: %s is %q, want %q", file, key, got, want)
			}
		}
		// The minifier may leave "<" unescaped inside a quoted attribute or
		// <title>, where it is text; what matters is how a parser reads it.
		var title string
		htmlx.Walk(parseHTML(t, file, []byte(raw)), func(n *xhtml.Node) {
			if n.DataAtom == atom.Title && n.FirstChild != nil {
				title = n.FirstChild.Data
			}
		})
		if want := d.Title + " – " + m.Lang.Title; title != want {
			t.Errorf("%s: <title> reads %q, want %q", file, title, want)
		}
	})
}

// FuzzEscapeXML: the shortcut for plain strings gives what xml.EscapeText
// gives.
func FuzzEscapeXML(f *testing.F) {
	for _, s := range []string{"", "https://x.example/a/b/", "a<b", "a&b", `"q"`, "'", "\t\n\r", "\x00", "ą", "\xff", "~!@#$%^*()_+-=[]{}|;:,./?"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var want strings.Builder
		_ = xml.EscapeText(&want, []byte(s))
		if got := feeds.EscapeXML(s); got != want.String() {
			t.Errorf("escapeXML(%q) = %q, xml.EscapeText gives %q", s, got, want.String())
		}
	})
}
