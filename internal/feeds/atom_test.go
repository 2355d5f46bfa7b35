package feeds_test

import (
	"encoding/xml"
	"html"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/lubuskie-es/sitegen/internal/feeds"
	"github.com/lubuskie-es/sitegen/internal/site"
)

// Atom (RFC 4287) as a reader sees it: encoding/xml with namespaces.
type atomFeed struct {
	XMLName xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Lang    string      `xml:"http://www.w3.org/XML/1998/namespace lang,attr"`
	ID      string      `xml:"http://www.w3.org/2005/Atom id"`
	Title   string      `xml:"http://www.w3.org/2005/Atom title"`
	Updated string      `xml:"http://www.w3.org/2005/Atom updated"`
	Links   []atomLink  `xml:"http://www.w3.org/2005/Atom link"`
	Author  *atomPerson `xml:"http://www.w3.org/2005/Atom author"`
	Entries []atomEntry `xml:"http://www.w3.org/2005/Atom entry"`
}

type atomLink struct {
	Rel  string `xml:"rel,attr"`
	Type string `xml:"type,attr"`
	Href string `xml:"href,attr"`
}

type atomPerson struct {
	Name string `xml:"http://www.w3.org/2005/Atom name"`
	URI  string `xml:"http://www.w3.org/2005/Atom uri"`
}

type atomEntry struct {
	ID      string     `xml:"http://www.w3.org/2005/Atom id"`
	Title   string     `xml:"http://www.w3.org/2005/Atom title"`
	Updated string     `xml:"http://www.w3.org/2005/Atom updated"`
	Links   []atomLink `xml:"http://www.w3.org/2005/Atom link"`
	Summary *struct {
		Type string `xml:"type,attr"`
		Text string `xml:",chardata"`
	} `xml:"http://www.w3.org/2005/Atom summary"`
	Categories []struct {
		Term string `xml:"term,attr"`
	} `xml:"http://www.w3.org/2005/Atom category"`
}

func parseAtom(t *testing.T, path string, data []byte) atomFeed {
	t.Helper()
	if data == nil {
		t.Fatalf("%s was not written", path)
	}
	var f atomFeed
	dec := xml.NewDecoder(strings.NewReader(string(data)))
	dec.Strict = true
	if err := dec.Decode(&f); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return f
}

// TestAtom reads every language's feed of the sample site (before and
// after its meeting) and of the fixture, and checks it against the site.
func TestAtom(t *testing.T) {
	for _, tc := range []struct {
		name string
		b    built
	}{
		{"sample", buildSample(t, sampleNow)},
		{"sample announced", buildSample(t, announceNow)},
		{"fixture", buildFS(t, fixture(t), buildOpts(fixtureNow))},
	} {
		t.Run(tc.name, func(t *testing.T) {
			entries := 0
			for _, l := range tc.b.site.Langs {
				checkAtom(t, tc.b, l)
				entries += len(l.Past)
			}
			t.Logf("%d entries checked", entries)
		})
	}
}

