package feeds

import (
	"cmp"
	"encoding/xml"
	"fmt"
	"slices"
	"strings"

	"github.com/lubuskie-es/sitegen/internal/diag"
	"github.com/lubuskie-es/sitegen/internal/output"
	"github.com/lubuskie-es/sitegen/internal/site"
)

// The sitemap (sitemaps.org 0.9) lists every page a search engine should
// index: all pages but the redirects of old addresses (and 404.html, which
// is no page of the site). Each entry names its translations the way the
// page's own <link rel="alternate" hreflang> do: every language the page
// exists in, itself included, and x-default for the default-language
// version when there is one.
//
// <lastmod> is written only where the content gives a date that bounds the
// page's last change: a meeting that has taken place, dated the day it
// took place. The site keeps no edit dates, and the build's clock or the
// files' modification times would make two builds of the same input
// differ (and a checkout sets every file's time anew), so other pages go
// without; the sitemap protocol makes lastmod optional for this reason.
// An upcoming meeting's date is in the future, not a modification date.

// Limits of one sitemap file (sitemaps.org protocol): at most 50,000
// addresses and 50 MB (52,428,800 bytes) uncompressed, each address at
// most 2,048 characters. A site past them gets a sitemap index.
const (
	maxSitemapURLs  = 50000
	maxSitemapBytes = 50 << 20
	maxLocLength    = 2048
)

// sitemapLimits bounds one sitemap file; tests pass small ones.
type sitemapLimits struct{ urls, bytes int }

const (
	urlsetOpen  = `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">` + "\n"
	urlsetClose = "</urlset>\n"
)

// sitemapFiles makes sitemap.xml: the one sitemap of every page while
// they fit in one file (lim), else a sitemap index (sitemaps.org 0.9) at
// the same address naming sitemap-1.xml, sitemap-2.xml …, each within
// lim, in the pages' address order. robots.txt names sitemap.xml either
// way, which search engines read as a sitemap or an index.
func sitemapFiles(s *site.Site, k linker, lim sitemapLimits) ([]output.File, diag.List) {
	entries, problems := sitemapEntries(s, k)
	frame := len(xml.Header) + len(urlsetOpen) + len(urlsetClose)
	// Parts as ranges of entries, each filled while it stays in lim.
	var parts [][2]int
	start, size := 0, frame
	for i, e := range entries {
		if i > start && (i-start == lim.urls || size+len(e) > lim.bytes) {
			parts = append(parts, [2]int{start, i})
			start, size = i, frame
		}
		size += len(e)
	}
	parts = append(parts, [2]int{start, len(entries)})
	if len(parts) == 1 {
		return []output.File{file(SitemapPath, urlset(entries, size))}, problems
	}
	files := make([]output.File, 0, len(parts)+1)
	var index strings.Builder
	index.WriteString(xml.Header)
	index.WriteString(`<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
	for n, r := range parts {
		name := fmt.Sprintf("/sitemap-%d.xml", n+1)
		part := entries[r[0]:r[1]]
		files = append(files, file(name, urlset(part, frame+totalLen(part))))
		index.WriteString("  <sitemap>\n    <loc>" + escapeXML(k.abs(name)) + "</loc>\n  </sitemap>\n")
	}
	index.WriteString("</sitemapindex>\n")
	return append(files, file(SitemapPath, []byte(index.String()))), problems
}

func totalLen(entries []string) int {
	n := 0
	for _, e := range entries {
		n += len(e)
	}
	return n
}

// urlset is one sitemap of entries, size bytes long.
func urlset(entries []string, size int) []byte {
	b := make([]byte, 0, size)
	b = append(b, xml.Header...)
	b = append(b, urlsetOpen...)
	for _, e := range entries {
		b = append(b, e...)
	}
	return append(b, urlsetClose...)
}

// sitemapEntries gives the <url> element of every page to index, in the
// order of their addresses.
func sitemapEntries(s *site.Site, k linker) ([]string, diag.List) {
	var problems diag.List
	pages := make([]*site.Page, 0, len(s.Pages))
	for _, p := range s.Pages {
		if p.Kind != site.Alias {
			pages = append(pages, p)
		}
	}
	slices.SortFunc(pages, func(a, b *site.Page) int { return cmp.Compare(a.URL, b.URL) })
	past := map[*site.Page]bool{}
	for _, l := range s.Langs {
		for _, m := range l.Past {
			past[m] = true
		}
	}
	entries := make([]string, len(pages))
	var b strings.Builder
	for i, p := range pages {
		b.Reset()
		loc := k.page(p)
		if len(loc) > maxLocLength {
			problems.Add(diag.Problem{Path: "sitemap.xml",
				Message: fmt.Sprintf("the address %s is longer than the %d characters a sitemap allows", loc, maxLocLength)})
		}
		b.WriteString("  <url>\n    <loc>" + escapeXML(loc) + "</loc>\n")
		if past[p] {
			b.WriteString("    <lastmod>" + p.Doc.Date.Format("2006-01-02") + "</lastmod>\n")
		}
		for _, a := range alternates(s, p) {
			b.WriteString(`    <xhtml:link rel="alternate" hreflang="` + escapeXML(a.hreflang) +
				`" href="` + escapeXML(k.page(a.page)) + "\"/>\n")
		}
		b.WriteString("  </url>\n")
		entries[i] = b.String()
	}
	return entries, problems
}

type alternate struct {
	hreflang string
	page     *site.Page
}

// alternates are the versions of p in every language, in configured order,
// then x-default: the same set as base.html writes into the page's head,
// so that the two never disagree (a page without translations names only
// itself).
func alternates(s *site.Site, p *site.Page) []alternate {
	var out []alternate
	var def *site.Page
	for _, l := range s.Config.Languages {
		v := p
		if l.Code != p.Lang.Code {
			v = nil
			for _, t := range p.Translations {
				if t.Lang.Code == l.Code {
					v = t
				}
			}
		}
		if v == nil {
			continue
		}
		out = append(out, alternate{l.Code, v})
		if s.Config.IsDefault(l.Code) {
			def = v
		}
	}
	if def != nil {
		out = append(out, alternate{"x-default", def})
	}
	return out
}

// robots allows everything and names the sitemap by its absolute address,
// as the Sitemap line requires.
func robots(k linker) []byte {
	return []byte("User-agent: *\nDisallow:\n\nSitemap: " + k.abs(SitemapPath) + "\n")
}

// escapeXML escapes s for XML text and attributes, by xml.EscapeText.
func escapeXML(s string) string {
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(s)) // a strings.Builder never fails
	return b.String()
}
