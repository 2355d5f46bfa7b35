// Package feeds writes what the site publishes for machines rather than
// people: per language an Atom feed and an iCalendar feed of the meetings
// and a one-event calendar file per upcoming meeting; once, sitemap.xml and
// robots.txt. It reads the resolved, converted Site and returns files in
// memory; it never touches the disk.
//
// Nothing here reads the clock. Every date written comes from the content
// (a meeting's date), so the same input gives the same bytes on any day;
// see atom.go, ical.go and sitemap.go for which date each field takes.
package feeds

import (
	"net/url"
	"strings"

	"github.com/lubuskie-es/sitegen/internal/diag"
	"github.com/lubuskie-es/sitegen/internal/i18n"
	"github.com/lubuskie-es/sitegen/internal/output"
	"github.com/lubuskie-es/sitegen/internal/site"
)

// File names inside each language's meetings section.
const (
	atomName     = "feed.xml"
	calendarName = "calendar.ics"
)

// SitemapPath and RobotsPath are written once, at the site root.
const (
	SitemapPath = "/sitemap.xml"
	RobotsPath  = "/robots.txt"
)

// AtomPath is the path of a language's Atom feed of meeting reports, in its
// meetings section: "/spotkania/feed.xml", "/en/meetings/feed.xml".
func AtomPath(l *site.Lang) string { return l.MeetingsIndex.URL + atomName }

// CalendarPath is the path of a language's iCalendar feed of all meetings:
// "/spotkania/calendar.ics", "/en/meetings/calendar.ics".
func CalendarPath(l *site.Lang) string { return l.MeetingsIndex.URL + calendarName }

// EventPath is the path of the one-event calendar file of an upcoming
// meeting, beside its page: "/spotkania/2030/x/" → "/spotkania/2030/x.ics".
// It is "" for any other page, which has no such file. A page URL always
// ends in "/" (or ".html" for old addresses), so the file never collides
// with a page.
func EventPath(l *site.Lang, p *site.Page) string {
	if p == nil || p.Kind != site.Meeting || !p.Upcoming {
		return ""
	}
	return strings.TrimSuffix(p.URL, "/") + ".ics"
}

// Files makes every machine-readable file of s. catalogs are the UI strings
// by language code, for the feeds' titles. The Markdown phase must have run:
// summaries come from it.
func Files(s *site.Site, catalogs map[string]*i18n.Catalog) ([]output.File, diag.List) {
	var problems diag.List
	base, err := url.Parse(s.Config.BaseURL)
	if err != nil { // config has checked it; this is a broken invariant
		problems.Add(diag.Problem{Path: "site.yaml", Message: "baseURL: " + err.Error()})
		return nil, problems
	}
	links := newLinker(base)
	var files []output.File
	for _, l := range s.Langs {
		title := feedTitle(l, catalogs[l.Config.Code])
		files = append(files,
			file(AtomPath(l), atomFeed(l, links, title)),
			file(CalendarPath(l), calendarFeed(l, links, title)))
		for _, m := range l.Upcoming {
			files = append(files, file(EventPath(l, m), eventFile(l, m, links)))
		}
	}
	return append(files, machineFiles(s, links, sitemapLimits{maxSitemapURLs, maxSitemapBytes}, &problems)...), problems
}

// machineFiles are the files for crawlers: the sitemap (or a sitemap
// index and its parts, past lim) and robots.txt.
func machineFiles(s *site.Site, links linker, lim sitemapLimits, problems *diag.List) []output.File {
	sitemaps, p := sitemapFiles(s, links, lim)
	problems.Merge(p)
	return append(sitemaps, file(RobotsPath, robots(links)))
}

// feedTitle names a language's feeds: "Spotkania – Partnerstwo …".
func feedTitle(l *site.Lang, c *i18n.Catalog) string {
	if c != nil {
		if m, err := c.T("meetings"); err == nil {
			return m + " – " + l.Config.Title
		}
	}
	return l.Config.Title
}

func file(path string, data []byte) output.File {
	return output.File{Path: strings.TrimPrefix(path, "/"), Data: data}
}

// linker makes absolute URLs the way the templates' absURL does
// (site.Linker). --base-url changes the base, so every address written
// here follows it.
type linker struct {
	base  *url.URL
	links site.Linker
}

func newLinker(base *url.URL) linker { return linker{base: base, links: site.NewLinker(base)} }

// abs gives the absolute URL of a site path ("/spotkania/").
func (k linker) abs(path string) string { return k.links.Abs(path) }

func (k linker) page(p *site.Page) string { return k.abs(p.URL) }

// host is the base URL's host, for identifiers that must be unique
// across sites.
func (k linker) host() string { return k.base.Hostname() }
