package check

import (
	"net/url"
	"path"
	"slices"
	"strings"

	"github.com/lubuskie-es/sitegen/internal/diag"
)

// baseURL is the site's address, split for resolving links.
type baseURL struct {
	scheme, host string
	path         string // "/" or "/preview/"
}

func parseBaseURL(s string) baseURL {
	u, err := url.Parse(s)
	if err != nil || u.Host == "" {
		return baseURL{path: "/"}
	}
	p := u.Path
	if !strings.HasSuffix(p, "/") {
		p += "/"
	}
	return baseURL{scheme: u.Scheme, host: strings.ToLower(u.Host), path: p}
}

// pages parses every HTML file and checks each URL in it.
func (c *checker) pages() {
	for _, p := range c.paths {
		if strings.HasSuffix(p, ".html") || strings.HasSuffix(p, ".htm") {
			c.html[p] = parsePage(p, c.files[p])
		}
	}
	c.report.Stats.Pages = len(c.html)
	for _, p := range c.paths {
		pg := c.html[p]
		if pg == nil {
			continue
		}
		src := c.sources[p]
		for _, r := range pg.refs {
			c.checkRef(pg, src, r)
		}
	}
}

// checkRef runs every rule on one URL of a page.
func (c *checker) checkRef(pg *page, src *source, r ref) {
	// The Markdown link behind r is looked for only when there is a
	// problem to report: claiming one for every element would let a menu
	// link to the same page take the place of the link in the text.
	var at *origin
	claimed := false
	where := func() *origin {
		if !claimed {
			at, claimed = src.find(r, r.name), true
		}
		return at
	}
	if r.tag == "img" && r.attr == "src" {
		c.report.Stats.Images++
		if !r.hasAlt {
			c.add(RuleAlt, where(), pg.path, diag.Error, "image without alt text: "+r.url,
				`describe what it shows in alt="…"; a purely decorative image gets alt="" (in Markdown: ![-](file.svg))`)
		}
	}
	if r.tag == "a" || r.tag == "area" {
		c.linkText(pg, r, where)
	}
	c.resolve(pg, r, where)
}

// resolve checks that an internal URL leads to an output file and, with
// a #fragment, to an id on that page. Links to other sites, mail and
// telephone links are not followed.
func (c *checker) resolve(pg *page, r ref, where func() *origin) {
	raw := strings.TrimSpace(r.url)
	if raw == "" {
		return
	}
	u, err := url.Parse(raw)
	if err != nil {
		c.add(RuleLink, where(), pg.path, diag.Error, "not a valid address: "+raw, "check the spelling of the link")
		return
	}
	if u.Scheme != "" && u.Scheme != "http" && u.Scheme != "https" {
		return // mailto:, tel: …
	}
	if u.Host != "" && !strings.EqualFold(u.Host, c.base.host) {
		c.report.Stats.External++
		return
	}
	if u.Host == "" && u.Path == "" {
		// Only a fragment (or a query): this very page.
		c.report.Stats.Links++
		c.fragment(pg, pg, u.Fragment, raw, where)
		return
	}
	c.report.Stats.Links++
	abs := u.Path
	if u.Host == "" && !strings.HasPrefix(abs, "/") {
		here := &url.URL{Path: c.base.path + strings.TrimPrefix(pg.url, "/")}
		abs = here.ResolveReference(&url.URL{Path: u.Path}).Path
	}
	rel, ok := strings.CutPrefix(abs, c.base.path)
	if !ok && abs+"/" != c.base.path {
		c.add(RuleLink, where(), pg.path, diag.Error, "link outside the site's address "+c.base.path+": "+raw,
			"the site is published under "+c.base.path+", and a path starting with / in Markdown is not moved there: "+
				"link pages by their .md files, and publish at the domain root when the text has images")
		return
	}
	file, found := c.file(rel)
	if !found {
		c.add(RuleLink, where(), pg.path, diag.Error, "link to "+describe(r)+" that does not exist: "+raw, hintFor(r, rel))
		return
	}
	if target := c.html[file]; target != nil {
		c.fragment(pg, target, u.Fragment, raw, where)
	}
}

// file finds the output file an address below the base path stands for:
// a folder stands for its index.html, and a static host also serves
// /x as /x/ when there is no file x.
func (c *checker) file(rel string) (string, bool) {
	rel = strings.TrimPrefix(path.Clean("/"+rel), "/")
	if rel == "" || rel == "." {
		rel = "index.html"
	} else if _, ok := c.files[rel]; !ok {
		rel += "/index.html"
	}
	_, ok := c.files[rel]
	return rel, ok
}

// fragment checks #id against the ids of the target page.
func (c *checker) fragment(from, target *page, frag, raw string, where func() *origin) {
	// "#" and "#top" scroll to the top of any page.
	if frag == "" || strings.EqualFold(frag, "top") || target.ids[frag] {
		return
	}
	hint := "a heading's id is made from its text (## Dostępność strony → #dostepnosc-strony) or set with {#id}"
	if s := suggestID(frag, target); s != "" {
		hint = "did you mean #" + s + "? " + hint
	}
	c.add(RuleAnchor, where(), from.path, diag.Error,
		"link to #"+frag+", which is not an id on "+target.url+": "+raw, hint)
}

// suggestID finds the id frag was probably meant to be: a close spelling,
// or the one id that frag is a part of ("procedura" → "a11y-procedura").
func suggestID(frag string, p *page) string {
	ids := make([]string, 0, len(p.ids))
	for id := range p.ids {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	if s := diag.Suggest(frag, ids); s != "" {
		return s
	}
	var found []string
	for _, id := range ids {
		if strings.HasSuffix(id, "-"+frag) || strings.HasPrefix(id, frag+"-") {
			found = append(found, id)
		}
	}
	if len(found) == 1 {
		return found[0]
	}
	return ""
}

func describe(r ref) string {
	switch r.tag {
	case "img", "source":
		return "an image"
	case "a", "area":
		return "a page"
	case "link":
		return "a file"
	}
	return "a file"
}

func hintFor(r ref, rel string) string {
	if r.tag == "img" || r.tag == "source" {
		return "put the image in static/ (e.g. static/images/) and write its path from there: /images/" + path.Base(rel)
	}
	if r.tag == "a" {
		return "link to another content file by its path, e.g. [Kontakt](../kontakt.pl.md), and the build will find its address"
	}
	return "check the path"
}
