package yamlx

import (
	"bytes"
	"strings"
	"time"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// quickParse builds the node tree that yaml.v3 builds for the plainest
// YAML, which is what front matter almost always is: mappings and lists
// in block style, indented by spaces, whose values are one-line scalars
// or one-line flow lists and mappings of scalars ([a, "b c"],
// {name: x, role: y}). Scalars are plain or quoted without escapes;
// plain ones are text, whole numbers or dates, so that their tags are
// certain. For anything else (comments, empty values, escapes, tabs,
// anchors, other numbers, lists not indented under their key, errors …)
// it returns nil and yaml.v3 parses the document: yaml.v3 takes ten
// times longer over the same front matter, while its answer must not
// change. TestQuickParse and FuzzQuickParse compare the two.
func quickParse(src []byte) *yaml.Node {
	if len(src) == 0 || src[len(src)-1] != '\n' || !quickChars(src) {
		return nil
	}
	var p quickParser
	for i, l := range bytes.Split(src[:len(src)-1], []byte("\n")) {
		n := countSpaces(l)
		if n == len(l) {
			return nil // blank lines: rare, and they end plain scalars
		}
		p.lines = append(p.lines, quickLine{indent: n, text: l[n:], no: i + 1})
	}
	if p.lines[0].indent != 0 {
		return nil
	}
	root := p.mapping(0)
	if root == nil || p.i != len(p.lines) {
		return nil
	}
	return root
}

// quickLine is a line of the document: its indentation in spaces, the
// rest, and its number (1-based).
type quickLine struct {
	indent int
	text   []byte
	no     int
}

// quickParser reads the lines one block after another; i is the next.
type quickParser struct {
	lines []quickLine
	i     int
}

// mapping reads "key: value" lines indented by indent spaces.
func (p *quickParser) mapping(indent int) *yaml.Node {
	m := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Line: p.lines[p.i].no, Column: indent + 1}
	for p.i < len(p.lines) && p.lines[p.i].indent == indent {
		l := p.lines[p.i]
		colon := bytes.IndexByte(l.text, ':')
		if colon <= 0 || !quickKey(l.text[:colon]) {
			return nil
		}
		key := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: string(l.text[:colon]), Line: l.no, Column: indent + 1}
		rest := l.text[colon+1:]
		p.i++
		var value *yaml.Node
		switch {
		case len(rest) == 0:
			// A block indented deeper must follow: an empty value
			// is null, at a place this does not work out.
			if p.i < len(p.lines) && p.lines[p.i].indent > indent {
				value = p.block(p.lines[p.i].indent)
			}
		case rest[0] == ' ':
			start := colon + 1 + countSpaces(rest)
			value = quickValue(l.text[start:], l.no, indent+start)
		}
		if value == nil {
			return nil
		}
		m.Content = append(m.Content, key, value)
	}
	if p.i < len(p.lines) && p.lines[p.i].indent > indent {
		return nil
	}
	return m
}

// block reads the list or mapping that starts at line i.
func (p *quickParser) block(indent int) *yaml.Node {
	if bytes.HasPrefix(p.lines[p.i].text, []byte("-")) {
		return p.list(indent)
	}
	return p.mapping(indent)
}

// list reads "- item" lines indented by indent spaces. An item is a
// value on its line, or a mapping whose first key follows the "- ".
func (p *quickParser) list(indent int) *yaml.Node {
	seq := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Line: p.lines[p.i].no, Column: indent + 1}
	for p.i < len(p.lines) && p.lines[p.i].indent == indent && bytes.HasPrefix(p.lines[p.i].text, []byte("-")) {
		l := p.lines[p.i]
		if len(l.text) < 3 || l.text[1] != ' ' {
			return nil
		}
		n := 1 + countSpaces(l.text[1:])
		text, col0 := l.text[n:], indent+n
		var item *yaml.Node
		if colon := bytes.IndexByte(text, ':'); colon > 0 && quickKey(text[:colon]) &&
			(colon+1 == len(text) || text[colon+1] == ' ') {
			// The mapping's keys are all where its first one is.
			p.lines[p.i] = quickLine{indent: col0, text: text, no: l.no}
			item = p.mapping(col0)
		} else {
			item = quickValue(text, l.no, col0)
			p.i++
		}
		if item == nil {
			return nil
		}
		seq.Content = append(seq.Content, item)
	}
	if p.i < len(p.lines) && p.lines[p.i].indent > indent {
		return nil
	}
	return seq
}

