// Package htmlx has the few helpers every reader of a parsed page
// (golang.org/x/net/html) needs: `sitegen check`, and the tests that look
// into built pages.
package htmlx

import (
	"strings"

	"golang.org/x/net/html"
)

// Walk calls fn for every element under n, n included, in document order.
func Walk(n *html.Node, fn func(*html.Node)) {
	if n.Type == html.ElementNode {
		fn(n)
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		Walk(c, fn)
	}
}

// Attr is the value of n's attribute name, "" when it has none.
func Attr(n *html.Node, name string) string {
	v, _ := AttrOK(n, name)
	return v
}

// AttrOK is Attr, and whether n has the attribute at all. An attribute
// in a namespace (xlink:href in SVG) is another attribute.
func AttrOK(n *html.Node, name string) (string, bool) {
	for _, a := range n.Attr {
		if a.Namespace == "" && a.Key == name {
			return a.Val, true
		}
	}
	return "", false
}

// HasAttr says whether n has the attribute name, whatever its value.
func HasAttr(n *html.Node, name string) bool {
	_, ok := AttrOK(n, name)
	return ok
}

// Text is all the text under n, as it stands in the document.
func Text(n *html.Node) string {
	var b strings.Builder
	var rec func(*html.Node)
	rec = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			rec(c)
		}
	}
	rec(n)
	return b.String()
}
