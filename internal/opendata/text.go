package opendata

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/lubuskie-es/sitegen/internal/output"
	"github.com/lubuskie-es/sitegen/internal/site"
)

// TextKey is the translation key of the page with the information about
// the partnership's activity in easy-to-read text
// (content/tekst-latwy-do-czytania.<lang>.md). The 2019 act on
// accessibility asks a public body to publish that information also as a
// file of machine-readable text: it is made from the same page.
const TextKey = "tekst-latwy-do-czytania"

// TextPath is the path of the text file of page p, beside it
// ("/tekst-latwy-do-czytania/" → "/tekst-latwy-do-czytania.txt"), or ""
// when p has none.
func TextPath(p *site.Page) string {
	if p == nil || p.Kind != site.Article || p.Key != TextKey {
		return ""
	}
	return strings.TrimSuffix(p.URL, "/") + ".txt"
}

// textFiles writes the text file of every easy-to-read page: its title,
// then its text as the reader sees it, a paragraph, heading or list item
// to a block, in lines of at most 76 characters, UTF-8 with CRLF line
// ends, which every system's plain text editor reads.
func textFiles(s *site.Site) []output.File {
	var files []output.File
	for _, p := range s.Pages {
		path := TextPath(p)
		if path == "" {
			continue
		}
		var b strings.Builder
		b.WriteString(p.Title() + "\r\n")
		for _, block := range blocks(p.Content) {
			b.WriteString("\r\n")
			for _, line := range wrap(block, 76) {
				b.WriteString(line + "\r\n")
			}
		}
		files = append(files, output.File{Path: strings.TrimPrefix(path, "/"), Data: []byte(b.String())})
	}
	return files
}

// blocks gives the text of each block of an HTML fragment (a paragraph, a
// heading, a list item, a table row), list items marked with a dash.
func blocks(fragment string) []string {
	nodes, err := html.ParseFragment(strings.NewReader(fragment), &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div})
	if err != nil {
		return nil
	}
	var out []string
	var cur strings.Builder
	flush := func() {
		if t := strings.Join(strings.Fields(cur.String()), " "); t != "" {
			out = append(out, t)
		}
		cur.Reset()
	}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		block := false
		switch n.DataAtom {
		case atom.P, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Li, atom.Tr, atom.Pre, atom.Blockquote, atom.Dt, atom.Dd:
			block = true
			flush()
			if n.DataAtom == atom.Li {
				cur.WriteString("– ")
			}
		case atom.Br:
			cur.WriteByte(' ')
		}
		if n.Type == html.TextNode {
			cur.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if block {
			flush()
		}
	}
	for _, n := range nodes {
		walk(n)
	}
	flush()
	return out
}

// wrap breaks text at spaces into lines of at most width characters (a
// longer word gets a line of its own).
func wrap(text string, width int) []string {
	var lines []string
	var line strings.Builder
	n := 0
	for _, w := range strings.Fields(text) {
		wn := utf8.RuneCountInString(w)
		if n > 0 && n+1+wn > width {
			lines = append(lines, line.String())
			line.Reset()
			n = 0
		}
		if n > 0 {
			line.WriteByte(' ')
			n++
		}
		line.WriteString(w)
		n += wn
	}
	if n > 0 {
		lines = append(lines, line.String())
	}
	return lines
}
