package build

import (
	"fmt"
	"strings"

	"github.com/lubuskie-es/sitegen/internal/content"
	"github.com/lubuskie-es/sitegen/internal/diag"
	"github.com/lubuskie-es/sitegen/internal/output"
	"github.com/lubuskie-es/sitegen/internal/render"
	"github.com/lubuskie-es/sitegen/internal/site"
)

// aliasClashes finds aliases whose redirect page would take the path of a
// file the site writes besides its pages (the sitemap, robots.txt,
// 404.html, a feed, the open data, a static file), or would need such a
// file to be a folder, and reports each at the alias in its content file.
// site.Build has already compared aliases with pages; these files are
// known only once they are made. It returns the output paths of the
// clashing aliases, which output.Validate need not report again. static
// holds the output paths of static files.
func aliasClashes(s *site.Site, files []output.File, static map[string]bool, problems *diag.List) map[string]bool {
	if s == nil {
		return nil
	}
	// The files that are not pages: every path less one per page.
	others := make(map[string]int, len(files))
	for _, f := range files {
		others[f.Path]++
	}
	for _, p := range s.Pages {
		others[render.OutputPath(p.URL)]--
	}
	clashing := map[string]bool{}
	for _, p := range s.Pages {
		if p.Kind != site.Alias || p.Target == nil || p.Target.Doc == nil {
			continue
		}
		out := render.OutputPath(p.URL)
		taken := ""
		if others[out] > 0 {
			taken = out
		}
		for i := strings.IndexByte(out, '/'); i >= 0 && taken == ""; i = next(out, i) {
			if others[out[:i]] > 0 {
				taken = out[:i]
			}
		}
		if taken == "" {
			continue
		}
		clashing[out] = true
		d := p.Target.Doc
		a := aliasRef(d.Aliases, p.URL)
		problems.Add(diag.Problem{Path: d.Path, Line: a.Pos.Line, Col: a.Pos.Col,
			Message: fmt.Sprintf("alias %q would be written at /%s, but the site writes %s at /%s", a.ID, out, describeFile(taken, static), taken),
			Hint:    "remove the alias or give it another address"})
	}
	return clashing
}

// aliasRef finds the alias of a document that made the redirect page at
// url (which has "/" added unless the alias ends in .html).
func aliasRef(aliases []content.Ref, url string) content.Ref {
	for _, a := range aliases {
		if a.ID == url || a.ID+"/" == url {
			return a
		}
	}
	return content.Ref{ID: url}
}

// next is the index of the next "/" in p after the one at i, or -1.
func next(p string, i int) int {
	j := strings.IndexByte(p[i+1:], '/')
	if j < 0 {
		return -1
	}
	return i + 1 + j
}

// describeFile names a file the site makes, for a writer who did not know
// the site makes it.
func describeFile(p string, static map[string]bool) string {
	if static[p] {
		return "the static file " + StaticDir + "/" + p
	}
	switch {
	case p == "sitemap.xml", strings.HasPrefix(p, "sitemap-") && strings.HasSuffix(p, ".xml") && !strings.Contains(p, "/"):
		return "its sitemap"
	}
	switch p {
	case "robots.txt":
		return "its robots.txt"
	case "404.html":
		return `its "page not found" page`
	}
	switch {
	case strings.HasSuffix(p, ".xml") || strings.HasSuffix(p, ".ics"):
		return "a feed"
	case strings.HasSuffix(p, ".csv") || strings.HasSuffix(p, ".json") || strings.HasSuffix(p, ".jsonld"):
		return "a data file"
	}
	return "a file"
}
