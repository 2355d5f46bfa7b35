package check

import (
	"net/url"
	"strings"

	"github.com/lubuskie-es/sitegen/internal/diag"
	"github.com/lubuskie-es/sitegen/internal/markdown"
	"github.com/lubuskie-es/sitegen/internal/render"
	"github.com/lubuskie-es/sitegen/internal/site"
)

// origin is a place in a content file.
type origin struct {
	path      string
	line, col int
}

// source is the Markdown behind one output page: its links and images in
// document order, each claimed at most once by an element of the HTML.
type source struct {
	path   string
	links  []markdown.Link
	offset int // lines of front matter before the Markdown
	used   []bool
}

// content reads the Markdown of every content page again, as the build
// converted it, for where its links and headings are, and checks the
// order of its headings.
func (c *checker) content() {
	converters := map[string]*markdown.Converter{}
	for _, l := range c.site.Config.Languages {
		converters[l.Code] = markdown.New(markdown.Options{Quotes: l.Quotes, Unsafe: c.site.Config.UnsafeMarkdown})
	}
	for _, p := range c.site.Pages {
		if p.Doc == nil || p.Kind == site.Alias {
			continue
		}
		c.report.Stats.Content++
		// The same resolver as the build's convert phase, so that links
		// to content files come out as the HTML has them.
		resolve := func(dest string) (string, bool) {
			t, ok := c.site.ResolveLink(p, dest)
			if !ok {
				return "", false
			}
			return strings.TrimSuffix(c.base.path, "/") + t.URL, true
		}
		r := converters[p.Lang.Code].Convert(p.Doc.Body, resolve)
		src := &source{path: p.Doc.Path, links: r.Links, offset: p.Doc.BodyLine - 1, used: make([]bool, len(r.Links))}
		c.sources[render.OutputPath(p.URL)] = src
		c.headingOrder(src, r.Headings)
	}
}

// find returns where the Markdown wrote the element behind r: the first
// link or image not yet claimed with the same destination, preferring one
// whose text is the same too. nil means the templates wrote it.
func (s *source) find(r ref, text string) *origin {
	if s == nil || (r.tag != "a" && r.tag != "img") {
		return nil
	}
	image := r.tag == "img"
	best := -1
	for i, l := range s.links {
		if s.used[i] || l.Image != image || !sameURL(l.Dest, r.url) {
			continue
		}
		if collapse(l.Text) == text || (image && l.Text == "-" && text == "") {
			best = i
			break
		}
		if best < 0 {
			best = i
		}
	}
	if best < 0 {
		return nil
	}
	s.used[best] = true
	return s.at(s.links[best].Line, s.links[best].Col)
}

// at turns a Markdown line and column into a place in the file.
func (s *source) at(line, col int) *origin {
	o := &origin{path: s.path, line: line, col: col}
	if line > 0 {
		o.line += s.offset
	}
	return o
}

// sameURL compares two spellings of a URL: goldmark percent-escapes what
// the writer typed, a template may not.
func sameURL(a, b string) bool {
	if a == b {
		return true
	}
	ua, err1 := url.PathUnescape(a)
	ub, err2 := url.PathUnescape(b)
	return err1 == nil && err2 == nil && ua == ub
}

// headingOrder reports content headings that skip a level. The page's
// title is its only level-1 heading, so the text starts at level 2 (##),
// and each heading may go at most one level deeper than the one before.
func (c *checker) headingOrder(src *source, hs []markdown.Heading) {
	prev := 1
	for _, h := range hs {
		at := src.at(h.Line, h.Col)
		switch {
		case h.Level == 1:
			c.add(RuleHeadingOrder, at, "", diag.Warning,
				"a level-1 heading (#) in the text: the page's title is already its level-1 heading",
				"start the headings of the text with ## and go down one level at a time (##, ###, …)")
		case h.Level > prev+1:
			c.add(RuleHeadingOrder, at, "", diag.Warning,
				"heading level "+strings.Repeat("#", h.Level)+" skips "+levels(prev+1, h.Level-1)+
					" (after "+strings.Repeat("#", prev)+headingName(prev)+")",
				"use "+strings.Repeat("#", prev+1)+": screen reader users move through a page by its headings, and a skipped level looks like a missing section")
		}
		prev = h.Level
	}
}

func headingName(level int) string {
	if level == 1 {
		return ", the page's title"
	}
	return ""
}

func levels(from, to int) string {
	if from == to {
		return strings.Repeat("#", from)
	}
	return strings.Repeat("#", from) + " to " + strings.Repeat("#", to)
}