func checkAtom(t *testing.T, b built, l *site.Lang) {
	t.Helper()
	base := b.site.Config.BaseURL
	path := strings.TrimPrefix(feeds.AtomPath(l), "/")
	f := parseAtom(t, path, b.files[path])
	if f.Lang != l.Config.Code || f.Title == "" || f.Author == nil || f.Author.Name == "" {
		t.Errorf("%s: lang %q, title %q, author %v", path, f.Lang, f.Title, f.Author)
	}
	if f.ID != base+path {
		t.Errorf("%s: feed id %q, want its own address", path, f.ID)
	}
	links := map[string]string{}
	for _, k := range f.Links {
		links[k.Rel] = k.Href
	}
	if links["self"] != base+path || links["alternate"] != base+strings.TrimPrefix(l.MeetingsIndex.URL, "/") {
		t.Errorf("%s: links %v", path, links)
	}
	feedUpdated := mustTime(t, path, f.Updated)
	if len(f.Entries) != len(l.Past) {
		t.Fatalf("%s: %d entries, want one per meeting report (%d)", path, len(f.Entries), len(l.Past))
	}
	if len(f.Entries) == 0 && !feedUpdated.Equal(time.Unix(0, 0)) {
		t.Errorf("%s: an empty feed is updated %s, want the epoch", path, f.Updated)
	}
	var prev time.Time
	for i, e := range f.Entries {
		m := l.Past[i]
		where := path + ": entry " + m.URL
		if want := base + strings.TrimPrefix(m.URL, "/"); e.ID != want {
			t.Errorf("%s: id %q, want the permanent address %q", where, e.ID, want)
		}
		for _, k := range e.Links {
			u, err := url.Parse(k.Href)
			if err != nil || !u.IsAbs() {
				t.Errorf("%s: link %q is not absolute", where, k.Href)
			}
			if _, ok := b.files[localFile(base, k.Href)]; !ok {
				t.Errorf("%s: link %q leads to no page", where, k.Href)
			}
		}
		if e.Title != m.Doc.Title {
			t.Errorf("%s: title %q, want %q", where, e.Title, m.Doc.Title)
		}
		updated := mustTime(t, where, e.Updated)
		if !updated.Equal(m.Doc.Date) {
			t.Errorf("%s: updated %s, want the meeting's date %s", where, e.Updated, m.Doc.Date)
		}
		if i == 0 && !feedUpdated.Equal(updated) {
			t.Errorf("%s: feed updated %s, want its newest entry's %s", path, f.Updated, e.Updated)
		}
		if i > 0 && updated.After(prev) {
			t.Errorf("%s: entries are not newest first", where)
		}
		prev = updated
		if m.Summary != "" {
			// type="html": the text is HTML source; as HTML it must read
			// exactly as the plain-text summary.
			if e.Summary == nil || e.Summary.Type != "html" || html.UnescapeString(e.Summary.Text) != m.Summary {
				t.Errorf("%s: summary %+v, want %q as escaped HTML", where, e.Summary, m.Summary)
			}
			if strings.ContainsAny(e.Summary.Text, "<>") {
				t.Errorf("%s: summary holds markup: %q", where, e.Summary.Text)
			}
		}
		if len(e.Categories) != len(m.Tags) {
			t.Errorf("%s: %d categories, want %d tags", where, len(e.Categories), len(m.Tags))
		}
	}
}

func mustTime(t *testing.T, where, s string) time.Time {
	t.Helper()
	tm, err := time.Parse(time.RFC3339, s)
	if err != nil {
		t.Errorf("%s: %q is not an RFC 3339 date-time", where, s)
	}
	return tm
}

// TestAtomIDsStable: the same meeting keeps its entry id whatever day the
// site is built and whatever else the feed holds.
func TestAtomIDsStable(t *testing.T) {
	ids := func(b built, path string) map[string]string {
		out := map[string]string{}
		for _, e := range parseAtom(t, path, b.files[path]).Entries {
			out[e.Title] = e.ID
		}
		return out
	}
	sample := ids(buildSample(t, sampleNow), "spotkania/feed.xml")
	fix := ids(buildFS(t, fixture(t), buildOpts(fixtureNow)), "spotkania/feed.xml")
	later := ids(buildFS(t, fixture(t), buildOpts(time.Date(2031, 1, 1, 0, 0, 0, 0, time.UTC))), "spotkania/feed.xml")
	if len(sample) != 1 || len(fix) != 2 || len(later) != 4 {
		t.Fatalf("entries: %d, %d, %d; want 1, 2, 4", len(sample), len(fix), len(later))
	}
	for title, id := range sample {
		if fix[title] != id || later[title] != id {
			t.Errorf("%q has ids %q, %q, %q", title, id, fix[title], later[title])
		}
	}
	for title, id := range fix {
		if later[title] != id {
			t.Errorf("%q has ids %q, %q", title, id, later[title])
		}
	}
}