// quickChars reports whether src has only characters that need no
// second thought: no tabs, control characters, byte order marks, line
// separators or YAML's comment, anchor, alias, tag and escape characters.
func quickChars(src []byte) bool {
	for i := 0; i < len(src); {
		c := src[i]
		if c < utf8.RuneSelf {
			if c < ' ' && c != '\n' || c == 0x7f || c == '#' || c == '&' || c == '*' || c == '!' || c == '\\' || c == '%' || c == '@' || c == '`' || c == '|' || c == '>' || c == '?' {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(src[i:])
		if r < 0xA0 || r == 0x2028 || r == 0x2029 || r == 0xFEFF || 0xD800 <= r && r < 0xE000 || r == 0xFFFE || r == 0xFFFF || r == utf8.RuneError {
			return false
		}
		i += size
	}
	return true
}

// quickKey is a key of ASCII letters, digits, - and _ that starts with a
// letter and is not one of YAML's words for true, false and null.
func quickKey(k []byte) bool {
	if !isLetter(k[0]) || len(k) > 64 {
		return false
	}
	for _, c := range k {
		if !isLetter(c) && !('0' <= c && c <= '9') && c != '-' && c != '_' {
			return false
		}
	}
	return !specialWord(string(k))
}

func isLetter(c byte) bool { return 'A' <= c&^0x20 && c&^0x20 <= 'Z' }

// specialWord is a plain scalar that YAML 1.1 or 1.2 reads as a boolean or
// null, in any case.
func specialWord(s string) bool {
	switch strings.ToLower(s) {
	case "true", "false", "null", "yes", "no", "on", "off", "y", "n":
		return true
	}
	return false
}

func countSpaces(b []byte) int {
	n := 0
	for n < len(b) && b[n] == ' ' {
		n++
	}
	return n
}

// quickValue reads the value after "key: " on line (1-based), which
// starts at byte col0 of the line (0-based). The columns of yaml.v3
// count characters, not bytes.
func quickValue(v []byte, line, col0 int) *yaml.Node {
	v = bytes.TrimRight(v, " ")
	if len(v) == 0 {
		return nil // null
	}
	col := col0 + 1
	if v[0] == '[' || v[0] == '{' {
		return quickFlow(v, line, col)
	}
	n, rest := quickScalar(v, line, col, 0)
	if n == nil || len(rest) != 0 {
		return nil
	}
	return n
}

// quickScalar reads a scalar at the start of v and returns it and what
// follows it, after spaces. In a flow list or mapping (closed by closer,
// 0 in a block), a plain scalar ends at "," or closer.
func quickScalar(v []byte, line, col int, closer byte) (*yaml.Node, []byte) {
	flow := closer != 0
	n := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Line: line, Column: col}
	switch v[0] {
	case '"', '\'':
		end := bytes.IndexByte(v[1:], v[0])
		if end < 0 {
			return nil, nil
		}
		n.Value = string(v[1 : 1+end])
		n.Style = yaml.DoubleQuotedStyle
		if v[0] == '\'' {
			n.Style = yaml.SingleQuotedStyle
		}
		rest := v[2+end:]
		// A quote right after another ('' or "") is an escape, and
		// anything but spaces, "," or "]" after the quote an error.
		return n, rest[countSpaces(rest):]
	}
	end := len(v)
	if flow {
		end = bytes.IndexAny(v, ",[]{}")
		if end < 0 || v[end] != ',' && v[end] != closer {
			return nil, nil
		}
	}
	p := bytes.TrimRight(v[:end], " ")
	if len(p) == 0 || !quickPlain(p, flow) {
		return nil, nil
	}
	n.Value = string(p)
	switch {
	case isLetter(p[0]) || p[0] >= utf8.RuneSelf:
		if specialWord(n.Value) {
			return nil, nil
		}
	case isWholeNumber(p):
		n.Tag = "!!int"
	case isDate(p):
		n.Tag = "!!timestamp"
	default:
		return nil, nil
	}
	return n, v[end:]
}

// quickPlain is a plain scalar that yaml.v3 reads as it is written: one
// that starts with a letter or digit and has no ": " or " :" inside and
// no ":" at its end. In a flow list it has no ":" at all (it could end a
// key), nor "[]{}," (which end it) or quotes.
func quickPlain(p []byte, flow bool) bool {
	if c := p[0]; !isLetter(c) && !('0' <= c && c <= '9') && c < utf8.RuneSelf {
		return false
	}
	if p[len(p)-1] == ':' || bytes.Contains(p, []byte(": ")) || bytes.Contains(p, []byte(" :")) {
		return false
	}
	return !flow || !bytes.ContainsAny(p, ":[]{},\"'")
}

// isWholeNumber is a decimal number without leading zeros that fits in
// an int on any platform.
func isWholeNumber(p []byte) bool {
	if len(p) > 9 || p[0] == '0' && len(p) > 1 {
		return false
	}
	for _, c := range p {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// isDate is YYYY-MM-DD, or YYYY-MM-DDThh:mm:ss with Z or a ±hh:mm zone, a
// time that exists, which yaml.v3 tags as a timestamp.
func isDate(p []byte) bool {
	if len(p) < 10 || p[4] != '-' || p[7] != '-' {
		return false
	}
	layout := "2006-01-02"
	switch {
	case len(p) == 10:
	case len(p) == 20 && p[10] == 'T' && p[19] == 'Z', len(p) == 25 && p[10] == 'T' && (p[19] == '+' || p[19] == '-'):
		layout = time.RFC3339
	default:
		return false
	}
	_, err := time.Parse(layout, string(p))
	return err == nil
}

// quickFlow reads a flow list [a, b, …] or a flow mapping {k: v, …} of
// scalars on one line, starting at column col.
func quickFlow(v []byte, line, col int) *yaml.Node {
	n := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Style: yaml.FlowStyle, Line: line, Column: col}
	closer := byte(']')
	if v[0] == '{' {
		n.Kind, n.Tag, closer = yaml.MappingNode, "!!map", '}'
	}
	rest := v[1:]
	rest = rest[countSpaces(rest):]
	for {
		if len(rest) == 0 || rest[0] == closer {
			return nil // empty, or a "," before the end: rare enough
		}
		if n.Kind == yaml.MappingNode {
			colon := bytes.IndexByte(rest, ':')
			if colon <= 0 || !quickKey(rest[:colon]) || colon+1 == len(rest) || rest[colon+1] != ' ' {
				return nil
			}
			c := col + utf8.RuneCount(v[:len(v)-len(rest)])
			n.Content = append(n.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: string(rest[:colon]), Line: line, Column: c})
			rest = rest[colon+1:]
			rest = rest[countSpaces(rest):]
			if len(rest) == 0 {
				return nil
			}
		}
		c := col + utf8.RuneCount(v[:len(v)-len(rest)])
		item, after := quickScalar(rest, line, c, closer)
		if item == nil || len(after) == 0 {
			return nil
		}
		n.Content = append(n.Content, item)
		switch after[0] {
		case closer:
			if len(after) != 1 {
				return nil
			}
			return n
		case ',':
			rest = after[1:]
			if len(rest) == 0 || rest[0] != ' ' {
				return nil
			}
			rest = rest[countSpaces(rest):]
		default:
			return nil
		}
	}
}
