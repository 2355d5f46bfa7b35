package feeds

import (
	"cmp"
	"encoding/xml"
	"fmt"
	"slices"
	"strings"

	"github.com/lubuskie-es/sitegen/internal/diag"
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

// Limits of one sitemap file (sitemaps.org protocol).
const (
	maxSitemapURLs = 50000
	maxLocLength   = 2048
)

func sitemapFile(s *site.Site, k linker) ([]byte, diag.List) {
	var problems diag.List
	pages := make([]*site.Page, 0, len(s.Pages))
	for _, p := range s.Pages {
		if p.Kind != site.Alias {
			pages = append(pages, p)
		}
	}
	slices.SortFunc(pages, func(a, b *site.Page) int { return cmp.Compare(a.URL, b.URL) })
	if len(pages) > maxSitemapURLs {
		problems.Add(diag.Problem{Path: "sitemap.xml",
			Message: fmt.Sprintf("the site has %d pages; one sitemap holds at most %d", len(pages), maxSitemapURLs),
			Hint:    "sitemap indexes are not supported yet"})
	}
	past := map[*site.Page]bool{}
	for _, l := range s.Langs {
		for _, m := range l.Past {
			past[m] = true
		}
	}

	var b strings.Builder
	// An entry is about two hundred bytes, and more with translations.
	b.Grow(len(pages) * 200 * len(s.Config.Languages))
	b.WriteString(xml.Header)
	b.WriteString(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">` + "\n")
	for _, p := range pages {
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
	}
	b.WriteString("</urlset>\n")
	return []byte(b.String()), problems
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
