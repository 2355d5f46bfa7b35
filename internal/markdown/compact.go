package markdown

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
	out := html[:0]
	inPre := false
	block := false // the last byte written ended the tag of a block element
	for i := 0; i < len(html); i++ {
		c := html[i]
		switch {
		case c == '<':
			end := i + 1
			for end < len(html) && html[end] != '>' {
				end++
			}
			name, closing := tagName(html[i+1 : end])
			if string(name) == "pre" {
				inPre = !closing
			}
			block = isBlock(name)
			out = append(out, html[i:min(end+1, len(html))]...)
			i = end
			continue
		case c == '\n' && block && !inPre:
			block = false
			continue // the line break after a block's tag
		}
		out = append(out, c)
		block = false
	}
	return out
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
