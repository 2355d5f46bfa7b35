package feeds_test

import (
	"bytes"
	"io/fs"
	"os"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/lubuskie-es/sitegen/internal/build"
	"github.com/lubuskie-es/sitegen/internal/htmlx"
	"github.com/lubuskie-es/sitegen/internal/render"
	"github.com/lubuskie-es/sitegen/internal/site"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Two fixed "nows" for the sample site, whose one meeting is on 14 May
// 2015: after it (a report) and before it (an announcement).
var (
	sampleNow   = time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC)
	announceNow = time.Date(2015, 5, 1, 12, 0, 0, 0, time.UTC)
	// fixtureNow splits the fixture's meetings into two past, two upcoming.
	fixtureNow = time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC)
)

const sampleBase = "https://partnerstwo-es.example.org/"

// built is one finished build: its files by path and its resolved site.
type built struct {
	files map[string][]byte
	site  *site.Site
}

func buildFS(t *testing.T, src fs.FS, opts build.Options) built {
	t.Helper()
	res := build.Run(src, opts)
	if res.Problems.HasErrors() {
		var b strings.Builder
		res.Problems.Print(&b)
		t.Fatalf("the site has problems:\n%s", b.String())
	}
	b := built{files: map[string][]byte{}, site: res.Site}
	for _, f := range res.Files {
		b.files[f.Path] = f.Data
	}
	return b
}

// buildSample builds the repository's own site in memory.
func buildSample(t *testing.T, now time.Time) built {
	t.Helper()
	return buildFS(t, os.DirFS("../.."), build.Options{Now: now})
}

// hostile holds every character that has a meaning in one of the formats
// written: it must come out as text everywhere.
const hostile = "</script><script>alert(1)</script> \"&<>' ;,\\ ]]> --> {{x}}\nsecond line"

// fixture is the sample site plus meetings that exercise what the sample
// does not: several reports and announcements, times of day, a host with a
// logo, an address and a website, and front matter full of characters that
// XML, iCalendar, JSON and HTML treat specially.
func fixture(t *testing.T) fs.FS {
	t.Helper()
	m := fstest.MapFS{}
	root := os.DirFS("../..")
	for _, dir := range []string{"site.yaml", "templates", "static", "content"} {
		err := fs.WalkDir(root, dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			data, err := fs.ReadFile(root, p)
			m[p] = &fstest.MapFile{Data: data}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	add := func(p, s string) { m[p] = &fstest.MapFile{Data: []byte(s)} }
	add("static/images/partners/gospodarz.svg", `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><rect width="1" height="1"/></svg>`)
	add("content/partners/gospodarz.pl.md", `---
title: "Gospodarz & Spółka"
short: "G&S"
sector: ngo
role: signatory
website: "https://gospodarz.example.com/"
logo: images/partners/gospodarz.svg
address: "ul. Długa 1, 65-001 Zielona Góra"
aliases: ["/stary-serwis/gospodarz.html"]
---
Partner, który gości spotkania.
`)
	add("content/partners/gospodarz.en.md", `---
title: "Host & Co"
sector: ngo
role: signatory
logo: /images/partners/gospodarz.svg
---
A partner that hosts meetings.
`)
	add("content/meetings/2016-03-10-wiosenne-spotkanie.pl.md", `---
title: "Wiosenne spotkanie"
date: 2016-03-10T10:30:00+01:00
end: 2016-03-10T13:00:00+01:00
location: "Zielona Góra"
host: gospodarz
summary: "Spotkanie o godzinie 10:30."
---
Treść.
`)
	add("content/meetings/2030-01-15-zapowiedz.pl.md", `---
title: "Zapowiedź `+yamlEscape(hostile)+`"
date: 2030-01-15
end: 2030-01-16
location: "Sala `+yamlEscape(hostile)+`"
host: gospodarz
tags: ["ekonomia społeczna"]
summary: "Opis `+yamlEscape(hostile)+`"
---
Treść zapowiedzi.
`)
	add("content/meetings/2030-01-15-zapowiedz.en.md", `---
title: "Announcement"
date: 2030-01-15
location: "Hall"
---
Announcement.
`)
	add("content/meetings/2030-02-01-poranne-spotkanie.pl.md", `---
title: "Poranne spotkanie z bardzo długim tytułem, który nie mieści się w jednym wierszu pliku iCalendar: żółć, gęślą jaźń 🎉"
date: 2030-02-01T09:00:00+01:00
location: "Gorzów Wielkopolski"
---
Treść.
`)
	return m
}

// yamlEscape writes s for a YAML double-quoted scalar.
func yamlEscape(s string) string {
	return strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`).Replace(s)
}

// outputOf is the file a page is written to.
func outputOf(p *site.Page) string { return render.OutputPath(p.URL) }

func parseHTML(t *testing.T, name string, data []byte) *html.Node {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return doc
}

// headMeta collects what a page's head says about it.
type headMeta struct {
	canonical  string
	meta       map[string][]string // property or name → contents
	alternates map[string]string   // hreflang → href
	feeds      map[string][]string // type → hrefs of rel=alternate links with a type
	ldJSON     []string            // the text of each application/ld+json script
	scripts    int                 // every <script> element
}

func readHead(doc *html.Node) headMeta {
	h := headMeta{meta: map[string][]string{}, alternates: map[string]string{}, feeds: map[string][]string{}}
	htmlx.Walk(doc, func(n *html.Node) {
		switch n.DataAtom {
		case atom.Link:
			switch {
			case htmlx.Attr(n, "rel") == "canonical":
				h.canonical = htmlx.Attr(n, "href")
			case htmlx.Attr(n, "rel") == "alternate" && htmlx.Attr(n, "hreflang") != "":
				h.alternates[htmlx.Attr(n, "hreflang")] = htmlx.Attr(n, "href")
			case htmlx.Attr(n, "rel") == "alternate" && htmlx.Attr(n, "type") != "":
				h.feeds[htmlx.Attr(n, "type")] = append(h.feeds[htmlx.Attr(n, "type")], htmlx.Attr(n, "href"))
			}
		case atom.Meta:
			key := htmlx.Attr(n, "property")
			if key == "" {
				key = htmlx.Attr(n, "name")
			}
			h.meta[key] = append(h.meta[key], htmlx.Attr(n, "content"))
		case atom.Script:
			h.scripts++
			if htmlx.Attr(n, "type") == "application/ld+json" && n.FirstChild != nil {
				h.ldJSON = append(h.ldJSON, n.FirstChild.Data)
			}
		}
	})
	return h
}

// localFile is the output file an absolute URL of the site names, or "".
func localFile(base, u string) string {
	p, ok := strings.CutPrefix(u, base)
	if !ok {
		return ""
	}
	if p == "" || strings.HasSuffix(p, "/") {
		p += "index.html"
	}
	return p
}

func buildOpts(now time.Time) build.Options { return build.Options{Now: now} }

// hostOf is the host of an absolute URL.
func hostOf(u string) string {
	rest := u[strings.Index(u, "://")+3:]
	if i := strings.IndexByte(rest, '/'); i >= 0 {
		rest = rest[:i]
	}
	return rest
}

// pathOf is the path of an absolute URL ("/" or "/pr-7/").
func pathOf(u string) string {
	return "/" + strings.TrimPrefix(u[len("https://")+len(hostOf(u)):], "/")
}
