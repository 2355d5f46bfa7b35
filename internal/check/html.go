package check

import (
	"bytes"
	"strings"

	"github.com/lubuskie-es/sitegen/internal/htmlx"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// page is what the checks need of one HTML output file.
type page struct {
	path string // output path: "spotkania/index.html"
	url  string // its address below the base path: "/spotkania/"
	lang string // <html lang>
	ids  map[string]bool
	refs []ref
}

// ref is one URL in a page: a link, an image, a stylesheet, a script …
type ref struct {
	tag, attr string
	url       string // as the browser reads it (entities decoded)
	// For <a> and <area>: the accessible name; for <img>: the alt text.
	name   string
	hasAlt bool // <img> only: alt="" counts, no attribute does not
}

// urlAttrs are the attributes that hold a URL the browser fetches or
// follows, by element.
var urlAttrs = map[atom.Atom][]string{
	atom.A:      {"href"},
	atom.Area:   {"href"},
	atom.Link:   {"href"},
	atom.Img:    {"src", "srcset"},
	atom.Script: {"src"},
	atom.Iframe: {"src"},
	atom.Source: {"src", "srcset"},
	atom.Track:  {"src"},
	atom.Audio:  {"src"},
	atom.Video:  {"src", "poster"},
	atom.Embed:  {"src"},
	atom.Object: {"data"},
}

// pageURL is the address of an output file below the base path.
func pageURL(path string) string {
	if path == "index.html" {
		return "/"
	}
	if strings.HasSuffix(path, "/index.html") {
		return "/" + strings.TrimSuffix(path, "index.html")
	}
	return "/" + path
}

// parsePage reads one HTML file. x/net/html parses as browsers do, so
// broken markup still gives the tree a browser would see.
func parsePage(path string, data []byte) *page {
	p := &page{path: path, url: pageURL(path), ids: map[string]bool{}}
	doc, err := html.Parse(bytes.NewReader(data))
	if err != nil { // only a failing reader makes it fail
		return p
	}
	// First every id, since aria-labelledby may point forward.
	byID := map[string]*html.Node{}
	htmlx.Walk(doc, func(n *html.Node) {
		if id := htmlx.Attr(n, "id"); id != "" {
			p.ids[id] = true
			if byID[id] == nil {
				byID[id] = n
			}
		}
		if n.DataAtom == atom.A && htmlx.Attr(n, "name") != "" {
			p.ids[htmlx.Attr(n, "name")] = true
		}
		if n.DataAtom == atom.Html {
			p.lang = htmlx.Attr(n, "lang")
		}
	})
	htmlx.Walk(doc, func(n *html.Node) {
		if n.DataAtom == atom.Meta {
			p.metaRefs(n)
		}
		for _, a := range urlAttrs[n.DataAtom] {
			v, ok := htmlx.AttrOK(n, a)
			if !ok {
				continue
			}
			urls := []string{v}
			if a == "srcset" {
				urls = srcset(v)
			}
			for _, u := range urls {
				r := ref{tag: n.Data, attr: a, url: u}
				switch n.DataAtom {
				case atom.A, atom.Area:
					r.name = linkName(n, byID)
				case atom.Img:
					r.name, r.hasAlt = htmlx.AttrOK(n, "alt")
				}
				p.refs = append(p.refs, r)
			}
		}
	})
	return p
}

// metaRefs records the URLs a <meta> holds: the target of a refresh, and
// absolute addresses in content (og:url, og:image, the accessibility
// statement's address); only those on this site are followed later.
func (p *page) metaRefs(n *html.Node) {
	content, ok := htmlx.AttrOK(n, "content")
	if !ok {
		return
	}
	if strings.EqualFold(htmlx.Attr(n, "http-equiv"), "refresh") {
		if _, u, found := strings.Cut(content, "="); found && strings.Contains(strings.ToLower(content), "url") {
			p.refs = append(p.refs, ref{tag: "meta", attr: "content", url: strings.Trim(strings.TrimSpace(u), `'"`)})
		}
		return
	}
	if strings.HasPrefix(content, "http://") || strings.HasPrefix(content, "https://") {
		if !strings.ContainsAny(content, " \n") {
			p.refs = append(p.refs, ref{tag: "meta", attr: "content", url: content})
		}
	}
}

// srcset returns the URLs of a srcset attribute ("a.png 1x, b.png 2x").
func srcset(v string) []string {
	var out []string
	for _, cand := range strings.Split(v, ",") {
		if f := strings.Fields(cand); len(f) > 0 {
			out = append(out, f[0])
		}
	}
	return out
}

// linkName is a link's accessible name as a screen reader computes it,
// in the common cases: the text of the elements aria-labelledby names,
// else aria-label, else its text (with the alt text of
// images and the title of SVGs, skipping what is aria-hidden), else its
// title attribute.
func linkName(n *html.Node, byID map[string]*html.Node) string {
	var labels []string
	for _, id := range strings.Fields(htmlx.Attr(n, "aria-labelledby")) {
		if l := byID[id]; l != nil {
			labels = append(labels, accessibleText(l))
		}
	}
	if v := collapse(strings.Join(labels, " ")); v != "" {
		return v
	}
	if v := strings.TrimSpace(htmlx.Attr(n, "aria-label")); v != "" {
		return collapse(v)
	}
	if t := accessibleText(n); t != "" {
		return t
	}
	return collapse(htmlx.Attr(n, "title"))
}

// accessibleText is the text a screen reader reads for n's content.
func accessibleText(n *html.Node) string {
	var b strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			b.WriteString(n.Data)
			return
		case html.ElementNode:
			if htmlx.Attr(n, "aria-hidden") == "true" || htmlx.HasAttr(n, "hidden") {
				return
			}
			switch n.DataAtom {
			case atom.Img:
				b.WriteString(" " + htmlx.Attr(n, "alt") + " ")
				return
			case atom.Script, atom.Style, atom.Template:
				return
			case atom.Svg:
				for c := n.FirstChild; c != nil; c = c.NextSibling {
					if c.Type == html.ElementNode && c.Data == "title" {
						b.WriteString(" " + accessibleText(c) + " ")
					}
				}
				return
			}
			if v := strings.TrimSpace(htmlx.Attr(n, "aria-label")); v != "" && n.Parent != nil {
				b.WriteString(" " + v + " ")
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if n.Type == html.ElementNode && n.DataAtom != atom.Span && n.DataAtom != atom.A &&
			n.DataAtom != atom.Em && n.DataAtom != atom.Strong && n.DataAtom != atom.Code {
			// Words of different blocks, list items or cells must not run
			// together; inline elements join their text as written.
			b.WriteByte(' ')
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walk(c)
	}
	return collapse(b.String())
}

func collapse(s string) string { return strings.Join(strings.Fields(s), " ") }
