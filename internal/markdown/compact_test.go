package markdown

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	xhtml "golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

func TestCompact(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"<p>a</p>\n<p>b</p>\n", "<p>a</p><p>b</p>"},
		{"<ul>\n<li>a\nb</li>\n<li><a href=\"x\">c</a>\nd</li>\n</ul>\n", "<ul><li>a\nb</li><li><a href=\"x\">c</a>\nd</li></ul>"},
		{"<p>a<br>\nb <em>c</em>\nd</p>\n", "<p>a<br>\nb <em>c</em>\nd</p>"},
		{"<pre><code>\nx&gt;\n\n</code></pre>\n<hr>\n", "<pre><code>\nx&gt;\n\n</code></pre><hr>"},
		{"<pre><code class=\"language-go\">a\n</code></pre>\n<p>b</p>\n", "<pre><code class=\"language-go\">a\n</code></pre><p>b</p>"},
		{"<h2 id=\"a\">A</h2>\n<table>\n<thead>\n<tr>\n<th>x</th>\n</tr>\n</thead>\n</table>\n", "<h2 id=\"a\">A</h2><table><thead><tr><th>x</th></tr></thead></table>"},
		{"<p>x</p>\n<!-- raw HTML omitted -->\n<p>y</p>", "<p>x</p><!-- raw HTML omitted -->\n<p>y</p>"},
		{"", ""},
		{"<p", "<p"},
	} {
		if got := string(compact([]byte(tc.in))); got != tc.want {
			t.Errorf("compact(%q)\n got %q\nwant %q", tc.in, got, tc.want)
		}
	}
}

// FuzzCompact: what compact leaves out of goldmark's HTML is whitespace a
// browser does not render. Both are parsed as a browser would, and their
// trees compared with whitespace as CSS treats it outside <pre>: runs
// collapse to one space, and space beside a block's edge is dropped.
func FuzzCompact(f *testing.F) {
	for _, s := range []string{benchPage, "a\nb\n\n- x\n- y\n\n  z\n\n> q\n\n```\n\nc>\n```\n\n| a |\n|---|\n| 1 |\n\nx[^1]\n\n[^1]: n\n",
		"*a*\n**b**\n[c](d)\n<b>x</b>\n\n<div>\ny\n</div>\n\n    code\n\n1. a\n\n2. b\n"} {
		f.Add(s)
	}
	md := goldmark.New(goldmark.WithExtensions(extension.GFM, extension.Footnote, extension.Typographer),
		goldmark.WithParserOptions(parser.WithHeadingAttribute()))
	f.Fuzz(func(t *testing.T, src string) {
		var raw bytes.Buffer
		if err := md.Convert([]byte(src), &raw); err != nil {
			t.Fatal(err)
		}
		want := rendered(t, raw.String())
		got := rendered(t, string(compact(bytes.Clone(raw.Bytes()))))
		if got != want {
			t.Fatalf("compacting changed what is shown:\nraw     %q\ncompact %q\nwant %s\ngot  %s", raw.String(), compact(raw.Bytes()), want, got)
		}
	})
}

// rendered writes the tree a browser builds from a fragment of HTML, with
// whitespace as it is shown.
func rendered(t *testing.T, s string) string {
	t.Helper()
	body := &xhtml.Node{Type: xhtml.ElementNode, Data: "body", DataAtom: atom.Body}
	nodes, err := xhtml.ParseFragment(strings.NewReader(s), body)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	writeNodes(&b, nodes, true, false)
	return b.String()
}

func writeNodes(b *strings.Builder, nodes []*xhtml.Node, inBlock, inPre bool) {
	for i, n := range nodes {
		switch n.Type {
		case xhtml.ElementNode:
			b.WriteString("<" + n.Data)
			attrs := slices.Clone(n.Attr)
			slices.SortFunc(attrs, func(a, b xhtml.Attribute) int { return strings.Compare(a.Key, b.Key) })
			for _, a := range attrs {
				b.WriteString(" " + a.Key + "=" + a.Val)
			}
			b.WriteString(">")
			var kids []*xhtml.Node
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				kids = append(kids, c)
			}
			writeNodes(b, kids, displayBlock(n.Data), inPre || n.Data == "pre")
			b.WriteString("</" + n.Data + ">")
		case xhtml.TextNode:
			text := n.Data
			if !inPre {
				text = strings.Join(strings.Fields(text), " ")
				if text != "" && strings.ContainsAny(n.Data[:1], " \n\t") && !(i == 0 && inBlock) && !(i > 0 && blockNode(nodes[i-1])) {
					text = " " + text
				}
				if last := n.Data[len(n.Data)-1:]; text != "" && strings.ContainsAny(last, " \n\t") && !(i == len(nodes)-1 && inBlock) && !(i < len(nodes)-1 && blockNode(nodes[i+1])) {
					text += " "
				}
				if text == "" && !(i > 0 && !blockNode(nodes[i-1]) && i < len(nodes)-1 && !blockNode(nodes[i+1])) {
					continue // whitespace beside a block's edge
				}
				if text == "" {
					text = " "
				}
			}
			b.WriteString("[" + text + "]")
		case xhtml.CommentNode:
			b.WriteString("<!--" + n.Data + "-->")
		}
	}
}

// blockNode says whether a browser lays n out as a block, by the HTML
// standard's default styles (not by compact's own list, which is on test).
func blockNode(n *xhtml.Node) bool { return n.Type == xhtml.ElementNode && displayBlock(n.Data) }

func displayBlock(tag string) bool {
	switch tag {
	case "address", "article", "aside", "blockquote", "dd", "details", "div", "dl", "dt", "figcaption", "figure",
		"footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre",
		"section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul":
		return true
	}
	return false
}
