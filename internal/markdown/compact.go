package markdown

import "bytes"

// compact removes the line breaks goldmark writes after the tags of
// block elements (</p>, <ul>, </li>, <tr> …), in place: whitespace
// between blocks means nothing to a browser, and this is all the
// minifying goldmark's own output needs, in a fraction of the time a
// general HTML minifier takes. Line breaks inside <pre> are content and
// stay, as do those after inline tags (<a>, <em>), where a line break is
// a space between words.
//
// It relies on what goldmark writes when raw HTML is not let through: a
// '<' that is not a tag's start is escaped as &lt; everywhere, in text
// and in attribute values. Output with raw HTML (Options.Unsafe) is not
// compacted here.
func compact(html []byte) []byte {
	return compactFrom(html, nextPreStart(html, 0))
}

// compactFrom is compact for html whose first <pre> start tag is at
// nextPre (-1: none).
func compactFrom(html []byte, nextPre int) []byte {
	out := html[:0]
	from := 0    // html[from:] is not yet copied to out
	preEnd := -1 // where the <pre> element holding the current position ends
	for i := 0; ; {
		j := bytes.IndexByte(html[i:], '\n')
		if j < 0 {
			break
		}
		nl := i + j
		i = nl + 1
		for nextPre >= 0 && nextPre < nl { // a <pre> starts before this line break
			end := bytes.Index(html[nextPre:], []byte("</pre>"))
			if end < 0 {
				preEnd = len(html)
			} else {
				preEnd = nextPre + end
			}
			nextPre = nextPreStart(html, preEnd)
		}
		if nl < preEnd || nl == 0 || html[nl-1] != '>' {
			continue
		}
		lt := bytes.LastIndexByte(html[:nl], '<')
		if lt < 0 {
			continue
		}
		if name, _ := tagName(html[lt+1 : nl-1]); isBlock(name) {
			out = append(out, html[from:nl]...)
			from = nl + 1
		}
	}
	return append(out, html[from:]...)
}

// nextPreStart finds the next <pre> start tag at or after from, or -1.
func nextPreStart(html []byte, from int) int {
	for from >= 0 && from < len(html) {
		i := bytes.Index(html[from:], []byte("<pre"))
		if i < 0 {
			return -1
		}
		at := from + i
		if at+4 < len(html) && (html[at+4] == '>' || html[at+4] == ' ') {
			return at
		}
		from = at + 4
	}
	return -1
}

// tagName gives the name of the tag whose text (between < and >) is t,
// as goldmark writes it (lower case), and whether it is an end tag.
func tagName(t []byte) ([]byte, bool) {
	closing := len(t) > 0 && t[0] == '/'
	if closing {
		t = t[1:]
	}
	n := 0
	for n < len(t) && (t[n] >= 'a' && t[n] <= 'z' || t[n] >= '0' && t[n] <= '9') {
		n++
	}
	return t[:n], closing
}

// isBlock says whether goldmark writes a line break after tags of the
// element name, whose surrounding whitespace is not rendered.
func isBlock(name []byte) bool {
	switch string(name) {
	case "p", "ul", "ol", "li", "blockquote", "hr", "h1", "h2", "h3", "h4", "h5", "h6",
		"table", "thead", "tbody", "tr", "th", "td", "pre", "div", "section", "dl", "dt", "dd":
		return true
	}
	return false
}
